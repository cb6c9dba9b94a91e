// servicegap init: a starter config and an empty data folder with the right headers, so a new
// user starts from files servicegap accepts.
import { Command } from 'commander';
import { z } from 'zod';
import { runInit } from '../../app/init.js';
import { CONFIG_FILE_NAME, FILE_NAMES } from '../../app/vocabulary.js';
import { parseOptions } from '../options.js';
import { note } from '../output.js';
import type { Terminal } from '../terminal.js';

const InitOptionsSchema = z.object({ data: z.string().min(1), force: z.boolean().optional() });

export function initCommand(terminal: Terminal): Command {
  return new Command('init')
    .description(`write a starter ${CONFIG_FILE_NAME} and a data folder with empty input files`)
    .option('--data <dir>', 'data folder to create', 'data')
    .option('--force', 'overwrite files that already exist')
    .action(async (raw: unknown) => {
      const options = parseOptions(InitOptionsSchema, raw);
      const run = await runInit({ cwd: terminal.cwd, data: options.data, force: options.force });
      note(terminal, `wrote ${run.config} and ${run.data}/{${Object.values(FILE_NAMES).join(',')}}`);
      note(terminal, `next: fill in the files, then run servicegap validate --data ${run.data}`);
    });
}
