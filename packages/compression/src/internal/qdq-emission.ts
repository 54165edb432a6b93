import { DataType, type NodeProto } from '../onnx-types.js';
import type { QdqSink, QParams } from './qdq-types.js';
import { emitLayer, type LayerContext } from './qdq-weights.js';
import { makeTensor } from './tensors.js';

/** What {@link emitQdq} rewrites: the final float graph and what to quantize. */
export interface QdqPlan extends Omit<LayerContext, 'quantized'> {
  readonly nodes: readonly NodeProto[];
  /** Activation tensors to quantize. */
  readonly candidates: readonly string[];
  readonly producerOf: ReadonlyMap<string, NodeProto>;
  /** Layers whose weight may become int8. */
  readonly layerNodes: readonly NodeProto[];
}

/** The QDQ graph's nodes and new initializers, and what became of the layers. */
export interface QdqGraph extends QdqSink {
  /** Layers whose weight became int8. */
  readonly layers: number;
  /** Layers of the float stem. */
  readonly stemConvs: number;
  /** Layers left float, with the reason. */
  readonly floatLayers: Map<NodeProto, string>;
}

/** Name of the dequantized copy of activation `t`. */
const dequantizedName = (t: string) => `${t}_DequantizeLinear_Output`;

/** Emits the uint8 QuantizeLinear / DequantizeLinear pair of activation `t` and its scale and zero point. */
function emitActivationQdq(t: string, { scale, zeroPoint }: QParams, sink: QdqSink): void {
  sink.initializers.push(
    makeTensor(`${t}_scale`, DataType.FLOAT, [], Float32Array.of(scale)),
    makeTensor(`${t}_zero_point`, DataType.UINT8, [], Uint8Array.of(zeroPoint)),
  );
  sink.nodes.push(
    {
      input: [t, `${t}_scale`, `${t}_zero_point`],
      output: [`${t}_QuantizeLinear_Output`],
      name: `${t}_QuantizeLinear`,
      op_type: 'QuantizeLinear',
    },
    {
      input: [`${t}_QuantizeLinear_Output`, `${t}_scale`, `${t}_zero_point`],
      output: [dequantizedName(t)],
      name: `${t}_DequantizeLinear`,
      op_type: 'DequantizeLinear',
    },
  );
}

/** The QDQ graph: Q/DQ after each quantized tensor (inputs first), DQ weights and biases before layers. */
export function emitQdq(plan: QdqPlan): QdqGraph {
  const ctx: LayerContext = { ...plan, quantized: new Set(plan.candidates) };
  const sink: QdqSink = { nodes: [], initializers: [] };
  for (const name of plan.candidates) {
    if (!plan.producerOf.has(name)) emitActivationQdq(name, plan.params.get(name)!, sink);
  }
  let layers = 0;
  let stemConvs = 0;
  const floatLayers = new Map<NodeProto, string>();
  for (const original of plan.nodes) {
    const n: NodeProto = {
      ...original,
      input: original.input!.map((i) => (ctx.quantized.has(i) ? dequantizedName(i) : i)),
    };
    if (plan.layerNodes.includes(original)) {
      const outcome = emitLayer(original, n, ctx, sink);
      if (outcome.kind === 'int8') layers++;
      else if (outcome.kind === 'stem') stemConvs++;
      else floatLayers.set(original, outcome.reason);
    }
    sink.nodes.push(n);
    for (const o of n.output ?? []) if (ctx.quantized.has(o)) emitActivationQdq(o, plan.params.get(o)!, sink);
  }
  return { ...sink, layers, stemConvs, floatLayers };
}
