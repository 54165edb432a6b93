import { describe, expect, it } from 'vitest';
import { reusableScratch } from './reusable-scratch.js';

describe('reusableScratch', () => {
  it('keeps space up to keepUpTo items, grows it on demand, and gives larger calls their own', () => {
    const made: number[] = [];
    const scratch = reusableScratch((capacity) => {
      made.push(capacity);
      return new Float64Array(capacity);
    }, 100);
    const small = scratch(10);
    expect(small.length).toBe(64);
    expect(scratch(64)).toBe(small);
    const grown = scratch(80);
    expect(grown.length).toBe(80);
    expect(scratch(5)).toBe(grown);
    const large = scratch(500);
    expect(large.length).toBe(500);
    expect(scratch(500)).not.toBe(large); // not kept
    expect(scratch(20)).toBe(grown);
    expect(made).toEqual([64, 80, 500, 500]);
  });
});
