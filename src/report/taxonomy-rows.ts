// The rows `servicegap taxonomy` lists: the nine categories, then every alias (built-in ones with
// their language, where the term is used, a note and the source; the user's from the config),
// grouped by category in the categories' order.
import { ALIAS_SOURCES } from '../core/alias-sources.js';
import { CATEGORY_CODES, CATEGORY_DESCRIPTIONS } from '../core/categories.js';
import type { Taxonomy } from '../core/taxonomy.js';
import type { ListingRow } from './listing.js';

/** The columns of the taxonomy listing, in order. */
export const TAXONOMY_COLUMNS = ['category', 'name', 'lang', 'where', 'origin', 'note', 'source', 'description'] as const;

export function taxonomyRows(taxonomy: Taxonomy): ListingRow[] {
  const rows = [
    ...CATEGORY_CODES.map((category) => ({ category, name: category, lang: '', where: '', origin: 'category', note: '', source: '', description: CATEGORY_DESCRIPTIONS[category] })),
    ...taxonomy.entries
      .filter((e) => e.origin !== 'category')
      .map((e) => ({
        category: e.category,
        name: e.name,
        lang: e.lang ?? '',
        where: e.alias?.where ?? '',
        origin: e.origin,
        note: e.alias?.note ?? '',
        source: e.alias ? ALIAS_SOURCES[e.alias.source].title : '',
        description: '',
      })),
  ];
  // A stable sort: within a category, the categories' own row first, then aliases in table order.
  return rows.sort((a, b) => CATEGORY_CODES.indexOf(a.category) - CATEGORY_CODES.indexOf(b.category));
}
