import { LinkedRankSet } from './linked-rank-set.js';
import { reusableScratch } from './reusable-scratch.js';
import { type SweepOrder3d, sweepOrder3d } from './sweep-order3d.js';
import { type ReservedKernels, releaseWasmKernels, reservedKernels } from './wasm-kernels.js';

/**
 * Scratch space of {@link hvc3d}: the two rank sets and three arrays by rank, kept up to 4096
 * points (11 allocations were about 5 % of a 1,000-point call); hvc3d does not call itself.
 */
const scratch = reusableScratch(
  (capacity) => ({
    stairs: new LinkedRankSet(capacity),
    inner: new LinkedRankSet(capacity),
    exclusive: new Float64Array(capacity),
    since: new Float64Array(capacity),
    volume: new Float64Array(capacity),
  }),
  4096,
);

/** {@link scratch} for n points, emptied and zeroed. */
function workspace(n: number) {
  const w = scratch(n);
  w.stairs.clear();
  w.inner.clear();
  w.exclusive.fill(0, 0, n);
  w.since.fill(0, 0, n);
  w.volume.fill(0, 0, n);
  return w;
}

/**
 * Exclusive hypervolume contribution of each of `n` 3-D points (rows of `data`, all strictly
 * dominating `ref`), written to `out[index[i]]`. O(n log n) time, O(n) memory.
 *
 * A sweep on z, in the spirit of Emmerich & Fonseca ("Computing hypervolume contributions in low
 * dimensions: asymptotically optimal algorithm and complexity results", EMO 2011) and HVC3D of
 * Guerreiro & Fonseca (IEEE TEC 2018); the bookkeeping is ours. At height z, the points at or
 * below z project to a 2-D staircase, and the area only a staircase point p covers is the
 * rectangle between p, its right neighbour's x and its left neighbour's y, minus the boxes of
 * its "inner" points: the points inside that rectangle, which only p dominates (so removing p
 * would expose them; a duplicate of p is one). Each staircase point keeps that exclusive area E
 * and integrates it over z lazily (flushing E * dz whenever E changes). A new point q either
 *
 * - is dominated by a staircase point p: if q lies in p's rectangle and no inner point of p
 *   dominates it, it joins p's inner staircase and E(p) shrinks by the area q newly covers;
 * - or joins the staircase: its left neighbour loses the columns right of q, its right neighbour
 *   the rows above q, the staircase points q dominates leave (their exclusive area drops to 0 and
 *   they become q's inner points), and inner points q dominates are forgotten.
 *
 * Staircase and inner points live in two {@link RankSet}s over the ranks of the points in (x, y)
 * order; the inner points of different staircase points occupy disjoint rank ranges (those of p
 * lie between p and its right neighbour), so one set serves all. Every point enters and leaves
 * each set at most once, hence O(n) set operations of O(log n) each. The sweep runs in
 * WebAssembly (assembly/hvc3d.ts, the same steps: the same bits) when it is available; the
 * JavaScript below is its fallback and oracle.
 */
