// `compare A B`: two runs side by side — two data folders, two configs or two periods. Each side
// is the common options with its own setting laid over them; each distinct (inputs, config) is
// loaded once, so comparing two periods reads the data once.
import { z } from 'zod';
import { analyze } from '../core/analyze.js';
import { compare } from '../core/compare.js';
import type { Comparison } from '../core/compare-schema.js';
import type { Warning } from '../core/issues.js';
import type { Report } from '../core/report-schema.js';
import type { Output } from '../report/output.js';
import { RESEARCH_FORMATS, type ResearchFormat } from '../report/research-format-names.js';
import { CompareSideSpecSchema, type CompareSideSpec, parseCompareSide, sideLabel } from './compare-side.js';
import { checkInputs, type DataOptions, type LoadedData, loadData } from './data.js';
import { OptionError } from './errors.js';
import { colorFor, pickFormat } from './format.js';
import {
  AnalysisOptionChecks,
  checkArgument,
  checkOptions,
  checkProvenanceTarget,
  missingCommunityOf,
  type OutputOptions,
  type PeriodOptions,
  type ReadingThreadsOptions,
  type TrustOptions,
} from './options.js';
import { uniqueWarnings } from './warnings.js';
import type { SortMetric } from '../core/report-schema.js';

/** Options of `runCompare`: the two sides, the common data, period and sort, and the output. */
export interface CompareRunOptions extends DataOptions, PeriodOptions, TrustOptions, OutputOptions<ResearchFormat>, ReadingThreadsOptions {
  /** Side A: a side, or the command line's argument for one (a folder, a .json config file, or a period "2010-2015"). */
  readonly a: CompareSideSpec | string;
  /** Side B, the same kinds. Changes are B − A. */
  readonly b: CompareSideSpec | string;
  /** Metric to rank by, descending; default 'vacuum_per_100k'. */
  readonly sort?: SortMetric | undefined;
  /** N of the regions entering and leaving the top N; default 10. */
  readonly top?: number | undefined;
}

/** What `runCompare` returns. */
export interface CompareRun {
  /** Every region in A or B, with its metrics in each and the change. */
  readonly comparison: Comparison;
  /** The output to render. */
  readonly output: Output;
  /** Warnings about the data of both sides, each once. */
  readonly warnings: readonly Warning[];
  /** The output's provenance (SPEC §8): each side's. */
  readonly provenance: Comparison['provenance'];
}

const CompareOptionChecks = AnalysisOptionChecks.pick({ from: true, to: true, sort: true, top: true, threads: true, missingCommunity: true, provenance: true });

/** Load each side's data and config, analyse both, and compare them region by region. */
export async function runCompare(options: CompareRunOptions): Promise<CompareRun> {
  checkOptions(CompareOptionChecks, options);
  checkProvenanceTarget(options);
  const format = pickFormat(RESEARCH_FORMATS, options.format, options.out, 'comparison');
  const cwd = options.cwd ?? process.cwd();
  // A side as the command line gives it (a non-empty text), or as an object of CompareSideSpecSchema.
  const expected = 'a period ("2010-2015"), a data folder, a config file (.json), or { kind: "years" | "data" | "config", … }';
  const checkSide = (name: 'a' | 'b', value: unknown) => checkArgument(name, typeof value === 'string' ? z.string().min(1) : CompareSideSpecSchema, value, expected);
  const given = { a: checkSide('a', options.a), b: checkSide('b', options.b) };
  const side = async (spec: CompareSideSpec | string, which: 'A' | 'B') => (typeof spec === 'string' ? parseCompareSide(spec, which, cwd) : spec);
  const sides = [await side(given.a, 'A'), await side(given.b, 'B')] as const;
  const common = checkInputs(options.inputs);

  const plan = sides.map((s) => {
    const inputs = s.kind === 'data' ? { ...common, data: s.dir } : common;
    const config = s.kind === 'config' ? s.path : options.config;
    return { side: s, inputs, config, key: JSON.stringify([inputs, config ?? null]) };
  });
  const keys = [...new Set(plan.map((p) => p.key))];
  if (keys.length > 1 && Object.values(common).includes('-')) {
    throw new OptionError(undefined, 'standard input ("-") can be read once: both sides must then use the same data and config');
  }
  const loaded = new Map<string, LoadedData>();
  for (const p of plan) {
    if (!loaded.has(p.key)) loaded.set(p.key, await loadData({ ...options, inputs: p.inputs, config: p.config }, options.threads));
  }

  const [a, b] = plan.map((p) => {
    const side = loaded.get(p.key)!;
    const years = p.side.kind === 'years' ? { from: p.side.from, to: p.side.to } : { from: options.from, to: options.to };
    return analyze(side.dataset, {
      weights: side.weights,
      norms: side.norms,
      ...years,
      sort: options.sort,
      missingCommunity: missingCommunityOf(options.missingCommunity, side),
      sources: side.sources,
    });
  }) as [Report, Report];
  const comparison = compare(a, b, {
    top: options.top,
    a: { label: sideLabel(sides[0]), kind: sides[0].kind },
    b: { label: sideLabel(sides[1]), kind: sides[1].kind },
  });
  const notices = [...loaded.values()].map((l) => l.dataset.provenance?.notice).filter((n): n is string => Boolean(n));
  const context = { color: colorFor(format, options.out, options.color), notices };
  return { comparison, output: { kind: 'compare', format, data: comparison, context }, warnings: uniqueWarnings([...a.warnings, ...b.warnings]), provenance: comparison.provenance };
}
