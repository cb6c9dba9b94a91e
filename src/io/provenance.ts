// dataset.json: what a data folder says about itself (title, whether it is illustrative, the
// notice every report made from it must carry).
import { join } from 'node:path';
import { z } from 'zod';
import type { Provenance } from '../core/dataset.js';
import { InputError } from '../core/issues.js';
import { FileAccessError } from './errors.js';
import { parseJson, readJsonText } from './json-file.js';

export const ProvenanceFileSchema = z.object({
  title: z.string().optional(),
  illustrative: z.boolean(),
  notice: z.string().optional(),
  sources: z
    .array(
      z
        .object({ name: z.string(), url: z.string().optional(), licence: z.string().optional(), used_for: z.string().optional() })
        .passthrough(),
    )
    .optional(),
});

export const PROVENANCE_FILE = 'dataset.json';

/** The provenance of a data folder, or undefined when it has no dataset.json. */
export async function readProvenance(dir: string): Promise<Provenance | undefined> {
  const path = join(dir, PROVENANCE_FILE);
  let text: string;
  try {
    text = await readJsonText(path);
  } catch (error) {
    if (error instanceof FileAccessError) return undefined;
    throw error;
  }
  const parsed = ProvenanceFileSchema.safeParse(parseJson(text, path));
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.map((i) => ({ file: path, message: `${i.path.join('.') || 'file'}: ${i.message}` })));
  }
  const sources = parsed.data.sources?.map((s) => ({ name: s.name, url: s.url, licence: s.licence, used_for: s.used_for }));
  return { title: parsed.data.title, illustrative: parsed.data.illustrative, notice: parsed.data.notice, sources };
}
