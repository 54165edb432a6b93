import { DimensionMismatchError, InvalidArgumentError, toMatrix } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { friedman1 } from '../test/data.js';
import { knnRegressor, NotFittedError, randomForestRegressor } from './index.js';

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
