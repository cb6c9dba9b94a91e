// Turns checked rows into a Dataset, one row at a time, collecting every problem instead of
// stopping at the first. Rows are checked before they come here (RowValidator, by the readers);
// addRow is the one way in for a row of any file. Files must arrive in SPEC order: regions,
// population, beds, services (the region codes of regions.csv are what the other files are
// checked against). A crosswalk (crosswalk.ts) comes right after regions: the codes it maps are
// known codes too, and finish() moves their figures to current codes, then checks that no branch
// of the regions' tree has the same kind of figure at two levels (hierarchy.ts).
//
// Region codes are compared as regions.csv gives them, and else after Unicode NFC without
// zero-width characters (text-identity.ts), each distinct code normalised once; names read in
// another form than the one known are said in notices (name-notices.ts).
import { applyCrosswalk, type Crosswalk, type CrosswalkRow, buildCrosswalk, strandedIssues } from './crosswalk.js';
import type { BedData, Dataset, Provenance, RegionInfo, ServiceSeries } from './dataset.js';
import { DenseYearSeries } from './dense-year-series.js';
import type { FigureKind, FigureTarget } from './figure-rows.js';
import { type DataOrigin, findCycles, mixedLevelIssues } from './hierarchy.js';
import { type InputIssue, IssueCollector, quoteValue, type Warning } from './issues.js';
import { NameNotices } from './name-notices.js';
import type { CheckedRow, RowKind } from './row-validator.js';
import { codeHint, RowTallies } from './row-tallies.js';
import { ServiceLookups } from './service-lookups.js';
import { SuggestionIndex } from './suggest.js';
import type { Taxonomy } from './taxonomy.js';
import { canonicalCode } from './text-identity.js';
import type { WeightTable } from './weights.js';
import { appendAll } from './append-all.js';

export type { FigureTarget } from './figure-rows.js';

export interface BuilderOptions {
  readonly taxonomy: Taxonomy;
  readonly weights: WeightTable;
  /** Drop rows whose service name maps to nothing, with a warning (SPEC §2 `--allow-unmapped`). */
  readonly allowUnmapped?: boolean | undefined;
  /** At most this many distinct problems are kept per file (the same problem on many lines is
   * one); the rest are counted. */
  readonly maxIssuesPerFile?: number | undefined;
  /** The figures are rates per 100,000 (--rates): none may be summed up the tree, so each branch
   * has all its figures at one level, whatever their kind. */
  readonly rates?: boolean | undefined;
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
   * emptied by endPopulation() (memory the services file can use). Each region's lines are a
   * DenseYearSeries (whole numbers in 32-bit slots), not a Map: 5,000 regions × 30 years as Maps
   * were 150,000 hash entries made and collected while the small files are read: 30–45 ms of the
   * 300–450 it takes to read the regions, population and beds (the collector's work carried over
   * into the beds), and 10–14 MB of a run's peak (issue 18, docs/performance.md). Their slots
   * stay reserved in the blocks they share with the population's series after endPopulation()
   * (4 bytes a year: 0.6 MB at 5,000 regions). */
  private readonly populationLines = new Map<string, DenseYearSeries>();
  private beds: BedData = { shape: 'none' };
  private readonly bedSeries = new Map<string, DenseYearSeries>();
  private readonly services = new Map<string, Map<string, ServiceSeries>>();
  private readonly serviceLookups: ServiceLookups;
  /** The region code of the last service row with figures as the row gave it, the known code it
   * is, and the region's series. */
  private lastService: { raw: string; region: string; byKey: Map<string, ServiceSeries> } | undefined;
  /** Every problem found: the same problem on many lines grouped, at most maxIssuesPerFile per file. */
  private readonly issues: IssueCollector;
  private readonly warnings: Warning[] = [];
  private provenance: Provenance | undefined;
  private readonly tallies = new RowTallies();
  private readonly notices = new NameNotices();
  /** Codes written otherwise than regions.csv writes them (Unicode form, zero-width characters):
   * per distinct code, the known code it is (null: none), so each is normalised once. */
  private readonly codeForms = new Map<string, string | null>();
  // Where each region code's first figure of each kind was read ("population", "beds",
  // "services <category/unit>"), for messages about the same kind at two levels of the tree.
  private readonly dataOrigins = new Map<string, Map<string, DataOrigin>>();
  private readonly serviceKinds = new Map<string, string>();
  private readonly crosswalkRows: CrosswalkRow[] = [];
  private readonly crosswalkFrom = new Set<string>();
  private crosswalk: { readonly table: Crosswalk; readonly valid: boolean } | undefined;

  constructor(private readonly options: BuilderOptions) {
    this.serviceLookups = new ServiceLookups(options.taxonomy, options.weights, this.notices);
    this.issues = new IssueCollector(options.maxIssuesPerFile ?? 1000);
  }

