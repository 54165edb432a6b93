import type { Matrix } from '@paretokit/problem';
import type { MinimizedPopulation } from '../internal/build-result.js';

/** A population with the crowding distance of each row, as NSGA-II's survival leaves it. */
export interface RankedPopulation extends MinimizedPopulation {
  readonly crowding: Float64Array;
}

function grow(buffer: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  return buffer.length >= length ? buffer : new Float64Array(length);
}

/**
 * Row-major storage of X, F, G, CV and crowding for up to `capacity` rows, reused from one
 * generation to the next so that survival allocates nothing per generation but views.
 */
export class RowStore {
  private X = new Float64Array(0);
  private F = new Float64Array(0);
  private G = new Float64Array(0);
  private CV = new Float64Array(0);
  private crowding = new Float64Array(0);

  constructor(
    private readonly d: number,
    private readonly m: number,
    private readonly k: number,
  ) {}

  /** Makes room for `rows` rows (contents are not kept when it grows). O(rows·(d + m + k)). */
  reserve(rows: number): void {
    this.X = grow(this.X, rows * this.d);
    this.F = grow(this.F, rows * this.m);
    this.G = grow(this.G, rows * this.k);
    this.CV = grow(this.CV, rows);
    this.crowding = grow(this.crowding, rows);
  }

  /** Writes `source`'s rows starting at row `at`. O(rows·(d + m + k)). */
  write(at: number, source: MinimizedPopulation): void {
    this.X.set(source.X.data, at * this.d);
    this.F.set(source.F.data, at * this.m);
    if (source.G !== undefined && this.k > 0) this.G.set(source.G.data, at * this.k);
    this.CV.set(source.CV, at);
  }

  /** Copies row `from` of `source` (with its crowding) into row `to`. O(d + m + k). */
  copyRow(to: number, source: MinimizedPopulation, from: number, crowding: number): void {
    copy(this.X, to, source.X, from);
    copy(this.F, to, source.F, from);
    if (source.G !== undefined && this.k > 0) copy(this.G, to, source.G, from);
    this.CV[to] = source.CV[from]!;
    this.crowding[to] = crowding;
  }

  /** The first `rows` rows, as views on the storage (valid until the next write). */
  view(rows: number): RankedPopulation {
    const matrix = (data: Float64Array, cols: number): Matrix => ({
      rows,
      cols,
      data: data.subarray(0, rows * cols),
    });
    const base = {
      X: matrix(this.X, this.d),
      F: matrix(this.F, this.m),
      CV: this.CV.subarray(0, rows),
      crowding: this.crowding.subarray(0, rows),
    };
    return this.k > 0 ? { ...base, G: matrix(this.G, this.k) } : base;
  }
}

function copy(target: Float64Array, to: number, source: Matrix, from: number): void {
  const c = source.cols;
  const s = source.data;
  for (let j = 0, a = to * c, b = from * c; j < c; j++) target[a + j] = s[b + j]!;
}
