// Turns validated rows into a Dataset, one row at a time, collecting every problem instead of
// stopping at the first. Files must arrive in SPEC order: regions, population, beds, services
// (the region codes of regions.csv are what the other files are checked against). A crosswalk
// (crosswalk.ts) comes right after regions: the codes it maps are known codes too, and finish()
// moves their figures to current codes, then checks that no branch of the regions' tree has
// figures at two levels (hierarchy.ts).
import { DenseYearSeries } from './dense-year-series.js';
import { applyCrosswalk, type Crosswalk, type CrosswalkRow, buildCrosswalk, strandedIssues } from './crosswalk.js';
import type { BedData, Dataset, Provenance, RegionInfo, ServiceSeries, YearSeries } from './dataset.js';
import { type DataOrigin, findCycles, mixedLevelIssues } from './hierarchy.js';
import { describeLines, type InputIssue, IssueCollector, quoteValue, type Warning } from './issues.js';
import { DEFAULT_NUMBER_FORMAT, type NumberFormat } from './numbers.js';
import { type CheckedRow, type RawRow, type RowKind, RowValidator } from './row-validator.js';
import type { Category } from './categories.js';
import { RecentStrings } from './recent-strings.js';
import { SuggestionIndex } from './suggest.js';
import type { Taxonomy, TaxonomyEntry } from './taxonomy.js';
import { canonicalCode, describeCanonicalChange, describeInvisibleDifference } from './text-identity.js';
import type { AliasEntry } from './alias-table.js';
import { unitOfCell } from './unit-aliases.js';
import type { Unit } from './units.js';
import { weightKey, type WeightTable } from './weights.js';

export type { RawRow } from './row-validator.js';

export interface BuilderOptions {
  readonly taxonomy: Taxonomy;
  readonly weights: WeightTable;
  /** Drop rows whose service name maps to nothing, with a warning (SPEC §2 `--allow-unmapped`). */
  readonly allowUnmapped?: boolean | undefined;
  /** At most this many issues are kept per file; the rest are counted. */
  readonly maxIssuesPerFile?: number | undefined;
  /** How numbers are written until setNumberFormat says otherwise (default: plain, with a point). */
  readonly numberFormat?: NumberFormat | undefined;
  /** The figures are rates per 100,000 (--rates): none may be summed up the tree, so each branch
   * has all its figures at one level, whatever their kind. */
  readonly rates?: boolean | undefined;
}

/** Lines on which one thing occurs: the first few, and how many in all. */
class LineTally {
  readonly lines: number[] = [];
  count = 0;
  add(line: number): void {
    if (this.lines.length < 5) this.lines.push(line);
    this.count++;
  }
}

function tally<K>(map: Map<K, LineTally>, key: K, line: number): void {
  let t = map.get(key);
  if (!t) map.set(key, (t = new LineTally()));
  t.add(line);
}

/** Note where `name` was first met in a file (and count it). */
function firstUse<T>(byFile: Map<string, Map<string, FirstUse<T>>>, file: string, name: string, value: T, line: number): void {
  let uses = byFile.get(file);
  if (!uses) byFile.set(file, (uses = new Map()));
  let use = uses.get(name);
  if (!use) uses.set(name, (use = { value, tally: new LineTally() }));
  use.tally.add(line);
}

/** "; did you mean "X"?" for an unknown code, saying how they differ when no one could see it. */
function hintFor(code: string, known: SuggestionIndex, where: string): string {
  const hint = known.nearest(code);
  if (hint === undefined) return '';
  const invisible = describeInvisibleDifference(code, hint, where);
  return `; did you mean ${quoteValue(hint)}?${invisible ? ` (${invisible})` : ''}`;
}

function addTo(series: YearSeries, year: number, value: number): void {
  series.set(year, (series.get(year) ?? 0) + value);
}