  /** Record a problem found while reading a file (header, structure, encoding, a row's cells).
   * The same problem on many lines (the same message, or the same `group`) is kept once, with
   * its lines. */
  addIssue(issue: InputIssue): void {
    this.issues.add(issue);
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
        const from = this.ownCode(r.from, file, line);
        // Object.assign: a spread's copies each get a hidden class of their own in V8 (core/interval.ts).
        this.crosswalkRows.push(Object.assign({}, r, { from, to: this.ownCode(r.to, file, line), line }));
        this.crosswalkFrom.add(from);
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
        target = this.regionTarget(kind, this.bedSeries, r.region, file, line);
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

  /** Will another issue of this file be shown (or only counted)? Hints are worked out only for
   * issues that are shown. */
  private shown(file: string): boolean {
    return !this.issues.isFull(file);
  }

  private isKnownCode(code: string): boolean {
    return this.regions.has(code) || this.crosswalkFrom.has(code);
  }

  /** The known code a row's region code is (itself, or the same code after Unicode NFC and
   * without zero-width characters), or undefined after noting an unknown code. */
  private knownRegion(code: string, file: string, line: number): string | undefined {
    if (this.isKnownCode(code)) return code;
    let known = this.codeForms.get(code);
    // Stryker disable next-line ConditionalExpression: a memo; working a code's form out again gives the same known code
    if (known === undefined) {
      // `code` itself is not known (above): its canonical form is known only if it differs.
      const canonical = canonicalCode(code);
      known = this.isKnownCode(canonical) ? canonical : null;
      this.codeForms.set(code, known);
    }
    if (known !== null) {
      this.notices.code(file, code, known, line);
      return known;
    }
    this.tallies.unknownRegion(file, code, line);
    return undefined;
  }

  /** A region code as regions.csv and crosswalk.csv give it, compared in its canonical form. */
  private ownCode(code: string, file: string, line: number): string {
    const canonical = canonicalCode(code);
    if (canonical !== code) this.notices.code(file, code, canonical, line);
    return canonical;
  }

  /** Note where the first figure of a kind ("population", "beds", "services crisis/teams") of a
   * region code was read. */
  private noteData(kind: string, code: string, file: string, line: number): void {
    let byCode = this.dataOrigins.get(kind);
    if (!byCode) this.dataOrigins.set(kind, (byCode = new Map()));
    if (!byCode.has(code)) byCode.set(code, { file, line });
  }

  /** The kind of figure "services <key>", the same string for every series of the key: a large
   * file has a series per region and key, and a string made afresh is hashed afresh by every
   * lookup of noteData (issue 18). */
  private serviceKind(key: string): string {
    let kind = this.serviceKinds.get(key);
    if (kind === undefined) this.serviceKinds.set(key, (kind = `services ${key}`));
    return kind;
  }

  /** Where the first figure of any kind of a region code was read. */
  private firstOrigin(code: string): DataOrigin | undefined {
    for (const byCode of this.dataOrigins.values()) {
      const origin = byCode.get(code);
      if (origin !== undefined) return origin;
    }
    return undefined;
  }

  /** The target of a region's population or beds (`code` as the row gives it). */
  private regionTarget(kind: FigureKind, map: Map<string, DenseYearSeries>, code: string, file: string, line: number): FigureTarget | undefined {
    const region = this.knownRegion(code, file, line);
    if (region === undefined) return undefined;
    this.noteData(kind === 'population' ? 'population' : 'beds', region, file, line);
    let lines: DenseYearSeries | undefined;
    if (kind === 'population') lines = seriesOf(this.populationLines, region);
    return { region, key: undefined, years: seriesOf(map, region), use: undefined, lines };
  }

  private serviceTarget(row: CheckedRow<'services'>, file: string, line: number): FigureTarget | undefined {
    // Rows come grouped by region in most files: the region's checks and its series are kept
    // from one row to the next (a code is known, and noted, once it has been seen with a figure).
    let byKey: Map<string, ServiceSeries> | undefined;
    let region: string | undefined;
    const last = this.lastService;
    // Stryker disable next-line ConditionalExpression: a shortcut; looking the region up again finds the same code and series
    if (last !== undefined && row.region === last.raw) ({ byKey, region } = last);
    else if ((region = this.knownRegion(row.region, file, line)) === undefined) return undefined;
    const lookup = this.serviceLookups.use(row.service, file, line);
    const category = lookup.use.category;
    if (category === undefined) {
      this.tallies.unmappedService(file, row.service, line);
      return undefined;
    }
    const unit = this.serviceLookups.unit(lookup, category, row.unit, file, line);
    const key = unit.key;
    if (key === null) {
      this.tallies.noWeight(file, category, unit.unit, line);
      return undefined;
    }
    // Stryker disable next-line ConditionalExpression: a shortcut; the map of a region kept from the row before is the one looked up here
    if (byKey === undefined) {
      byKey = this.services.get(region);
      if (!byKey) this.services.set(region, (byKey = new Map()));
      // Stryker disable next-line ObjectLiteral: a memo; without it every row looks its region up
      this.lastService = { raw: row.region, region, byKey };
    }
    let series = byKey.get(key);
    if (!series) {
      byKey.set(key, (series = { category, unit: unit.unit, years: new DenseYearSeries() }));
      // Each series is a kind of figure of its own for the tree's check (also when the region's
      // checks were kept from the row before).
      this.noteData(this.serviceKind(key), region, file, line);
    }
    return { region, key, years: series.years as DenseYearSeries, use: lookup.use, lines: undefined };
  }

  private regionRow(row: CheckedRow<'region'>, file: string, line: number): void {
    const code = this.ownCode(row.region, file, line);
    // Stryker disable next-line ConditionalExpression: ownCode(undefined) gives undefined back too (canonicalCode's test reads it as plain ASCII text); the guard keeps the types honest
    const parent = row.parent === undefined ? undefined : this.ownCode(row.parent, file, line);
    const first = this.regions.get(code);
    if (first) {
      const how = code === row.region ? '' : ' (the same code once Unicode forms and zero-width characters are set aside)';
      this.addIssue({ file, line, columns: ['region'], message: `region ${quoteValue(row.region)} is listed twice${how} (first on line ${first.line})` });
      return;
    }
    this.regions.set(code, { code, name: row.name ?? code, parent, line });
  }

  /**
   * regions.csv could not be read whole (its header, its encoding …: its own problems say why).
   * The codes of the other files are then not checked against the part of it that was read, which
   * would call every code unknown; one problem says they were not checked.
   */
  regionsUnread(file: string): void {
    this.regionsUnreadFile = file;
  }

  private regionsUnreadFile: string | undefined;

  /** After regions.csv: every parent must be a known region. */
  endRegions(file: string): void {
    let hints: SuggestionIndex | undefined;
    for (const region of this.regions.values()) {
      if (region.parent === undefined || this.regions.has(region.parent)) continue;
      const hint = this.shown(file)
        ? codeHint(region.parent, (hints ??= new SuggestionIndex(this.regions.keys())), 'in regions.csv')
        : // Stryker disable next-line StringLiteral: an issue past the file's cap is only counted: its text is never shown
          '';
      this.addIssue({ file, line: region.line, columns: ['parent'], message: `unknown parent region ${quoteValue(region.parent)}${hint}` });
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
  // Stryker disable next-line BlockStatement: frees memory only; no population row comes after population.csv
  endPopulation(): void {
    this.populationLines.clear();
  }

  /**
   * The dataset and every problem found, grouped and sorted by file (in `fileOrder`, the files as
   * they were read), then line; the dataset is only meaningful when issues is empty.
   */
  // Stryker disable next-line ArrayDeclaration: the default only ranks files; one that no issue names changes no order
  finish(fileOrder: readonly string[] = []): { dataset: Dataset; issues: InputIssue[] } {
    if (this.regionsUnreadFile !== undefined && this.tallies.hasUnknownRegions()) {
      this.addIssue({ file: this.regionsUnreadFile, message: 'the region codes of the other files are not checked against it: it could not be read whole, for the problem given with it' });
    }
    this.tallies.report({
      checkRegions: this.regionsUnreadFile === undefined,
      knownCodes: () => [...this.regions.keys(), ...this.crosswalkFrom],
      taxonomy: this.options.taxonomy,
      allowUnmapped: this.options.allowUnmapped === true,
      shown: (file) => this.shown(file),
      issue: (issue) => this.addIssue(issue),
      warning: (warning) => this.warnings.push(warning),
    });
    appendAll(this.warnings, this.notices.warnings());
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
    let origins: ReadonlyMap<string, ReadonlyMap<string, DataOrigin>> = this.dataOrigins;
    if (this.crosswalk?.valid) {
      const table = this.crosswalk.table;
      const applied = applyCrosswalk(dataset, table);
      for (const issue of strandedIssues(applied.stranded, table, (code) => this.firstOrigin(code))) this.addIssue(issue);
      dataset = applied.dataset;
      // A region's figures now include those mapped onto it: its origin is the first of them.
      const mappedKinds = new Map<string, Map<string, DataOrigin>>();
      for (const [kind, byCode] of this.dataOrigins) {
        const mapped = new Map<string, DataOrigin>();
        for (const [code, origin] of byCode) {
          for (const target of applied.mappedInto.get(code) ?? []) {
            if (!mapped.has(target)) mapped.set(target, target === code ? origin : { ...origin, via: code });
          }
        }
        mappedKinds.set(kind, mapped);
      }
      origins = mappedKinds;
    }
    // The same kind of figure at two levels of one branch would count it twice; different kinds
    // at different levels (population by county, beds by health region) are summed up (hierarchy.ts).
    // Rates are never summed: with --rates any figure at two levels of a branch is a problem.
    if (this.options.rates) {
      const anyKind = new Map<string, DataOrigin>();
      for (const byCode of origins.values()) for (const [code, origin] of byCode) if (!anyKind.has(code)) anyKind.set(code, origin);
      for (const issue of mixedLevelIssues(this.regions, anyKind, 'rates')) this.addIssue(issue);
    } else for (const [kind, byCode] of origins) for (const issue of mixedLevelIssues(this.regions, byCode, kind)) this.addIssue(issue);
    return { dataset, issues: this.issues.list(fileOrder) };
  }
}
