// Mapping local service names to the nine categories (SPEC §2), in two layers:
// 1. exact: SPEC §2 normalisation (NFKC, lower case, whitespace collapsed, surrounding punctuation
//    stripped, and zero-width characters removed) and a lookup among the category codes, the
//    built-in aliases and the user's aliases — a later entry wins;
// 2. loose, only when the exact layer finds nothing: plural or singular, hyphen or space,
//    diacritics (loose-name.ts). It can never change an exact match, and a name that loosely
//    matches names of two categories maps to neither (ambiguous()), so two names never collide
//    silently. The user's aliases win over built-in ones here too.
// Suggestions for names that map to nothing rank shared words first (weighted by how rare each
// word is among the known names: "home treatment" → "home treatment team", crisis, not "day
// treatment"), then edit distance for typos (suggest.ts).
import { distance } from 'fastest-levenshtein';
import { type AliasLanguage, BUILTIN_ALIASES, type BuiltinAlias } from './aliases.js';
import { CATEGORY_CODES, type Category } from './categories.js';
import { LooseNameIndex, looseWords, singularForms } from './loose-name.js';
import { SuggestionIndex } from './suggest.js';
import { stripZeroWidth } from './text-identity.js';

/**
 * SPEC §2 normalisation: Unicode NFKC, lower case, whitespace collapsed, surrounding
 * punctuation stripped; zero-width characters are removed too (they cannot be seen, so a name
 * with one is the same name). "  ACT-Team. " and "act-team" are the same name.
 */
