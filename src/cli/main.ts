// The command line: commander wiring, and every ending mapped to an exit code (SPEC §5).
import { Command, CommanderError } from 'commander';
import { config as zodConfig } from 'zod';
import { PeriodError } from '../core/analyze.js';
import { LevelError } from '../core/hierarchy.js';
import { formatIssue, InputError } from '../core/issues.js';
import { FileAccessError, InputSelectionError } from '../io/errors.js';
import { VERSION } from '../version.js';
import { EXIT, EXIT_CODES_HELP, ExitError } from './exit-codes.js';
import { annotation, inGitHubActions } from './github.js';
import { processTerminal, type Terminal } from './terminal.js';

/** Makes one command (completion also needs the whole program). */
export type CommandFactory = (terminal: Terminal, program: () => Command) => Promise<Command>;
/** Every command by name, in the order help lists them. */
export type CommandTable = readonly (readonly [string, CommandFactory])[];

// Each command's module (and what it needs: renderers, analyses) is loaded only when that
// command runs, or when all are needed (help, completion, an unknown command). The bundle
// imports them all up front instead (bundle-entry.ts).
const COMMANDS: CommandTable = [
  ['report', async (t) => (await import('./commands/report.js')).reportCommand(t)],
  ['coverage', async (t) => (await import('./commands/coverage.js')).coverageCommand(t)],
  ['trend', async (t) => (await import('./commands/trend.js')).trendCommand(t)],
  ['validate', async (t) => (await import('./commands/validate.js')).validateCommand(t)],
  ['import', async (t) => (await import('./commands/import.js')).importCommand(t)],
  ['taxonomy', async (t) => (await import('./commands/taxonomy.js')).taxonomyCommand(t)],
  ['init', async (t) => (await import('./commands/init.js')).initCommand(t)],
  ['completion', async (t, program) => (await import('./commands/completion.js')).completionCommand(t, program)],
  // Research workflows (issue 6)
  ['compare', async (t) => (await import('./commands/compare.js')).compareCommand(t)],
  ['batch', async (t) => (await import('./commands/batch.js')).batchCommand(t)],
  ['schema', async (t) => (await import('./commands/schema.js')).schemaCommand(t)],
  ['methods', async (t) => (await import('./commands/methods.js')).methodsCommand(t)],
];

/** The program with every command, or (`only`) with just the command that will run. */
export async function buildProgram(terminal: Terminal, only?: string, commands: CommandTable = COMMANDS): Promise<Command> {
  const program = new Command('servicegap')
    .description(
      // One line: commander wraps it to the terminal's width itself.
      'Find the mental-health service vacuum: institutional psychiatric beds closed and not ' +
        'replaced by community services, per region and per 100,000 people.',
    )
    .version(VERSION, '-V, --version')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n\nWith no input options, the bundled default dataset (data/) is used.`)
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (s) => terminal.stdout.write(s),
      writeErr: (s) => terminal.stderr.write(s),
    });
  // completion lists every command, so it needs them all.
  const one = only !== undefined && only !== 'completion' && commands.some(([name]) => name === only);
  const wanted = one ? commands.filter(([name]) => name === only) : commands;
  const made = await Promise.all(wanted.map(([, make]) => make(terminal, () => program)));
  for (const command of made) {
    command.addHelpText('after', `\n${EXIT_CODES_HELP}`);
    program.addCommand(command.configureOutput({
      writeOut: (s) => terminal.stdout.write(s),
      writeErr: (s) => terminal.stderr.write(s),
    }));
  }
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], terminal: Terminal = processTerminal(), commands: CommandTable = COMMANDS): Promise<number> {
  try {
    // A command name first: only that command is loaded (its own --help shows the same).
    const program = await buildProgram(terminal, argv[0], commands);
    if (argv.length === 0) {
      terminal.stdout.write(program.helpInformation());
      return EXIT.ok;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return handleError(error, terminal);
  }
}

function handleError(error: unknown, terminal: Terminal): number {
  const say = (line: string) => terminal.stderr.write(`${line}\n`);
  if (error instanceof CommanderError) {
    // commander has already printed its message; help and version are successes.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ExitError) {
    say(`servicegap: ${error.message}`);
    return error.code;
  }
  if (error instanceof PeriodError || error instanceof InputSelectionError || error instanceof LevelError) {
    say(`servicegap: ${error.message}`);
    return EXIT.usage;
  }
  if (error instanceof InputError) {
    for (const issue of error.issues) say(formatIssue(issue));
    if (inGitHubActions(terminal)) for (const issue of error.issues) terminal.stdout.write(`${annotation(issue)}\n`);
    say(`servicegap: invalid input data: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}`);
    return EXIT.invalidInput;
  }
  if (error instanceof FileAccessError) {
    say(`servicegap: ${error.message}`);
    return EXIT.fileAccess;
  }
  say(`servicegap: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  say('This is a bug in servicegap. Please report it with the command you ran and the output above.');
  return EXIT.internal;
}

/** Entry point of bin/servicegap.js. */
export async function run(commands: CommandTable = COMMANDS): Promise<void> {
  // zod compiles a parser for each object schema with new Function on first use: slower than
  // parsing directly for the few parses a command does (and impossible where eval is forbidden).
  zodConfig({ jitless: true });
  // `servicegap report | head` closes our stdout early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2), processTerminal(), commands);
}
