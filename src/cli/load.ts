// Config + dataset, as every data command needs them.
import type { Config } from '../core/config.js';
import { loadConfig } from '../io/config-file.js';
import { describeFileRead } from '../io/describe-read.js';
import { type LoadedDataset, loadDataset } from '../io/load-dataset.js';
import type { MapShapes } from '../report/map/shapes.js';
import { datasetInputs, type InputOptions, type MapOptions, mapSource, readOptions } from './options.js';
import { note } from './output.js';
import { progressBar } from './progress.js';
import type { Terminal } from './terminal.js';

/** `threads`: worker threads for reading large files (LoadOptions.threads; default 1). */
export async function loadFromOptions(
  options: InputOptions,
  terminal: Terminal,
  extra: { readonly threads?: number | 'auto' | undefined } = {},
): Promise<LoadedDataset & { configPath?: string | undefined; config: Config }> {
  const inputs = datasetInputs(options);
  const read = readOptions(options);
  const { config, path } = await loadConfig(options.config, terminal.cwd, terminal.env, options.data);
  const loaded = await loadDataset(inputs, {
    config,
    allowUnmapped: options.allowUnmapped,
    ...read,
    onFileRead: options.verbose ? (info) => note(terminal, `read ${describeFileRead(info)}`) : undefined,
    onProgress: progressBar(terminal, options.quiet),
    stdin: terminal.stdin,
    threads: extra.threads,
  });
  return { ...loaded, configPath: path, config };
}

/** The HTML map's shapes for these region codes (io/geo.ts, loaded only when a map is wanted); its notes on stderr unless --quiet. */
export async function loadMap(
  options: MapOptions & { readonly quiet?: boolean | undefined },
  loaded: { readonly config: Config; readonly configPath?: string | undefined },
  terminal: Terminal,
  codes: readonly string[],
): Promise<MapShapes | undefined> {
  const { loadMapShapes } = await import('../io/geo.js');
  const result = await loadMapShapes(mapSource(options, loaded.config, loaded.configPath, terminal.cwd), codes);
  if (!options.quiet) for (const line of result.notes) note(terminal, line);
  return result.shapes;
}
