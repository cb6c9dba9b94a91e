// The one place draws are made (core/sensitivity.ts, drawValues): draw i of seed s takes its
// numbers from the generator of (s, i) (random.ts), one per varied weight in order, or under
// `category` correlation one per category, shared by that category's adjacent weights; each value
// is low + u × (high − low).
import { describe, expect, it } from 'vitest';
import { drawRandom } from '../../src/core/random.js';
import { drawValues } from '../../src/core/weight-draws.js';

const ranges = [
  { category: 'crisis', low: 0, high: 10 },
  { category: 'crisis', low: 100, high: 200 },
  { category: 'outreach', low: 1, high: 2 },
] as const;

describe('drawValues', () => {
  it('none: one number per weight, in order', () => {
    const out = new Float64Array(3);
    drawValues(ranges, 7, 3, 'none', out);
    const random = drawRandom(7, 3);
    const [u1, u2, u3] = [random(), random(), random()];
    expect([...out]).toEqual([0 + u1 * 10, 100 + u2 * 100, 1 + u3 * 1]);
  });

  it('category: one number per category, the same fraction of each range of it', () => {
    const out = new Float64Array(3);
    drawValues(ranges, 7, 3, 'category', out);
    const random = drawRandom(7, 3);
    const [u1, u2] = [random(), random()];
    // crisis/… both at u1 of their ranges; outreach takes the second number
    expect([...out]).toEqual([0 + u1 * 10, 100 + u1 * 100, 1 + u2 * 1]);
  });
});