export function hvc3d(
  data: Float64Array,
  n: number,
  ref: Float64Array,
  index: Int32Array,
  out: Float64Array,
): void {
  const order = sweepOrder3d(data, n);
  const reserved = reservedKernels('reserveContributions3d', n);
  if (reserved !== undefined) {
    contributions3dInWasm(reserved, order, n, ref, index, out);
    return;
  }
  const { zKeys, zOrder, byX, rank, xs, ys } = order;
  const rx = ref[0]!;
  const ry = ref[1]!;
  // E by rank for staircase points, the height from which E holds, and the integrated
  // contribution by rank; all 0 at first.
  const { stairs, inner, exclusive, since, volume } = workspace(n);

  for (let k = 0; k < n; k++) {
    const z = zKeys[k]!;
    const r = rank[zOrder[k]!]!;
    const x = xs[r]!;
    const y = ys[r]!;
    const left = stairs.below(r);
    if (left >= 0 && ys[left]! <= y) {
      // Dominated by the staircase point `left`. Inside its rectangle unless its own left
      // neighbour dominates q too.
      const ll = stairs.prev(left);
      const top = ll >= 0 ? ys[ll]! : ry;
      if (y >= top) continue;
      const right = stairs.next(left);
      const end = right >= 0 ? right : n;
      const ip = inner.below(r);
      let h = top;
      if (ip > left) {
        if (ys[ip]! <= y) continue; // an inner point of `left` dominates q as well
        h = ys[ip]!;
      }
      // Area q newly covers in left's exclusive region; inner points q dominates go.
      let covered = 0;
      let cur = x;
      let s = inner.after(ip);
      while (s >= 0 && s < end && ys[s]! >= y) {
        covered += (xs[s]! - cur) * (h - y);
        cur = xs[s]!;
        h = ys[s]!;
        inner.delete(s);
        s = inner.next(s);
      }
      const stop = s >= 0 && s < end ? xs[s]! : right >= 0 ? xs[right]! : rx;
      covered += (stop - cur) * (h - y);
      volume[left]! += exclusive[left]! * (z - since[left]!);
      since[left] = z;
      exclusive[left]! -= covered;
      inner.insertAfter(ip, r);
      continue;
    }

    // q joins the staircase. The staircase points it dominates, then its right neighbour.
    let succ = stairs.after(left);
    const top = left >= 0 ? ys[left]! : ry;
    // The inner point before q; those after it up to q's right neighbour go below.
    let pred = inner.below(r);
    if (left >= 0) {
      // The left neighbour loses the columns from x on (its inner points there are dominated by q).
      const ll = stairs.prev(left);
      const leftTop = ll >= 0 ? ys[ll]! : ry;
      let h = pred > left ? ys[pred]! : leftTop;
      const ly = ys[left]!;
      let lost = 0;
      let cur = x;
      let s = inner.after(pred);
      const end = succ >= 0 ? succ : n;
      while (s >= 0 && s < end) {
        lost += (xs[s]! - cur) * (h - ly);
        cur = xs[s]!;
        h = ys[s]!;
        inner.delete(s);
        s = inner.next(s);
      }
      lost += ((succ >= 0 ? xs[succ]! : rx) - cur) * (h - ly);
      volume[left]! += exclusive[left]! * (z - since[left]!);
      since[left] = z;
      exclusive[left]! -= lost;
    }
    // q's own exclusive area, while the staircase points it dominates leave.
    let area = 0;
    let cur = x;
    let h = top;
    while (succ >= 0 && ys[succ]! >= y) {
      const dsucc = succ;
      area += (xs[dsucc]! - cur) * (h - y);
      cur = xs[dsucc]!;
      h = ys[dsucc]!;
      volume[dsucc]! += exclusive[dsucc]! * (z - since[dsucc]!);
      exclusive[dsucc] = 0;
      succ = stairs.next(dsucc);
      // Its inner points are dominated by it and by q: nobody's concern any more.
      const end = succ >= 0 ? succ : n;
      for (let s = inner.after(pred); s >= 0 && s < end; s = inner.next(s)) inner.delete(s);
      stairs.delete(dsucc);
      inner.insertAfter(pred, dsucc);
      pred = dsucc;
    }
    area += ((succ >= 0 ? xs[succ]! : rx) - cur) * (h - y);
    exclusive[r] = area;
    since[r] = z;
    if (succ >= 0) {
      // The right neighbour loses the rows from y up (its inner points there are dominated by q).
      const oldTop = h;
      const rr = stairs.next(succ);
      const end = rr >= 0 ? rr : n;
      let lost = 0;
      let c = xs[succ]!;
      let hh = oldTop;
      let s = inner.after(pred); // nothing left between pred and succ
      while (s >= 0 && s < end && ys[s]! >= y) {
        lost += (xs[s]! - c) * (hh - y);
        c = xs[s]!;
        hh = ys[s]!;
        inner.delete(s);
        s = inner.next(s);
      }
      lost += ((s >= 0 && s < end ? xs[s]! : rr >= 0 ? xs[rr]! : rx) - c) * (hh - y);
      volume[succ]! += exclusive[succ]! * (z - since[succ]!);
      since[succ] = z;
      exclusive[succ]! -= lost;
    }
    stairs.insertAfter(left, r);
  }
  const rz = ref[2]!;
  for (let s = stairs.after(-1); s >= 0; s = stairs.next(s)) volume[s]! += exclusive[s]! * (rz - since[s]!);
  // Rounding in the updates can leave -1e-17 where the exact value is 0.
  for (let r = 0; r < n; r++) out[index[byX[r]!]!] = Math.max(volume[r]!, 0);
}

/**
 * {@link hvc3d}'s sweep in WebAssembly on the orders the JavaScript sorted, in the kernel's memory
 * reserved at `at` (z values, x and y by rank, the volume by rank, in that order; the ranks by z
 * where the kernel says). O(n) besides the kernel.
 */
function contributions3dInWasm(
  { kernels, at }: ReservedKernels,
  order: SweepOrder3d,
  n: number,
  ref: Float64Array,
  index: Int32Array,
  out: Float64Array,
): void {
  const { zKeys, zOrder, byX, rank, xs, ys } = order;
  const buffer = kernels.memory.buffer;
  new Float64Array(buffer, at, n).set(zKeys);
  new Float64Array(buffer, at + 8 * n, n + 1).set(xs);
  new Float64Array(buffer, at + 16 * n + 8, n + 1).set(ys);
  const ranks = new Int32Array(buffer, kernels.contributions3dRanks(), n);
  for (let k = 0; k < n; k++) ranks[k] = rank[zOrder[k]!]!;
  kernels.contributions3d(n, ref[0]!, ref[1]!, ref[2]!);
  const volume = new Float64Array(buffer, at + 24 * n + 16, n);
  for (let r = 0; r < n; r++) out[index[byX[r]!]!] = Math.max(volume[r]!, 0);
  releaseWasmKernels(kernels);
}
