// The command table: every command by name, in the order help lists them. The one list both the
// compiled CLI and the bundle (scripts/bundle-cli.mjs) use. Every command module is imported up
// front: in the one CommonJS bundle, a module reached only through import() is wrapped in a lazy
// initialiser whose module-level constants V8 cannot treat as constants, which made the
// row-reading path slower (bench/RESULTS.md); with the bundle's code cache, loading every command
// costs little at start-up. What is loaded late is the renderers (report/registry.ts).
import type { Command } from 'commander';
import type { Terminal } from '../terminal.js';
import { batchCommand } from './batch.js';
import { compareCommand } from './compare.js';
import { completionCommand } from './completion.js';
import { coverageCommand } from './coverage.js';
import { explainCommand } from './explain.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { methodsCommand } from './methods.js';
import { reportCommand } from './report.js';
import { schemaCommand } from './schema.js';
import { taxonomyCommand } from './taxonomy.js';
import { trendCommand } from './trend.js';
import { validateCommand } from './validate.js';

/** Makes one command (completion also needs the whole program). */
export type CommandFactory = (terminal: Terminal, program: () => Command) => Command;
/** Every command by name, in the order help lists them. */
export type CommandTable = readonly (readonly [string, CommandFactory])[];

export const COMMANDS: CommandTable = [
  ['report', reportCommand],
  ['coverage', coverageCommand],
  ['trend', trendCommand],
  ['validate', validateCommand],
  ['import', importCommand],
  ['taxonomy', taxonomyCommand],
  ['init', initCommand],
  ['completion', completionCommand],
  // Research workflows (issue 6)
  ['compare', compareCommand],
  ['batch', batchCommand],
  ['schema', schemaCommand],
  ['methods', methodsCommand],
  // Completeness and provenance (issue 13)
  ['explain', explainCommand],
];
