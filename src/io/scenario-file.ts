// Reading a batch's scenario file (issue 6): JSON checked with its zod schema, every problem an
// input error naming its JSON path.
import { readFile } from 'node:fs/promises';
import { type ScenarioFile, ScenarioFileSchema } from '../core/batch-schema.js';
import { InputError } from '../core/issues.js';
import { FileAccessError } from './errors.js';

/** Parse and check a scenario file's text; every problem is an input error naming its JSON path. */
export function parseScenarioFile(text: string, file: string): ScenarioFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError([{ file, message: `expected a JSON object: ${(error as Error).message}` }]);
  }
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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FileAccessError(name, 'read', error);
  }
  return parseScenarioFile(text, name);
}
