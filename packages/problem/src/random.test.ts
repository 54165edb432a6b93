import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { Random } from './random.js';

// Reference values printed by a C program following the xoshiro128** and SplitMix64 reference
// code (Blackman & Vigna), compiled with gcc: state after seeding, then the first six outputs.
const REFERENCE = [
  {
    seed: 0,
    state: [2065550767, 3793791033, 2713282036, 1853398634],
    first: [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774],
  },
  {
    seed: 1,
    state: [2298633409, 2433363436, 1703865447, 3203108257],
    first: [1695105466, 1423115009, 634581793, 1068227753, 716759206, 4186505319],
  },
  {
    seed: 42,
    state: [803958421, 3184996902, 2993090819, 686809907],
    first: [1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222],
  },
  {
    seed: Number.MAX_SAFE_INTEGER,
    state: [4021704095, 616124332, 3074421144, 818148089],
    first: [1233166643, 1287031142, 661813442, 2960669951, 2601079046, 1036114921],
  },
];

describe('Random (xoshiro128**)', () => {
  it.each(REFERENCE)('matches the C reference for seed $seed', ({ seed, state, first }) => {
    const r = Random.fromSeed(seed);
    expect(Array.from(r.state())).toEqual(state);
    expect(Array.from({ length: 6 }, () => r.nextUint32())).toEqual(first);
  });

  it('matches the C reference far into the stream and after a jump', () => {
    const r = Random.fromSeed(1);
    for (let i = 0; i < 999; i++) r.nextUint32();
    expect(r.nextUint32()).toBe(1665077326);
    const j = Random.fromSeed(42);
    j.jump();
    expect(Array.from({ length: 6 }, () => j.nextUint32())).toEqual([
      2449739786, 2605826980, 3103900246, 3575675664, 3003299767, 1915705012,
    ]);
  });

  it('jump() advances exactly 2^64 steps (checked against the transition matrix to the power 2^64 over GF(2))', () => {
    // Column i of T is the state after one step from the i-th unit state (the update is linear).
    const step = (state: Uint32Array): Uint32Array => {
      const r = Random.fromState(state);
      r.nextUint32();
      return r.state();
    };
    let T: Uint32Array[] = Array.from({ length: 128 }, (_, i) => {
      const e = new Uint32Array(4);
      e[i >>> 5] = (1 << (i & 31)) >>> 0;
      return step(e);
    });
    const apply = (M: Uint32Array[], v: Uint32Array): Uint32Array => {
      const out = new Uint32Array(4);
      for (let i = 0; i < 128; i++) {
        if ((v[i >>> 5]! >>> (i & 31)) & 1) for (let w = 0; w < 4; w++) out[w]! ^= M[i]![w]!;
      }
      return out;
    };
    for (let k = 0; k < 64; k++) T = T.map((column) => apply(T, column)); // T <- T * T
    const r = Random.fromSeed(2024);
    for (let i = 0; i < 10; i++) r.nextUint32();
    const expected = apply(T, r.state());
    r.jump();
    expect(Array.from(r.state())).toEqual(Array.from(expected));
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (seed) => {
        const a = Random.fromSeed(seed);
        const b = Random.fromSeed(seed);
        const c = Random.fromSeed(seed + 1);
        const xs = Array.from({ length: 8 }, () => a.next());
        expect(Array.from({ length: 8 }, () => b.next())).toEqual(xs);
        expect(Array.from({ length: 8 }, () => c.next())).not.toEqual(xs);
      }),
    );
  });

  it('split() hands out the current block and moves the parent to the next one', () => {
    const root = Random.fromSeed(9);
    const copy = root.clone();
    const child = root.split();
    expect(child.nextUint32()).toBe(copy.nextUint32());
    const jumped = Random.fromSeed(9);
    jumped.jump();
    expect(root.nextUint32()).toBe(jumped.nextUint32());
  });

  it('resumes from a saved state', () => {
    const r = Random.fromSeed(5);
    r.next();
    const saved = r.state();
    const expected = [r.next(), r.next()];
    const resumed = Random.fromState(saved);
    expect([resumed.next(), resumed.next()]).toEqual(expected);
  });

  it('next() is in [0, 1) and int(n) is uniform without bias (chi-square)', () => {
    const r = Random.fromSeed(11);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
    const n = 7;
    const counts = new Array(n).fill(0);
    const draws = 70_000;
    for (let i = 0; i < draws; i++) counts[r.int(n)]++;
    const expected = draws / n;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(22.46); // 99.9th percentile of chi-square with 6 degrees of freedom
  });

  it('normal() has mean 0 and variance 1', () => {
    const r = Random.fromSeed(3);
    let s = 0;
    let s2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });

  it('permutation() is a permutation', () => {
    const p = Random.fromSeed(4).permutation(100);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('rejects bad seeds, states and ranges with a typed error', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60, '3' as unknown as number]) {
      expect(() => Random.fromSeed(bad)).toThrow(InvalidArgumentError);
    }
    expect(() => Random.fromSeed(-1)).toThrow('seed: expected a non-negative safe integer, got -1.');
    expect(() => Random.fromState([0, 0, 0, 0])).toThrow(InvalidArgumentError);
    expect(() => Random.fromState([1, 2])).toThrow(InvalidArgumentError);
    expect(() => Random.fromSeed(1).int(0)).toThrow(InvalidArgumentError);
  });
});
