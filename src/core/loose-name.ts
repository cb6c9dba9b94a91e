// The loose layer of name matching, on top of SPEC §2 normalisation: two names are loosely the
// same when, after folding diacritics ("öppenvård" = "oppenvard"), treating punctuation as a
// space ("DPS-poliklinikk" = "DPS poliklinikk") and dropping small words ("of", "og", "de"), their
// words pair up as equal or as singular and plural ("facility" ~ "facilities", "poliklinikk" ~
// "poliklinikker", "palvelu" ~ "palvelut"), or their words run together pair up ("dagsenter" =
// "dag senter"). Plural endings are a fixed list for the languages of the built-in aliases, used
// the same way for every name (the name's language is not known); a real stemmer would need it.
// The relation only ever adds an ending to a whole word, so "fact" never meets "face".
import { foldDiacritics, stripZeroWidth } from './text-identity.js';

/** Small words that do not tell services apart: articles, prepositions, "and" (folded forms). */
const STOP_WORDS = new Set([
  // en
  'the', 'a', 'an', 'of', 'for', 'and', 'in', 'at', 'with', 'on', 'to',
  // nb, da, sv
  'og', 'och', 'i', 'ved', 'vid', 'med', 'til', 'till', 'av', 'pa', 'paa',
  // fi
  'ja',
  // de
  'und', 'fur', 'im', 'der', 'die', 'das', 'den', 'dem', 'des', 'mit', 'am', 'zur', 'zum', 'vom',
  // fr
  'et', 'de', 'du', 'la', 'le', 'les', 'l', 'd', 'pour', 'en', 'au', 'aux',
  // es
  'y', 'del', 'el', 'los', 'las', 'para', 'al', 'con',
]);

/** Plural (and definite) endings of en, nb, da, sv, fi, de, fr, es, and the shortest word each
 * may end: "GPs" is the plural of "GP", but two letters are too few for any other ending. */
const ENDINGS: ReadonlyMap<string, number> = new Map([
  ['s', 2], ['es', 3], ['x', 3], // en, fr, es
  ['er', 3], ['ar', 3], ['or', 3], ['r', 3], ['erne', 3], ['ene', 3], ['ne', 3], ['en', 3], ['et', 3], ['erna', 3], ['arna', 3], ['orna', 3], // nb, da, sv
  ['e', 3], ['n', 3], // de
  ['t', 3], // fi
]);

/** Names too long to be a service name are not compared (a 1 MB cell is answered at once). */
const MAX_NAME_CHARS = 300;

/** A word of a name, lower case; `fixed` when written in capitals (an abbreviation: "DPS", "GP"),
 * which may gain a plural ending ("GPs") but is never read as the plural of a shorter word. */
export interface LooseWord {
  readonly text: string;
  readonly fixed: boolean;
}

const ABBREVIATION = /^\p{Lu}[\p{Lu}\d]+$/u;

/**
 * The words of a name for loose matching: Unicode NFKC without zero-width characters, diacritics
 * folded, punctuation and symbols as spaces, small words dropped. Empty for a name too long to be
 * a service name.
 */
export function looseWords(name: string): LooseWord[] {
  if (name.length > 4 * MAX_NAME_CHARS) return [];
  const text = foldDiacritics(stripZeroWidth(name.normalize('NFKC')));
  if (text.length > MAX_NAME_CHARS) return [];
  const words: LooseWord[] = [];
  for (const word of text.split(/[\s\p{P}\p{S}]+/u)) {
    const lower = word.toLowerCase();
    if (lower !== '' && !STOP_WORDS.has(lower)) words.push({ text: lower, fixed: ABBREVIATION.test(word) });
  }
  return words;
}

/** The words a word may be the plural of: "facilities" → "facility", "teams" → "team", … */
export function singularForms(word: string): string[] {
  const forms: string[] = [];
  for (const [ending, shortest] of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= shortest) forms.push(word.slice(0, -ending.length));
  }
  if (word.length > 4 && word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.length > 4 && word.endsWith('aux')) forms.push(`${word.slice(0, -3)}al`); // hôpitaux → hôpital
  return forms;
}

/** `singularForms(long).includes(short)`, without building the list: this runs for every pair of
 * words the index compares. */
function isPluralOf(long: string, short: string): boolean {
  if (long.startsWith(short)) {
    const shortest = ENDINGS.get(long.slice(short.length));
    if (shortest !== undefined && short.length >= shortest) return true;
  }
  if (long.length <= 4) return false;
  if (long.endsWith('ies')) return short === `${long.slice(0, -3)}y`;
  if (long.endsWith('aux')) return short === `${long.slice(0, -3)}al`;
  return false;
}

/** The same word, or one the plural (or definite form) of the other. */
export function wordsRelated(a: string, b: string): boolean {
  return a === b || isPluralOf(a, b) || isPluralOf(b, a);
}

/** An entry word and a query word pair up: the same, either the plural of the other, or the
 * query word a plural of an abbreviation. */
function pairs(entry: LooseWord, query: string): boolean {
  if (entry.text === query) return true;
  return entry.fixed ? isPluralOf(query, entry.text) : wordsRelated(entry.text, query);
}

/** Names indexed for loose lookup: find() gives every value whose name is loosely the same. */
export class LooseNameIndex<T> {
  private readonly entries: { readonly words: readonly LooseWord[]; readonly value: T }[] = [];
  /** Words run together → entry ids. */
  private readonly byJoined = new Map<string, number[]>();
  /** A singular form of the words run together → ids of the entries whose name is its plural
   * (not for names that end in an abbreviation). */
  private readonly bySingular = new Map<string, number[]>();
  /** Number of words → entry ids. */
  private readonly byCount = new Map<number, number[]>();

  add(words: readonly LooseWord[], value: T): void {
    if (words.length === 0) return;
    const id = this.entries.length;
    this.entries.push({ words, value });
    const joined = words.map((w) => w.text).join('');
    push(this.byJoined, joined, id);
    if (!words[words.length - 1]!.fixed) for (const form of singularForms(joined)) push(this.bySingular, form, id);
    push(this.byCount, words.length, id);
  }

  /** The values of every name loosely the same as `words` (see the top), in the order added. */
  find(words: readonly LooseWord[]): T[] {
    if (words.length === 0) return [];
    const texts = words.map((w) => w.text);
    const ids = new Set<number>();
    const joined = texts.join('');
    for (const id of this.byJoined.get(joined) ?? []) ids.add(id);
    for (const id of this.bySingular.get(joined) ?? []) ids.add(id);
    for (const form of singularForms(joined)) for (const id of this.byJoined.get(form) ?? []) ids.add(id);
    for (const id of this.byCount.get(words.length) ?? []) {
      if (!ids.has(id) && this.entries[id]!.words.every((word, i) => pairs(word, texts[i]!))) ids.add(id);
    }
    return [...ids].sort((a, b) => a - b).map((id) => this.entries[id]!.value);
  }
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
