// "% lost" (core/share-lost.ts): vacuum_be / (beds_from + community_from_be), worked by hand.
import { describe, expect, it } from 'vitest';
import { shareLost } from '../../src/core/share-lost.js';

describe('shareLost', () => {
  it('is the vacuum as a share of the baseline beds and weighted community capacity', () => {
    // 40 / (260 + 30) = 0.13793…
    expect(shareLost({ vacuum_be: 40, beds_from: 260, community_from_be: 30 })).toBe(40 / 290);
    expect(shareLost({ vacuum_be: 0, beds_from: 100, community_from_be: 0 })).toBe(0);
  });

  it('is null when the baseline is unknown (an events beds file) or 0', () => {
    expect(shareLost({ vacuum_be: 5, beds_from: null, community_from_be: 10 })).toBeNull();
    expect(shareLost({ vacuum_be: 0, beds_from: 0, community_from_be: 0 })).toBeNull();
  });
});
