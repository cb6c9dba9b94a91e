// servicegap validate: report every problem in the inputs (exit 3), or a one-line summary (exit 0);
// --format json|sarif gives the same as data (report/validation.ts), for invalid data too.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { InputError } from '../../app/errors.js';
import { runValidate, validationFailure } from '../../app/validate.js';
import { VALIDATION_FORMATS } from '../../report/validation.js';
import { sayDemoDataInCi } from '../demo-data.js';
import { printWarnings } from '../github.js';
import { addInputOptions, addReadingThreadsOption, dataOptions, InputOptionsSchema, parseOptions, threadsOption } from '../options.js';
import { emit, renderOutput } from '../output.js';
import type { Terminal } from '../terminal.js';

const ValidateOptionsSchema = InputOptionsSchema.extend({
  format: z.enum(VALIDATION_FORMATS).default('text'),
  out: z.string().min(1).optional(),
  threads: threadsOption,
});

export function validateCommand(terminal: Terminal): Command {
  const command = new Command('validate').description('check the input files and list every problem (exit 0 clean, 3 invalid)');
  addReadingThreadsOption(addInputOptions(command))
    .addOption(
      new Option('--format <format>', 'text (a summary line), json, or sarif (SARIF 2.1.0 for GitHub code scanning); problems also go to standard error')
        .choices(VALIDATION_FORMATS)
        .default('text'),
    )
    .option('--out <file>', 'write the result to FILE atomically instead of standard output')
    .action(async (raw: unknown) => {
      const options = parseOptions(ValidateOptionsSchema, raw);
      const data = dataOptions(options, terminal);
      sayDemoDataInCi(terminal, data.inputs);
      const runOptions = { ...data, format: options.format, threads: options.threads };
      let run: Awaited<ReturnType<typeof runValidate>>;
      try {
        run = await runValidate(runOptions);
      } catch (error) {
        // The same problems as data, then the usual lines on standard error and exit 3.
        if (error instanceof InputError && options.format !== 'text') {
          await emit(terminal, await renderOutput(await validationFailure(error, runOptions)), options.out);
        }
        throw error;
      }
      if (!options.quiet) await printWarnings(terminal, run.warnings);
      await emit(terminal, await renderOutput(run.output), options.out);
    });
  return command;
}
