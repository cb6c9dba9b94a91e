// JSON Schemas (draft 2020-12) generated from the zod schemas, so the machine contract is written
// once. `servicegap schema NAME` prints one; the build writes each to schema/NAME.schema.json,
// which the package ships (scripts/write-schema.mjs).
import { z } from 'zod';
import { BatchResultSchema, ScenarioFileSchema } from './batch-schema.js';
import { ComparisonSchema } from './compare-schema.js';
import { ConfigSchema } from './config.js';
import { CoverageReportSchema } from './coverage-schema.js';
import { ExplanationSchema } from './explain-schema.js';
import { RunProvenanceSchema } from './provenance-schema.js';
import { ReportSchema } from './report-schema.js';
import { SensitivityReportSchema } from './sensitivity-schema.js';
import { TrendReportSchema } from './trend-schema.js';

/** Every schema by name: outputs (what servicegap writes) and inputs (what users write). */
export const JSON_SCHEMAS = {
  report: { schema: ReportSchema, io: 'output', title: 'servicegap report (JSON)', description: 'servicegap report --format json (SPEC §6)' },
  sensitivity: {
    schema: SensitivityReportSchema,
    io: 'output',
    title: 'servicegap sensitivity report (JSON)',
    description: 'servicegap report --sensitivity N --format json',
  },
  compare: { schema: ComparisonSchema, io: 'output', title: 'servicegap comparison (JSON)', description: 'servicegap compare A B --format json' },
  batch: { schema: BatchResultSchema, io: 'output', title: 'servicegap batch result (JSON)', description: 'servicegap batch FILE --format json' },
  coverage: { schema: CoverageReportSchema, io: 'output', title: 'servicegap coverage report (JSON)', description: 'servicegap coverage --format json (SPEC §7)' },
  trend: { schema: TrendReportSchema, io: 'output', title: 'servicegap trend (JSON)', description: 'servicegap trend --format json' },
  explain: { schema: ExplanationSchema, io: 'output', title: 'servicegap explanation (JSON)', description: 'servicegap explain REGION --format json (SPEC §8)' },
  provenance: {
    schema: RunProvenanceSchema,
    io: 'output',
    title: 'servicegap provenance (JSON)',
    description: 'the provenance of a report, coverage, trend or sensitivity run (SPEC §8): the JSON\'s "provenance" and --provenance FILE',
  },
  config: { schema: ConfigSchema, io: 'input', title: 'servicegap config file', description: 'servicegap.config.json' },
  scenarios: { schema: ScenarioFileSchema, io: 'input', title: 'servicegap scenario file', description: 'the scenario file of servicegap batch' },
} as const;

/** One of JSON_SCHEMA_NAMES. */
export type JsonSchemaName = keyof typeof JSON_SCHEMAS;
/** Names of the JSON Schemas: report, sensitivity, compare, batch, coverage, trend, explain, provenance, config, scenarios. */
export const JSON_SCHEMA_NAMES = Object.keys(JSON_SCHEMAS) as JsonSchemaName[];

/** The JSON Schema of one of servicegap's JSON documents (default: the report). */
export function jsonSchema(name: JsonSchemaName = 'report'): Record<string, unknown> {
  const { schema, io, title, description } = JSON_SCHEMAS[name];
  // Every schema here is representable in its direction (an input's transforms are read as their
  // input): a schema that is not makes the build's `npm run schema` fail rather than write `{}`.
  const generated = z.toJSONSchema(schema, { io }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, title, description, ...rest };
}

/** The schema as the shipped file holds it and `servicegap schema` prints it: 2-space JSON, final LF. */
export function jsonSchemaText(name: JsonSchemaName = 'report'): string {
  return `${JSON.stringify(jsonSchema(name), null, 2)}\n`;
}
