import type { ChannelStats } from '../channel-statistics.js';
import type { ChannelConsumer } from '../find-channel-sets.js';
import type { GraphProto } from '../onnx-types.js';
import { attachBias, readConsumerWeight, writeConsumerWeight } from './consumer-weight.js';
import { type InitializerTable, sliceAxis } from './initializer-table.js';
import { ortMatmul } from './ort-matmul.js';
import { choleskyInPlace, choleskySolveInPlace } from './solve-spd.js';

/** How a consumer makes up for the channels it no longer reads (see `PruneChannelsOptions.repair`). */
export type ChannelRepair = 'none' | 'mean' | 'least-squares' | 'sequential';

/** Every {@link ChannelRepair}, in the order the errors list them. */
export const CHANNEL_REPAIRS: readonly ChannelRepair[] = ['none', 'mean', 'least-squares', 'sequential'];

/** Covariance of channels i and j from the statistics' moments and means. */
export function covarianceOf(stats: ChannelStats): (i: number, j: number) => number {
  const channels = stats.mean.length;
  const { moments, mean } = stats;
  return (i, j) => moments[i * channels + j]! - mean[i]! * mean[j]!;
}

/**
 * The Cholesky factor of the covariance of the channels `indices` (n x n, row-major) with a
 * relative ridge: each variance grows by 1e-6 of itself (plus 1e-12 for constant channels), so
 * the solve is stable and scale-free, and by `ridge` x the mean variance. Undefined when still not
 * positive definite. O(n^3 / 3).
 */
export function ridgedCholesky(
  stats: ChannelStats,
  indices: ArrayLike<number>,
  ridge = 0,
): Float64Array | undefined {
  const cov = covarianceOf(stats);
  const n = indices.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = cov(indices[i]!, indices[j]!);
  let trace = 0;
  for (let i = 0; i < n; i++) trace += a[i * n + i]!;
  const shift = n === 0 ? 0 : (ridge * trace) / n;
  for (let i = 0; i < n; i++) a[i * n + i] = a[i * n + i]! * (1 + 1e-6) + 1e-12 + shift;
  return choleskyInPlace(a, n) ? a : undefined;
}

/**
 * Q = Sigma_DS Sigma_SS^-1 (|D| x |S|, row-major): the least-squares prediction of each cut
 * channel d from the kept ones, from the covariance of the channels (relative ridge 1e-6).
 * Undefined when the kept covariance is singular. O(|S|^3 + |D| |S|^2).
 */
function predictor(stats: ChannelStats, keep: Int32Array, cut: Int32Array): Float64Array | undefined {
  const cov = covarianceOf(stats);
  const k = keep.length;
  const a = ridgedCholesky(stats, keep);
  if (a === undefined) return undefined;
  const q = new Float64Array(cut.length * k);
  const row = new Float64Array(k);
  cut.forEach((d, r) => {
    for (let j = 0; j < k; j++) row[j] = cov(d, keep[j]!);
    choleskySolveInPlace(a, k, row);
    q.set(row, r * k);
  });
  return q;
}

/**
 * A linear stand-in for a consumer's input channels, in terms of the kept ones: channel `rows[r]`
 * becomes `offset[r] + sum_j map[r * k + j] x kept_j` (k kept channels); with `identity`, each kept
 * channel also stands for itself (the rows then only list cut channels, and a kept channel's row
 * adds to its identity). A cut channel without a row is dropped.
 */
export interface ChannelMap {
  readonly rows: Int32Array;
  /** rows.length x k, row-major. */
  readonly map?: Float32Array;
  readonly offset: Float64Array;
  readonly identity: boolean;
}

/**
 * Rewrites one consumer (a Conv, or a dense layer behind a flatten, seen as [outputs, channels,
 * taps]: see `readConsumerWeight`) to read only the `keep` channels of its `channels` inputs, each
 * input replaced by its stand-in of `m` at every tap: `W'[:, :, t] = (identity ? W_S[:, :, t] : 0) +
 * W_R[:, :, t] M` (one onnxruntime GEMM) and `b' = b + sum_t W_R[:, :, t] offset`. A consumer
 * without a bias gets one (a MatMul becomes a Gemm). O(O x |R| x |S| x taps).
 */
