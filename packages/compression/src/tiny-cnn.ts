import { Random } from '@paretokit/problem';
import { floatAttr, intAttr, intsAttr, makeTensor } from './internal/tensors.js';
import type { NodeProto, OnnxModel, TensorProto, ValueInfoProto } from './onnx-types.js';
import { DataType } from './onnx-types.js';

/** Options of {@link tinyCnn}. */
export interface TinyCnnOptions {
  /** Input channels. Default 3. */
  readonly channels?: number;
  /** Input height and width. Default 8. */
  readonly size?: number;
  /** Convolution filters. Default 4. */
  readonly filters?: number;
  /** Output classes. Default 3. */
  readonly classes?: number;
  /** Seed of the weights (uniform in [-1, 1)). Default 1. */
  readonly seed?: number;
  /** Read the Gemm weight through an `Identity` node, as PyTorch exports shared weights. Default false. */
  readonly identityWeight?: boolean;
  /** Add a second 1x1 convolution and a residual `Add` after the first Relu. Default false. */
  readonly residual?: boolean;
  /**
   * Insert `1x1 Conv (hidden channels) -> Relu -> 1x1 Conv (back to filters) -> Relu` before the
   * pool: channels that structured pruning can cut. Default none.
   */
  readonly hidden?: number;
}

function valueInfo(name: string, dims: readonly (number | string)[]): ValueInfoProto {
  return {
    name,
    type: {
      tensor_type: {
        elem_type: DataType.FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d })) },
      },
    },
  };
}

/**
 * A small, valid ONNX classifier built in memory for tests and examples:
 * `Conv 3x3 (pad 1, bias) -> Relu -> MaxPool 2x2 -> Flatten -> Gemm (transB, bias)`, opset 13,
 * input `input` of shape `[batch, channels, size, size]`, output `logits`. Weights are seeded.
 *
 * @example
 * const model = tinyCnn({ classes: 5 });
 * model.proto.graph.output[0].name // => 'logits'
 * model.proto.graph.initializer.map((t) => t.name) // => ['conv.weight', 'conv.bias', 'fc.weight', 'fc.bias']
 */
export function tinyCnn(options: TinyCnnOptions = {}): OnnxModel {
  const c = options.channels ?? 3;
  const s = options.size ?? 8;
  const f = options.filters ?? 4;
  const k = options.classes ?? 3;
  const rng = Random.fromSeed(options.seed ?? 1);
  const values = (n: number) => Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
  const pooled = Math.floor(s / 2);
  const flat = f * pooled * pooled;
  const initializer: TensorProto[] = [
    makeTensor('conv.weight', DataType.FLOAT, [f, c, 3, 3], values(f * c * 9)),
    makeTensor('conv.bias', DataType.FLOAT, [f], values(f)),
    makeTensor('fc.weight', DataType.FLOAT, [k, flat], values(k * flat)),
    makeTensor('fc.bias', DataType.FLOAT, [k], values(k)),
  ];
  const node: NodeProto[] = [
    {
      input: ['input', 'conv.weight', 'conv.bias'],
      output: ['conv_out'],
      name: 'conv',
      op_type: 'Conv',
      attribute: [
        intsAttr('kernel_shape', [3, 3]),
        intsAttr('pads', [1, 1, 1, 1]),
        intsAttr('strides', [1, 1]),
      ],
    },
    { input: ['conv_out'], output: ['relu_out'], name: 'relu', op_type: 'Relu' },
  ];
  let pooledInput = 'relu_out';
  if (options.residual === true) {
    initializer.push(
      makeTensor('conv2.weight', DataType.FLOAT, [f, f, 1, 1], values(f * f)),
      makeTensor('conv2.bias', DataType.FLOAT, [f], values(f)),
    );
    node.push(
      {
        input: ['relu_out', 'conv2.weight', 'conv2.bias'],
        output: ['conv2_out'],
        name: 'conv2',
        op_type: 'Conv',
        attribute: [intsAttr('kernel_shape', [1, 1])],
      },
      { input: ['conv2_out', 'relu_out'], output: ['add_out'], name: 'add', op_type: 'Add' },
      { input: ['add_out'], output: ['relu2_out'], name: 'relu2', op_type: 'Relu' },
    );
    pooledInput = 'relu2_out';
  }
  if (options.hidden !== undefined) {
    const h = options.hidden;
    initializer.push(
      makeTensor('hidden.weight', DataType.FLOAT, [h, f, 1, 1], values(h * f)),
      makeTensor('hidden.bias', DataType.FLOAT, [h], values(h)),
      makeTensor('back.weight', DataType.FLOAT, [f, h, 1, 1], values(f * h)),
    );
    const pointwise = (name: string, input: string, weights: string[]): NodeProto[] => [
      {
        input: [input, ...weights],
        output: [`${name}_out`],
        name,
        op_type: 'Conv',
        attribute: [intsAttr('kernel_shape', [1, 1])],
      },
      { input: [`${name}_out`], output: [`${name}_relu`], name: `${name}_relu`, op_type: 'Relu' },
    ];
    node.push(
      ...pointwise('hidden', pooledInput, ['hidden.weight', 'hidden.bias']),
      ...pointwise('back', 'hidden_relu', ['back.weight']),
    );
    pooledInput = 'back_relu';
  }
  let fcWeight = 'fc.weight';
  if (options.identityWeight === true) {
    node.push({ input: ['fc.weight'], output: ['fc.weight.shared'], name: 'share', op_type: 'Identity' });
    fcWeight = 'fc.weight.shared';
  }
  node.push(
    {
      input: [pooledInput],
      output: ['pool_out'],
      name: 'pool',
      op_type: 'MaxPool',
      attribute: [intsAttr('kernel_shape', [2, 2]), intsAttr('strides', [2, 2])],
    },
    {
      input: ['pool_out'],
      output: ['flat_out'],
      name: 'flatten',
      op_type: 'Flatten',
      attribute: [intAttr('axis', 1)],
    },
    {
      input: ['flat_out', fcWeight, 'fc.bias'],
      output: ['logits'],
      name: 'fc',
      op_type: 'Gemm',
      attribute: [floatAttr('alpha', 1), floatAttr('beta', 1), intAttr('transB', 1)],
    },
  );
  return {
    proto: {
      ir_version: 7,
      opset_import: [{ domain: '', version: 13 }],
      producer_name: 'paretokit',
      graph: {
        name: 'tiny_cnn',
        node,
        initializer,
        input: [valueInfo('input', ['batch', c, s, s])],
        output: [valueInfo('logits', ['batch', k])],
      },
    },
  };
}
