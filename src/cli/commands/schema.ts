// servicegap schema [NAME]: the JSON Schema of servicegap's JSON (the report by default),
// generated from the zod schemas; the package ships the same text in schema/NAME.schema.json.
import { Argument, Command } from 'commander';
import { JSON_SCHEMA_NAMES, type JsonSchemaName, jsonSchemaText } from '../../app/schema.js';
import { emit } from '../output.js';
import type { Terminal } from '../terminal.js';

export function schemaCommand(terminal: Terminal): Command {
  return new Command('schema')
    .description('print the JSON Schema of the JSON report (or of another JSON servicegap reads or writes)')
    .addArgument(new Argument('[name]', 'which document').choices(JSON_SCHEMA_NAMES).default('report'))
    .option('--out <file>', 'write to FILE atomically instead of standard output')
    .addHelpText('after', '\nThe package ships the same schemas as schema/<name>.schema.json (JSON Schema draft 2020-12).')
    .action(async (name: JsonSchemaName, options: { out?: string }) => {
      await emit(terminal, jsonSchemaText(name), options.out);
    });
}
