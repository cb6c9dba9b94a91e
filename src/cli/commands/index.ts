// The command table: every command by name, in the order help lists them, each loaded when it is
// needed. The one list both the compiled CLI and the bundle (scripts/bundle-cli.mjs) use. A run
// loads only the command it runs (main.ts): the others' modules (their schemas, their runs) are
// not evaluated at start-up; help and completion load them all. In the bundle an import() of its
// own module is a lazy initialiser, as nearly every module there already is (the renderers,
// report/registry.ts, are loaded the same way).
import type { Command } from 'commander';
import type { Terminal } from '../terminal.js';

/** Makes one command (completion also needs the whole program). */
export type CommandFactory = (terminal: Terminal, program: () => Command) => Command;
/** Loads a command's module and gives its factory. */
export type CommandLoader = () => Promise<CommandFactory>;
/** Every command by name, in the order help lists them. */
export type CommandTable = readonly (readonly [string, CommandLoader])[];

export const COMMANDS: CommandTable = [
  ['report', async () => (await import('./report.js')).reportCommand],
  ['coverage', async () => (await import('./coverage.js')).coverageCommand],
  ['trend', async () => (await import('./trend.js')).trendCommand],
  ['validate', async () => (await import('./validate.js')).validateCommand],
  ['import', async () => (await import('./import.js')).importCommand],
  ['taxonomy', async () => (await import('./taxonomy.js')).taxonomyCommand],
  ['init', async () => (await import('./init.js')).initCommand],
  ['completion', async () => (await import('./completion.js')).completionCommand],
  // Research workflows (issue 6)
  ['compare', async () => (await import('./compare.js')).compareCommand],
  ['batch', async () => (await import('./batch.js')).batchCommand],
  ['schema', async () => (await import('./schema.js')).schemaCommand],
  ['methods', async () => (await import('./methods.js')).methodsCommand],
  // Completeness and provenance (issue 13)
  ['explain', async () => (await import('./explain.js')).explainCommand],
];

/**
 * The factories of the commands a run with `argv` first needs: the one named first, or every
 * command (no command named, an unknown one, completion, which lists them all), in table order.
 */
export async function loadCommands(table: CommandTable, first: string | undefined): Promise<(readonly [string, CommandFactory])[]> {
  const one = first !== 'completion' && table.some(([name]) => name === first);
  const wanted = one ? table.filter(([name]) => name === first) : table;
  return Promise.all(wanted.map(async ([name, load]) => [name, await load()] as const));
}
