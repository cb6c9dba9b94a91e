// Config + dataset, as every data command needs them.
import type { MissingCommunity } from '../core/config.js';
import type { RowTrace } from '../core/explain-trace.js';
import type { RunSources } from '../core/run-provenance.js';
import { loadConfig } from '../io/config-file.js';
import { describeFileRead } from '../io/describe-read.js';
import { type LoadedDataset, loadDataset } from '../io/load-dataset.js';
import { datasetInputs, type InputOptions, readOptions } from './options.js';
import { note } from './output.js';
import { progressBar } from './progress.js';
import type { Terminal } from './terminal.js';

/** `threads`: worker threads for reading large files (LoadOptions.threads; default 1). */
export async function loadFromOptions(
  options: InputOptions,
  terminal: Terminal,
  extra: { readonly threads?: number | 'auto' | undefined; readonly trace?: RowTrace | undefined } = {},
): Promise<LoadedDataset & { configPath?: string | undefined; sources: RunSources }> {
  const inputs = datasetInputs(options);
  const read = readOptions(options);
  const { config, path, sha256 } = await loadConfig(options.config, terminal.cwd, terminal.env, options.data);
  const loaded = await loadDataset(inputs, {
    config,
    allowUnmapped: options.allowUnmapped,
    ...read,
    onFileRead: options.verbose ? (info) => note(terminal, `read ${describeFileRead(info)}`) : undefined,
    onProgress: progressBar(terminal, options.quiet),
    stdin: terminal.stdin,
    threads: extra.threads,
    trace: extra.trace,
  });
  return { ...loaded, configPath: path, sources: runSources(loaded, path, sha256, options) };
}

/** What provenance says about a run loaded from the command line (SPEC §8): files, config file, input options. */
export function runSources(
  loaded: Pick<LoadedDataset, 'inputs' | 'noServices'>,
  configPath: string | undefined,
  configSha256: string | undefined,
  options: Pick<InputOptions, 'allowUnmapped'>,
): RunSources {
  return {
    inputs: loaded.inputs,
    config: configPath !== undefined && configSha256 !== undefined ? { path: configPath, sha256: configSha256 } : null,
    // Only what differs from a plain run, so that the library's defaults give the same provenance.
    options: { ...(loaded.noServices ? { services: 'none' } : {}), ...(options.allowUnmapped ? { allowUnmapped: true } : {}) },
  };
}

/** --missing-community, else the config's missingCommunity, else exclude (SPEC §8). */
export function missingCommunityOf(option: MissingCommunity | undefined, loaded: Pick<LoadedDataset, 'missingCommunity'>): MissingCommunity {
  return option ?? loaded.missingCommunity ?? 'exclude';
}
