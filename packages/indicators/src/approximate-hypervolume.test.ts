import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approximateHypervolume } from './approximate-hypervolume.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { hypervolume } from './hypervolume.js';
import { Xoshiro128 } from './internal/random.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** n points near the positive orthant of the unit sphere in d dimensions. */
function front(n: number, d: number, seed: number): number[][] {
  const u = lcg(seed);
  return Array.from({ length: n }, () => {
    const v = Array.from({ length: d }, () => u() + 0.01);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

describe('approximateHypervolume', () => {
  it('gives the documented example', () => {
    expect(approximateHypervolume([[0, 0]], { reference: [1, 1], samples: 1000, seed: 7 }).value).toBe(1);
  });

  for (const d of [2, 3, 5, 7]) {
    it(`lies within 4 standard errors of the exact value (d = ${d})`, () => {
      for (const seed of [1, 2, 3]) {
        const points = front(40, d, seed);
        const reference = new Array<number>(d).fill(1.1);
        const exact = hypervolume(points, { reference });
        const estimate = approximateHypervolume(points, { reference, samples: 50_000, seed });
        expect(estimate.samples).toBe(50_000);
        expect(estimate.standardError).toBeGreaterThan(0);
        expect(Math.abs(estimate.value - exact)).toBeLessThan(4 * estimate.standardError);
      }
    });
  }

  it('is reproducible from its seed, and other seeds give other estimates', () => {
    const points = front(30, 4, 9);
    const reference = [1.1, 1.1, 1.1, 1.1];
    const a = approximateHypervolume(points, { reference, samples: 5000, seed: 42 });
    const b = approximateHypervolume(points, { reference, samples: 5000, seed: 42 });
    const c = approximateHypervolume(points, { reference, samples: 5000, seed: 43 });
    expect(b).toEqual(a);
    expect(c.value).not.toBe(a.value);
    // The default seed is fixed too.
    expect(approximateHypervolume(points, { reference, samples: 5000 })).toEqual(
      approximateHypervolume(points, { reference, samples: 5000, seed: 1 }),
    );
  });

  it('has a standard error that halves when the samples quadruple', () => {
    const points = front(30, 3, 4);
    const reference = [1.1, 1.1, 1.1];
    const few = approximateHypervolume(points, { reference, samples: 10_000, seed: 5 });
    const many = approximateHypervolume(points, { reference, samples: 40_000, seed: 5 });
    expect(many.standardError / few.standardError).toBeGreaterThan(0.45);
    expect(many.standardError / few.standardError).toBeLessThan(0.55);
  });

  it('returns exactly 0 when no point dominates the reference point', () => {
    expect(approximateHypervolume([], { reference: [1, 1] })).toEqual({
      value: 0,
      standardError: 0,
      samples: 0,
    });
    expect(approximateHypervolume([[2, 0]], { reference: [1, 1] })).toEqual({
      value: 0,
      standardError: 0,
      samples: 0,
    });
  });

  it('refuses bad sample counts and seeds', () => {
    expect(() => approximateHypervolume([[0, 0]], { reference: [1, 1], samples: 0 })).toThrow(
      'samples: expected a positive integer, got 0.',
    );
    expect(() => approximateHypervolume([[0, 0]], { reference: [1, 1], samples: 1.5 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => approximateHypervolume([[0, 0]], { reference: [1, 1], seed: -1 })).toThrow(
      'seed: expected a non-negative safe integer, got -1.',
    );
  });

  it('draws from xoshiro128** (uniform in [0, 1), reproducible), and no source uses Math.random', () => {
    const r = new Xoshiro128(123);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.nextDouble();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
    expect(new Xoshiro128(123).nextUint32()).toBe(new Xoshiro128(123).nextUint32());
    const sources = (dir: URL): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? sources(new URL(`${e.name}/`, dir))
          : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
            ? [readFileSync(new URL(e.name, dir), 'utf8')]
            : [],
      );
    const all = sources(new URL('./', import.meta.url));
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((text) => /Math\.random\s*\(/.test(text))).toEqual([]);
  });
});
