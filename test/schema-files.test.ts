// The JSON Schemas in schema/ are committed: a change of what servicegap reads or writes is a
// visible diff. They must be exactly what the zod schemas generate (rewrite them with
// `npm run schema`), one file per schema, no stale file; the outputs themselves are validated
// against these committed files in test/e2e/research.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { JSON_SCHEMA_NAMES, jsonSchemaText } from '../src/core/json-schema.js';
import { ROOT } from './e2e/run-cli.js';

it('schema/ holds exactly the generated JSON Schemas (update with npm run schema)', () => {
  const dir = join(ROOT, 'schema');
  expect(readdirSync(dir).sort()).toEqual(JSON_SCHEMA_NAMES.map((name) => `${name}.schema.json`).sort());
  for (const name of JSON_SCHEMA_NAMES) {
    expect(readFileSync(join(dir, `${name}.schema.json`), 'utf8'), `schema/${name}.schema.json is stale: run npm run schema`).toBe(jsonSchemaText(name));
  }
});
