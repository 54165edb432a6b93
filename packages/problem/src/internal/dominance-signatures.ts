/**
 * Dominance signatures of n points (see {@link dominanceSignatures}): point q can be no worse than
 * point p in objectives 1..k only if ((sig(p) | guard) - sig(q)) & guard === guard, with
 * sig = signatures[(k - 2)·n + ·] and guard = guards[k].
 */
export interface DominanceSignatures {
  readonly signatures: Int32Array;
  readonly guards: Int32Array;
}

/**
 * For every k in 2..m-1 and point p of the column-major n x m matrix `columns`, a 31-bit
 * signature holding a coarse bin of each of objectives 1..k (up to 15) in a field of w bits whose
 * top bit (the guard) stays clear. Bins are monotone in the values (256 equal steps over each
 * objective's range, 2^(w-1) of them kept), so one subtraction tells whether some field of q
 * exceeds that of p, which rules out q being no worse than p. O(M^2 N).
 */
export function dominanceSignatures(columns: Float64Array, n: number, m: number): DominanceSignatures {
  const bins = new Uint8Array(n * m);
  for (let k = 1; k < m; k++) scaleColumn(columns, n, m, k, bins);
  const signatures = new Int32Array(n * Math.max(0, m - 2));
  const guards = new Int32Array(m);
  const widths = new Int32Array(m);
  for (let k = 2; k < m; k++) {
    // Fields fill at most 31 bits, so that subtractions stay within 32-bit integers.
    const used = Math.min(k, 15);
    widths[k] = Math.min(9, (31 / used) | 0);
    for (let j = 0; j < used; j++) guards[k] = guards[k]! | (1 << (j * widths[k]! + widths[k]! - 1));
  }
  signPoints(bins, n, m, widths, signatures);
  return { signatures, guards };
}

/** Objective k of every point scaled to 0..255 over its range into bins[p·m + k]; all 0 for an infinite or empty range. */
function scaleColumn(columns: Float64Array, n: number, m: number, k: number, bins: Uint8Array): void {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let p = k * n; p < k * n + n; p++) {
    const v = columns[p]!;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  const scale = 256 / (high - low);
  if (!(scale > 0 && scale < Number.POSITIVE_INFINITY)) return;
  for (let p = 0; p < n; p++) {
    const bin = ((columns[k * n + p]! - low) * scale) | 0;
    bins[p * m + k] = Math.min(bin, 255);
  }
}

/** signatures[(k - 2)·n + p] for k in 2..m-1 from the bins (row-major) and the field widths per k. */
function signPoints(
  bins: Uint8Array,
  n: number,
  m: number,
  widths: Int32Array,
  signatures: Int32Array,
): void {
  for (let p = 0; p < n; p++) {
    const base = p * m + 1;
    for (let k = 2; k < m; k++) {
      const w = widths[k]!;
      const shift = 9 - w;
      const used = Math.min(k, 15);
      let sig = 0;
      for (let j = 0; j < used; j++) sig |= (bins[base + j]! >> shift) << (j * w);
      signatures[(k - 2) * n + p] = sig;
    }
  }
}
