// `schema`: the JSON Schema of each JSON document servicegap reads or writes, generated from the
// zod schemas (the package ships the same text in schema/NAME.schema.json).
export { jsonSchema, jsonSchemaText, JSON_SCHEMA_NAMES, type JsonSchemaName } from '../core/json-schema.js';
