import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { friedman1 } from '../../test/data.js';
import { growForest } from './grow-forest.js';
import { packForest, predictForest } from './packed-forest.js';
import { concatTrees, sumLeaves } from './tree-ensemble.js';

describe('packed forest', () => {
  it('predicts as the tree ensemble did, NaN, infinities and thresholds included (fast-check)', () => {
    const settings = fc.record({
      trees: fc.integer({ min: 1, max: 6 }),
      mtry: fc.integer({ min: 1, max: 10 }),
      minSamplesLeaf: fc.integer({ min: 1, max: 4 }),
      maxDepth: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(Number.POSITIVE_INFINITY)),
      bootstrap: fc.boolean(),
      maxBins: fc.integer({ min: 2, max: 256 }),
      seed: fc.nat(1000),
    });
    const odd = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0);
    fc.assert(
      fc.property(
        settings,
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 23 }),
        fc.array(odd, { maxLength: 20 }),
        (s, rows, queries, oddValues) => {
          const { X, y } = friedman1(rows, s.seed);
          const trees = growForest(X, y, s);
          const ensemble = concatTrees('le', X.cols, trees);
          // Rows of the training data, rows of split thresholds, and rows with odd values.
          const Q = friedman1(queries + oddValues.length, s.seed + 1).X;
          for (let p = 0, i = 0; p < ensemble.feature.length && i < queries; p++) {
            if (ensemble.feature[p]! >= 0)
              Q.data[i++ * X.cols + ensemble.feature[p]!] = ensemble.threshold[p]!;
          }
          oddValues.forEach((v, i) => {
            Q.data[(queries + i) * X.cols + (i % X.cols)] = v;
          });
          for (const batch of [X, Q]) {
            const expected = sumLeaves(ensemble, batch, new Float64Array(batch.rows)).map(
              (v) => v / trees.length,
            );
            expect(predictForest(packForest(X.cols, trees), batch)).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives each row the same prediction whatever the batch around it', () => {
    const { X, y } = friedman1(300, 3);
    const forest = packForest(
      X.cols,
      growForest(X, y, {
        trees: 10,
        mtry: 3,
        minSamplesLeaf: 1,
        maxDepth: 50,
        bootstrap: true,
        maxBins: 256,
        seed: 4,
      }),
    );
    const all = predictForest(forest, X);
    for (const i of [0, 1, 5, 299]) {
      const row = { rows: 1, cols: X.cols, data: X.data.slice(i * X.cols, (i + 1) * X.cols) };
      expect(predictForest(forest, row)[0]).toBe(all[i]);
    }
  });
});
