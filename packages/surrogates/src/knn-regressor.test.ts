import { DimensionMismatchError, InvalidArgumentError, type Matrix, toMatrix } from '@paretokit/problem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { friedman1 } from '../test/data.js';
import { knnRegressor, NotFittedError, randomForestRegressor } from './index.js';
import { KD_TREE_AFTER_QUERIES, prefersKdTree } from './internal/prefers-kd-tree.js';

/**
 * KNN prediction as knnRegressor computed it before it had a k-d tree: standardize, then per query
 * row a scan of the training rows keeping the k strictly closest (the k best and their indices
 * carried over from row to row), then the uniform or 1/d-weighted mean.
 */
function referenceKnn(
  X: Matrix,
  y: Float64Array,
  Q: Matrix,
  k: number,
  weights: 'uniform' | 'distance',
  standardize: boolean,
): Float64Array {
  const { rows, cols } = X;
  const shift = new Float64Array(cols);
  const scale = new Float64Array(cols).fill(1);
  for (let j = 0; j < cols && standardize; j++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += X.data[i * cols + j]!;
    mean /= rows;
    let variance = 0;
    for (let i = 0; i < rows; i++) variance += (X.data[i * cols + j]! - mean) ** 2;
    const sd = Math.sqrt(variance / rows);
    shift[j] = mean;
    scale[j] = sd > 0 ? 1 / sd : 1;
  }
  const train = X.data.map((v, i) => (v - shift[i % cols]!) * scale[i % cols]!);
  const out = new Float64Array(Q.rows);
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  for (let q = 0; q < Q.rows; q++) {
    const query = Q.data.subarray(q * cols, (q + 1) * cols).map((v, j) => (v - shift[j]!) * scale[j]!);
    bestD.fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < rows; i++) {
      let d = 0;
      for (let j = 0; j < cols && d < bestD[k - 1]!; j++) {
        const diff = query[j]! - train[i * cols + j]!;
        d += diff * diff;
      }
      if (d >= bestD[k - 1]!) continue;
      let p = k - 1;
      for (; p > 0 && bestD[p - 1]! > d; p--) {
        bestD[p] = bestD[p - 1]!;
        bestI[p] = bestI[p - 1]!;
      }
      bestD[p] = d;
      bestI[p] = i;
    }
    let sum = 0;
    let weight = 0;
    for (let p = 0; p < k; p++) {
      const exact = weights === 'distance' && bestD[0] === 0;
      if (exact && bestD[p] !== 0) break;
      const w = weights === 'uniform' || exact ? 1 : 1 / Math.sqrt(bestD[p]!);
      sum += w * y[bestI[p]!]!;
      weight += w;
    }
    out[q] = weights === 'uniform' ? sum / k : sum / weight;
  }
  return out;
}

