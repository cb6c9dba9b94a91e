// What provenance (SPEC §8) records of a config given as an object (the library's `config`, a
// scenario's inline config): it has no file, so it is named CONFIG_OBJECT and hashed as JSON with
// its keys sorted — the same object, however its keys were ordered, gives the same SHA-256, and a
// caller who keeps the object can show which one made the figures. Before, such a run's
// provenance said "config": null and its Markdown "No config file: the weights and norms are the
// defaults" while the weights it printed had been set by the object.
import { createHash } from 'node:crypto';

/** The name provenance gives a config that is an object, not a file. */
export const CONFIG_OBJECT = '<config object>';

/** JSON with every object's keys in code-unit order (arrays keep their order). */
export function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The provenance record of a config object; undefined for an empty one (it sets nothing: the defaults). */
export function configObjectRecord(config: object): { path: string; sha256: string } | undefined {
  if (Object.keys(config).length === 0) return undefined;
  return { path: CONFIG_OBJECT, sha256: createHash('sha256').update(sortedJson(config)).digest('hex') };
}
