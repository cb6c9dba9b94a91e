// The shape of a built-in alias: a local name, what it maps to, its language, where it is used
// and where the term comes from. The tables themselves are in aliases-<language>.ts (services),
// unit-aliases.ts and header-aliases.ts.
import type { AliasSourceId } from './alias-sources.js';

/** ISO 639-1 code of an alias's language (nb = Norwegian bokmål). */
export const ALIAS_LANGUAGES = ['en', 'nb', 'sv', 'fi', 'da', 'de', 'fr', 'es', 'ar'] as const;
/** The language of a built-in alias: one of ALIAS_LANGUAGES. */
export type AliasLanguage = (typeof ALIAS_LANGUAGES)[number];

/** Where and how a built-in name is used. */
export interface AliasOrigin {
  readonly lang: AliasLanguage;
  /** Country or system where the term is used: ISO 3166 codes ("NO", "FI (Swedish-language)"),
   * "WHO", "international". */
  readonly where: string;
  /** A short note: what the service is there, or why it maps where it does. */
  readonly note?: string | undefined;
  readonly source: AliasSourceId;
}

/** A built-in local name and the code it maps to (a category, a unit or a column). */
export type AliasEntry<T extends string> = AliasOrigin & {
  /** The name as people write it (display form; matching normalises it). */
  readonly name: string;
  readonly target: T;
};

/** One row of an alias list: name, target and an optional note; the rest comes from the block. */
export type AliasRow<T extends string> = readonly [name: string, target: T, note?: string];

/** A block of aliases that share a language, a place and a source (a row may add its own note). */
export function aliasBlock<T extends string>(origin: Omit<AliasOrigin, 'note'> & { note?: string }, rows: readonly AliasRow<T>[]): AliasEntry<T>[] {
  // Object.assign, not `{ ...origin, name, … }`, which gives each entry a hidden class of its own in V8
  // (about a thousand at start-up); the same keys in the same order.
  return rows.map(([name, target, note]) => Object.assign({}, origin, { name, target, note: note ?? origin.note }));
}
