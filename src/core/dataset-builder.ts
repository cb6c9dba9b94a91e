// Turns checked rows into a Dataset, one row at a time, collecting every problem instead of
// stopping at the first. Rows are checked before they come here (RowValidator, by the readers);
// addRow is the one way in for a row of any file. Files must arrive in SPEC order: regions,
// population, beds, services (the region codes of regions.csv are what the other files are
// checked against). A crosswalk (crosswalk.ts) comes right after regions: the codes it maps are
// known codes too, and finish() moves their figures to current codes, then checks that no branch
// of the regions' tree has figures at two levels (hierarchy.ts).
import { applyCrosswalk, type Crosswalk, type CrosswalkRow, buildCrosswalk, strandedIssues } from './crosswalk.js';
import type { BedData, Dataset, Provenance, RegionInfo, ServiceSeries } from './dataset.js';
import { DenseYearSeries } from './dense-year-series.js';
import type { FigureKind, FigureTarget } from './figure-rows.js';
import { type DataOrigin, findCycles, mixedLevelIssues } from './hierarchy.js';
import { type InputIssue, quoteValue, type Warning } from './issues.js';
import type { CheckedRow, RowKind } from './row-validator.js';
import { RowTallies } from './row-tallies.js';
import { ServiceLookups } from './service-lookups.js';
import { nearest } from './suggest.js';
import type { Taxonomy } from './taxonomy.js';
import type { WeightTable } from './weights.js';

export type { FigureTarget } from './figure-rows.js';

export interface BuilderOptions {
  readonly taxonomy: Taxonomy;
  readonly weights: WeightTable;
  /** Drop rows whose service name maps to nothing, with a warning (SPEC §2 `--allow-unmapped`). */
  readonly allowUnmapped?: boolean | undefined;
  /** At most this many issues are kept per file; the rest are counted. */
  readonly maxIssuesPerFile?: number | undefined;
}

function seriesOf<K>(map: Map<K, DenseYearSeries>, key: K): DenseYearSeries {
  let s = map.get(key);
  if (!s) map.set(key, (s = new DenseYearSeries()));
  return s;
}

/** Builds a Dataset from checked rows, one at a time, collecting every problem. */
export class DatasetBuilder {
  private readonly regions = new Map<string, RegionInfo & { line: number }>();
  private readonly population = new Map<string, DenseYearSeries>();
  /** Per region, the line each year's population was given on, to report one given twice;
   * emptied by endPopulation() (memory the services file can use). */
  private readonly populationLines = new Map<string, Map<number, number>>();
  private beds: BedData = { shape: 'none' };
  private readonly bedSeries = new Map<string, DenseYearSeries>();
  private readonly services = new Map<string, Map<string, ServiceSeries>>();
  private readonly serviceLookups: ServiceLookups;
  /** The region of the last service row with figures, and its series. */
  private lastService: { region: string; byKey: Map<string, ServiceSeries> } | undefined;
  private readonly issues: InputIssue[] = [];
  private readonly issueCounts = new Map<string, number>();
  private readonly warnings: Warning[] = [];
  private provenance: Provenance | undefined;
  private readonly tallies = new RowTallies();
  // Where each region code's first figure was read, for messages about data at two levels.
  private readonly dataOrigins = new Map<string, DataOrigin>();
  private readonly crosswalkRows: CrosswalkRow[] = [];
  private readonly crosswalkFrom = new Set<string>();
  private crosswalk: { readonly table: Crosswalk; readonly valid: boolean } | undefined;

  constructor(private readonly options: BuilderOptions) {
    this.serviceLookups = new ServiceLookups(options.taxonomy, options.weights);
  }

  /** Record a problem found while reading a file (header, structure, encoding, a row's cells). */
  addIssue(issue: InputIssue): void {
    const count = (this.issueCounts.get(issue.file) ?? 0) + 1;
    this.issueCounts.set(issue.file, count);
    if (count <= (this.options.maxIssuesPerFile ?? 1000)) this.issues.push(issue);
  }

  addWarning(warning: Warning): void {
    this.warnings.push(warning);
  }

  setProvenance(provenance: Provenance | undefined): void {
    this.provenance = provenance;
  }

  /** Choose the beds file's shape from its header (SPEC §1). */
  setBedShape(shape: 'stock' | 'events'): void {
    this.bedSeries.clear();
    this.beds = { shape, byRegion: this.bedSeries };
  }

