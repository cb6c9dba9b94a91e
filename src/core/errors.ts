// Typed errors of the library's own entry points (SPEC §8 "Library = CLI"): whatever the CLI
// refuses, the library refuses the same way, with the place of the problem. Pure data: the CLI
// maps each class to its exit code (SPEC §5): OptionError 2, ConfigError and InputError 3,
// FileAccessError (src/io/errors.ts) 4.
import { InputError, type InputIssue } from './issues.js';

/**
 * An option that cannot work (a usage error, exit 2). The message names the option as the
 * command line spells it (`--sort: expected one of …`), so it reads the same from either side;
 * `option` is its name in the library's options (`sort`, `from`, `draws`, `weights.crisis.teams`),
 * undefined when the problem is a combination of options.
 */
export class OptionError extends Error {
  override readonly name: string = 'OptionError';
  constructor(
    /** The option at fault, as the library's options name it; undefined for a combination. */
    readonly option: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** `missingCommunity` → `--missing-community`: how the command line spells a library option. */
export function flagName(option: string): string {
  return `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * A configuration that cannot be used (exit 3, as invalid input): every problem with the file
 * (or "config" for an object given to the library) and the JSON path of the key, e.g.
 * `weights.crisis.teams`. An InputError, so code that catches input errors catches it too.
 */
export class ConfigError extends InputError {
  constructor(issues: readonly InputIssue[]) {
    super(issues);
    this.name = 'ConfigError';
  }
}
