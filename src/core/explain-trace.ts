// Where each figure of one region came from, for `explain` (SPEC §8): the rows of the input files
// whose figures can reach the region, each with its file and line. The loader hands every row
// to the trace as it reads it (io/load-dataset.ts, only when explain asks: no trace, no cost);
// the trace keeps only the rows of the codes that can reach the region: the region itself, the
// regions inside it (a --level or --rollup unit sums its branch) and the old codes a crosswalk
// maps (crosswalk.ts, possibly onto the region). Pure: it checks the rows it keeps with the
// loader's own RowValidator, so a kept row holds the same numbers the dataset was built from.
import type { CrosswalkRow } from './crosswalk.js';
import type { InputIssue } from './issues.js';
import { DEFAULT_NUMBER_FORMAT, type NumberFormat } from './numbers.js';
import { type RawRow, RowValidator } from './row-validator.js';

/** The kind of figure a traced row holds. */
export type TraceRole = 'population' | 'beds' | 'services';

/** One input row that can reach the traced region. */
export interface TracedRow {
  readonly role: TraceRole;
  /** The region code as in the file (an old code of the crosswalk, or a region inside the traced one). */
  readonly region: string;
  /** The year of the figure (of the date, for a closure event). */
  readonly year: number;
  /** population, beds (stock), beds_closed (events) or capacity, as read. */
  readonly value: number;
  readonly file: string;
  readonly line: number;
  /** Services: the local service name and the unit (the taxonomy maps the name to a category). */
  readonly service?: string | undefined;
  readonly unit?: string | undefined;
}

const ignore = (_issue: InputIssue): void => {};

/** The rows that can reach one region, collected while a dataset is loaded. */
export class RowTrace {
  private readonly validator = new RowValidator(DEFAULT_NUMBER_FORMAT);
  private readonly parents = new Map<string, string | undefined>();
  /** Crosswalk rows, with the file they came from (for crosswalk.ts's buildCrosswalk). */
  readonly crosswalk: CrosswalkRow[] = [];
  crosswalkFile: string | undefined;
  /** Region codes whose rows are kept; made when the first figure arrives (regions and crosswalk are read by then). */
  private wanted: Set<string> | undefined;
  readonly rows: TracedRow[] = [];

  /** `region`: the code of the region (or --level / --rollup unit) to explain. */
  constructor(readonly region: string) {}

  /** How the numbers of the rows that follow are written (the loader's format for the file). */
  setNumberFormat(format: NumberFormat): void {
    this.validator.setNumberFormat(format);
  }

  /** A row of regions.csv: its parent link. */
  regionRow(raw: RawRow, file: string, line: number): void {
    const row = this.validator.check('region', raw, file, line, ignore);
    if (row) this.parents.set(row.region, row.parent);
  }

  /** A row of crosswalk.csv. */
  crosswalkRow(raw: RawRow, file: string, line: number): void {
    const row = this.validator.checkCrosswalk(raw, file, line, ignore);
    if (row) this.crosswalk.push({ ...row, line });
    this.crosswalkFile = file;
  }

  /** The codes whose figures can reach the region: it, the regions inside it, and crosswalk codes mapped onto any of them (in any year, through chains). */
  private wantedCodes(): Set<string> {
    if (this.wanted === undefined) {
      const wanted = new Set([this.region]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const [code, parent] of this.parents) {
          if (parent !== undefined && wanted.has(parent) && !wanted.has(code)) {
            wanted.add(code);
            grew = true;
          }
        }
        for (const row of this.crosswalk) {
          if (wanted.has(row.to) && !wanted.has(row.from)) {
            wanted.add(row.from);
            grew = true;
          }
        }
      }
      this.wanted = wanted;
    }
    return this.wanted;
  }

  /** A row of population.csv, beds.csv or services.csv: kept when its code can reach the region. */
  figureRow(role: TraceRole, shape: 'stock' | 'events' | undefined, raw: RawRow, file: string, line: number): void {
    const code = raw.region?.trim();
    if (code === undefined || !this.wantedCodes().has(code)) return;
    switch (role) {
      case 'population': {
        const row = this.validator.check('population', raw, file, line, ignore);
        if (row) this.rows.push({ role, region: row.region, year: row.year, value: row.population, file, line });
        return;
      }
      case 'beds': {
        if (shape === 'events') {
          const row = this.validator.check('bedEvents', raw, file, line, ignore);
          if (row) this.rows.push({ role, region: row.region, year: row.date, value: row.beds_closed, file, line });
        } else if (shape === 'stock') {
          const row = this.validator.check('bedStock', raw, file, line, ignore);
          if (row) this.rows.push({ role, region: row.region, year: row.year, value: row.beds, file, line });
        }
        return;
      }
      case 'services': {
        const row = this.validator.check('services', raw, file, line, ignore);
        if (row) this.rows.push({ role, region: row.region, year: row.year, value: row.capacity, file, line, service: row.service, unit: row.unit });
        return;
      }
    }
  }
}
