// The command line: commander wiring, and every ending mapped to an exit code (SPEC §5).
// First: zod's setting must be in force before any schema is made (zod-jitless.ts).
import './zod-jitless.js';
import { Command, CommanderError } from 'commander';
import { FileAccessError, formatIssue, InputError, issuesWithColumns, OptionError } from '../app/errors.js';
import { neutralizeControls } from '../app/vocabulary.js';
import { withReadLog } from '../app/write.js';
import { VERSION } from '../version.js';
import { EXIT, EXIT_CODES_HELP, ExitError } from './exit-codes.js';
import { annotateIssues, inGitHubActions } from './github.js';
import { COMMANDS, type CommandFactory, type CommandTable, loadCommands } from './commands/index.js';
import { cleanUpOnSignals } from './signals.js';
import { watchStandardStreams } from './standard-streams.js';
import { processTerminal, type Terminal } from './terminal.js';

/** The program with the commands given (loadCommands: every command, or just the one that will run). */
export function buildProgram(terminal: Terminal, commands: readonly (readonly [string, CommandFactory])[]): Command {
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
      writeErr: (s) => terminal.stderr.write(neutralizeControls(s)),
    });
  const made = commands.map(([, make]) => make(terminal, () => program));
  for (const command of made) {
    command.addHelpText('after', `\n${EXIT_CODES_HELP}`);
    program.addCommand(command.configureOutput({
      writeOut: (s) => terminal.stdout.write(s),
      writeErr: (s) => terminal.stderr.write(neutralizeControls(s)),
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
    const program = buildProgram(terminal, await loadCommands(commands, argv[0]));
    if (argv.length === 0) {
      terminal.stdout.write(program.helpInformation());
      return EXIT.ok;
    }
    // The files the command reads are logged, so that no output can be written over one (io/read-log.ts).
    await withReadLog(() => program.parseAsync([...argv], { from: 'user' }));
    return EXIT.ok;
  } catch (error) {
    return await handleError(error, terminal);
  }
}

async function handleError(error: unknown, terminal: Terminal): Promise<number> {
  const say = (line: string) => terminal.stderr.write(`${neutralizeControls(line)}\n`);
  if (error instanceof CommanderError) {
    // commander has already printed its message; help and version are successes.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ExitError) {
    say(`servicegap: ${error.message}`);
    return error.code;
  }
  // OptionError covers PeriodError, LevelError and InputSelectionError: an option the library refuses as the CLI does.
  if (error instanceof OptionError) {
    say(`servicegap: ${error.message}`);
    return EXIT.usage;
  }
  if (error instanceof InputError) {
    for (const issue of error.issues) say(formatIssue(issue));
    if (inGitHubActions(terminal)) annotateIssues(terminal, await issuesWithColumns(error));
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
  // Ctrl-C or a cancelled job: no temporary output file is left behind (signals.ts).
  cleanUpOnSignals();
  // Write errors of stdout and stderr never crash the process; a failed stdout is exit 4 (standard-streams.ts).
  const streams = watchStandardStreams();
  const code = await main(process.argv.slice(2), processTerminal(), commands);
  process.exitCode = streams.exitCode(code);
}
