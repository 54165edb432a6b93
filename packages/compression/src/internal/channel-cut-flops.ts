import type { FlopsReport } from '../count-flops.js';
import type { ChannelAnalysis } from '../find-channel-sets.js';

/** Kept / before channel counts of one channel set (a `ChannelCut` of `pruneChannels`). */
export interface CutRatio {
  readonly before: number;
  readonly after: number;
}

/**
 * Per layer name, the factors a cut scales its weight FLOPs by: `out` (its output channels: the
 * producer, and a depthwise Conv on the way, whose work per channel is fixed) and `in` (its input
 * channels: the consumers). O(sets + consumers).
 */
function ratios(analysis: ChannelAnalysis, cuts: readonly CutRatio[]) {
  const out = new Map<string, number>();
  const inward = new Map<string, number>();
  analysis.sets.forEach((set, i) => {
    const ratio = cuts[i]!.after / cuts[i]!.before;
    out.set(set.producer, ratio);
    for (const conv of set.channelwise) out.set(conv.node, ratio);
    for (const c of set.consumers) inward.set(c.node, ratio);
  });
  return { out, inward };
}

/**
 * FLOPs of the prunable layers after a channel cut, relative to before (`cuts[i]` for
 * `analysis.sets[i]`): each layer's weight FLOPs scale with its output and input channel ratios,
 * its bias FLOPs with the output ratio. Depthwise Convs on a set's way scale with it. O(layers).
 */
export function channelCutFlops(
  flops: FlopsReport,
  analysis: ChannelAnalysis,
  cuts: readonly CutRatio[],
): number {
  const { out, inward } = ratios(analysis, cuts);
  let total = 0;
  for (const l of flops.layers) {
    const o = out.get(l.name) ?? 1;
    total += l.weightFlops * o * (inward.get(l.name) ?? 1) + l.biasFlops * o;
  }
  return total / flops.total;
}

/**
 * Share of the prunable layers' FLOPs that a channel cut can reduce: the FLOPs of every layer that
 * produces, passes (depthwise) or consumes the channels of some set. O(layers).
 */
export function cuttableFlopsShare(flops: FlopsReport, analysis: ChannelAnalysis): number {
  const touched = new Set<string>();
  for (const set of analysis.sets) {
    touched.add(set.producer);
    for (const conv of set.channelwise) touched.add(conv.node);
    for (const c of set.consumers) touched.add(c.node);
  }
  const cuttable = flops.layers.filter((l) => touched.has(l.name));
  return cuttable.reduce((s, l) => s + l.weightFlops + l.biasFlops, 0) / flops.total;
}
