// `explain REGION` (SPEC §8): load the data with a trace of the rows that can reach the region,
// then lay out the whole arithmetic of its metrics (core/explain.ts). The one function the CLI
// command and the library both call.
import type { Config } from '../core/config.js';
import type { Explanation } from '../core/explain-schema.js';
import { RowTrace } from '../core/explain-trace.js';
import { type ExplainOptions, explainRegion } from '../core/explain.js';
import type { RunSources } from '../core/run-provenance.js';
import { type DatasetInputs, type LoadOptions, loadDataset } from '../io/load-dataset.js';

/** Options of `runExplain`: the inputs and how to read them, the config, and the analysis options of `report`. */
export interface ExplainRunOptions extends Omit<ExplainOptions, 'trace' | 'lookup' | 'weights' | 'norms'> {
  /** A data folder and/or single files; none at all: the bundled data. */
  readonly inputs?: DatasetInputs | undefined;
  /** The config in force (checked: a ConfigError names every problem); its weights and norms are used. */
  readonly config?: Config | undefined;
  /** How the files are read (delimiter, encoding, number format, …); `config` and `trace` are set here. */
  readonly load?: Omit<LoadOptions, 'config' | 'trace'> | undefined;
}

/**
 * The whole arithmetic of one region's metrics as `report` computes them with the same options,
 * each value with the rule that picked it and the file and line(s) it was read from.
 */
export async function runExplain(region: string, options: ExplainRunOptions = {}): Promise<Explanation> {
  const trace = new RowTrace(region);
  const loaded = await loadDataset(options.inputs ?? {}, { ...options.load, config: options.config, trace });
  const sources: RunSources = {
    ...options.sources,
    inputs: options.sources?.inputs ?? loaded.inputs,
    options: { ...(loaded.noServices ? { services: 'none' } : {}), ...options.sources?.options },
  };
  return explainRegion(loaded.dataset, region, {
    ...options,
    weights: loaded.weights,
    norms: loaded.norms,
    missingCommunity: options.missingCommunity ?? loaded.missingCommunity,
    sources,
    trace: { rows: trace.rows, crosswalk: trace.crosswalk, crosswalkFile: trace.crosswalkFile },
    lookup: (service) => loaded.taxonomy.lookup(service),
  });
}
