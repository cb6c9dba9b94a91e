// Reading a batch's scenario file (issue 6): JSON (size- and depth-limited: json-file.ts) checked
// with its zod schema, every problem an input error naming its JSON path.
import { type ScenarioFile, ScenarioFileSchema } from '../core/batch-schema.js';
import { InputError } from '../core/issues.js';
import { parseJson, readJsonText } from './json-file.js';

/** Parse and check a scenario file's text; every problem is an input error naming its JSON path. */
export function parseScenarioFile(text: string, file: string): ScenarioFile {
  const json = parseJson(text, file);
  const parsed = ScenarioFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map((issue) => ({
      file,
      message: `${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`,
    })),
  );
}

/** Read and check a scenario file; `name` is how messages name it (default: the path). */
export async function readScenarioFile(path: string, name: string = path): Promise<ScenarioFile> {
  return parseScenarioFile(await readJsonText(path, name), name);
}
