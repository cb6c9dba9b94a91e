// The planning norms in force for a run: SPEC §4 defaults, changed, dropped or added by the
// config (as weights.ts does for weights). Norms are data: each has its measure, range and source.
import { checkConfig, type Config, type NormOverride } from './config.js';
import { DEFAULT_NORMS, type DefaultNorm } from './defaults.js';
import type { SetBy } from './weights.js';

/** A planning norm in force: a default norm's fields (defaults.ts), and where it came from. */
export interface Norm extends DefaultNorm {
  readonly origin: SetBy;
}

/** The norms in force, in order: the defaults (SPEC §4 order), then norms the config adds. */
export type NormTable = readonly Norm[];

/** "beds.csv beds + general_hospital beds + crisis beds": what a measure counts, in words. */
export function describeMeasure(includesInstitutionalBeds: boolean, measures: Norm['measures']): string {
  const parts = measures.map((m) => `${m.category} ${m.unit}`);
  if (includesInstitutionalBeds) parts.unshift('beds.csv beds');
  return parts.join(' + ');
}

/** The units a measure counts in, e.g. "places" or "beds/places", when the config gives no label. */
function defaultUnitLabel(includesInstitutionalBeds: boolean, measures: Norm['measures']): string {
  const units = new Set<string>(includesInstitutionalBeds ? ['beds'] : []);
  for (const m of measures) units.add(m.unit);
  return [...units].join('/');
}

/** Does a config entry say exactly what the default norm says (every field given, all equal)? */
function sameAsDefault(o: NormOverride, d: DefaultNorm): boolean {
  const sameMeasures =
    o.measures !== undefined &&
    o.measures.length === d.measures.length &&
    o.measures.every((m, i) => m.category === d.measures[i]!.category && m.unit === d.measures[i]!.unit);
  return (
    o.low === d.low &&
    o.high === d.high &&
    sameMeasures &&
    o.institutional_beds === d.includesInstitutionalBeds &&
    o.unit_label === d.unitLabel &&
    o.source === d.source
  );
}

/**
 * The norms in force: the SPEC §4 defaults as changed or dropped by the config, then the norms
 * the config adds. The config is checked first (a ConfigError names every problem).
 */
export function resolveNorms(config: Config = {}): NormTable {
  const overrides = checkConfig(config).norms ?? {};
  const table: Norm[] = [];
  for (const d of DEFAULT_NORMS) {
    const o = overrides[d.norm];
    if (o === false) continue;
    // A config that repeats a default as it is (what `init` writes) leaves it a default.
    if (o === undefined || sameAsDefault(o, d)) {
      table.push({ ...d, origin: 'default' });
      continue;
    }
    const includesInstitutionalBeds = o.institutional_beds ?? d.includesInstitutionalBeds;
    const measures = o.measures ?? d.measures;
    const measureChanged = o.measures !== undefined || o.institutional_beds !== undefined;
    table.push({
      norm: d.norm,
      description: measureChanged ? describeMeasure(includesInstitutionalBeds, measures) : d.description,
      unitLabel: o.unit_label ?? d.unitLabel,
      includesInstitutionalBeds,
      measures,
      low: o.low ?? d.low,
      high: o.high ?? d.high,
      // A changed range or measure is no longer what the default's source says.
      source: o.source ?? (measureChanged || o.low !== undefined || o.high !== undefined ? 'set in the config file' : d.source),
      origin: 'config',
    });
  }
  for (const [name, o] of Object.entries(overrides)) {
    if (o === false || DEFAULT_NORMS.some((d) => d.norm === name)) continue;
    // ConfigSchema has checked that a new norm has low, high and a measure.
    const includesInstitutionalBeds = o.institutional_beds ?? false;
    const measures = o.measures ?? [];
    table.push({
      norm: name,
      description: describeMeasure(includesInstitutionalBeds, measures),
      unitLabel: o.unit_label ?? defaultUnitLabel(includesInstitutionalBeds, measures),
      includesInstitutionalBeds,
      measures,
      low: o.low!,
      high: o.high!,
      source: o.source ?? 'set in the config file',
      origin: 'config',
    });
  }
  return table;
}
