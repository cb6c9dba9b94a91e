// Building SPEC §8 provenance from what a run used (pure): the inputs as the loader read them, the
// config file, the weight and norm tables in force, and the options. The renderers' "Method and
// sources" sections and the table's closing line are made from the same object.
import { DEFAULT_NORMS, DEFAULT_WEIGHTS } from './defaults.js';
import type { NormTable } from './norms.js';
import type { ConfigRecord, InputRecord, NormRecord, RunOptions, RunProvenance, WeightRecord } from './provenance-schema.js';
import { VERSION } from '../version.js';
import { weightKey, type WeightTable } from './weights.js';

/** What a caller knows about a run beyond its weights and norms: the files read, the config file, options. */
export interface RunSources {
  /** The input files as read (LoadedDataset.inputs; Dataset.inputs when the loader made it). */
  readonly inputs?: readonly InputRecord[] | undefined;
  /** The config file in force; null or undefined: none (defaults, or a config object given to the library). */
  readonly config?: ConfigRecord | null | undefined;
  /** Options beyond those the analysis itself knows (e.g. `services: "none"`, `allowUnmapped`). */
  readonly options?: RunOptions | undefined;
}

/** The weights in force as provenance rows, in the table's order. */
export function weightRecords(weights: WeightTable): WeightRecord[] {
  return [...weights.values()].map((w) => ({
    category: w.category,
    unit: w.unit,
    value: w.value,
    low: w.low,
    high: w.high,
    source: w.source,
    set_by: w.origin,
  }));
}

/** The norms in force as provenance rows, in the table's order. */
export function normRecords(norms: NormTable): NormRecord[] {
  return norms.map((n) => ({ norm: n.norm, measure: n.description, unit: n.unitLabel, low: n.low, high: n.high, source: n.source, set_by: n.origin }));
}

/** The provenance of one output (SPEC §8). `options` holds the run's options with the values in force. */
export function buildProvenance(parts: {
  readonly version?: string | undefined;
  readonly sources?: RunSources | undefined;
  readonly weights: WeightTable;
  readonly norms: NormTable;
  readonly options: RunOptions;
}): RunProvenance {
  return {
    servicegap: parts.version ?? VERSION,
    inputs: [...(parts.sources?.inputs ?? [])],
    config: parts.sources?.config ?? null,
    weights: weightRecords(parts.weights),
    norms: normRecords(parts.norms),
    options: { ...parts.options, ...parts.sources?.options },
  };
}

/**
 * The provenance of an analysis of `dataset` (analyze, trend, coverage): the caller's sources, the
 * files the loader read (the dataset's own `inputs`) unless the sources name others.
 */
export function analysisProvenance(
  dataset: { readonly inputs?: readonly InputRecord[] | undefined },
  options: { readonly version?: string | undefined; readonly sources?: RunSources | undefined },
  weights: WeightTable,
  norms: NormTable,
  runOptions: RunOptions,
): RunProvenance {
  const sources = { ...options.sources, inputs: options.sources?.inputs ?? dataset.inputs };
  return buildProvenance({ version: options.version, sources, weights, norms, options: runOptions });
}

const DEFAULT_WEIGHT_BY_KEY = new Map(DEFAULT_WEIGHTS.map((w) => [weightKey(w.category, w.unit), w]));
const DEFAULT_NORM_BY_NAME = new Map(DEFAULT_NORMS.map((n) => [n.norm, n]));

/** The weights whose value or range differs from the SPEC §4 default (or that have none). */
export function changedWeights(provenance: Pick<RunProvenance, 'weights'>): WeightRecord[] {
  return provenance.weights.filter((w) => {
    const d = DEFAULT_WEIGHT_BY_KEY.get(weightKey(w.category, w.unit));
    return d === undefined || d.value !== w.value || d.low !== w.low || d.high !== w.high;
  });
}

/** The norms whose range or measure differs from the SPEC §4 default, or that the config added; and the defaults dropped. */
export function changedNorms(provenance: Pick<RunProvenance, 'norms'>): { changed: NormRecord[]; dropped: string[] } {
  const changed = provenance.norms.filter((n) => {
    const d = DEFAULT_NORM_BY_NAME.get(n.norm);
    return d === undefined || d.low !== n.low || d.high !== n.high || d.description !== n.measure;
  });
  const present = new Set(provenance.norms.map((n) => n.norm));
  return { changed, dropped: DEFAULT_NORMS.map((n) => n.norm).filter((n) => !present.has(n)) };
}

/** "crisis/teams 20 (5–25)": a weight in a few characters, as the table's closing line lists it. */
export function describeWeight(w: WeightRecord): string {
  return `${w.category}/${w.unit} ${w.value}${w.low === w.high ? '' : ` (${w.low}–${w.high})`}`;
}

/**
 * One line naming the config used and the weights that differ from the defaults (SPEC §8: the
 * terminal table ends with it). Plain text; the caller escapes it for its format.
 */
export function provenanceLine(provenance: RunProvenance): string {
  const config = provenance.config === null ? 'no config file' : `config ${provenance.config.path} (sha256 ${provenance.config.sha256.slice(0, 12)})`;
  const weights = changedWeights(provenance);
  const { changed, dropped } = changedNorms(provenance);
  const parts = [
    `Method: ${config}`,
    weights.length === 0 ? 'default weights' : `weights not at their default: ${weights.map(describeWeight).join(', ')}`,
  ];
  if (changed.length > 0 || dropped.length > 0) {
    const bits = [...changed.map((n) => `${n.norm} ${n.low === n.high ? n.low : `${n.low}–${n.high}`}`), ...dropped.map((n) => `${n} dropped`)];
    parts.push(`norms not at their default: ${bits.join(', ')}`);
  }
  return `${parts.join('; ')}. Details: --format json (provenance) or --provenance FILE.`;
}
