// Fuzzing the command line (issue 15, deliverable 6) with fast-check, deterministic (fixed seed,
// bounded runs, a time limit): the CSV readers, the JSON config reader and the crosswalk, through
// `servicegap report` as a pipeline runs it (in-process, run-main.ts). Whatever the input:
// exit 0 with the reference numbers, or exit 3/4 with every problem located in a file of the run
// — never 70 (an internal error), never a hang, never a changed input file.
//
// The reference numbers come from the small implementation below (SPEC §3 for stock beds and
// services counted in beds, whose weight is 1.0 in SPEC §4: general_hospital/beds, crisis/beds).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../e2e/run-cli.js';
import { type MainResult, runMain } from '../e2e/run-main.js';

const RUN = { seed: 15_2026, numRuns: 25, interruptAfterTimeLimit: 60_000, endOnFailure: true } as const;
const HANG_MS = 20_000;

interface Region {
  readonly code: string;
  readonly pop: number;
  readonly bedsB: number;
  readonly bedsT: number;
  readonly capB: number;
  readonly capT: number;
  /** An old code whose beds at B the crosswalk moves into this region (share 1). */
  readonly oldBeds?: number | undefined;
}

/** vacuum_per_100k by SPEC §3 with B = 2010, T = 2020 and weight 1 for every service row (beds). */
function reference(regions: readonly Region[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of regions) {
    const bedChange = r.bedsT - (r.bedsB + (r.oldBeds ?? 0));
    const net = bedChange + (r.capT - r.capB);
    out.set(r.code, (Math.max(0, -net) / r.pop) * 100000);
  }
  return out;
}

const regionArb = fc.record({
  pop: fc.integer({ min: 1, max: 5_000_000 }),
  bedsB: fc.integer({ min: 0, max: 5000 }),
  bedsT: fc.integer({ min: 0, max: 5000 }),
  capB: fc.integer({ min: 0, max: 500 }),
  capT: fc.integer({ min: 0, max: 500 }),
  oldBeds: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
});
const datasetArb = fc.array(regionArb, { minLength: 1, maxLength: 6 }).map((list) => list.map((r, i) => ({ ...r, code: `R-${i}` })));

/** How a spreadsheet might write the same table. */
const styleArb = fc.record({ crlf: fc.boolean(), bom: fc.boolean(), quoteAll: fc.boolean(), semicolon: fc.boolean(), finalNewline: fc.boolean() });
type Style = { crlf: boolean; bom: boolean; quoteAll: boolean; semicolon: boolean; finalNewline: boolean };

function csv(rows: readonly (readonly (string | number)[])[], style: Style): string {
  const sep = style.semicolon ? ';' : ',';
  const eol = style.crlf ? '\r\n' : '\n';
  const text = rows.map((r) => r.map((c) => (style.quoteAll ? `"${String(c)}"` : String(c))).join(sep)).join(eol);
  return `${style.bom ? '\ufeff' : ''}${text}${style.finalNewline ? eol : ''}`;
}

function files(regions: readonly Region[], style: Style): Record<string, string> {
  const merged = regions.filter((r) => r.oldBeds !== undefined);
  const out: Record<string, string> = {
    'regions.csv': csv([['region', 'name'], ...regions.map((r) => [r.code, `Område ${r.code} æøå`])], style),
    'population.csv': csv([['region', 'year', 'population'], ...regions.flatMap((r) => [[r.code, 2010, r.pop], [r.code, 2020, r.pop]])], style),
    'beds.csv': csv(
      [['region', 'year', 'beds'], ...regions.flatMap((r) => [[r.code, 2010, r.bedsB], [r.code, 2020, r.bedsT]]), ...merged.map((r) => [`OLD-${r.code}`, 2010, r.oldBeds!])],
      style,
    ),
    'services.csv': csv(
      [['region', 'year', 'service', 'capacity', 'unit'], ...regions.flatMap((r) => [[r.code, 2010, 'general_hospital', r.capB, 'beds'], [r.code, 2020, 'general_hospital', r.capT, 'beds']])],
      style,
    ),
  };
  if (merged.length > 0) out['crosswalk.csv'] = csv([['from', 'to', 'share'], ...merged.map((r) => [`OLD-${r.code}`, r.code, 1])], style);
  return out;
}

function write(contents: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(dir, name), text);
  return dir;
}

const digest = (dir: string) =>
  Object.fromEntries(readdirSync(dir).sort().map((n) => [n, createHash('sha256').update(readFileSync(join(dir, n))).digest('hex')]));

