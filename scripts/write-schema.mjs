#!/usr/bin/env node
// `npm run schema`: write the JSON Schema of every JSON document servicegap reads or writes to
// schema/NAME.schema.json, generated from the zod schemas in dist/ (run after tsc). The files are
// committed, so that a change of an output's shape is a visible diff: test/schema-files.test.ts
// fails until they are rewritten with this script. The package ships them; `servicegap schema
// NAME` prints the same text.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_NAMES, jsonSchemaText } from '../dist/core/json-schema.js';

const dir = fileURLToPath(new URL('../schema/', import.meta.url));
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
for (const name of JSON_SCHEMA_NAMES) await writeFile(join(dir, `${name}.schema.json`), jsonSchemaText(name));
console.error(`wrote ${JSON_SCHEMA_NAMES.length} JSON Schemas to schema/`);