function seriesOf<K>(map: Map<K, YearSeries>, key: K): YearSeries {
  let s = map.get(key);
  if (!s) map.set(key, (s = new DenseYearSeries()));
  return s;
}

/** Per distinct service name: its use count and, per unit cell, its unit and weight key (key
 * null: no weight). */
interface ServiceLookup {
  readonly use: { category: Category | undefined; rows: number; firstLine: number };
  readonly units: Map<string, { readonly unit: Unit; readonly key: string | null }>;
}

/** Where something was first met in a file, and how often. */
interface FirstUse<T> {
  readonly value: T;
  readonly tally: LineTally;
}

/** Where a service row's capacity goes (DatasetBuilder.serviceTarget). */
export interface ServiceTarget {
  readonly use: { rows: number };
  readonly years: YearSeries;
}

/** Builds a Dataset from raw rows, one at a time, collecting every problem (for custom loaders). */
export class DatasetBuilder {
  private readonly regions = new Map<string, RegionInfo & { line: number }>();
  private readonly population = new Map<string, YearSeries>();
  /** Where each region and year's population was given, to report one given twice; emptied by
   * endPopulation() (150,000 keys for 5,000 regions × 30 years: memory the services file can use). */
  private readonly populationLines = new Map<string, number>();
  private beds: BedData = { shape: 'none' };
  private readonly services = new Map<string, Map<string, ServiceSeries>>();
  private readonly serviceNames: Dataset['serviceNames'] = new Map();
  /** Per distinct service name: its use count and, per unit, its weight key (null: no weight). */
  private readonly serviceLookups = new Map<string, ServiceLookup>();
  /** The lookups of recent names (RecentStrings: most rows repeat one of a few dozen names). */
  private readonly recentNames = new RecentStrings<ServiceLookup>();
  /** The region of the last service row with figures, and its series. */
  private lastService: { raw: string; region: string; byKey: Map<string, ServiceSeries> } | undefined;
  /** Every problem found: the same problem on many lines grouped, at most maxIssuesPerFile per file. */
  private readonly issues: IssueCollector;
  private readonly warnings: Warning[] = [];
  private provenance: Provenance | undefined;
  private readonly validator: RowValidator;
  private readonly unknownRegions = new Map<string, Map<string, LineTally>>();
  /** Codes written otherwise than regions.csv writes them (Unicode form, zero-width characters):
   * per distinct code, the known code it is (null: none), so each is normalised once. */
  private readonly codeForms = new Map<string, string | null>();
  /** Per file, the codes read only after normalisation, for a notice. */
  private readonly normalizedCodes = new Map<string, Map<string, FirstUse<string>>>();
  /** "Did you mean" for unknown region codes, built on the first that needs one. */
  private regionHints: SuggestionIndex | undefined;
  /** Per file, the service names only the loose layer of the taxonomy mapped, for a notice. */
  private readonly looseNames = new Map<string, Map<string, FirstUse<TaxonomyEntry>>>();
  /** Per file, the local unit names read as SPEC units, for a notice. */
  private readonly unitAliases = new Map<string, Map<string, FirstUse<AliasEntry<Unit>>>>();
  private readonly unmapped = new Map<string, Map<string, LineTally>>();
  private readonly unweighted = new Map<string, Map<string, LineTally>>();
  // Where each region code's first figure of each kind was read (population, beds, each service
  // series), for messages about the same figure at two levels of the tree (hierarchy.ts).
  private readonly dataOrigins = new Map<string, Map<string, DataOrigin>>();
  private readonly crosswalkRows: CrosswalkRow[] = [];
  private readonly crosswalkFrom = new Set<string>();
  private crosswalk: { readonly table: Crosswalk; readonly valid: boolean } | undefined;

  constructor(private readonly options: BuilderOptions) {
    this.validator = new RowValidator(options.numberFormat ?? DEFAULT_NUMBER_FORMAT);
    this.issues = new IssueCollector(options.maxIssuesPerFile ?? 1000);
  }

