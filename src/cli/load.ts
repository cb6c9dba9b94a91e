// Config + dataset, as every data command needs them.
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
  extra: { readonly threads?: number | 'auto' | undefined } = {},
): Promise<LoadedDataset & { configPath?: string | undefined }> {
  const inputs = datasetInputs(options);
  const read = readOptions(options);
  const { config, path } = await loadConfig(options.config, terminal.cwd, terminal.env, options.data);
  const loaded = await loadDataset(inputs, {
    config,
    allowUnmapped: options.allowUnmapped,
    rates: options.rates,
    ...read,
    onFileRead: options.verbose ? (info) => note(terminal, `read ${describeFileRead(info)}`) : undefined,
    onProgress: progressBar(terminal, options.quiet),
    stdin: terminal.stdin,
    threads: extra.threads,
  });
  return { ...loaded, configPath: path };
}