  /**
   * Add one checked row of any file, read on `line` of `file`. For a row with figures, returns
   * where its figure went: a later row of the same kind and key (region; and service name and
   * unit) has exactly the effect of addAgain(target, …). Undefined: the row was only counted in
   * an issue, and the next row of its key must come through addRow too.
   */
  addRow<K extends RowKind>(kind: K, row: CheckedRow<K>, file: string, line: number): FigureTarget | undefined {
    let target: FigureTarget | undefined;
    switch (kind) {
      case 'region':
        this.regionRow(row as CheckedRow<'region'>, file, line);
        return undefined;
      case 'crosswalk': {
        const r = row as CheckedRow<'crosswalk'>;
        this.crosswalkRows.push({ ...r, line });
        this.crosswalkFrom.add(r.from);
        return undefined;
      }
      case 'population': {
        const r = row as CheckedRow<'population'>;
        target = this.regionTarget('population', this.population, r.region, file, line);
        if (target) this.addFigure(target, r.year, r.population, file, line);
        return target;
      }
      case 'bedStock':
      case 'bedEvents': {
        const stock = kind === 'bedStock';
        const r = row as CheckedRow<'bedStock'> & CheckedRow<'bedEvents'>;
        // All bed rows of a region and year are summed, whatever their bed_type or facility.
        if (this.beds.shape !== (stock ? 'stock' : 'events')) {
          this.knownRegion(r.region, file, line);
          return undefined;
        }
        target = this.regionTarget(kind as FigureKind, this.bedSeries, r.region, file, line);
        if (target) this.addFigure(target, stock ? r.year : r.date, stock ? r.beds : r.beds_closed, file, line);
        return target;
      }
      default: {
        const r = row as CheckedRow<'services'>;
        target = this.serviceTarget(r, file, line);
        if (target) this.addFigure(target, r.year, r.capacity, file, line);
        return target;
      }
    }
  }

  /** Add the figure of a row whose kind and key are those of the row `target` came from. */
  addAgain(target: FigureTarget, year: number, value: number, file: string, line: number): void {
    if (target.use !== undefined) target.use.rows++;
    this.addFigure(target, year, value, file, line);
  }

  /** The one place every figure passes: the region, series key, year, value, file and line of a row. */
  private addFigure(target: FigureTarget, year: number, value: number, file: string, line: number): void {
    const lines = target.lines;
    if (lines !== undefined) {
      const first = lines.get(year);
      if (first !== undefined) {
        this.addIssue({
          file,
          line,
          columns: ['region', 'year'],
          message: `population of ${quoteValue(target.region)} in ${year} is given twice (first on line ${first})`,
        });
        return;
      }
      lines.set(year, line);
    }
    target.years.add(year, value);
  }

  private knownRegion(code: string, file: string, line: number): boolean {
    if (this.regions.has(code) || this.crosswalkFrom.has(code)) return true;
    this.tallies.unknownRegion(file, code, line);
    return false;
  }

  /** Note where the first figure of a region code was read. */
  private noteData(code: string, file: string, line: number): void {
    if (!this.dataOrigins.has(code)) this.dataOrigins.set(code, { file, line });
  }

  /** The target of a region's population or beds. */
  private regionTarget(kind: FigureKind, map: Map<string, DenseYearSeries>, region: string, file: string, line: number): FigureTarget | undefined {
    if (!this.knownRegion(region, file, line)) return undefined;
    this.noteData(region, file, line);
    let lines: Map<number, number> | undefined;
    if (kind === 'population') {
      lines = this.populationLines.get(region);
      if (!lines) this.populationLines.set(region, (lines = new Map()));
    }
    return { kind, region, key: undefined, years: seriesOf(map, region), use: undefined, lines };
  }

  private serviceTarget(row: CheckedRow<'services'>, file: string, line: number): FigureTarget | undefined {
    // Rows come grouped by region in most files: the region's checks and its series are kept
    // from one row to the next (a code is known, and noted, once it has been seen with a figure).
    let byKey: Map<string, ServiceSeries> | undefined;
    if (row.region === this.lastService?.region) byKey = this.lastService.byKey;
    else if (!this.knownRegion(row.region, file, line)) return undefined;
    const lookup = this.serviceLookups.use(row.service, line);
    const category = lookup.use.category;
    if (category === undefined) {
      this.tallies.unmappedService(file, row.service, line);
      return undefined;
    }
    const key = this.serviceLookups.weightKey(lookup, category, row.unit);
    if (key === null) {
      this.tallies.noWeight(file, category, row.unit, line);
      return undefined;
    }
    if (byKey === undefined) {
      byKey = this.services.get(row.region);
      if (!byKey) this.services.set(row.region, (byKey = new Map()));
      this.noteData(row.region, file, line);
      this.lastService = { region: row.region, byKey };
    }
    let series = byKey.get(key);
    if (!series) byKey.set(key, (series = { category, unit: row.unit, years: new DenseYearSeries() }));
    return { kind: 'services', region: row.region, key, years: series.years as DenseYearSeries, use: lookup.use, lines: undefined };
  }

