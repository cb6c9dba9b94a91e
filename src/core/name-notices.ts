// Names read in another form than the one known: region codes that match a known code only after
// Unicode normalisation (NFC, zero-width characters removed), service names only the loose layer
// of the taxonomy mapped, units given by a local name. Each is noted where it was first met in a
// file, and said in one notice (warning) per file and kind at the end.
import type { AliasEntry } from './alias-table.js';
import { quoteValue, type Warning } from './issues.js';
import type { TaxonomyEntry } from './taxonomy.js';
import { describeCanonicalChange } from './text-identity.js';
import type { Unit } from './units.js';

/** Names shown in one notice; the rest are counted. */
const SHOWN = 5;

/** Per file, per name: what it was read as, and the line it was first met on. */
class FirstUses<T> {
  private readonly byFile = new Map<string, Map<string, { readonly value: T; readonly line: number }>>();

  note(file: string, name: string, value: T, line: number): void {
    let uses = this.byFile.get(file);
    if (!uses) this.byFile.set(file, (uses = new Map()));
    if (!uses.has(name)) uses.set(name, { value, line });
  }

  /** One warning per file: `intro` and the first few names as `say` words them. */
  *warnings(intro: string, say: (name: string, value: T, line: number) => string): Generator<Warning> {
    for (const [file, uses] of this.byFile) {
      const all = [...uses];
      const shown = all.slice(0, SHOWN).map(([name, use]) => say(name, use.value, use.line));
      const more = all.length > SHOWN ? `; and ${all.length - SHOWN} more` : '';
      yield { file, line: all[0]![1].line, message: `${intro}${shown.join('; ')}${more}` };
    }
  }
}

export class NameNotices {
  private readonly codes = new FirstUses<string>();
  private readonly looseNames = new FirstUses<TaxonomyEntry>();
  private readonly unitAliases = new FirstUses<AliasEntry<Unit>>();

  /** A region code `raw` read as the known code `code` after normalisation. */
  code(file: string, raw: string, code: string, line: number): void {
    this.codes.note(file, raw, code, line);
  }

  /** A service name only the taxonomy's loose layer mapped, to `entry`. */
  looseName(file: string, name: string, entry: TaxonomyEntry, line: number): void {
    this.looseNames.note(file, name, entry, line);
  }

  /** A unit cell holding a local unit name. */
  unitAlias(file: string, alias: AliasEntry<Unit>, line: number): void {
    this.unitAliases.note(file, alias.name, alias, line);
  }

  /** The notices, per kind, then per file in the order first met. */
  warnings(): Warning[] {
    return [
      ...this.codes.warnings(
        'region codes read after Unicode normalisation (they look the same): ',
        (raw, code, line) => `${quoteValue(raw)} as ${quoteValue(code)}, ${describeCanonicalChange(raw)} (first on line ${line})`,
      ),
      ...this.looseNames.warnings(
        'service names matched a known name only loosely (plural or singular, hyphen or space, diacritics): ',
        (name, entry, line) => `${quoteValue(name)} as ${quoteValue(entry.name)} (${entry.category}; first on line ${line})`,
      ),
      ...this.unitAliases.warnings(
        'units given by a local name, read as SPEC units: ',
        (name, alias, line) => `${quoteValue(name)} as ${alias.target} (${alias.lang}; first on line ${line})`,
      ),
    ];
  }
}
