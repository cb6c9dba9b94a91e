// The command line: commander wiring, and every ending mapped to an exit code (SPEC §5).
import { Command, CommanderError } from 'commander';
import { PeriodError } from '../core/analyze.js';
import { LevelError } from '../core/hierarchy.js';
import { formatIssue, InputError } from '../core/issues.js';
import { FileAccessError, InputSelectionError } from '../io/errors.js';
import { VERSION } from '../version.js';
import { coverageCommand } from './commands/coverage.js';
import { reportCommand } from './commands/report.js';
import { taxonomyCommand } from './commands/taxonomy.js';
import { trendCommand } from './commands/trend.js';
import { initCommand } from './commands/init.js';
import { completionCommand } from './commands/completion.js';
import { validateCommand } from './commands/validate.js';
import { compareCommand } from './commands/compare.js';
import { batchCommand } from './commands/batch.js';
import { schemaCommand } from './commands/schema.js';
import { EXIT, EXIT_CODES_HELP, ExitError } from './exit-codes.js';
import { annotation, inGitHubActions } from './github.js';
import { processTerminal, type Terminal } from './terminal.js';

export function buildProgram(terminal: Terminal): Command {
  const program = new Command('servicegap')
    .description(
      'Find the mental-health service vacuum: institutional psychiatric beds closed and not\n' +
        'replaced by community services, per region and per 100,000 people.',
    )
    .version(VERSION, '-V, --version')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n\nWith no input options, the bundled default dataset (data/) is used.`)
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (s) => terminal.stdout.write(s),
      writeErr: (s) => terminal.stderr.write(s),
    });
  const commands = [
    reportCommand(terminal),
    coverageCommand(terminal),
    trendCommand(terminal),
    validateCommand(terminal),
    taxonomyCommand(terminal),
    initCommand(terminal),
    completionCommand(terminal, () => program),
    // Research workflows (issue 6)
    compareCommand(terminal),
    batchCommand(terminal),
    schemaCommand(terminal),
  ];
  for (const command of commands) {
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
export async function main(argv: readonly string[], terminal: Terminal = processTerminal()): Promise<number> {
  try {
    const program = buildProgram(terminal);
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
export async function run(): Promise<void> {
  // `servicegap report | head` closes our stdout early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}