async function run(argv: string[], cwd: string): Promise<MainResult> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`hang: ${argv.join(' ')}`)), HANG_MS)));
  try {
    return await Promise.race([runMain(argv, { cwd, env: {} }), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Exit 3 or 4, and every line before the summary names a file of the run (its location). */
function expectLocatedFailure(r: MainResult, dir: string): void {
  expect([3, 4], r.context).toContain(r.code);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.at(-1), r.context).toMatch(r.code === 3 ? /^servicegap: invalid input data: \d+ problems?$/ : /^servicegap: cannot (read|write) /);
  if (r.code === 4) expect(lines.at(-1)).toContain(dir);
  for (const line of lines.slice(0, -1)) expect(line.startsWith(dir), r.context).toBe(true);
}

describe('servicegap report under fuzzing (fixed seed)', () => {
  it('valid datasets written any way a spreadsheet writes them: exit 0 with the reference numbers', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, styleArb, async (regions, style) => {
        const dir = write(files(regions, style));
        const before = digest(dir);
        const r = await run(['report', '--data', dir, '--format', 'json', '--quiet'], dir);
        expect(r.code, r.context).toBe(0);
        const got = new Map(JSON.parse(r.stdout).regions.map((x: { region: string; vacuum_per_100k: number }) => [x.region, x.vacuum_per_100k]));
        const want = reference(regions);
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [code, v] of want) expect(got.get(code) as number).toBeCloseTo(v, 6);
        expect(digest(dir)).toEqual(before);
      }),
      RUN,
    );
  }, 180_000);

  it('mutated CSV and crosswalk bytes: exit 0 with finite numbers, or 3/4 located; never 70; inputs unchanged', async () => {
    const mutation = fc.record({
      file: fc.constantFrom('regions.csv', 'population.csv', 'beds.csv', 'services.csv', 'crosswalk.csv'),
      at: fc.nat(),
      cut: fc.nat({ max: 40 }),
      insert: fc.oneof(
        fc.uint8Array({ maxLength: 24 }),
        fc.constantFrom('"', '""', '\r', '\n', ';', ',', '\u0000', '\u00ff', 'NaN', '1e309', '-1', '\ufeff').map((s) => new TextEncoder().encode(s)),
      ),
    });
    await fc.assert(
      fc.asyncProperty(datasetArb, styleArb, fc.array(mutation, { minLength: 1, maxLength: 4 }), async (regions, style, mutations) => {
        const contents: Record<string, Uint8Array> = Object.fromEntries(Object.entries(files(regions, style)).map(([n, t]) => [n, new TextEncoder().encode(t)]));
        contents['crosswalk.csv'] ??= new TextEncoder().encode('from,to,share\n');
        for (const m of mutations) {
          const bytes = contents[m.file]!;
          const at = bytes.length === 0 ? 0 : m.at % bytes.length;
          contents[m.file] = new Uint8Array([...bytes.subarray(0, at), ...m.insert, ...bytes.subarray(Math.min(bytes.length, at + m.cut))]);
        }
        const dir = write(contents);
        const before = digest(dir);
        const r = await run(['report', '--data', dir, '--format', 'json', '--quiet'], dir);
        if (r.code === 0) {
          for (const x of JSON.parse(r.stdout).regions) expect(Number.isFinite(x.vacuum_per_100k), r.context).toBe(true);
        } else expectLocatedFailure(r, dir);
        expect(digest(dir)).toEqual(before);
      }),
      RUN,
    );
  }, 180_000);

  it('any JSON (or not JSON) as the config: exit 0 with the reference numbers when it sets no weight, else 3 located', async () => {
    const configArb = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.string({ maxLength: 60 }),
      fc.record({ aliases: fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })) }).map((o) => JSON.stringify(o)),
      fc.nat({ max: 200 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
      fc.nat({ max: 200 }).map((n) => `{"weights": ${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
    );
    await fc.assert(
      fc.asyncProperty(datasetArb, configArb, async (regions, config) => {
        const dir = write({ ...files(regions, { crlf: false, bom: false, quoteAll: false, semicolon: false, finalNewline: true }), 'config.json': config });
        const before = digest(dir);
        const r = await run(['report', '--data', dir, '--config', join(dir, 'config.json'), '--format', 'json', '--quiet'], dir);
        if (r.code === 0) {
          const parsed = JSON.parse(config) as { weights?: unknown };
          if (parsed.weights === undefined) {
            const want = reference(regions);
            for (const x of JSON.parse(r.stdout).regions) expect(x.vacuum_per_100k).toBeCloseTo(want.get(x.region)!, 6);
          }
        } else {
          expect(r.code, r.context).toBe(3);
          expectLocatedFailure(r, dir);
        }
        expect(digest(dir)).toEqual(before);
      }),
      RUN,
    );
  }, 180_000);
});
