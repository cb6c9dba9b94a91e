// Problems that many rows share (an unknown region code, a service name that maps to nothing, a
// category and unit without a weight): counted per file while rows are read, and said once at the
// end with the first few lines and how many in all.
import type { Category } from './categories.js';
import { describeLines, type InputIssue, quoteValue, type Warning } from './issues.js';
import { SuggestionIndex } from './suggest.js';
import type { Taxonomy } from './taxonomy.js';
import { describeInvisibleDifference } from './text-identity.js';
import type { Unit } from './units.js';
import { weightKey } from './weights.js';

/** Lines on which one thing occurs: the first few, and how many in all. */
class LineTally {
  readonly lines: number[] = [];
  count = 0;
  add(line: number): void {
    // Messages list the first five lines (describeLines): more are not kept, whatever the count.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: describeLines shows five lines however many are kept; the bound only keeps memory flat
    if (this.lines.length < 5) this.lines.push(line);
    this.count++;
  }
}

/** file → thing → its lines. */
class Tallies {
  private readonly byFile = new Map<string, Map<string, LineTally>>();

  add(file: string, key: string, line: number): void {
    let byKey = this.byFile.get(file);
    if (!byKey) this.byFile.set(file, (byKey = new Map()));
    let tally = byKey.get(key);
    if (!tally) byKey.set(key, (tally = new LineTally()));
    tally.add(line);
  }

  *entries(): Generator<[file: string, key: string, tally: LineTally]> {
    for (const [file, byKey] of this.byFile) for (const [key, tally] of byKey) yield [file, key, tally];
  }
}

/** "; did you mean "X"?" for an unknown code, saying how they differ when no one could see it. */
export function codeHint(code: string, known: SuggestionIndex, where: string): string {
  const hint = known.nearest(code);
  if (hint === undefined) return '';
  const invisible = describeInvisibleDifference(code, hint, where);
  return `; did you mean ${quoteValue(hint)}?${invisible ? ` (${invisible})` : ''}`;
}

/** "; did you mean …?" for a service name that maps to nothing, or why it is ambiguous. */
function serviceHint(taxonomy: Taxonomy, name: string): string {
  const ambiguous = taxonomy.ambiguous(name);
  if (ambiguous.length > 0) {
    const options = ambiguous.map((e) => `${quoteValue(e.name)} (${e.category})`).join(' or ');
    return `; it is like ${options}, which are different categories, so it is not mapped to either.`;
  }
  const hint = taxonomy.suggest(name);
  if (!hint) {
    // SPEC §2: the nearest known alias, however far; said as not close, so it is not taken for a match.
    const far = taxonomy.nearestAtAll(name);
    return far === undefined ? ';' : `; no known name is close (the nearest is ${quoteValue(far.name)}, ${far.category}).`;
  }
  const invisible = describeInvisibleDifference(name, hint.name, 'in the taxonomy');
  return `; did you mean ${quoteValue(hint.name)} (${hint.category})?${invisible ? ` (${invisible})` : ''}`;
}

/** The rows that could not be counted, by what was wrong with them. */
export class RowTallies {
  private readonly unknownRegions = new Tallies();
  private readonly unmapped = new Tallies();
  private readonly unweighted = new Tallies();

  /** Whether a code was not found in regions.csv. */
  hasUnknownRegions(): boolean {
    return this.unknownRegions.entries().next().done !== true;
  }

  unknownRegion(file: string, code: string, line: number): void {
    this.unknownRegions.add(file, code, line);
  }

  unmappedService(file: string, name: string, line: number): void {
    this.unmapped.add(file, name, line);
  }

  noWeight(file: string, category: Category, unit: Unit, line: number): void {
    this.unweighted.add(file, weightKey(category, unit), line);
  }

  /** One issue (or, for unmapped names with `allowUnmapped`, one warning) per thing and file.
   * Hints are worked out only for issues that will be shown (`shown`: the file's issues are not
   * yet at their cap). */
  report(context: {
    /** false: regions.csv could not be read whole, so codes not found in it are not reported unknown. */
    readonly checkRegions?: boolean | undefined;
    readonly knownCodes: () => Iterable<string>;
    readonly taxonomy: Taxonomy;
    readonly allowUnmapped: boolean;
    readonly shown: (file: string) => boolean;
    readonly issue: (issue: InputIssue) => void;
    readonly warning: (warning: Warning) => void;
  }): void {
    let codes: SuggestionIndex | undefined;
    for (const [file, code, t] of context.checkRegions === false ? [] : this.unknownRegions.entries()) {
      const hint = context.shown(file) ? codeHint(code, (codes ??= new SuggestionIndex(context.knownCodes())), 'in regions.csv') : '';
      context.issue({
        file,
        line: t.lines[0],
        columns: ['region'],
        message: `unknown region ${quoteValue(code)} (not in regions.csv; ${describeLines(t.lines, t.count)})${hint}`,
      });
    }
    for (const [file, name, t] of this.unmapped.entries()) {
      const hintText = context.shown(file) || context.allowUnmapped ? serviceHint(context.taxonomy, name) : '';
      if (context.allowUnmapped) {
        context.warning({
          file,
          line: t.lines[0] ?? null,
          message: `service ${quoteValue(name)} maps to no category: ${t.count} row(s) dropped (${describeLines(t.lines, t.count)})${hintText}`,
        });
      } else {
        context.issue({
          file,
          line: t.lines[0],
          columns: ['service'],
          message:
            `service ${quoteValue(name)} maps to no category (${describeLines(t.lines, t.count)})${hintText} ` +
            'Add an alias in the config, or use --allow-unmapped to drop these rows.',
        });
      }
    }
    for (const [file, pair, t] of this.unweighted.entries()) {
      const [category, unit] = pair.split('/');
      context.issue({
        file,
        line: t.lines[0],
        columns: ['service', 'unit'],
        message:
          `no weight for category ${quoteValue(category!)} in unit ${quoteValue(unit!)} (${describeLines(t.lines, t.count)}); ` +
          `set weights.${category}.${unit} in the config`,
      });
    }
  }
}