export async function applyChannelMap(
  graph: GraphProto,
  inits: InitializerTable,
  consumer: ChannelConsumer,
  channels: number,
  keep: Int32Array,
  m: ChannelMap,
): Promise<void> {
  const { values: w, outs, ins, per } = readConsumerWeight(inits, consumer, channels);
  const { rows, offset } = m;
  const name = consumer.bias ?? `${consumer.weight}__repair_bias`;
  const biasDims = consumer.bias === undefined ? [outs] : inits.read(name).dims;
  const bias = consumer.bias === undefined ? new Float32Array(outs) : inits.read(name).values;
  const k = keep.length;
  const out = m.identity ? sliceAxis(w, [outs, ins, per], 1, keep) : new Float32Array(outs * k * per);
  // Rows (o, t) of the mapped channels' weights, one column per mapped channel.
  const rowWeights = new Float32Array(outs * per * rows.length);
  for (let o = 0; o < outs; o++) {
    let delta = 0;
    for (let r = 0; r < rows.length; r++) {
      const from = (o * ins + rows[r]!) * per;
      let s = 0;
      for (let t = 0; t < per; t++) {
        s += w[from + t]!;
        rowWeights[(o * per + t) * rows.length + r] = w[from + t]!;
      }
      delta += s * offset[r]!;
    }
    bias[o]! += delta;
  }
  if (m.map !== undefined) {
    // Every tap: W'[o, :, t] += W_R[o, :, t] M (the stand-in holds at each position), one GEMM.
    const update = await ortMatmul(rowWeights, outs * per, rows.length, m.map, k);
    for (let o = 0; o < outs; o++) {
      for (let j = 0; j < k; j++) {
        const to = (o * k + j) * per;
        for (let t = 0; t < per; t++) out[to + t]! += update[(o * per + t) * k + j]!;
      }
    }
  }
  writeConsumerWeight(inits, consumer, { values: out, outs, ins: k, per });
  inits.set(name, bias, biasDims);
  if (consumer.bias === undefined) attachBias(graph, consumer, name);
}

/**
 * Rewrites one consumer for the kept input channels of `channels` (see {@link applyChannelMap}).
 * `mean`: each cut channel is replaced by its mean activation, folded into the bias (`b += sum_k
 * W[:, c, k] x mean_c`). `least-squares`: each cut channel is replaced at every position by its
 * least-squares prediction from the kept channels at that position, `a_D ~ mean_D + Q (a_S -
 * mean_S)`, folded into the kept weights of every tap (`W_S[:, :, t] += W_D[:, :, t] Q`) and the
 * bias (`b += sum_t W_D[:, :, t] (mean_D - Q mean_S)`); exact for 1x1 kernels and dense layers (a
 * tap is then one position of the flattened map, as the calibration statistics pool over
 * positions), and for larger kernels except where they overlap zero padding. O(O x |D| x |S| x
 * taps).
 */
export async function repairConsumer(
  graph: GraphProto,
  inits: InitializerTable,
  consumer: ChannelConsumer,
  channels: number,
  keep: Int32Array,
  stats: ChannelStats,
  repair: 'mean' | 'least-squares',
): Promise<void> {
  const kept = new Set(keep);
  const cut = Int32Array.from({ length: channels }, (_, c) => c).filter((c) => !kept.has(c));
  const q =
    repair === 'least-squares' && stats.moments !== undefined ? predictor(stats, keep, cut) : undefined;
  // Mean activation a cut channel stands in for: its mean, or with Q, mean_D - Q mean_S.
  const offset = Float64Array.from(cut, (d, r) => {
    let v = stats.mean[d]!;
    if (q !== undefined)
      for (let j = 0; j < keep.length; j++) v -= q[r * keep.length + j]! * stats.mean[keep[j]!]!;
    return v;
  });
  const map = q === undefined ? {} : { map: Float32Array.from(q) };
  await applyChannelMap(graph, inits, consumer, channels, keep, {
    rows: cut,
    offset,
    identity: true,
    ...map,
  });
}

/** The inverse of the ridged covariance of every channel (C x C, row-major), or undefined. O(C^3). */
function precisionOf(stats: ChannelStats): Float64Array | undefined {
  const c = stats.mean.length;
  const a = ridgedCholesky(
    stats,
    Int32Array.from({ length: c }, (_, i) => i),
  );
  if (a === undefined) return undefined;
  const p = new Float64Array(c * c);
  const e = new Float64Array(c);
  for (let i = 0; i < c; i++) {
    e.fill(0);
    e[i] = 1;
    choleskySolveInPlace(a, c, e);
    p.set(e, i * c);
  }
  return p;
}