describe('knnRegressor', () => {
  it('averages the k nearest rows, uniformly or by inverse distance', () => {
    const X = toMatrix([[0], [1], [3]]);
    const y = Float64Array.of(0, 10, 30);
    const uniform = knnRegressor({ k: 2, standardize: false });
    uniform.fit(X, y);
    expect(uniform.predict(toMatrix([[0.25]]))).toEqual(Float64Array.of(5));
    const weighted = knnRegressor({ k: 2, weights: 'distance', standardize: false });
    weighted.fit(X, y);
    // weights 1/0.25 and 1/0.75: (4·0 + (4/3)·10) / (16/3) = 2.5
    expect(weighted.predict(toMatrix([[0.25]]))[0]).toBeCloseTo(2.5, 12);
    // An exact match takes all the weight.
    expect(weighted.predict(toMatrix([[1]]))).toEqual(Float64Array.of(10));
  });

  it('standardizes columns so that units do not matter', () => {
    const { X, y } = friedman1(200, 3);
    const scaled = { rows: X.rows, cols: X.cols, data: X.data.map((v, k) => (k % 10 === 0 ? v * 1000 : v)) };
    const a = knnRegressor();
    a.fit(X, y);
    const b = knnRegressor();
    b.fit(scaled, y);
    const test = friedman1(50, 4).X;
    const testScaled = { rows: 50, cols: 10, data: test.data.map((v, k) => (k % 10 === 0 ? v * 1000 : v)) };
    const pa = a.predict(test);
    const pb = b.predict(testScaled);
    for (let i = 0; i < 50; i++) expect(pb[i]).toBeCloseTo(pa[i]!, 9);
  });

  it('predicts as the reference scan, on the k-d tree and by scanning, ties included (fast-check)', () => {
    const value = (grid: boolean) =>
      grid
        ? fc.integer({ min: -3, max: 3 })
        : fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true });
    const odd = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e300);
    const problem = fc
      .record({
        cols: fc.integer({ min: 1, max: 3 }),
        rows: fc.integer({ min: 128, max: 260 }),
        grid: fc.boolean(),
      })
      .chain(({ cols, rows, grid }) =>
        fc.record({
          X: fc.array(value(grid), { minLength: rows * cols, maxLength: rows * cols }).map((data) => ({
            rows,
            cols,
            data: Float64Array.from(data),
          })),
          y: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: rows, maxLength: rows }),
          queries: fc.array(fc.oneof({ weight: 30, arbitrary: value(grid) }, { weight: 1, arbitrary: odd }), {
            minLength: 100 * cols,
            maxLength: 100 * cols,
          }),
          split: fc.integer({ min: 1, max: 99 }),
          k: fc.integer({ min: 1, max: 8 }),
          weights: fc.constantFrom('uniform' as const, 'distance' as const),
          standardize: fc.boolean(),
        }),
      );
    fc.assert(
      fc.property(problem, ({ X, y, queries, split, k, weights, standardize }) => {
        expect(prefersKdTree(X.rows, X.cols, k)).toBe(true);
        const model = knnRegressor({ k, weights, standardize });
        const target = Float64Array.from(y);
        model.fit(X, target);
        // A first call answered by scanning or by the tree, then calls past KD_TREE_AFTER_QUERIES rows.
        expect(KD_TREE_AFTER_QUERIES).toBeLessThanOrEqual(100);
        const Q = { rows: 100, cols: X.cols, data: Float64Array.from(queries) };
        const first = { rows: split, cols: X.cols, data: Q.data.subarray(0, split * X.cols) };
        const rest = { rows: 100 - split, cols: X.cols, data: Q.data.subarray(split * X.cols) };
        const predicted = [...model.predict(first), ...model.predict(rest), ...model.predict(Q)];
        const expected = referenceKnn(X, target, Q, k, weights, standardize);
        const reference = [
          ...referenceKnn(X, target, first, k, weights, standardize),
          ...referenceKnn(X, target, rest, k, weights, standardize),
          ...expected,
        ];
        expect(predicted).toEqual(reference);
      }),
      { numRuns: 60 },
    );
  });

  it('predicts as the reference scan on 10 columns with the k-d tree (Friedman #1)', () => {
    const { X, y } = friedman1(6000, 7);
    expect(prefersKdTree(X.rows, X.cols, 5)).toBe(true);
    const queries = {
      rows: 300,
      cols: 10,
      data: X.data.slice(0, 3000).map((v, i) => (i % 7 === 0 ? v : v + 0.01)),
    };
    for (const weights of ['uniform', 'distance'] as const) {
      const model = knnRegressor({ k: 5, weights });
      model.fit(X, y);
      expect(model.predict(queries)).toEqual(referenceKnn(X, y, queries, 5, weights, true));
    }
  });

  it('rejects bad options and data with typed errors', () => {
    expect(() => knnRegressor({ k: 0 })).toThrow(InvalidArgumentError);
    expect(() => knnRegressor({ weights: 'gauss' as never })).toThrow(InvalidArgumentError);
    const model = knnRegressor({ k: 5 });
    expect(() => model.predict(toMatrix([[1]]))).toThrow(NotFittedError);
    expect(() => model.fit(toMatrix([[1], [2]]), Float64Array.of(1, 2))).toThrow(
      /at most the number of training rows/,
    );
    expect(() => model.fit(toMatrix([[1], [2]]), Float64Array.of(1))).toThrow(DimensionMismatchError);
    expect(() => model.fit(toMatrix([[1], [Number.NaN]]), Float64Array.of(1, 2))).toThrow(/row 1, column 0/);
  });
});

describe('randomForestRegressor', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const { X, y } = friedman1(300, 1);
    const test = friedman1(100, 2).X;
    const fitPredict = (seed: number) => {
      const model = randomForestRegressor({ trees: 20, seed });
      model.fit(X, y);
      return model.predict(test);
    };
    expect(fitPredict(7)).toEqual(fitPredict(7));
    expect(fitPredict(7)).not.toEqual(fitPredict(8));
  });

  it('fits the training data exactly without bootstrap and with one column per split set', () => {
    const { X, y } = friedman1(200, 5);
    const model = randomForestRegressor({ trees: 1, bootstrap: false });
    model.fit(X, y);
    expect(model.predict(X)).toEqual(y);
  });

  it('honours maxDepth and minSamplesLeaf', () => {
    const X = toMatrix([[0], [1], [2], [3], [4], [5], [6], [7]]);
    const y = Float64Array.of(0, 1, 2, 3, 4, 5, 6, 7);
    const stump = randomForestRegressor({ trees: 1, bootstrap: false, maxDepth: 1 });
    stump.fit(X, y);
    expect(Array.from(new Set(stump.predict(X)))).toEqual([1.5, 5.5]);
    const leafy = randomForestRegressor({ trees: 1, bootstrap: false, minSamplesLeaf: 4 });
    leafy.fit(X, y);
    expect(Array.from(new Set(leafy.predict(X)))).toEqual([1.5, 5.5]);
  });

  it('handles many distinct values through binning and stays accurate', () => {
    const { X, y } = friedman1(3000, 11);
    const test = friedman1(500, 12);
    const model = randomForestRegressor({ trees: 30, maxBins: 64 });
    model.fit(X, y);
    const p = model.predict(test.X);
    let sse = 0;
    let sst = 0;
    const mean = test.y.reduce((s, v) => s + v, 0) / test.y.length;
    for (let i = 0; i < p.length; i++) {
      sse += (p[i]! - test.y[i]!) ** 2;
      sst += (test.y[i]! - mean) ** 2;
    }
    expect(1 - sse / sst).toBeGreaterThan(0.85);
  });

  it('rejects bad options with typed errors', () => {
    expect(() => randomForestRegressor({ trees: 0 })).toThrow(InvalidArgumentError);
    expect(() => randomForestRegressor({ maxFeatures: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => randomForestRegressor({ maxBins: 1000 })).toThrow(InvalidArgumentError);
    expect(() => randomForestRegressor({ seed: -1 })).toThrow(InvalidArgumentError);
    expect(() => randomForestRegressor().predict(toMatrix([[1]]))).toThrow(NotFittedError);
  });
});
