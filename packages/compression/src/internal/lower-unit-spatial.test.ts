import { Random } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { DataType, type OnnxModel, type TensorProto, type ValueInfoProto } from '../onnx-types.js';
import { saveOnnxSync } from '../save-onnx.js';
import { lowerUnitSpatialConvs } from './lower-unit-spatial.js';
import { createSession, ort } from './session.js';
import { intsAttr, makeTensor } from './tensors.js';

const value = (name: string, dims: readonly (number | string)[]): ValueInfoProto => ({
  name,
  type: {
    tensor_type: {
      elem_type: DataType.FLOAT,
      shape: { dim: dims.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d })) },
    },
  },
});

interface ConvCase {
  readonly size: number;
  readonly kernel: number;
  readonly pads: number[];
  readonly strides: number[];
  readonly dilations: number[];
}

/** A one-Conv model x [N, 3, size, size] -> y [N, 4, 1, 1] with seeded weights, and its initializers. */
function oneConv(c: ConvCase): { model: OnnxModel; initializers: Map<string, TensorProto> } {
  const rng = Random.fromSeed(7);
  const values = (n: number) => Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
  const initializer = [
    makeTensor('w', DataType.FLOAT, [4, 3, c.kernel, c.kernel], values(4 * 3 * c.kernel * c.kernel)),
    makeTensor('b', DataType.FLOAT, [4], values(4)),
  ];
  const node = [
    {
      input: ['x', 'w', 'b'],
      output: ['y'],
      name: 'conv',
      op_type: 'Conv',
      attribute: [
        intsAttr('kernel_shape', [c.kernel, c.kernel]),
        intsAttr('pads', c.pads),
        intsAttr('strides', c.strides),
        intsAttr('dilations', c.dilations),
      ],
    },
  ];
  const graph = {
    name: 'one_conv',
    node,
    initializer,
    input: [value('x', ['batch', 3, c.size, c.size])],
    output: [value('y', ['batch', 4, 1, 1])],
  };
  const model = { proto: { ir_version: 7, opset_import: [{ domain: '', version: 13 }], graph } };
  return { model, initializers: new Map(initializer.map((t) => [t.name!, t])) };
}

async function run(model: OnnxModel, x: Float32Array, size: number): Promise<Float32Array> {
  const session = await createSession(saveOnnxSync(model));
  const out = await session.run({ x: new ort.Tensor('float32', x, [5, 3, size, size]) });
  await session.release();
  return out.y!.data as Float32Array;
}

describe('lowerUnitSpatialConvs', () => {
  const cases: [string, ConvCase, number][] = [
    [
      '3x3 pad 1 stride 2 over 2x2 (every input position)',
      { size: 2, kernel: 3, pads: [1, 1, 1, 1], strides: [2, 2], dilations: [1, 1] },
      0,
    ],
    [
      '1x1 stride 2 over 2x2 (the top-left pixel)',
      { size: 2, kernel: 1, pads: [0, 0, 0, 0], strides: [2, 2], dilations: [1, 1] },
      1,
    ],
    [
      '3x3 stride 2 over 4x4 (a 3x3 window)',
      { size: 4, kernel: 3, pads: [0, 0, 0, 0], strides: [2, 2], dilations: [1, 1] },
      1,
    ],
    [
      '3x3 dilation 2 over 5x5 (rows and columns 0, 2, 4)',
      { size: 5, kernel: 3, pads: [0, 0, 0, 0], strides: [1, 1], dilations: [2, 2] },
      1,
    ],
    [
      '3x3 dilation 2 pad 2 over 1x1 (the centre tap)',
      { size: 1, kernel: 3, pads: [2, 2, 2, 2], strides: [1, 1], dilations: [2, 2] },
      0,
    ],
    [
      '3x3 pad 1 over 1x1 (the centre tap)',
      { size: 1, kernel: 3, pads: [1, 1, 1, 1], strides: [1, 1], dilations: [1, 1] },
      0,
    ],
  ];
  it.each(cases)('computes the Conv it replaces: %s', async (_, c, slices) => {
    const { model, initializers } = oneConv(c);
    const dims = new Map([
      ['x', [3, c.size, c.size]],
      ['y', [4, 1, 1]],
    ]);
    const lowered = lowerUnitSpatialConvs(model.proto.graph!.node!, initializers, dims);
    expect([lowered.lowered, lowered.windows.length]).toEqual([1, slices]);
    const graph = model.proto.graph!;
    const rewritten = {
      proto: {
        ...model.proto,
        graph: {
          ...graph,
          node: lowered.nodes,
          initializer: [...graph.initializer!, ...lowered.initializers],
        },
      },
    };
    const rng = Random.fromSeed(3);
    const x = Float32Array.from({ length: 5 * 3 * c.size * c.size }, () => rng.uniform(-1, 1));
    const [a, b] = [await run(model, x, c.size), await run(rewritten, x, c.size)];
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i]!, 5);
  });
});
