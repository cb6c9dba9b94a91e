// servicegap init: a starter config and an empty data folder with the right headers, so a new
// user starts from files servicegap accepts.
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import type { Config } from '../../core/config.js';
import { INPUT_FILES } from '../../core/schemas.js';
import { CONFIG_FILE_NAME } from '../../io/config-file.js';
import { FileAccessError } from '../../io/errors.js';
import { FILE_NAMES } from '../../io/load-dataset.js';
import { usageError } from '../exit-codes.js';
import { parseOptions } from '../options.js';
import { note, writeFile } from '../output.js';
import type { Terminal } from '../terminal.js';

/** The starter config: every key present, nothing changed from the defaults but one example. */
export const STARTER_CONFIG: Config = {
  weights: {},
  aliases: { 'Lavterskel psykisk helsetilbud': 'primary_care' },
};

/** Header rows of the four input files (required columns, then the optional ones). */
export const STARTER_HEADERS: Record<keyof typeof FILE_NAMES, readonly string[]> = {
  regions: [...INPUT_FILES.regions.required, ...INPUT_FILES.regions.optional],
  population: [...INPUT_FILES.population.required],
  beds: [...INPUT_FILES.bedStock.required, ...INPUT_FILES.bedStock.optional],
  services: [...INPUT_FILES.services.required],
};

const InitOptionsSchema = z.object({ data: z.string().min(1), force: z.boolean().optional() });

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export function initCommand(terminal: Terminal): Command {
  return new Command('init')
    .description(`write a starter ${CONFIG_FILE_NAME} and a data folder with empty input files`)
    .option('--data <dir>', 'data folder to create', 'data')
    .option('--force', 'overwrite files that already exist')
    .action(async (raw: unknown) => {
      const options = parseOptions(InitOptionsSchema, raw);
      const targets = [
        join(terminal.cwd, CONFIG_FILE_NAME),
        ...Object.values(FILE_NAMES).map((name) => join(terminal.cwd, options.data, name)),
      ];
      if (!options.force) {
        const present = [];
        for (const path of targets) if (await exists(path)) present.push(path);
        if (present.length > 0) throw usageError(`not overwriting ${present.join(', ')}: use --force`);
      }
      try {
        await mkdir(join(terminal.cwd, options.data), { recursive: true });
      } catch (error) {
        throw new FileAccessError(options.data, 'write', error);
      }
      await writeFile(targets[0]!, `${JSON.stringify(STARTER_CONFIG, null, 2)}\n`);
      for (const [role, name] of Object.entries(FILE_NAMES) as [keyof typeof FILE_NAMES, string][]) {
        await writeFile(join(terminal.cwd, options.data, name), `${STARTER_HEADERS[role].join(',')}\n`);
      }
      note(terminal, `wrote ${CONFIG_FILE_NAME} and ${options.data}/{${Object.values(FILE_NAMES).join(',')}}`);
      note(terminal, `next: fill in the files, then run servicegap validate --data ${options.data}`);
    });
}
