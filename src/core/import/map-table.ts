// A table (table.ts) → rows of one SPEC input file, by a mapping (mapping.ts). Pure; no IO.
//
// The rules that keep an import honest:
// - Every dimension that is not the region, the year, the service or summed must be down to ONE
//   category after --where. Otherwise the rows of several categories (men and women, beds and
//   rates, psychiatric and all beds) would be added up when servicegap sums rows of one key, so
//   the import stops and lists the categories to choose from.
// - A missing cell (null) is left out, never written as 0; a sum over a dimension with one
//   missing cell is missing as a whole. Notes count what was left out, by the source's marker.
// - A cell's flag (Eurostat `e`, `b`; SSB `..`) is kept in the `flags` column and counted.
// - `-` is the statistics offices' "nil" (PX DATASYMBOLNIL, SSB "- = null"): a reported zero,
//   counted in the notes; `nil: 'missing'` reads it as missing instead.
import { YEAR_MAX, YEAR_MIN } from '../schemas.js';
import { nearest } from '../suggest.js';
import type { Unit } from '../units.js';
import type { ImportMapping } from './mapping.js';
import { type Dimension, formatLocation, type ImportIssue, type ImportTable, type Observation, type SourceLocation } from './table.js';

/** One output row; which fields are set depends on the role. */
export interface ImportedRow {
  readonly region: string;
  readonly year?: number | undefined;
  readonly value?: number | undefined;
  readonly service?: string | undefined;
  readonly unit?: Unit | undefined;
  readonly name?: string | undefined;
  /** The source's flags of the cell(s), distinct, space-separated; '' when none. */
  readonly flags: string;
  readonly file: string;
  readonly at: SourceLocation;
}

export interface MappedTable {
  readonly rows: readonly ImportedRow[];
  readonly notes: readonly string[];
}

const NIL = '-';

/** The table's dimension named `id` (exact, else case-insensitive), or an issue naming the choices. */
function findDimension(table: ImportTable, id: string, option: string, issues: ImportIssue[]): number | undefined {
  // By id, then by label (a PX variable's name, a JSON-stat label), exact before any case.
  const tries: ((d: Dimension) => boolean)[] = [
    (d) => d.id === id,
    (d) => d.id.toLowerCase() === id.toLowerCase(),
    (d) => d.label === id,
    (d) => d.label.toLowerCase() === id.toLowerCase(),
  ];
  for (const test of tries) {
    const index = table.dimensions.findIndex(test);
    if (index >= 0) return index;
  }
  const ids = table.dimensions.map((d) => d.id);
  const near = nearest(id, ids);
  issues.push({
    file: table.file,
    at: {},
    message: `${option}: the table has no dimension "${id}"${near ? ` (did you mean "${near}"?)` : ''}; its dimensions are ${ids.map((d) => `"${d}"`).join(', ')}`,
  });
  return undefined;
}

function describeCategories(dimension: Dimension, codes: readonly string[], shown = 8): string {
  const label = new Map(dimension.categories.map((c) => [c.code, c.label]));
  const list = codes.slice(0, shown).map((c) => (label.get(c) && label.get(c) !== c ? `${c} (${label.get(c)})` : c));
  return `${list.join(', ')}${codes.length > shown ? ` and ${codes.length - shown} more` : ''}`;
}

/** A year from a time category code: `2015`, or an issue. */
function yearOf(code: string): number | undefined {
  const trimmed = code.trim();
  if (!/^\d{4}$/.test(trimmed)) return undefined;
  const year = Number(trimmed);
  return year >= YEAR_MIN && year <= YEAR_MAX ? year : undefined;
}

interface Target {
  readonly service: string | undefined;
  readonly unit: Unit | undefined;
  readonly index: number;
}

interface Group {
  readonly region: string;
  readonly year: number | undefined;
  readonly service: string | undefined;
  readonly unit: Unit | undefined;
  sum: number;
  cells: number;
  missing: boolean;
  readonly flags: Set<string>;
  readonly at: SourceLocation;
}

