import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spherePoints } from '../../test/sphere-points.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { hypervolume } from '../hypervolume.js';
import { hypervolumeContributions } from '../hypervolume-contributions.js';
import { useWebAssembly } from '../use-web-assembly.js';
import { setWasmKernels, wasmKernels } from './wasm-kernels.js';

// The WebAssembly kernels (assembly/) run the same steps as the JavaScript they stand in for, so
// both must give the same bits: the JavaScript, checked against inclusion-exclusion and moocore
// by the other tests, is their oracle here, and they are its oracle in turn.

/** The value of `f` with the WebAssembly kernels, then without; the setting is restored. */
function bothWays<T>(f: () => T): [wasm: T, js: T] {
  const wasm = f();
  const before = setWasmKernels(false);
  try {
    return [wasm, f()];
  } finally {
    setWasmKernels(before);
  }
}

function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Rows of d values on a coarse grid (ties, duplicates) or not, some beyond the reference 1. */
const pointSet = (d: number, maxLength: number) =>
  fc.oneof(
    fc.array(
      fc.array(
        fc.integer({ min: 0, max: 5 }).map((v) => v / 5),
        { minLength: d, maxLength: d },
      ),
      { maxLength },
    ),
    fc.array(fc.array(fc.double({ min: 0, max: 1.1, noNaN: true }), { minLength: d, maxLength: d }), {
      maxLength,
    }),
  );

describe('the WebAssembly kernels', () => {
  afterEach(() => {
    setWasmKernels(true);
  });

  it('load in Node, and setWasmKernels turns them off and on', () => {
    expect(wasmKernels()).toBeDefined();
    expect(setWasmKernels(false)).toBe(true);
    expect(wasmKernels()).toBeUndefined();
    expect(setWasmKernels(true)).toBe(false);
    expect(wasmKernels()).toBeDefined();
  });

  for (const d of [2, 3, 4, 5, 6]) {
    it(`give the JavaScript's bits: hypervolume and contributions of random sets (d = ${d})`, () => {
      const reference = new Array<number>(d).fill(1);
      fc.assert(
        fc.property(pointSet(d, d === 6 ? 25 : 40), (points) => {
          const [hvWasm, hvJs] = bothWays(() => hypervolume(points, { reference }));
          expect(Object.is(hvWasm, hvJs)).toBe(true);
          const [cWasm, cJs] = bothWays(() => hypervolumeContributions(points, { reference }));
          expect(cWasm).toEqual(cJs);
        }),
        { numRuns: 300 },
      );
    });

    it(`give the JavaScript's bits on concave fronts of 50 to 1,000 points (d = ${d})`, () => {
      const reference = new Array<number>(d).fill(1.1);
      for (const [n, seed] of [
        [50, 1],
        [300, 2],
        [d === 6 ? 500 : 1_000, 3],
      ] as const) {
        const points = { rows: n, cols: d, data: spherePoints(n, d, lcg(seed)) };
        const [hvWasm, hvJs] = bothWays(() => hypervolume(points, { reference }));
        expect(hvWasm).toBeGreaterThan(0);
        expect(Object.is(hvWasm, hvJs)).toBe(true);
        if (n <= (d <= 3 ? 1_000 : d === 4 ? 300 : 50)) {
          const [cWasm, cJs] = bothWays(() => hypervolumeContributions(points, { reference }));
          expect(cWasm).toEqual(cJs);
        }
      }
    });
  }

  it('sort 2-D points as the JavaScript does where x spreads over no width, a subnormal one or few values', () => {
    const sets = [
      [0.5, 0.5, 0.5, 0.25, 0.5, 0.75, 0.5, 0.1], // one x: the whole range is one bucket
      [0, 0.9, 5e-324, 0.8, 1e-323, 0.7, 0, 0.95], // width 1e-323: scale overflows
      Array.from({ length: 400 }, (_, i) => [(i % 7) / 7, 1 - (i + 1) / 401]).flat(), // 7 values of x
    ];
    for (const flat of sets) {
      const points = { rows: flat.length / 2, cols: 2, data: Float64Array.from(flat) };
      const [cWasm, cJs] = bothWays(() => hypervolumeContributions(points, { reference: [1, 1] }));
      expect(cWasm).toEqual(cJs);
      expect(cWasm.some((c) => c > 0)).toBe(true);
    }
  });

  it('free memory past 2 MB after the call, and a later call runs on a fresh instance', () => {
    // 30,000 4-D points on the plane x + y + z + w = 1: 2.9 MB of rows and front.
    const n = 30_000;
    const next = lcg(9);
    const data = new Float64Array(4 * n);
    for (let i = 0; i < n; i++) {
      const u = [next(), next(), next(), next()];
      const sum = u[0]! + u[1]! + u[2]! + u[3]!;
      for (let k = 0; k < 4; k++) data[4 * i + k] = u[k]! / sum;
    }
    const before = wasmKernels();
    const [hvWasm, hvJs] = bothWays(() =>
      hypervolume({ rows: n, cols: 4, data }, { reference: [1, 1, 1, 1] }),
    );
    expect(Object.is(hvWasm, hvJs)).toBe(true);
    const after = wasmKernels();
    expect(after).not.toBe(before);
    expect(after!.memory.buffer.byteLength).toBeLessThan(1 << 20);
  });

  it('refuse sizes whose memory a 32-bit address cannot hold (the JavaScript runs instead)', () => {
    const kernels = wasmKernels()!;
    expect(kernels.reserve4d(1 << 25)).toBe(0);
    expect(kernels.reserve5d(1 << 25)).toBe(0);
    expect(kernels.reserveContributions4d(1 << 25)).toBe(0);
    expect(kernels.reserve4d(100)).toBeGreaterThan(0);
  });
});

describe('without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  for (const [what, stub] of [
    ['missing', undefined],
    [
      'forbidden (a content security policy without wasm-unsafe-eval)',
      {
        Module: class {
          constructor() {
            throw new Error('WebAssembly.Module(): Refused to compile or instantiate WebAssembly module');
          }
        },
      },
    ],
  ] as const) {
    it(`the JavaScript runs when WebAssembly is ${what}`, async () => {
      const points = { rows: 200, cols: 5, data: spherePoints(200, 5, lcg(4)) };
      const reference = [1.1, 1.1, 1.1, 1.1, 1.1];
      const expected = hypervolume(points, { reference });
      vi.stubGlobal('WebAssembly', stub);
      vi.resetModules();
      const fresh = await import('./wasm-kernels.js');
      const { hypervolume: freshHypervolume } = await import('../hypervolume.js');
      expect(fresh.wasmKernels()).toBeUndefined();
      expect(Object.is(freshHypervolume(points, { reference }), expected)).toBe(true);
    });
  }
});

describe('useWebAssembly', () => {
  it('switches the kernels and checks its argument', () => {
    expect(useWebAssembly(false)).toBe(true);
    expect(wasmKernels()).toBeUndefined();
    expect(useWebAssembly(true)).toBe(false);
    expect(wasmKernels()).toBeDefined();
    expect(() => useWebAssembly('no' as unknown as boolean)).toThrow(
      new InvalidArgumentError({ argument: 'enabled', expected: 'true or false', actual: 'no' }),
    );
  });
});
