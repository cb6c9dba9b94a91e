// `servicegap explain REGION`: the text a person reads (numbers in full, as computed: the last
// digit counts) and the JSON (through its zod schema, so the key order is the schema's). Text
// from the data is made safe for a terminal (safe-cell.ts).
import { type Explanation, ExplanationSchema, type SeriesValue, type SourceRow } from '../core/explain-schema.js';
import { formatWarning } from '../core/issues.js';
import { provenanceLine } from '../core/run-provenance.js';
import { terminalText as t } from './safe-cell.js';
import { appendAll } from '../core/append-all.js';

/** Formats of `servicegap explain`. */
export const EXPLAIN_FORMATS = ['text', 'json'] as const;
/** One of EXPLAIN_FORMATS. */
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];
/** What an explanation's renderer receives besides it: nothing (the text has no colour). */
export type ExplainContext = Readonly<Record<string, never>>;

const RULE_TEXT: Record<SeriesValue['rule'], string> = {
  exact: 'the figure of that year',
  carried_forward: 'carried forward',
  service_started_later: 'no figure at or before it: the service started later, counts 0',
  interpolated: 'interpolated',
  unknown: 'unknown',
};

function ruleText(v: SeriesValue): string {
  switch (v.rule) {
    // A unit's sum whose regions' figures come from several years (some carried, some of the year): each row has its own.
    case 'carried_forward':
      return v.source_years.length === 1 ? `carried forward from ${v.source_years[0]}` : `the sum of its regions' figures, some carried forward: from ${v.source_years.join(', ')}`;
    case 'interpolated':
      return v.source_years.length === 2 ? `interpolated between ${v.source_years[0]} and ${v.source_years[1]}` : `the sum of its regions' figures, some interpolated: from ${v.source_years.join(', ')}`;
    default:
      return RULE_TEXT[v.rule];
  }
}

function rowText(r: SourceRow, indent: string): string {
  const share = r.share === 1 ? '' : ` × share ${r.share}`;
  const service = r.service === undefined ? '' : ` ${JSON.stringify(r.service)}`;
  return `${indent}${t(r.file)}:${r.line}  ${t(r.region)}${t(service)}  ${r.value}${share}`;
}

function valueLines(label: string, v: SeriesValue | null, indent: string): string[] {
  if (v === null) return [];
  const lines = [`${indent}${label} ${v.year}: ${v.value === null ? 'unknown' : String(v.value)} (${ruleText(v)})`];
  for (const r of v.rows) lines.push(rowText(r, `${indent}    `));
  if (v.source_years.length > 0 && v.rows.length === 0) lines.push(`${indent}    (rows not traced)`);
  return lines;
}

/** The explanation as text for a terminal or a file. */
export function renderExplainText(e: Explanation): string {
  const lines: string[] = [];
  const name = e.name === e.region ? e.region : `${e.region} (${e.name})`;
  lines.push(`Explain ${t(name)}, ${e.from} → ${e.to}`);
  lines.push(
    `B = ${e.from} (${e.from_rule}), T = ${e.to} (${e.to_rule}); sort ${e.sort}; fill ${e.fill}; missing community data: ${e.missing_community}` +
      (e.level === null ? '' : `; level ${e.level}`),
  );
  if (e.members.length > 1) lines.push(`Sums the figures of ${e.members.length} regions: ${e.members.map(t).join(', ')}`);

  lines.push('', `Institutional beds (${e.beds.shape === 'none' ? 'no beds file: bed change 0' : e.beds.shape === 'stock' ? 'a stock at the end of each year' : 'closure events'})`);
  appendAll(lines, [...valueLines('at B', e.beds.from, '  '), ...valueLines('at T', e.beds.to, '  ')]);
  if (e.beds.shape === 'events') {
    if (e.beds.closures.length === 0) lines.push(`  no closures with ${e.from} < year ≤ ${e.to}`);
    for (const c of e.beds.closures) {
      lines.push(`  closed in ${c.year}: ${c.beds_closed}`);
      for (const r of c.rows) lines.push(rowText(r, '      '));
    }
  }

  lines.push('', 'Population');
  appendAll(lines, [...valueLines('at T', e.population.to, '  '), ...valueLines('at B', e.population.from, '  ')]);

  lines.push('', 'Community services, in bed-equivalents (weight × capacity)');
  if (!e.community.has_data) lines.push('  no row in services.csv (missing is not zero: SPEC §8)');
  for (const s of e.community.series) {
    const w = s.weight;
    const range = w.low === w.high ? '' : `, range ${w.low}–${w.high}`;
    lines.push(`  ${s.category} / ${s.unit}: weight ${w.value}${range} (${w.set_by}: ${t(w.source)})`);
    appendAll(lines, valueLines('at B', s.from, '    '));
    lines.push(`      → ${w.value} × ${s.from.value ?? 'unknown'} = ${s.from_be ?? 'unknown'}`);
    appendAll(lines, valueLines('at T', s.to, '    '));
    lines.push(`      → ${w.value} × ${s.to.value ?? 'unknown'} = ${s.to_be ?? 'unknown'}`);
  }
  if (e.community.categories_not_reported.length > 0) {
    // The flag is a ranked region's: an excluded one carries no flags.
    const flag = e.status === 'ranked' ? ' (flag partial_community)' : '';
    lines.push(`  not reported here, reported by other regions: ${e.community.categories_not_reported.join(', ')}${flag}`);
  }

  lines.push('');
  if (e.status === 'excluded') {
    lines.push(`Not ranked: unknown ${e.reason}.`);
  } else {
    lines.push('Arithmetic (SPEC §3)');
    const width = Math.max(...e.steps.map((s) => s.metric.length));
    for (const s of e.steps) lines.push(`  ${s.metric.padEnd(width)} = ${s.formula}`, `  ${' '.repeat(width)} = ${s.computation} = ${s.value ?? 'null'}`);
    if (e.metrics !== null && e.metrics.flags.length > 0) lines.push(`  flags: ${e.metrics.flags.join(', ')}`);
  }
  if (e.rank !== null) {
    const n = (x: { rank: number; region: string; value: number | null } | null, word: string) =>
      x === null ? '' : `; ${word}: ${t(x.region)} (rank ${x.rank}, ${x.value ?? 'null'})`;
    lines.push('', `Rank ${e.rank.rank} of ${e.rank.of} by ${e.rank.sort} (${e.rank.value ?? 'null'}, highest first, ties by code)${n(e.rank.above, 'above')}${n(e.rank.below, 'below')}`);
  }
  const notices = e.warnings.filter((w) => w.kind === 'plausibility');
  if (notices.length > 0) appendAll(lines, ['', 'Plausibility notices (no number is changed):', ...notices.map((w) => `  ${t(formatWarning(w))}`)]);
  lines.push('', t(provenanceLine(e.provenance)));
  return `${lines.join('\n')}\n`;
}

/** The explanation as JSON, in the schema's key order. */
export function renderExplainJson(e: Explanation): string {
  return `${JSON.stringify(ExplanationSchema.parse(e), null, 2)}\n`;
}

