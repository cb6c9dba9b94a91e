// Mapping local service names to the nine categories (SPEC §2).
import { BUILTIN_ALIASES, type AliasLanguage } from './aliases.js';
import { CATEGORY_CODES, type Category } from './categories.js';
import { nearest } from './suggest.js';

/**
 * SPEC §2 normalisation: Unicode NFKC, lower case, whitespace collapsed, surrounding
 * punctuation stripped. "  ACT-Team. " and "act-team" are the same name.
 */
export function normalizeServiceName(name: string): string {
  return name
    .normalize('NFKC')
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
}

/** Maps local service names to categories (SPEC §2) and suggests the nearest name for a typo. */
export interface Taxonomy {
  /** The category of a local name, or undefined when it maps to nothing. */
  lookup(name: string): Category | undefined;
  /** The nearest known name to an unmapped one, for "did you mean". */
  suggest(name: string): TaxonomyEntry | undefined;
  readonly entries: readonly TaxonomyEntry[];
}

/** Category codes, then built-in aliases, then the user's aliases; a later entry wins. */
export function buildTaxonomy(userAliases: Readonly<Record<string, Category>> = {}): Taxonomy {
  const entries: TaxonomyEntry[] = [
    ...CATEGORY_CODES.map((code) => ({ name: code, category: code, origin: 'category' as const })),
    ...BUILTIN_ALIASES.map((a) => ({ name: a.name, category: a.category, origin: 'builtin' as const, lang: a.lang })),
    ...Object.entries(userAliases).map(([name, category]) => ({ name, category, origin: 'config' as const })),
  ];
  const byName = new Map<string, TaxonomyEntry>();
  for (const entry of entries) byName.set(normalizeServiceName(entry.name), entry);
  return {
    entries,
    lookup: (name) => byName.get(normalizeServiceName(name))?.category,
    suggest: (name) => {
      const key = nearest(normalizeServiceName(name), byName.keys());
      return key === undefined ? undefined : byName.get(key);
    },
  };
}
