/** A closed interval `[a, b]`. */
export type Interval = readonly [number, number];

/** A root of `fn` in `[a, b]`, where `fn(a) < 0` and `fn(b) >= 0` (or the reverse), to machine precision. */
function bisect(fn: (x: number) => number, a: number, b: number): number {
  const negativeAtA = fn(a) < 0;
  for (;;) {
    const mid = a + (b - a) / 2;
    if (mid <= a || mid >= b) return fn(a) === 0 ? a : b;
    if (fn(mid) < 0 === negativeAtA) a = mid;
    else b = mid;
  }
}

/**
 * The parts of `[lo, hi]` where `f` is at its running minimum (`f(x) <= f(t)` for every `t < x`):
 * the Pareto-optimal parts of the curve `(x, f(x))` when both are minimized. Each part runs from
 * where `f` first falls to the value of the previous part's end, down to a local minimum.
 *
 * The derivative `df` is scanned on a grid of `cells` cells; each change of sign (a local
 * extremum) and each crossing is refined by bisection to machine precision. Assumes `f` falls at
 * `lo` and `df` changes sign at most once per cell. O(cells + parts·53).
 */
export function runningMinimumIntervals(
  f: (x: number) => number,
  df: (x: number) => number,
  lo: number,
  hi: number,
  cells = 4096,
): Interval[] {
  const parts: Interval[] = [];
  let best = Number.POSITIVE_INFINITY;
  // A falling stretch [from, to] ends at a local minimum (or hi); keep the part below `best`.
  const fall = (from: number, to: number): void => {
    const low = f(to);
    if (!(low < best)) return;
    const start = f(from) <= best ? from : bisect((x) => f(x) - best, from, to);
    parts.push([start, to]);
    best = low;
  };
  let from = lo;
  let falling = df(lo) < 0;
  let previous = lo;
  for (let c = 1; c <= cells; c++) {
    const x = c === cells ? hi : lo + ((hi - lo) * c) / cells;
    if (df(x) < 0 !== falling) {
      const extremum = bisect(df, previous, x);
      if (falling) fall(from, extremum);
      else from = extremum;
      falling = !falling;
    }
    previous = x;
  }
  if (falling) fall(from, hi);
  return parts;
}

/**
 * Exactly `n` values spread over the parts found by {@link runningMinimumIntervals}: each part
 * gets a share of `n` in proportion to its width (largest remainders first) and is sampled
 * evenly. The first part is closed; the others are open at the left, where the curve only
 * equals the previous part's end value (a dominated point), so their samples end at their right
 * end and start one step inside. O(n + parts).
 */
export function spreadOverIntervals(intervals: readonly Interval[], n: number): Float64Array {
  const widths = intervals.map(([a, b]) => b - a);
  const total = widths.reduce((s, w) => s + w, 0);
  const quotas = widths.map((w) => (total > 0 ? (n * w) / total : n / intervals.length));
  const counts = quotas.map(Math.floor);
  let missing = n - counts.reduce((s, c) => s + c, 0);
  const order = quotas.map((_, i) => i);
  order.sort((i, j) => quotas[j]! - counts[j]! - (quotas[i]! - counts[i]!) || i - j);
  for (const i of order) {
    if (missing === 0) break;
    counts[i]!++;
    missing--;
  }
  const out = new Float64Array(n);
  let k = 0;
  intervals.forEach(([a, b], i) => {
    const c = counts[i]!;
    // Closed first part: c points from a to b; open parts: c steps of (b - a) / c ending at b.
    const steps = i === 0 ? c - 1 : c;
    const first = i === 0 ? 0 : 1;
    for (let j = 0; j < c; j++)
      out[k++] = j === c - 1 && steps > 0 ? b : a + (b - a) * ((j + first) / (steps || 1));
  });
  return out;
}

/** The largest integer `p >= 1` with `p^d <= n` (for `n >= 1`). */
export function largestPower(n: number, d: number): number {
  let p = Math.max(1, Math.floor(n ** (1 / d)));
  while ((p + 1) ** d <= n) p++;
  while (p > 1 && p ** d > n) p--;
  return p;
}
