// How the channels of a set are ranked before the least important are cut (the `criterion` of
// pruneChannels and of the structured problem).
import type { ChannelStats } from './channel-statistics.js';
import type { ChannelAnalysis, ChannelSet } from './find-channel-sets.js';
import { reconstructionScores } from './internal/channel-repair.js';
import { readConsumerWeight } from './internal/consumer-weight.js';
import { cloneModelShallow } from './internal/graph.js';
import { InitializerTable } from './internal/initializer-table.js';
import type { OnnxModel } from './onnx-types.js';

/** How channels are ranked before the least important are cut. */
export type ChannelCriterion = 'l1' | 'l2' | 'activation' | 'contribution' | 'reconstruction';

/** Importance of each output channel of a set. */
export async function importance(
  set: ChannelSet,
  inits: InitializerTable,
  criterion: ChannelCriterion,
  stats: ChannelStats | undefined,
): Promise<Float64Array> {
  if (criterion === 'activation') return stats!.meanAbs;
  if (criterion === 'reconstruction') return reconstruction(set, inits, stats!);
  if (criterion === 'contribution') return contribution(set, inits, stats!.meanAbs);
  const weight = inits.read(set.weight).values;
  const per = weight.length / set.channels;
  const score = new Float64Array(set.channels);
  for (let c = 0; c < set.channels; c++) {
    let s = 0;
    for (let i = c * per; i < (c + 1) * per; i++)
      s += criterion === 'l1' ? Math.abs(weight[i]!) : weight[i]! ** 2;
    score[c] = s;
  }
  return score;
}

/**
 * What the consumers' outputs lose by least-squares repair when the channels are cut in the order
 * of a backward elimination (see `reconstructionScores`): per channel, the squared output error once
 * it and every channel eliminated before it are cut. Consumer norms when the covariance is singular.
 */
async function reconstruction(
  set: ChannelSet,
  inits: InitializerTable,
  stats: ChannelStats,
): Promise<Float64Array> {
  const weights = set.consumers.map((consumer) => readConsumerWeight(inits, consumer, set.channels));
  const k = weights.reduce((sum, w) => sum + w.outs * w.per, 0);
  // Row c: every consumer's weights on channel c, one column per output and tap.
  const g = new Float64Array(set.channels * k);
  let column = 0;
  for (const { values, outs, per } of weights) {
    for (let c = 0; c < set.channels; c++) {
      for (let o = 0; o < outs; o++) {
        const from = (o * set.channels + c) * per;
        for (let t = 0; t < per; t++) g[c * k + column + o * per + t] = values[from + t]!;
      }
    }
    column += outs * per;
  }
  return (await reconstructionScores(stats, g, k)) ?? consumerNorms(set, inits);
}

/** Sum over consumers of the squared weights on each input channel. O(consumer weights). */
function consumerNorms(set: ChannelSet, inits: InitializerTable): Float64Array {
  const norm = new Float64Array(set.channels);
  for (const consumer of set.consumers) {
    const { values, outs, per } = readConsumerWeight(inits, consumer, set.channels);
    for (let o = 0; o < outs; o++) {
      for (let c = 0; c < set.channels; c++) {
        for (let i = (o * set.channels + c) * per, end = i + per; i < end; i++) norm[c]! += values[i]! ** 2;
      }
    }
  }
  return norm;
}

/** mean |a_c| x the L2 norm of every consumer's weights on input channel c: what the next layers lose. */
function contribution(set: ChannelSet, inits: InitializerTable, meanAbs: Float64Array): Float64Array {
  return consumerNorms(set, inits).map((n, c) => Math.sqrt(n) * meanAbs[c]!);
}

/**
 * The importance of every output channel of each set of `analysis` (in its order) under
 * `criterion`, as {@link pruneChannels} ranks them on this model; computing it once also fills the
 * `reconstruction` criterion's cache (the structured problem does so before its first evaluation).
 * O(the criterion per set: C^3 + C^2 K for `reconstruction`).
 */
export async function channelImportance(
  model: OnnxModel,
  analysis: ChannelAnalysis,
  criterion: ChannelCriterion,
  statistics?: ReadonlyMap<string, ChannelStats>,
): Promise<Float64Array[]> {
  const inits = new InitializerTable(cloneModelShallow(model.proto).graph!);
  const scores: Float64Array[] = [];
  for (const set of analysis.sets)
    scores.push(await importance(set, inits, criterion, statistics?.get(set.consumed)));
  return scores;
}
