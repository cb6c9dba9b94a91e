// The JSON Schemas generated from the zod schemas (core/json-schema.ts): draft 2020-12, each with
// its title and description first; an output's objects closed (servicegap writes no other
// fields), an input read as the user writes it (before any transform); printed as 2-space JSON
// with a final line feed. (test/schema-files.test.ts checks the committed files against them.)
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_NAMES, jsonSchema, jsonSchemaText } from '../../src/core/json-schema.js';

describe('jsonSchema', () => {
  it('the report by default: draft 2020-12, title and description first', () => {
    const report = jsonSchema();
    expect(Object.keys(report).slice(0, 3)).toEqual(['$schema', 'title', 'description']);
    expect(report).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'servicegap report (JSON)',
      description: 'servicegap report --format json (SPEC §6)',
      type: 'object',
    });
    expect(jsonSchema('report')).toEqual(report);
  });

  it('an output is closed: no field beyond those servicegap writes', () => {
    expect(jsonSchema('report').additionalProperties).toBe(false);
    expect(jsonSchema('coverage').additionalProperties).toBe(false);
  });

  it('an input as the user writes it: files.<input>.delimiter may be "tab" (read as a tab later)', () => {
    const config = jsonSchema('config') as { properties: { files: { additionalProperties: { properties: { delimiter: { enum: string[] } } } } } };
    expect(config.properties.files.additionalProperties.properties.delimiter.enum).toEqual(['auto', ',', ';', 'tab', '\t', '|']);
    expect(jsonSchema('config')).toMatchObject({ title: 'servicegap config file', description: 'servicegap.config.json' });
  });

  it('every name generates a schema', () => {
    expect(JSON_SCHEMA_NAMES).toEqual(['report', 'sensitivity', 'compare', 'batch', 'coverage', 'trend', 'explain', 'provenance', 'config', 'scenarios']);
    for (const name of JSON_SCHEMA_NAMES) expect(jsonSchema(name).$schema, name).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});

describe('jsonSchemaText', () => {
  it('2-space JSON with a final line feed; the report by default', () => {
    const text = jsonSchemaText();
    expect(text.startsWith('{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "title": "servicegap report (JSON)",\n')).toBe(true);
    expect(text.endsWith('\n}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(jsonSchema('report'));
    expect(JSON.parse(jsonSchemaText('scenarios'))).toEqual(jsonSchema('scenarios'));
  });
});