/** Turn a table into rows of `mapping.role`; every problem goes to `issues` (runImport throws them as one InputError). */
export function mapTable(table: ImportTable, mapping: ImportMapping, issues: ImportIssue[]): MappedTable {
  const before = issues.length;
  const file = table.file;
  const notes: string[] = [];
  const dims = table.dimensions;
  const role = mapping.role;

  // Which dimension is what.
  const pick = (explicit: string | undefined, wanted: 'geo' | 'time', option: string, constant: unknown): number | undefined => {
    if (explicit !== undefined) return findDimension(table, explicit, option, issues);
    if (constant !== undefined) return undefined;
    const byRole = dims.findIndex((d) => d.role === wanted);
    if (byRole >= 0) return byRole;
    issues.push({
      file,
      at: {},
      message:
        `the table does not say which dimension holds the ${wanted === 'geo' ? 'regions' : 'years'}: name it with ${option} DIM, ` +
        `or give one for every row with --set ${wanted === 'geo' ? 'region=CODE' : 'year=YYYY'}; its dimensions are ${dims.map((d) => `"${d.id}"`).join(', ')}`,
    });
    return undefined;
  };
  const regionDim = pick(mapping.region, 'geo', '--region', mapping.set.region);
  const yearDim = role === 'regions' ? undefined : pick(mapping.year, 'time', '--year', mapping.set.year);
  let serviceDim: number | undefined;
  if (role === 'services') {
    if (mapping.service !== undefined) serviceDim = findDimension(table, mapping.service, '--service', issues);
    else if (mapping.set.service === undefined) {
      issues.push({ file, at: {}, message: 'services need a service type: name its dimension with --service DIM (and --map CODE=SERVICE:UNIT), or give one with --set service=NAME' });
    }
    if (serviceDim === undefined && mapping.set.unit === undefined && mapping.set.service !== undefined) {
      issues.push({ file, at: {}, message: 'services need a unit: give --set unit=UNIT (beds, places, caseload, teams, fte, facilities, contacts)' });
    }
  }
  const has = (id: string) => dims.some((d) => d.id.toLowerCase() === id.toLowerCase() || d.label.toLowerCase() === id.toLowerCase());
  const sumDims = [...mapping.sum, ...mapping.sumIfPresent.filter(has)].map((id) => findDimension(table, id, '--sum', issues));
  if (issues.length > before) return { rows: [], notes };

  // --where: keep only the named categories.
  const keep: (Set<string> | undefined)[] = dims.map(() => undefined);
  const lenient = Object.entries(mapping.whereIfPresent).filter(([id]) => has(id));
  for (const [id, codes] of [...lenient, ...Object.entries(mapping.where)]) {
    const index = findDimension(table, id, '--where', issues);
    if (index === undefined) continue;
    const known = new Set(dims[index]!.categories.map((c) => c.code));
    const present = codes.filter((c) => known.has(c));
    if (present.length === 0) {
      const near = nearest(codes[0]!, known);
      issues.push({
        file,
        at: {},
        message:
          `--where ${id}=${codes.join(',')}: dimension "${dims[index]!.id}" has no such category${near ? ` (did you mean "${near}"?)` : ''}; ` +
          `its categories are ${describeCategories(dims[index]!, [...known])}`,
      });
      continue;
    }
    const absent = codes.filter((c) => !known.has(c));
    if (absent.length > 0) notes.push(`${file}: --where ${id}: ${absent.join(', ')} not in this file`);
    keep[index] = new Set(present);
  }
  // (serviceDim is only ever set for services.)
  if (serviceDim !== undefined && keep[serviceDim] === undefined && Object.keys(mapping.map).length > 0) {
    // With --map, the service dimension keeps the mapped categories only.
    const known = new Set(dims[serviceDim]!.categories.map((c) => c.code));
    const mapped = Object.keys(mapping.map).filter((c) => known.has(c));
    keep[serviceDim] = new Set(mapped);
    if (mapped.length === 0) notes.push(`${file}: none of the categories of "${dims[serviceDim]!.id}" (${describeCategories(dims[serviceDim]!, [...known])}) has a --map: nothing taken from this file`);
  }

  // Every other dimension must be down to one category.
  // (An undefined among them is harmless: no dimension has that index.)
  const varying = new Set<number | undefined>([regionDim, yearDim, serviceDim, ...sumDims]);
  for (const [index, dimension] of dims.entries()) {
    // A regions file lists codes and names only: the other dimensions do not matter to it.
    if (varying.has(index) || role === 'regions') continue;
    const left = dimension.categories.map((c) => c.code).filter((c) => keep[index]?.has(c) ?? true);
    if (left.length > 1) {
      issues.push({
        file,
        at: {},
        message:
          `dimension "${dimension.id}" has ${left.length} categories (${describeCategories(dimension, left)}): ` +
          `choose one with --where ${dimension.id}=CODE, or add them up with --sum ${dimension.id}`,
      });
    }
  }
  for (const index of sumDims) {
    const dimension = dims[index!]!;
    const total = dimension.totalCode;
    if (total !== undefined && (keep[index!]?.has(total) ?? true) && dimension.categories.length > 1) {
      issues.push({
        file,
        at: {},
        message: `--sum ${dimension.id}: category ${total} is the total of the others (the source says so); pick it with --where ${dimension.id}=${total} instead of summing`,
      });
    }
  }

  // Years and service targets: checked once per category, not once per cell.
  const years = new Map<string, number>();
  if (yearDim !== undefined) {
    const bad: string[] = [];
    for (const c of dims[yearDim]!.categories) {
      if (!(keep[yearDim]?.has(c.code) ?? true)) continue;
      const y = yearOf(c.code);
      if (y === undefined) bad.push(c.code);
      else years.set(c.code, y);
    }
    if (bad.length > 0) {
      issues.push({
        file,
        at: {},
        message: `time dimension "${dims[yearDim]!.id}": expected years (YYYY, ${YEAR_MIN}–${YEAR_MAX}), got ${bad.slice(0, 5).map((b) => `"${b}"`).join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}: servicegap counts capacity per year, so take an annual table (or keep the years with --where)`,
      });
    }
  }
  // A cell's service and unit, and the index of its service category (which keeps two categories
  // mapped to one service apart); without a service dimension every cell has the constants, if any.
  const constantTarget: Target = { service: mapping.set.service, unit: mapping.set.unit, index: 0 };
  const targets = new Map<string, Target>();
  if (serviceDim !== undefined) {
    const unmapped: string[] = [];
    for (const [index, c] of dims[serviceDim]!.categories.entries()) {
      if (!(keep[serviceDim]?.has(c.code) ?? true)) continue;
      const m = mapping.map[c.code];
      const service = m?.service ?? mapping.set.service;
      const unit = m?.unit ?? mapping.set.unit;
      if (service === undefined || unit === undefined) unmapped.push(c.code);
      else targets.set(c.code, { service, unit, index });
    }
    if (unmapped.length > 0) {
      issues.push({
        file,
        at: {},
        message:
          `service dimension "${dims[serviceDim]!.id}": no service and unit for ${describeCategories(dims[serviceDim]!, unmapped)}; ` +
          `give --map CODE=SERVICE:UNIT for each, or leave them out with --where`,
      });
    }
  }
  let regionPattern: RegExp | undefined;
  if (mapping.regionMatch !== undefined) {
    try {
      regionPattern = new RegExp(`^(?:${mapping.regionMatch})$`, 'u');
    } catch (error) {
      issues.push({ file, at: {}, message: `--region-match: not a regular expression: ${(error as Error).message}` });
    }
  }
  if (issues.length > before) return { rows: [], notes };

  const regionLabel = new Map(regionDim === undefined ? [] : dims[regionDim]!.categories.map((c) => [c.code, c.label]));
  const regionOf = (o: Observation): string => (regionDim === undefined ? mapping.set.region! : o.codes[regionDim]!);
  const passes = (o: Observation): boolean => {
    // Stryker disable next-line EqualityOperator: keep[keep.length] is undefined and passed over, so i <= keep.length reads the same
    for (let i = 0; i < keep.length; i++) if (keep[i] !== undefined && !keep[i]!.has(o.codes[i]!)) return false;
    return regionPattern === undefined || regionPattern.test(regionOf(o));
  };

  if (role === 'regions') {
    const seen = new Map<string, ImportedRow>();
    const codes =
      regionDim === undefined
        ? [mapping.set.region!]
        : dims[regionDim]!.categories.map((c) => c.code).filter((code) => keep[regionDim]?.has(code) ?? true);
    for (const code of codes) {
      if (regionPattern !== undefined && !regionPattern.test(code)) continue;
      // A code the source lists twice is one row: set again, it keeps its first place.
      seen.set(code, { region: code, name: regionLabel.get(code) ?? code, flags: '', file, at: {} });
    }
    return { rows: [...seen.values()], notes };
  }

  // Cells → one group per output key.
  const groups = new Map<string, Group>();
  const expectedCells = sumDims.reduce<number>((n, i) => n * dims[i!]!.categories.filter((c) => keep[i!]?.has(c.code) ?? true).length, 1);
  const missingBy = new Map<string, number>();
  const flagged = new Map<string, number>();
  let nils = 0;
  const parts = sumDims.map(() => new Map<string, Map<string, number>>());
  for (const o of table.observations) {
    if (!passes(o)) continue;
    const region = regionOf(o);
    const year = yearDim === undefined ? mapping.set.year : years.get(o.codes[yearDim]!);
    // Every kept category of the service dimension has a target (an unmapped one stopped the import above).
    const target = serviceDim === undefined ? constantTarget : targets.get(o.codes[serviceDim]!)!;
    const { service, unit } = target;
    const key = `${region}\u0000${year}\u0000${target.index}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { region, year, service, unit, sum: 0, cells: 0, missing: false, flags: new Set(), at: o.at };
      groups.set(key, group);
    } else if (sumDims.length === 0) {
      issues.push({
        file,
        at: o.at,
        message: `a second cell for region ${region}, year ${year}${service ? `, service ${service}` : ''} (the first is at ${formatLocation(file, group.at)})`,
      });
      continue;
    }
    group.cells++;
    let value = o.value;
    const status = o.status?.trim() || undefined;
    if (status === NIL) {
      if (mapping.nil === 'missing') value = null;
      else {
        value = value ?? 0;
        nils++;
      }
    }
    if (value === null) {
      group.missing = true;
      const marker = status ?? 'empty';
      missingBy.set(marker, (missingBy.get(marker) ?? 0) + 1);
      continue;
    }
    if (status !== undefined && status !== NIL) {
      group.flags.add(status);
      // Counted by kind: `unanswered=3` and `unanswered=5` are one kind of flag.
      // Stryker disable next-line Regex: /=.*/ (no $) differs only for a flag with a line break in it, which no source writes; /=.$/ is pinned by the "unanswered=12" test
      const kind = status.replace(/=.*$/, '');
      flagged.set(kind, (flagged.get(kind) ?? 0) + 1);
    }
    const problem = valueProblem(role, value);
    if (problem !== undefined) {
      issues.push({ file, at: o.at, message: `${problem}, got ${value} (region ${region}, year ${year})` });
      continue;
    }
    group.sum += value;
    // Each summed dimension's categories side by side (the other summed codes fixed), to catch a total among them.
    sumDims.forEach((d, k) => {
      // Stryker disable next-line StringLiteral: the blank stands in for dimension k's own code in every key alike; any constant does
      const others = sumDims.map((other, j) => (j === k ? '' : o.codes[other!]));
      const partKey = `${key}\u0000${others.join('\u0000')}`;
      const byCode = parts[k]!.get(partKey) ?? new Map<string, number>();
      byCode.set(o.codes[d!]!, value);
      parts[k]!.set(partKey, byCode);
    });
  }
  if (issues.length > before) return { rows: [], notes };
  for (const [k, d] of sumDims.entries()) {
    const total = totalAmongParts([...parts[k]!.values()]);
    if (total !== undefined) {
      const dimension = dims[d!]!;
      issues.push({
        file,
        at: {},
        message: `--sum ${dimension.id}: category ${describeCategories(dimension, [total])} equals the sum of the others in every row: it is their total, and summing would count everyone twice; pick it with --where ${dimension.id}=${total}, or leave it out with --where`,
      });
      return { rows: [], notes };
    }
  }

  const rows: ImportedRow[] = [];
  let incomplete = 0;
  let leftOut = 0;
  for (const g of groups.values()) {
    if (g.missing) {
      leftOut++;
      continue;
    }
    if (g.cells < expectedCells) {
      incomplete++;
      continue;
    }
    if (role === 'population' && g.sum <= 0) {
      issues.push({ file, at: g.at, message: `expected a population > 0, got ${g.sum} (region ${g.region}, year ${g.year})` });
      continue;
    }
    rows.push({
      region: g.region,
      year: g.year,
      // A sum of decimals is rounded to 15 significant digits, so 0.1 + 0.2 is written 0.3.
      value: g.cells > 1 ? Number(g.sum.toPrecision(15)) : g.sum,
      service: role === 'services' ? g.service : undefined,
      unit: role === 'services' ? g.unit : undefined,
      flags: [...g.flags].sort().join(' '),
      file,
      at: g.at,
    });
  }
  // Keys in code-unit order (the default sort).
  const count = (m: Map<string, number>) => [...m.keys()].sort().map((k) => `"${k}" ×${m.get(k)}`).join(', ');
  if (missingBy.size > 0) {
    const cells = [...missingBy.values()].reduce((a, b) => a + b, 0);
    notes.push(`${file}: ${cells} missing cell${cells === 1 ? '' : 's'} (${count(missingBy)}): ${leftOut} row${leftOut === 1 ? '' : 's'} left out, not written as 0`);
  }
  if (incomplete > 0) notes.push(`${file}: ${incomplete} row${incomplete === 1 ? '' : 's'} left out: the file lacks some of the cells to be summed`);
  if (flagged.size > 0) notes.push(`${file}: flagged values kept in column "flags": ${count(flagged)}`);
  if (nils > 0) notes.push(`${file}: ${nils} cell${nils === 1 ? '' : 's'} marked "-" (nil: the source's reported zero) written as 0`);
  if (rows.length === 0) notes.push(`${file}: no rows selected`);
  return { rows, notes };
}

function valueProblem(role: ImportMapping['role'], value: number): string | undefined {
  if (!Number.isFinite(value)) return 'expected a finite number';
  if (role === 'population') return value < 0 ? 'expected a population ≥ 0' : undefined;
  if (value < 0) return `expected ${role === 'beds' ? 'beds' : 'a capacity'} ≥ 0`;
  return undefined;
}

/** The category that equals the sum of the others in every group (a total the source did not mark), if any. */
function totalAmongParts(groups: readonly ReadonlyMap<string, number>[]): string | undefined {
  const full = groups.filter((g) => g.size >= 3);
  if (full.length === 0) return undefined;
  const candidates = [...full[0]!.keys()];
  return candidates.find((code) =>
    full.every((g) => {
      const own = g.get(code);
      // Stryker disable next-line ConditionalExpression: without the guard an absent code (undefined) makes own - rest NaN, which fails the comparison below just the same
      if (own === undefined) return false;
      let rest = 0;
      for (const [c, v] of g) if (c !== code) rest += v;
      return own !== 0 && Math.abs(own - rest) <= 1e-9 * Math.max(1, Math.abs(own));
    }),
  );
}
