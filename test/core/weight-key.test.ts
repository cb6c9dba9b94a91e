// weightKey (src/core/weights.ts): `category/unit`, the same text whether kept from before or made
// afresh, for the known names and for a library caller's many own names beyond what is kept.
import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/core/categories.js';
import { CATEGORY_CODES } from '../../src/core/categories.js';
import type { Unit } from '../../src/core/units.js';
import { UNIT_CODES } from '../../src/core/units.js';
import { weightKey } from '../../src/core/weights.js';

describe('weightKey', () => {
  it('is category/unit for every known pair, asked once or many times', () => {
    for (let round = 0; round < 3; round++) {
      for (const category of CATEGORY_CODES) for (const unit of UNIT_CODES) expect(weightKey(category, unit)).toBe(`${category}/${unit}`);
    }
  });

  it('is category/unit for 200 × 200 names of a caller\'s own, past the bound of names kept', () => {
    for (let c = 0; c < 200; c++) {
      for (let u = 0; u < 200; u += 7) {
        const category = `own category ${c}` as Category;
        const unit = `u${u}` as Unit;
        expect(weightKey(category, unit)).toBe(`own category ${c}/u${u}`);
        expect(weightKey(category, unit)).toBe(`own category ${c}/u${u}`);
      }
    }
    expect(weightKey('crisis', 'teams')).toBe('crisis/teams');
  });
});