/**
 * Backward elimination for least-squares repair: `g` (C x K, row-major) holds, for each channel c,
 * the consumers' weights on it (one column per output and tap; any G with the same G G^T will do).
 * With every channel kept the repaired output error is 0; removing channel c from the kept set S
 * raises it by ||(P G)_c||^2 / P_cc (P: the inverse covariance of S), the channel raising it least
 * goes first, and P and G are downdated (rank one). Returns, per channel, the error once it is
 * removed: a non-decreasing score along the elimination order, so the `n` highest scores are the
 * `n` channels the elimination keeps. Undefined when the covariance is singular. O(C^3 + C^2 K).
 * (The first step's increase is the weights' squared norm x Var(a_c | every other channel); ranking
 * all channels by that alone cuts both channels of a redundant pair, each predictable from the
 * other, at once.)
 */
function eliminationScores(stats: ChannelStats, g: Float64Array, k: number): Float64Array | undefined {
  const c = stats.mean.length;
  const p = precisionOf(stats);
  if (p === undefined) return undefined;
  const alive = new Uint8Array(c).fill(1);
  const score = new Float64Array(c);
  let error = 0;
  for (let step = 0; step < c; step++) {
    let best = -1;
    let bestDelta = Number.POSITIVE_INFINITY;
    for (let i = 0; i < c; i++) {
      if (!alive[i]) continue;
      let s = 0;
      for (let j = i * k; j < (i + 1) * k; j++) s += g[j]! ** 2;
      const delta = Math.max(0, s / p[i * c + i]!);
      if (delta < bestDelta) [best, bestDelta] = [i, delta];
    }
    // Strictly increasing, so ties keep the elimination order.
    error = Math.max(error + bestDelta, error * (1 + 1e-12) + Number.MIN_VALUE);
    score[best] = error;
    alive[best] = 0;
    const pcc = p[best * c + best]!;
    for (let i = 0; i < c; i++) {
      if (!alive[i]) continue;
      const f = p[i * c + best]! / pcc;
      if (f === 0) continue;
      for (let j = 0; j < c; j++) p[i * c + j]! -= f * p[best * c + j]!;
      for (let j = 0; j < k; j++) g[i * k + j]! -= f * g[best * k + j]!;
    }
  }
  return score;
}

/**
 * A C x C matrix L with L L^T = G G^T (Cholesky of the Gram matrix, one onnxruntime GEMM, relative
 * ridge 1e-9), standing in for a wide G (K > C columns) in the elimination; undefined when the
 * factorization fails. O(C^2 K).
 */
async function compactColumns(g: Float64Array, c: number, k: number): Promise<Float64Array | undefined> {
  const a = Float32Array.from(g);
  const t = new Float32Array(k * c);
  for (let i = 0; i < c; i++) for (let j = 0; j < k; j++) t[j * c + i] = a[i * k + j]!;
  const gram = Float64Array.from(await ortMatmul(a, c, k, t, c));
  let trace = 0;
  for (let i = 0; i < c; i++) trace += gram[i * c + i]!;
  for (let i = 0; i < c; i++) gram[i * c + i]! += (1e-9 * trace) / c + Number.MIN_VALUE;
  if (!choleskyInPlace(gram, c)) return undefined;
  for (let i = 0; i < c; i++) gram.fill(0, i * c + i + 1, (i + 1) * c);
  return gram;
}

const scoreCache = new WeakMap<ChannelStats, { readonly key: string; readonly scores: Float64Array }>();

/**
 * The `reconstruction` importance of each channel: its score in a backward elimination (see
 * {@link eliminationScores}) for least-squares repair of consumers whose weights on channel c are
 * row c of `g` (C x K). Cached per statistics object and weights. Undefined when the covariance is
 * singular. O(C^3 + C^2 K) on first use.
 */
export async function reconstructionScores(
  stats: ChannelStats,
  g: Float64Array,
  k: number,
): Promise<Float64Array | undefined> {
  const c = stats.mean.length;
  let print = 0;
  for (let i = 0; i < g.length; i++) print += g[i]! * (1 + (i % 7));
  const key = `${k}:${print}`;
  const cached = scoreCache.get(stats);
  if (cached?.key === key) return cached.scores;
  const compact = k > c ? await compactColumns(g, c, k) : undefined;
  const scores =
    compact === undefined ? eliminationScores(stats, g.slice(), k) : eliminationScores(stats, compact, c);
  if (scores !== undefined) scoreCache.set(stats, { key, scores });
  return scores;
}
