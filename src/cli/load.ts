// Config + dataset, as every data command needs them.
import { loadConfig } from '../io/config-file.js';
import { type LoadedDataset, loadDataset } from '../io/load-dataset.js';
import { datasetInputs, type InputOptions } from './options.js';
import type { Terminal } from './terminal.js';

export async function loadFromOptions(options: InputOptions, terminal: Terminal): Promise<LoadedDataset & { configPath?: string | undefined }> {
  const inputs = datasetInputs(options);
  const { config, path } = await loadConfig(options.config, terminal.cwd, terminal.env);
  const loaded = await loadDataset(inputs, {
    config,
    allowUnmapped: options.allowUnmapped,
    delimiter: options.delimiter,
    stdin: terminal.stdin,
  });
  return { ...loaded, configPath: path };
}