  /** How the numbers of the rows that follow are written (each file may differ). */
  setNumberFormat(format: NumberFormat): void {
    this.validator.setNumberFormat(format);
  }

  /** Record a problem found while reading a file (header, structure, encoding). The same problem
   * on many lines (the same message, or the same `group`) is kept once, with its lines. */
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
    this.beds = { shape, byRegion: new Map() };
  }

  private readonly onIssue = (issue: InputIssue): void => this.addIssue(issue);

  /** Validate one raw row; undefined (and issues recorded) if invalid. */
  private check<K extends RowKind>(kind: K, raw: RawRow, file: string, line: number): CheckedRow<K> | undefined {
    return this.validator.check(kind, raw, file, line, this.onIssue);
  }

  /**
   * Add a row that was already checked (by a RowValidator, as in the worker threads that read
   * large files): the same as the add… method of its kind after a successful check.
   */
  addChecked<K extends Exclude<RowKind, 'region'>>(kind: K, row: CheckedRow<K>, file: string, line: number): void {
    switch (kind) {
      case 'population':
        return this.populationRow(row as CheckedRow<'population'>, file, line);
      case 'bedStock':
        return this.bedStockRow(row as CheckedRow<'bedStock'>, file, line);
      case 'bedEvents':
        return this.bedEventRow(row as CheckedRow<'bedEvents'>, file, line);
      default:
        this.serviceRow(row as CheckedRow<'services'>, file, line);
    }
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
    if (known === undefined) {
      const canonical = canonicalCode(code);
      known = canonical !== code && this.isKnownCode(canonical) ? canonical : null;
      this.codeForms.set(code, known);
    }
    if (known !== null) {
      firstUse(this.normalizedCodes, file, code, known, line);
      return known;
    }
    let byCode = this.unknownRegions.get(file);
    if (!byCode) this.unknownRegions.set(file, (byCode = new Map()));
    tally(byCode, code, line);
    return undefined;
  }

  /** A region code as regions.csv and crosswalk.csv give it, compared in its canonical form. */
  private ownCode(code: string, file: string, line: number): string {
    const canonical = canonicalCode(code);
    if (canonical !== code) firstUse(this.normalizedCodes, file, code, canonical, line);
    return canonical;
  }

  addRegion(raw: RawRow, file: string, line: number): void {
    const row = this.check('region', raw, file, line);
    if (!row) return;
    const code = this.ownCode(row.region, file, line);
    const parent = row.parent === undefined ? undefined : this.ownCode(row.parent, file, line);
    const first = this.regions.get(code);
    if (first) {
      const how = code === row.region && code === first.code ? '' : ' (the same code once Unicode forms and zero-width characters are set aside)';
      this.addIssue({ file, line, columns: ['region'], message: `region ${quoteValue(row.region)} is listed twice${how} (first on line ${first.line})` });
      return;
    }
    this.regions.set(code, { code, name: row.name ?? code, parent, line });
  }

  /** After regions.csv: every parent must be a known region. */
  endRegions(file: string): void {
    let hints: SuggestionIndex | undefined;
    for (const region of this.regions.values()) {
      if (region.parent === undefined || this.regions.has(region.parent)) continue;
      const hint = this.shown(file) ? hintFor(region.parent, (hints ??= new SuggestionIndex(this.regions.keys())), 'in regions.csv') : '';
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

  /** One row of crosswalk.csv (after regions.csv, before the files with figures). */
  addCrosswalk(raw: RawRow, file: string, line: number): void {
    const row = this.validator.checkCrosswalk(raw, file, line, this.onIssue);
    if (!row) return;
    const from = this.ownCode(row.from, file, line);
    this.crosswalkRows.push({ ...row, from, to: this.ownCode(row.to, file, line), line });
    this.crosswalkFrom.add(from);
  }

  /** After crosswalk.csv: check the shares, the codes and the chains. */
  endCrosswalk(file: string): void {
    const { crosswalk, issues } = buildCrosswalk(this.crosswalkRows, this.regions, file);
    for (const issue of issues) this.addIssue(issue);
    this.crosswalk = { table: crosswalk, valid: issues.length === 0 };
  }

  /** Note where the first figure of a kind ("population", "beds", "services crisis/teams") of a region code was read. */
  private noteData(kind: string, code: string, file: string, line: number): void {
    let byCode = this.dataOrigins.get(kind);
    if (!byCode) this.dataOrigins.set(kind, (byCode = new Map()));
    if (!byCode.has(code)) byCode.set(code, { file, line });
  }

  /** Where the first figure of any kind of a region code was read. */
  private firstOrigin(code: string): DataOrigin | undefined {
    for (const byCode of this.dataOrigins.values()) {
      const origin = byCode.get(code);
      if (origin !== undefined) return origin;
    }
    return undefined;
  }

  addPopulation(raw: RawRow, file: string, line: number): void {
    const row = this.check('population', raw, file, line);
    if (row) this.populationRow(row, file, line);
  }

  private populationRow(row: CheckedRow<'population'>, file: string, line: number): void {
    const region = this.knownRegion(row.region, file, line);
    if (region === undefined) return;
    const key = `${region}\u0000${row.year}`;
    const first = this.populationLines.get(key);
    if (first !== undefined) {
      this.addIssue({
        file,
        line,
        columns: ['region', 'year'],
        message: `population of ${quoteValue(region)} in ${row.year} is given twice (first on line ${first})`,
      });
      return;
    }
    this.populationLines.set(key, line);
    seriesOf(this.population, region).set(row.year, row.population);
    this.noteData('population', region, file, line);
  }

  /** After population.csv: its duplicate check is done, and its line table can go. */
  endPopulation(): void {
    this.populationLines.clear();
  }

  addBedStock(raw: RawRow, file: string, line: number): void {
    const row = this.check('bedStock', raw, file, line);
    if (row) this.bedStockRow(row, file, line);
  }

  private bedStockRow(row: CheckedRow<'bedStock'>, file: string, line: number): void {
    const region = this.knownRegion(row.region, file, line);
    if (region === undefined || this.beds.shape !== 'stock') return;
    // All bed rows of a region and year are summed, whatever their bed_type or facility.
    addTo(seriesOf(this.beds.byRegion, region), row.year, row.beds);
    this.noteData('beds', region, file, line);
  }

  addBedEvent(raw: RawRow, file: string, line: number): void {
    const row = this.check('bedEvents', raw, file, line);
    if (row) this.bedEventRow(row, file, line);
  }

  private bedEventRow(row: CheckedRow<'bedEvents'>, file: string, line: number): void {
    const region = this.knownRegion(row.region, file, line);
    if (region === undefined || this.beds.shape !== 'events') return;
    addTo(seriesOf(this.beds.byRegion, region), row.date, row.beds_closed);
    this.noteData('beds', region, file, line);
  }

  addService(raw: RawRow, file: string, line: number): void {
    const row = this.check('services', raw, file, line);
    if (row) this.serviceRow(row, file, line);
  }

  /**
   * addChecked('services', …), and where the row's capacity went: another row of the same
   * region, name and unit has exactly the effect of addToTarget (undefined: the row only counted
   * in an issue, and the next such row must be added in full). Lets a caller that knows rows
   * repeat skip the lookups (io/piece-rows.ts).
   */
  serviceTarget(row: CheckedRow<'services'>, file: string, line: number): ServiceTarget | undefined {
    return this.serviceRow(row, file, line);
  }

  /** Add a row whose region, name and unit are those of the row that `target` came from. */
  addToTarget(target: ServiceTarget, year: number, capacity: number): void {
    target.use.rows++;
    addTo(target.years, year, capacity);
  }

  private serviceRow(row: CheckedRow<'services'>, file: string, line: number): ServiceTarget | undefined {
    // Rows come grouped by region in most files: the region's checks and its series are kept
    // from one row to the next (a code is known, and noted, once it has been seen with a figure).
    let byKey: Map<string, ServiceSeries> | undefined;
    let region: string | undefined;
    if (row.region === this.lastService?.raw) ({ byKey, region } = this.lastService);
    else if ((region = this.knownRegion(row.region, file, line)) === undefined) return;
    // Each distinct name is looked up once (normalising it is the costly part), and so is the
    // unit and weight of each of its unit cells.
    let name = this.recentName(row.service);
    if (name) name.use.rows++;
    else {
      const match = this.options.taxonomy.match(row.service);
      if (match?.loose) firstUse(this.looseNames, file, row.service, match.entry, line);
      const use = { category: match?.entry.category, rows: 1, firstLine: line };
      this.serviceNames.set(row.service, use);
      this.serviceLookups.set(row.service, (name = { use, units: new Map() }));
      this.recentNames.set(row.service, name);
    }
    const category = name.use.category;
    if (category === undefined) {
      let byName = this.unmapped.get(file);
      if (!byName) this.unmapped.set(file, (byName = new Map()));
      tally(byName, row.service, line);
      return;
    }
    let unit = name.units.get(row.unit);
    if (unit === undefined) {
      const cell = unitOfCell(row.unit);
      if (cell.alias) firstUse(this.unitAliases, file, cell.alias.name, cell.alias, line);
      const k = weightKey(category, cell.unit);
      name.units.set(row.unit, (unit = { unit: cell.unit, key: this.options.weights.has(k) ? k : null }));
    }
    const key = unit.key;
    if (key === null) {
      let byPair = this.unweighted.get(file);
      if (!byPair) this.unweighted.set(file, (byPair = new Map()));
      tally(byPair, weightKey(category, unit.unit), line);
      return;
    }
    if (byKey === undefined) {
      byKey = this.services.get(region);
      if (!byKey) this.services.set(region, (byKey = new Map()));
      this.lastService = { raw: row.region, region: region, byKey };
    }
    let series = byKey.get(key);
    if (!series) {
      byKey.set(key, (series = { category, unit: unit.unit, years: new DenseYearSeries() }));
      this.noteData(`services ${key}`, region, file, line);
    }
    addTo(series.years, row.year, row.capacity);
    return { use: name.use, years: series.years };
  }

  private recentName(service: string): ServiceLookup | undefined {
    let name = this.recentNames.get(service);
    if (name === undefined) {
      name = this.serviceLookups.get(service);
      if (name) this.recentNames.set(service, name);
    }
    return name;
  }

  /** Issues that gather many rows (unknown codes, unmapped names, pairs without weight, and
   * issues that said they are one problem on many lines), and notices of names read loosely. */
  private groupedIssues(): void {
    for (const [file, byCode] of this.unknownRegions) {
      for (const [code, t] of byCode) {
        const hint = this.shown(file) ? hintFor(code, (this.regionHints ??= new SuggestionIndex([...this.regions.keys(), ...this.crosswalkFrom])), 'in regions.csv') : '';
        this.addIssue({
          file,
          line: t.lines[0],
          columns: ['region'],
          message: `unknown region ${quoteValue(code)} (not in regions.csv; ${describeLines(t.lines, t.count)})${hint}`,
        });
      }
    }
    for (const [file, byName] of this.unmapped) {
      for (const [name, t] of byName) {
        const hintText = this.shown(file) || this.options.allowUnmapped ? this.serviceHint(name) : '';
        if (this.options.allowUnmapped) {
          this.warnings.push({
            file,
            line: t.lines[0] ?? null,
            message: `service ${quoteValue(name)} maps to no category: ${t.count} row(s) dropped (${describeLines(t.lines, t.count)})${hintText}`,
          });
        } else {
          this.addIssue({
            file,
            line: t.lines[0],
            columns: ['service'],
            message:
              `service ${quoteValue(name)} maps to no category (${describeLines(t.lines, t.count)})${hintText} ` +
              'Add an alias in the config, or use --allow-unmapped to drop these rows.',
          });
        }
      }
    }
    for (const [file, byPair] of this.unweighted) {
      for (const [pair, t] of byPair) {
        const [category, unit] = pair.split('/');
        this.addIssue({
          file,
          line: t.lines[0],
          columns: ['service', 'unit'],
          message:
            `no weight for category ${quoteValue(category!)} in unit ${quoteValue(unit!)} (${describeLines(t.lines, t.count)}); ` +
            `set weights.${category}.${unit} in the config`,
        });
      }
    }
    this.notices();
  }

  /** "; did you mean …?" for a service name that maps to nothing, or why it is ambiguous. */
  private serviceHint(name: string): string {
    const taxonomy = this.options.taxonomy;
    const ambiguous = taxonomy.ambiguous(name);
    if (ambiguous.length > 0) {
      const options = ambiguous.map((e) => `${quoteValue(e.name)} (${e.category})`).join(' or ');
      return `; it is like ${options}, which are different categories, so it is not mapped to either.`;
    }
    const hint = taxonomy.suggest(name);
    if (!hint) return '';
    const invisible = describeInvisibleDifference(name, hint.name, 'in the taxonomy');
    return `; did you mean ${quoteValue(hint.name)} (${hint.category})?${invisible ? ` (${invisible})` : ''}`;
  }

  /** Notices (warnings) that say which names were read in another form than the one known. */
  private notices(): void {
    const list = <T>(uses: Map<string, FirstUse<T>>, say: (name: string, value: T, line: number) => string): string => {
      const shown = [...uses].slice(0, 5).map(([name, use]) => say(name, use.value, use.tally.lines[0]!));
      return shown.join('; ') + (uses.size > 5 ? `; and ${uses.size - 5} more` : '');
    };
    for (const [file, uses] of this.normalizedCodes) {
      this.warnings.push({
        file,
        line: [...uses.values()][0]!.tally.lines[0]!,
        message:
          'region codes read after Unicode normalisation (they look the same): ' +
          list(uses, (raw, code, line) => `${quoteValue(raw)} as ${quoteValue(code)}, ${describeCanonicalChange(raw)} (first on line ${line})`),
      });
    }
    for (const [file, uses] of this.looseNames) {
      this.warnings.push({
        file,
        line: [...uses.values()][0]!.tally.lines[0]!,
        message:
          'service names matched a known name only loosely (plural or singular, hyphen or space, diacritics): ' +
          list(uses, (name, entry, line) => `${quoteValue(name)} as ${quoteValue(entry.name)} (${entry.category}; first on line ${line})`),
      });
    }
    for (const [file, uses] of this.unitAliases) {
      this.warnings.push({
        file,
        line: [...uses.values()][0]!.tally.lines[0]!,
        message:
          'units given by a local name, read as SPEC units: ' +
          list(uses, (name, alias, line) => `${quoteValue(name)} as ${alias.target} (${alias.lang}; first on line ${line})`),
      });
    }
  }

  /**
   * The dataset and every problem found, grouped and sorted by file (in `fileOrder`, the files as
   * they were read), then line; the dataset is only meaningful when issues is empty.
   */
  finish(fileOrder: readonly string[] = []): { dataset: Dataset; issues: InputIssue[] } {
    this.groupedIssues();
    const regions = new Map<string, RegionInfo>();
    for (const { line: _line, ...info } of this.regions.values()) regions.set(info.code, info);
    let dataset: Dataset = {
      regions,
      population: this.population,
      beds: this.beds,
      services: this.services,
      serviceNames: this.serviceNames,
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

