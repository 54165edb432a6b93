import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteNeighbours } from './brute-neighbours.js';
import { buildKdTree } from './kd-tree.js';
import { KdTreeSearch } from './kd-tree-search.js';
import { scanNeighbours } from './scan-neighbours.js';

/** Rows of small integers (many duplicate rows and equal distances) or of doubles, row-major. */
const dataset = fc
  .record({
    dims: fc.integer({ min: 1, max: 5 }),
    rows: fc.integer({ min: 1, max: 160 }),
    queries: fc.integer({ min: 1, max: 12 }),
    grid: fc.boolean(),
    leafSize: fc.integer({ min: 1, max: 16 }),
  })
  .chain((s) => {
    const value = s.grid
      ? fc.integer({ min: -2, max: 2 }).map((v) => v / 2)
      : fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });
    return fc.record({
      settings: fc.constant(s),
      k: fc.integer({ min: 1, max: s.rows }),
      train: fc.array(value, { minLength: s.rows * s.dims, maxLength: s.rows * s.dims }),
      queries: fc.array(value, { minLength: s.queries * s.dims, maxLength: s.queries * s.dims }),
    });
  });

describe('k-d tree search', () => {
  it('finds the neighbours of the reference scan, in its order, ties included (fast-check)', () => {
    fc.assert(
      fc.property(dataset, ({ settings, k, train: t, queries: q }) => {
        const { dims, rows, leafSize } = settings;
        const train = Float64Array.from(t);
        const queries = Float64Array.from(q);
        const m = settings.queries;
        const tree = buildKdTree(train, rows, dims, leafSize);
        const search = new KdTreeSearch(tree, k);
        const treeD = new Float64Array(m * k);
        const treeI = new Int32Array(m * k);
        for (let i = 0; i < m; i++) search.search(queries, i * dims, treeD, treeI, i * k);
        const scanD = new Float64Array(m * k);
        const scanI = new Int32Array(m * k);
        scanNeighbours(train, rows, dims, queries, new Uint8Array(m).fill(1), k, scanD, scanI);
        const refD = new Float64Array(k);
        const refI = new Int32Array(k);
        for (let i = 0; i < m; i++) {
          bruteNeighbours(train, rows, dims, queries.subarray(i * dims, (i + 1) * dims), refD, refI);
          expect(Array.from(treeI.subarray(i * k, (i + 1) * k))).toEqual(Array.from(refI));
          expect(Array.from(treeD.subarray(i * k, (i + 1) * k))).toEqual(Array.from(refD));
          expect(Array.from(scanI.subarray(i * k, (i + 1) * k))).toEqual(Array.from(refI));
          expect(Array.from(scanD.subarray(i * k, (i + 1) * k))).toEqual(Array.from(refD));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every row once, in leaves of leafSize to 2·leafSize rows inside their boxes', () => {
    const rows = 1000;
    const dims = 3;
    const data = Float64Array.from({ length: rows * dims }, (_, i) => Math.sin(i * 12.9898) * 43758.5453);
    const tree = buildKdTree(data, rows, dims, 10);
    expect(Array.from(tree.ids).sort((a, b) => a - b)).toEqual(Array.from({ length: rows }, (_, i) => i));
    for (let node = tree.firstLeaf; node < tree.start.length; node++) {
      const size = tree.end[node]! - tree.start[node]!;
      expect(size).toBeGreaterThanOrEqual(10);
      expect(size).toBeLessThanOrEqual(20);
    }
    for (let node = 0; node < tree.start.length; node++) {
      for (let r = tree.start[node]!; r < tree.end[node]!; r++) {
        for (let j = 0; j < dims; j++) {
          const v = tree.points[r * dims + j]!;
          expect(v).toBe(data[tree.ids[r]! * dims + j]);
          expect(v).toBeGreaterThanOrEqual(tree.lower[node * dims + j]!);
          expect(v).toBeLessThanOrEqual(tree.upper[node * dims + j]!);
        }
      }
    }
  });

  it('leaves the k-th neighbour at +∞ when fewer than k rows are at a finite distance', () => {
    // From 1e300, only the row at 1e300 is at a finite squared distance.
    const tree = buildKdTree(Float64Array.of(0, 1e300, -1e300), 3, 1, 1);
    const distance = new Float64Array(2);
    const index = new Int32Array(2);
    new KdTreeSearch(tree, 2).search(Float64Array.of(1e300), 0, distance, index, 0);
    expect(Array.from(index)).toEqual([1, -1]);
    expect(Array.from(distance)).toEqual([0, Number.POSITIVE_INFINITY]);
  });
});