  private regionRow(row: CheckedRow<'region'>, file: string, line: number): void {
    const first = this.regions.get(row.region);
    if (first) {
      this.addIssue({ file, line, columns: ['region'], message: `region ${quoteValue(row.region)} is listed twice (first on line ${first.line})` });
      return;
    }
    this.regions.set(row.region, { code: row.region, name: row.name ?? row.region, parent: row.parent, line });
  }

  /** After regions.csv: every parent must be a known region. */
  endRegions(file: string): void {
    for (const region of this.regions.values()) {
      if (region.parent === undefined || this.regions.has(region.parent)) continue;
      const hint = nearest(region.parent, this.regions.keys());
      this.addIssue({
        file,
        line: region.line,
        columns: ['parent'],
        message: `unknown parent region ${quoteValue(region.parent)}${hint ? `; did you mean ${quoteValue(hint)}?` : ''}`,
      });
    }
    const parents = new Map([...this.regions.values()].map((r) => [r.code, r.parent]));
    for (const cycle of findCycles(parents)) {
      this.addIssue({
        file,
        line: this.regions.get(cycle[0]!)!.line,
        columns: ['parent'],
        message: `the parent links loop: ${[...cycle, cycle[0]!].map((c) => quoteValue(c)).join(' → ')}; a region cannot lie inside itself`,
      });
    }
  }

  /** After crosswalk.csv: check the shares, the codes and the chains. */
  endCrosswalk(file: string): void {
    const { crosswalk, issues } = buildCrosswalk(this.crosswalkRows, this.regions, file);
    for (const issue of issues) this.addIssue(issue);
    this.crosswalk = { table: crosswalk, valid: issues.length === 0 };
  }

  /** After population.csv: its duplicate check is done, and its line tables can go. */
  endPopulation(): void {
    this.populationLines.clear();
  }

  /** The dataset and every problem found; the dataset is only meaningful when issues is empty. */
  finish(): { dataset: Dataset; issues: InputIssue[] } {
    this.tallies.report({
      knownCodes: () => [...this.regions.keys(), ...this.crosswalkFrom],
      taxonomy: this.options.taxonomy,
      allowUnmapped: this.options.allowUnmapped === true,
      issue: (issue) => this.addIssue(issue),
      warning: (warning) => this.warnings.push(warning),
    });
    const regions = new Map<string, RegionInfo>();
    for (const { line: _line, ...info } of this.regions.values()) regions.set(info.code, info);
    let dataset: Dataset = {
      regions,
      population: this.population,
      beds: this.beds,
      services: this.services,
      serviceNames: this.serviceLookups.names,
      warnings: this.warnings,
      provenance: this.provenance,
    };
    let origins: ReadonlyMap<string, DataOrigin> = this.dataOrigins;
    if (this.crosswalk?.valid) {
      const table = this.crosswalk.table;
      const applied = applyCrosswalk(dataset, table);
      for (const issue of strandedIssues(applied.stranded, table, (code) => this.dataOrigins.get(code))) this.addIssue(issue);
      dataset = applied.dataset;
      // A region's figures now include those mapped onto it: its origin is the first of them.
      const mapped = new Map<string, DataOrigin>();
      for (const [code, origin] of this.dataOrigins) {
        for (const target of applied.mappedInto.get(code) ?? []) {
          if (!mapped.has(target)) mapped.set(target, target === code ? origin : { ...origin, via: code });
        }
      }
      origins = mapped;
    }
    for (const issue of mixedLevelIssues(this.regions, origins)) this.addIssue(issue);
    const issues = [...this.issues];
    const max = this.options.maxIssuesPerFile ?? 1000;
    for (const [file, count] of this.issueCounts) {
      if (count > max) issues.push({ file, message: `${count - max} more problems not shown (${count} in all)` });
    }
    return { dataset, issues };
  }
}
