// The CLI as scripts/bundle-cli.mjs bundles it (dist/bundle/cli.cjs): every command imported up
// front. In one CommonJS file, a module reached only through import() is wrapped in a lazy
// initialiser whose module-level constants V8 cannot treat as constants, and that made the
// row-reading path slower (4.95M rows: 4.7 s against 3.9 s); with the bundle's code cache,
// loading every command costs little at start-up.
import { batchCommand } from './commands/batch.js';
import { compareCommand } from './commands/compare.js';
import { completionCommand } from './commands/completion.js';
import { coverageCommand } from './commands/coverage.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { methodsCommand } from './commands/methods.js';
import { reportCommand } from './commands/report.js';
import { schemaCommand } from './commands/schema.js';
import { taxonomyCommand } from './commands/taxonomy.js';
import { trendCommand } from './commands/trend.js';
import { validateCommand } from './commands/validate.js';
import { type CommandTable, run as runWith } from './main.js';

const COMMANDS: CommandTable = [
  ['report', async (t) => reportCommand(t)],
  ['coverage', async (t) => coverageCommand(t)],
  ['trend', async (t) => trendCommand(t)],
  ['validate', async (t) => validateCommand(t)],
  ['import', async (t) => importCommand(t)],
  ['taxonomy', async (t) => taxonomyCommand(t)],
  ['init', async (t) => initCommand(t)],
  ['completion', async (t, program) => completionCommand(t, program)],
  ['compare', async (t) => compareCommand(t)],
  ['methods', async (t) => methodsCommand(t)],
  ['batch', async (t) => batchCommand(t)],
  ['schema', async (t) => schemaCommand(t)],
];

/** Run the CLI (process.argv) with every command loaded. */
export const run = (): Promise<void> => runWith(COMMANDS);