export function normalizeServiceName(name: string): string {
  return stripZeroWidth(name.normalize('NFKC'))
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/** A name the taxonomy knows: a category code, a built-in alias or a config alias. */
export interface TaxonomyEntry {
  /** The name as written in the alias list or config. */
  readonly name: string;
  readonly category: Category;
  readonly origin: 'category' | 'builtin' | 'config';
  readonly lang?: AliasLanguage | undefined;
  /** Built-in aliases: where the term is used, a note and its source (alias-sources.ts). */
  readonly alias?: BuiltinAlias | undefined;
}

/** How a name was mapped: the entry, and whether only the loose layer found it. */
export interface TaxonomyMatch {
  readonly entry: TaxonomyEntry;
  readonly loose: boolean;
}

/** Maps local service names to categories (SPEC §2) and suggests the nearest name for a typo. */
export interface Taxonomy {
  /** The category of a local name, or undefined when it maps to nothing. */
  lookup(name: string): Category | undefined;
  /** The entry a local name maps to and how, or undefined when it maps to nothing. */
  match(name: string): TaxonomyMatch | undefined;
  /** For a name that maps to nothing because it loosely matches names of two or more
   * categories: those names (one per category); otherwise empty. */
  ambiguous(name: string): readonly TaxonomyEntry[];
  /** The nearest known name to an unmapped one, for "did you mean". */
  suggest(name: string): TaxonomyEntry | undefined;
  /** The known name nearest to `name` by edit distance, however far: for a name `suggest` finds nothing near. */
  nearestAtAll(name: string): TaxonomyEntry | undefined;
  readonly entries: readonly TaxonomyEntry[];
}

/** A query longer than this gets no suggestion: no known name is anywhere near that long. */
const MAX_SUGGEST_CHARS = 300;

/** The taxonomy without user aliases, built once: every run without a config uses it, and its
 * indexes are built on first use. */
let builtinTaxonomy: Taxonomy | undefined;

/** Category codes, then built-in aliases, then the user's aliases; a later entry wins. */
export function buildTaxonomy(userAliases: Readonly<Record<string, Category>> = {}): Taxonomy {
  const mine = Object.entries(userAliases);
  if (mine.length === 0) return (builtinTaxonomy ??= makeTaxonomy([]));
  return makeTaxonomy(mine);
}

function makeTaxonomy(userAliases: readonly (readonly [string, Category])[]): Taxonomy {
  const entries: TaxonomyEntry[] = [
    ...CATEGORY_CODES.map((code) => ({ name: code, category: code, origin: 'category' as const })),
    ...BUILTIN_ALIASES.map((a) => ({ name: a.name, category: a.category, origin: 'builtin' as const, lang: a.lang, alias: a })),
    ...userAliases.map(([name, category]) => ({ name, category, origin: 'config' as const })),
  ];
  const byName = new Map<string, TaxonomyEntry>();
  for (const entry of entries) byName.set(normalizeServiceName(entry.name), entry);
  // The loose layer and the word index hold the entries that won their exact name.
  const known = [...byName.values()];
  // Built on first use, like the suggestion indexes: a file whose names all match exactly (the
  // bundled data's) never needs it, and building it folds every alias (the command line's start-up).
  let loose: LooseNameIndex<TaxonomyEntry> | undefined;
  let words: WordIndex | undefined;
  let typos: SuggestionIndex | undefined;
  /** The known name nearest to `key` by edit distance: near enough for "did you mean", or (`atAll`) however far. */
  const byTypo = (key: string, atAll: boolean): TaxonomyEntry | undefined => {
    const index = (typos ??= new SuggestionIndex(byName.keys()));
    const nearest = atAll ? index.nearestAtAll(key) : index.nearest(key);
    return nearest === undefined ? undefined : byName.get(nearest);
  };
  const looseIndex = (): LooseNameIndex<TaxonomyEntry> => {
    if (loose === undefined) {
      loose = new LooseNameIndex<TaxonomyEntry>();
      for (const entry of known) loose.add(looseWords(entry.name), entry);
    }
    return loose;
  };

  /** Loose matches, in code-unit order of their names (whatever the order of the config); a
   * config alias wins over built-in ones. */
  const looseMatches = (name: string): TaxonomyEntry[] => {
    const found = looseIndex().find(looseWords(name)).sort((a, b) => compareText(normalizeServiceName(a.name), normalizeServiceName(b.name)));
    const mine = found.filter((e) => e.origin === 'config');
    return mine.length > 0 ? mine : found;
  };
  const match = (name: string): TaxonomyMatch | undefined => {
    const exact = byName.get(normalizeServiceName(name));
    if (exact) return { entry: exact, loose: false };
    const found = looseMatches(name);
    if (found.length === 0 || found.some((e) => e.category !== found[0]!.category)) return undefined;
    return { entry: found[0]!, loose: true };
  };
  return {
    entries,
    match,
    lookup: (name) => match(name)?.entry.category,
    ambiguous: (name) => {
      if (byName.has(normalizeServiceName(name))) return [];
      const found = looseMatches(name);
      const first = new Map<Category, TaxonomyEntry>();
      for (const entry of found) if (!first.has(entry.category)) first.set(entry.category, entry);
      return first.size > 1 ? [...first.values()] : [];
    },
    suggest: (name) => {
      const key = normalizeServiceName(name);
      if (key.length > MAX_SUGGEST_CHARS) return undefined;
      const shared = (words ??= new WordIndex(known)).best(name, key);
      return shared ?? byTypo(key, false);
    },
    nearestAtAll: (name) => {
      const key = normalizeServiceName(name);
      return key.length > MAX_SUGGEST_CHARS ? undefined : byTypo(key, true);
    },
  };
}

/**
 * Known names by their words, for suggestions that share words with the query. A query word
 * counts for a name when it pairs with one of the name's words (the same, or singular and
 * plural); each counts by its rarity among the known names (inverse document frequency), so
 * "home" says more than "team". A name is suggested when the words it shares carry at least
 * half the query's weight.
 */
class WordIndex {
  /** Word → ids of the names that have it; a singular form of a word → ids of the names with
   * the plural. */
  private readonly byWord = new Map<string, Set<number>>();
  private readonly bySingular = new Map<string, Set<number>>();
  private readonly wordCounts: number[] = [];

  constructor(private readonly entries: readonly TaxonomyEntry[]) {
    for (const [id, entry] of entries.entries()) {
      const words = looseWords(entry.name).map((w) => w.text);
      this.wordCounts.push(words.length);
      for (const word of words) {
        add(this.byWord, word, id);
        for (const form of singularForms(word)) add(this.bySingular, form, id);
      }
    }
  }

  /** The names that have a word pairing with `word`. */
  private namesWith(word: string): Set<number> {
    const ids = new Set(this.byWord.get(word));
    for (const id of this.bySingular.get(word) ?? []) ids.add(id);
    for (const form of singularForms(word)) for (const id of this.byWord.get(form) ?? []) ids.add(id);
    return ids;
  }

  /** The name sharing the most weighted words with the query, if they weigh at least half;
   * ties: fewer words, then the smaller edit distance, then code-unit order of the names. */
  best(name: string, key: string): TaxonomyEntry | undefined {
    const words = [...new Set(looseWords(name).map((w) => w.text))];
    if (words.length === 0) return undefined;
    const n = this.entries.length;
    const score = new Map<number, number>();
    let total = 0;
    for (const word of words) {
      const ids = this.namesWith(word);
      const weight = Math.log(1 + n / (1 + ids.size));
      total += weight;
      for (const id of ids) score.set(id, (score.get(id) ?? 0) + weight);
    }
    const candidates = [...score].filter(([, s]) => s >= total / 2).map(([id, s]) => ({ id, score: s, words: this.wordCounts[id]!, distance: 0 }));
    if (candidates.length === 0) return undefined;
    const names = new Map(candidates.map((c) => [c.id, normalizeServiceName(this.entries[c.id]!.name)]));
    for (const c of candidates) c.distance = distance(key, names.get(c.id)!);
    candidates.sort((a, b) => b.score - a.score || a.words - b.words || a.distance - b.distance || compareText(names.get(a.id)!, names.get(b.id)!));
    return this.entries[candidates[0]!.id];
  }
}
function add(map: Map<string, Set<number>>, key: string, id: number): void {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

/** Code-unit order, the order of every tie between names. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
