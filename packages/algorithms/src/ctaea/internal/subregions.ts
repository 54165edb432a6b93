/** Rows grouped by subregion: `bucket[start[i] .. start[i + 1])` holds subregion i's rows, ascending. */
export interface Subregions {
  readonly start: Int32Array;
  readonly bucket: Int32Array;
  /** Rows per subregion. */
  readonly density: Int32Array;
}

/** Groups rows 0..n-1 by their subregion among `count` (a counting sort, stable). O(n + count). */
export function groupBySubregion(niche: Int32Array, n: number, count: number): Subregions {
  const start = new Int32Array(count + 1);
  for (let t = 0; t < n; t++) start[niche[t]! + 1]!++;
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  const bucket = new Int32Array(n);
  const at = start.slice(0, count);
  for (let t = 0; t < n; t++) bucket[at[niche[t]!]!++] = t;
  const density = new Int32Array(count);
  for (let i = 0; i < count; i++) density[i] = start[i + 1]! - start[i]!;
  return { start, bucket, density };
}
