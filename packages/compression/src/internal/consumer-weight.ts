import type { ChannelConsumer } from '../find-channel-sets.js';
import type { GraphProto } from '../onnx-types.js';
import type { InitializerTable } from './initializer-table.js';
import { shapeSize } from './tensors.js';

/**
 * A consumer's weight seen as [outputs, input channels, taps], row-major: a Conv's kernel taps, or
 * the positions each channel owns in a dense layer's flattened input.
 */
export interface ChannelMajorWeight {
  readonly values: Float32Array;
  readonly outs: number;
  readonly ins: number;
  readonly per: number;
}

/** Index in a dense weight of output o, feature k: [K, O] when transposed, else [O, K]. */
const denseIndex = (transposed: boolean, outs: number, k: number, o: number, kTotal: number) =>
  transposed ? k * outs + o : o * kTotal + k;

/** Feature of channel c, position p among `ins` channels of `per` positions each. */
const featureOf = (channelsLast: boolean, ins: number, per: number, c: number, p: number) =>
  channelsLast ? p * ins + c : c * per + p;

/**
 * Reads a consumer's weight as [outputs, `channels`, taps] (a Conv's weight already is; a dense
 * layer's K axis is split into channels and positions per its layout). O(weights).
 */
export function readConsumerWeight(
  inits: InitializerTable,
  consumer: ChannelConsumer,
  channels: number,
): ChannelMajorWeight {
  const { values, dims } = inits.read(consumer.weight);
  const dense = consumer.dense;
  if (dense === undefined) return { values, outs: dims[0]!, ins: dims[1]!, per: shapeSize(dims.slice(2)) };
  const per = dense.positions;
  const kTotal = channels * per;
  const outs = dense.transposed ? dims[1]! : dims[0]!;
  const out = new Float32Array(outs * kTotal);
  for (let o = 0; o < outs; o++) {
    for (let c = 0; c < channels; c++) {
      for (let p = 0; p < per; p++) {
        const k = featureOf(dense.channelsLast, channels, per, c, p);
        out[(o * channels + c) * per + p] = values[denseIndex(dense.transposed, outs, k, o, kTotal)]!;
      }
    }
  }
  return { values: out, outs, ins: channels, per };
}

/** Writes a [outputs, channels, taps] weight back in the consumer's own layout. O(weights). */
export function writeConsumerWeight(
  inits: InitializerTable,
  consumer: ChannelConsumer,
  w: ChannelMajorWeight,
): void {
  const dense = consumer.dense;
  if (dense === undefined) {
    const kernel = inits.read(consumer.weight).dims.slice(2);
    inits.set(consumer.weight, w.values, [w.outs, w.ins, ...kernel]);
    return;
  }
  const kTotal = w.ins * w.per;
  const out = new Float32Array(w.outs * kTotal);
  for (let o = 0; o < w.outs; o++) {
    for (let c = 0; c < w.ins; c++) {
      for (let p = 0; p < w.per; p++) {
        const k = featureOf(dense.channelsLast, w.ins, w.per, c, p);
        out[denseIndex(dense.transposed, w.outs, k, o, kTotal)] = w.values[(o * w.ins + c) * w.per + p]!;
      }
    }
  }
  inits.set(consumer.weight, out, dense.transposed ? [kTotal, w.outs] : [w.outs, kTotal]);
}

/**
 * Gives a consumer without a bias the bias initializer `name`: a third input of its Conv or Gemm;
 * a MatMul (its input is the flattened 2-D map) becomes the equal Gemm with that bias. O(1).
 */
export function attachBias(graph: GraphProto, consumer: ChannelConsumer, name: string): void {
  const node = graph.node![consumer.nodeIndex]!;
  const input = [node.input![0]!, node.input![1]!, name];
  graph.node![consumer.nodeIndex] =
    node.op_type === 'MatMul' ? { ...node, op_type: 'Gemm', input, attribute: [] } : { ...node, input };
}
