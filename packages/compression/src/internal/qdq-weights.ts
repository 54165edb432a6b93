import { type AttributeProto, DataType, type NodeProto, type TensorProto } from '../onnx-types.js';
import { quantizePerChannel, roundEven } from '../quantize-per-channel.js';
import { int8RoundedWeight } from './float-stem.js';
import type { QdqSink, QParams } from './qdq-types.js';
import { attrInt, intAttr, makeTensor, readFloat32, shapeSize, tensorDims } from './tensors.js';

/** What the rewrite of one layer reads. */
export interface LayerContext {
  readonly initializers: ReadonlyMap<string, TensorProto>;
  readonly params: ReadonlyMap<string, QParams>;
  /** Activation tensors given a QuantizeLinear / DequantizeLinear pair. */
  readonly quantized: ReadonlySet<string>;
  /** Tensors the float stem keeps float. */
  readonly stem: ReadonlySet<string>;
  readonly perChannel: boolean;
}

/** How a layer came out of the rewrite: int8 weight, float stem, or float for `reason`. */
export type LayerOutcome =
  | { readonly kind: 'int8' }
  | { readonly kind: 'stem' }
  | { readonly kind: 'float'; readonly reason: string };

/** An integer constant, its scales and zero points (all 0) behind a DequantizeLinear. */
interface DequantizedConstant {
  readonly name: string;
  readonly type: typeof DataType.INT8 | typeof DataType.INT32;
  readonly dims: readonly number[];
  readonly values: Int8Array | Int32Array;
  readonly scaleDims: readonly number[];
  readonly scales: Float32Array;
  readonly attribute: AttributeProto[];
}

/** Name prefix of a layer's new initializers: its name, else its op and the count of nodes emitted. */
const layerKey = (n: NodeProto, emitted: number) => n.name || `${n.op_type}_${emitted}`;

/** Emits the constant, its scale and zero point, and its DequantizeLinear; returns the DQ output. */
function emitDequantized(c: DequantizedConstant, sink: QdqSink): string {
  const zeros = c.type === DataType.INT8 ? new Int8Array(c.scales.length) : new Int32Array(c.scales.length);
  sink.initializers.push(
    makeTensor(c.name, c.type, c.dims, c.values),
    makeTensor(`${c.name}_scale`, DataType.FLOAT, c.scaleDims, c.scales),
    makeTensor(`${c.name}_zero_point`, c.type, c.scaleDims, zeros),
  );
  sink.nodes.push({
    input: [c.name, `${c.name}_scale`, `${c.name}_zero_point`],
    output: [`${c.name}_dq`],
    name: `${c.name}_DequantizeLinear`,
    op_type: 'DequantizeLinear',
    attribute: c.attribute,
  });
  return `${c.name}_dq`;
}

/** Emits the int32 bias with scales `bScale` (input scale x weight scale); returns its DQ output. */
function emitBias(key: string, bias: Float32Array, bScale: Float32Array, sink: QdqSink): string {
  const bq = Int32Array.from(bias, (v, c) => roundEven(v / bScale[c]!));
  return emitDequantized(
    {
      name: `${key}.bias_quantized`,
      type: DataType.INT32,
      dims: [bq.length],
      values: bq,
      scaleDims: [bq.length],
      scales: bScale,
      attribute: [intAttr('axis', 0)],
    },
    sink,
  );
}

/** Emits layer `n`'s (a copy of `original`) int8 weight and int32 bias DQs, or the stem's rounded weight. */
export function emitLayer(original: NodeProto, n: NodeProto, ctx: LayerContext, sink: QdqSink): LayerOutcome {
  const x = original.input?.[0] ?? '';
  const w = ctx.initializers.get(original.input![1]!)!;
  if (ctx.stem.has(x)) {
    const rounded = `${layerKey(n, sink.nodes.length)}.weight_int8_rounded`;
    sink.initializers.push(int8RoundedWeight(w, rounded, ctx.perChannel));
    n.input![1] = rounded;
    return { kind: 'stem' };
  }
  if (!ctx.quantized.has(x)) return { kind: 'float', reason: `its input "${x}" stays float` };
  const dims = tensorDims(w);
  if (!(dims.length >= 2 && (n.op_type === 'Conv' || dims.length === 2))) {
    return { kind: 'float', reason: `a ${dims.length}-D weight has no per-channel rule` };
  }
  const key = layerKey(n, sink.nodes.length);
  const axis: 0 | 1 =
    n.op_type === 'Conv' ? 0 : n.op_type === 'Gemm' ? (attrInt(n, 'transB', 0) === 1 ? 0 : 1) : 1;
  const perChannel = ctx.perChannel;
  const { q, scales } = perChannel
    ? quantizePerChannel(readFloat32(w), dims, axis)
    : quantizePerChannel(readFloat32(w), [1, shapeSize(dims)], 0);
  n.input![1] = emitDequantized(
    {
      name: `${key}.weight_quantized`,
      type: DataType.INT8,
      dims,
      values: q,
      scaleDims: perChannel ? [scales.length] : [],
      scales,
      attribute: perChannel ? [intAttr('axis', axis)] : [],
    },
    sink,
  );
  const b = n.op_type === 'MatMul' ? undefined : ctx.initializers.get(original.input?.[2] ?? '');
  const outChannels = axis === 0 ? dims[0]! : dims[1]!;
  if (b !== undefined && shapeSize(tensorDims(b)) === outChannels) {
    const sx = ctx.params.get(x)!.scale;
    const bScale = Float32Array.from({ length: outChannels }, (_, c) => sx * scales[perChannel ? c : 0]!);
    n.input![2] = emitBias(key, readFloat32(b), bScale, sink);
  }
  return { kind: 'int8' };
}
