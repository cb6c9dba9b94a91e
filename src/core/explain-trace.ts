// Where each figure of one region came from, for `explain` (SPEC §8): the rows of the input files
// whose figures can reach the region, each with its file and line. The loader hands every checked
// row to the trace as it reads it (io/load-dataset.ts, only when explain asks: no trace, no cost);
// the trace keeps only the rows of the codes that can reach the region: the region itself, the
// regions inside it (a --level or --rollup unit sums its branch) and the old codes a crosswalk
// maps (crosswalk.ts, possibly onto the region). Pure. The rows are the loader's checked rows (its
// own validator, with the file's number format), so a kept row holds the numbers the dataset was
// built from.
import type { CrosswalkRow } from './crosswalk.js';
import type { FigureKind } from './figure-rows.js';
import type { CheckedRow, RowKind } from './row-validator.js';

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

/** The rows that can reach one region, collected while a dataset is loaded. */
export class RowTrace {
  private readonly parents = new Map<string, string | undefined>();
  /** Crosswalk rows, with the file they came from (for crosswalk.ts's buildCrosswalk). */
  readonly crosswalk: CrosswalkRow[] = [];
  crosswalkFile: string | undefined;
  /** Region codes whose rows are kept; made when the first figure arrives (regions and crosswalk are read by then). */
  private wanted: Set<string> | undefined;
  readonly rows: TracedRow[] = [];

  /** `region`: the code of the region (or --level / --rollup unit) to explain. */
  constructor(readonly region: string) {}

  /** A checked row of any input file, as the loader adds it to the dataset. */
  row<K extends RowKind>(kind: K, row: CheckedRow<K>, file: string, line: number): void {
    if (kind === 'region') {
      const r = row as CheckedRow<'region'>;
      this.parents.set(r.region, r.parent);
    } else if (kind === 'crosswalk') {
      this.crosswalk.push({ ...(row as CheckedRow<'crosswalk'>), line });
      this.crosswalkFile = file;
    } else this.figureRow(kind, row as CheckedRow<FigureKind>, file, line);
  }

  /** The codes whose figures can reach the region: it, the regions inside it, and crosswalk codes mapped onto any of them (in any year, through chains). */
  private wantedCodes(): Set<string> {
    // Stryker disable next-line ConditionalExpression: a cache; regions and crosswalk are read before any figure (io/load-dataset.ts), so computing the set again gives the same set
    if (this.wanted === undefined) {
      const wanted = new Set([this.region]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const [code, parent] of this.parents) {
          // Stryker disable next-line ConditionalExpression: `wanted` holds codes only, so a region without a parent never matches anyway
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
  private figureRow(kind: FigureKind, row: CheckedRow<FigureKind>, file: string, line: number): void {
    if (!this.wantedCodes().has(row.region)) return;
    switch (kind) {
      case 'population': {
        const r = row as CheckedRow<'population'>;
        this.rows.push({ role: 'population', region: r.region, year: r.year, value: r.population, file, line });
        return;
      }
      case 'bedStock': {
        const r = row as CheckedRow<'bedStock'>;
        this.rows.push({ role: 'beds', region: r.region, year: r.year, value: r.beds, file, line });
        return;
      }
      case 'bedEvents': {
        const r = row as CheckedRow<'bedEvents'>;
        this.rows.push({ role: 'beds', region: r.region, year: r.date, value: r.beds_closed, file, line });
        return;
      }
      default: {
        const r = row as CheckedRow<'services'>;
        this.rows.push({ role: 'services', region: r.region, year: r.year, value: r.capacity, file, line, service: r.service, unit: r.unit });
      }
    }
  }
}
