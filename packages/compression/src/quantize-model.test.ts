import { Random } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { retinaFiles } from '../test/shared-data.js';
import { tinyDataset, tinySidecar } from '../test/tiny-data.js';
import { calibrateActivations } from './calibrate-activations.js';
import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { evaluateModel } from './evaluate-model.js';
import { findLayers } from './find-layers.js';
import { initializerMap } from './internal/graph.js';
import { intAttr, intsAttr, makeTensor, readFloat32 } from './internal/tensors.js';
import { loadMedMNIST } from './load-medmnist.js';
import { loadOnnx } from './load-onnx.js';
import { readSidecar } from './model-sidecar.js';
import { DataType, type NodeProto, type OnnxModel } from './onnx-types.js';
import { optimizedOpCounts } from './optimized-op-counts.js';
import { prepareInputs } from './prepare-inputs.js';
import { pruneModel } from './prune-model.js';
import { quantizeModel } from './quantize-model.js';
import { quantizePerChannel } from './quantize-per-channel.js';
import { tinyCnn } from './tiny-cnn.js';

async function tinyData(count = 24) {
  const ds = await tinyDataset(5, [count, 8, 8]);
  return { train: prepareInputs(ds, 'train', tinySidecar), test: prepareInputs(ds, 'test', tinySidecar) };
}

describe('quantizePerChannel', () => {
  it('dequantizes every weight within half a step and keeps zeros exactly zero', () => {
    const rng = Random.fromSeed(2);
    const dims = [6, 4, 3, 3];
    const w = Float32Array.from({ length: 216 }, (_, i) =>
      i % 5 === 0 ? 0 : rng.uniform(-2, 2) * (1 + (i % 36)),
    );
    w.fill(0, 36, 72); // one channel entirely pruned
    const { q, scales } = quantizePerChannel(w, dims, 0);
    for (let i = 0; i < w.length; i++) {
      const s = scales[Math.floor(i / 36)]!;
      expect(Math.abs(w[i]! - q[i]! * s)).toBeLessThanOrEqual(s / 2 + 1e-6 * s);
      if (w[i] === 0) expect(q[i]).toBe(0);
    }
    expect(scales[1]).toBe(1);
    expect(Math.max(...Array.from(q, Math.abs))).toBe(127);
    // Columns of a [K, N] MatMul weight (axis 1).
    const m = quantizePerChannel(Float32Array.from([1, -4, 0.5, 2]), [2, 2], 1);
    expect(Array.from(m.scales)).toEqual([1 / 127, 4 / 127].map(Math.fround));
    expect(Array.from(m.q)).toEqual([127, -127, 64, 64]);
  });
});

describe('quantizeModel', () => {
  it('runs every Conv and Gemm as an integer kernel in the optimized graph', async () => {
    const { train } = await tinyData();
    // Without the float stem; its grayscale input gets 3 zero channels (padInputChannels).
    const q = await quantizeModel(tinyCnn({ residual: true }), { calibration: train, floatStem: false });
    expect([q.quantizedLayers, q.foldedRelus, q.paddedConvs]).toEqual([3, 2, 1]);
    const counts = await optimizedOpCounts(q.model);
    expect(counts['com.microsoft:QLinearConv']).toBe(2);
    expect(counts['com.microsoft:QLinearAdd']).toBe(1);
    expect(counts['com.microsoft:QGemm']).toBe(1);
    const float = Object.keys(counts).filter((k) => /:(Conv|Gemm|MatMul|Add|FusedConv)$/.test(k));
    expect(float).toEqual([]);
  });

  it('keeps pruned zeros and predicts like the float model', async () => {
    const { train, test } = await tinyData(64);
    const pruned = pruneModel(tinyCnn({ filters: 8 }), {
      linearLayers: 'all',
      convLayers: 'all',
      linearIntensity: 0.5,
      convIntensity: 0.5,
      linearTarget: 'weights',
      convTarget: 'weights',
    }).model;
    const q = await quantizeModel(pruned, { calibration: train, floatStem: false, padInputChannels: false });
    const init = initializerMap(q.model.proto.graph!);
    const wq = init.get('conv.weight_quantized')!;
    const float = readFloat32(initializerMap(pruned.proto.graph!).get('conv.weight')!);
    const ints = new Int8Array(wq.raw_data!.slice().buffer);
    for (let i = 0; i < float.length; i++) expect(ints[i] === 0).toBe(float[i] === 0);
    const a = await evaluateModel(pruned, test);
    const b = await evaluateModel(q.model, test);
    let same = 0;
    for (let i = 0; i < a.predictions.length; i++) if (a.predictions[i] === b.predictions[i]) same++;
    expect(same).toBeGreaterThanOrEqual(a.predictions.length - 1);
  });

  it('calibrates by percentile as well as min/max', async () => {
    const { train } = await tinyData();
    const minmax = await calibrateActivations(tinyCnn(), train, ['conv_out']);
    const pct = await calibrateActivations(tinyCnn(), train, ['conv_out'], {
      method: 'percentile',
      percentile: 99,
    });
    const [lo, hi] = minmax.get('conv_out')!;
    const [plo, phi] = pct.get('conv_out')!;
    expect(plo).toBeGreaterThanOrEqual(lo);
    expect(phi).toBeLessThanOrEqual(hi);
    expect(phi).toBeGreaterThan(plo);
    await expect(calibrateActivations(tinyCnn(), train, ['conv_out'], { percentile: 20 })).rejects.toThrow(
      /\(50, 100\]/,
    );
  });

  it('refuses opset < 13', async () => {
    const { train } = await tinyData();
    const m = tinyCnn();
    const old = { proto: { ...m.proto, opset_import: [{ domain: '', version: 11 }] } };
    await expect(quantizeModel(old, { calibration: train })).rejects.toThrow(UnsupportedModelError);
  });
});

// tinyCnn behind a 4x4 max pool (8x8 -> 2x2), its 3x3 pad-1 conv with stride 2 (2x2 -> 1x1) and its
// 1x1 conv on 1x1: both convolutions have a 1x1 output that sees all of their input.
function unitSpatialCnn(): OnnxModel {
  const m = tinyCnn({ residual: true });
  const graph = m.proto.graph!;
  const node = graph.node!.map((n) => {
    if (n.name === 'conv') {
      return {
        ...n,
        input: ['small', ...n.input!.slice(1)],
        attribute: [
          intsAttr('kernel_shape', [3, 3]),
          intsAttr('pads', [1, 1, 1, 1]),
          intsAttr('strides', [2, 2]),
        ],
      };
    }
    if (n.name === 'pool') return { ...n, attribute: [intsAttr('kernel_shape', [1, 1])] };
    return n;
  });
  const pre: NodeProto = {
    input: ['input'],
    output: ['small'],
    name: 'pre',
    op_type: 'MaxPool',
    attribute: [intsAttr('kernel_shape', [4, 4]), intsAttr('strides', [4, 4])],
  };
  const fc = Float32Array.from({ length: 3 * 4 }, (_, i) => ((i * 7) % 5) - 2);
  const initializer = graph.initializer!.map((t) =>
    t.name === 'fc.weight' ? makeTensor('fc.weight', DataType.FLOAT, [3, 4], fc) : t,
  );
  return { proto: { ...m.proto, graph: { ...graph, node: [pre, ...node], initializer } } };
}

/**
 * unitSpatialCnn with its first pool and convolution changed: a `pre` MaxPool (kernel, stride) from
 * 8x8 and a 3x3 `conv` with the given pads, strides and dilations, whose output is 1x1.
 */
function windowCnn(
  pre: [number, number],
  conv: { pads: number[]; strides: number[]; dilations: number[] },
): OnnxModel {
  const m = unitSpatialCnn();
  const graph = m.proto.graph!;
  const node = graph.node!.map((n) => {
    if (n.name === 'pre')
      return {
        ...n,
        attribute: [intsAttr('kernel_shape', [pre[0], pre[0]]), intsAttr('strides', [pre[1], pre[1]])],
      };
    if (n.name === 'conv')
      return {
        ...n,
        attribute: [
          intsAttr('kernel_shape', [3, 3]),
          intsAttr('pads', conv.pads),
          intsAttr('strides', conv.strides),
          intsAttr('dilations', conv.dilations),
        ],
      };
    return n;
  });
  return { proto: { ...m.proto, graph: { ...graph, node } } };
}

describe('quantizeModel on convolutions with a 1x1 output', () => {
  it('runs them as QGemm over the batch, with the same predictions as QLinearConv', async () => {
    const { train, test } = await tinyData();
    const model = unitSpatialCnn();
    const q = await quantizeModel(model, { calibration: train });
    const plain = await quantizeModel(model, { calibration: train, lowerUnitSpatial: false });
    expect([q.loweredConvs, plain.loweredConvs, q.quantizedLayers]).toEqual([2, 0, 3]);
    const counts = await optimizedOpCounts(q.model);
    expect(counts['com.microsoft:QGemm']).toBe(3);
    expect(counts['com.microsoft:QLinearConv'] ?? 0).toBe(0);
    expect(Object.keys(counts).filter((k) => /:(Conv|Gemm|MatMul|Add|FusedConv)$/.test(k))).toEqual([]);
    expect((await optimizedOpCounts(plain.model))['com.microsoft:QLinearConv']).toBe(2);
    const a = await evaluateModel(q.model, test);
    const b = await evaluateModel(plain.model, test);
    const f = await evaluateModel(model, test);
    expect(a.predictions).toEqual(b.predictions);
    expect(a.predictions).toEqual(f.predictions);
  });

  it('reads a part of the input through a Slice (strided, dilated) and the right taps of a dilated kernel', async () => {
    const { train, test } = await tinyData();
    const cases = [
      // 4x4 input, 3x3 stride 2 without padding: the one output reads rows and columns 0..2.
      { model: windowCnn([2, 2], { pads: [0, 0, 0, 0], strides: [2, 2], dilations: [1, 1] }), slices: 1 },
      // 5x5 input, 3x3 dilation 2: rows and columns 0, 2, 4 (Slice steps 2).
      { model: windowCnn([4, 1], { pads: [0, 0, 0, 0], strides: [1, 1], dilations: [2, 2] }), slices: 1 },
      // 1x1 input, 3x3 dilation 2 pad 2: only the kernel's centre meets data; no Slice.
      { model: windowCnn([8, 8], { pads: [2, 2, 2, 2], strides: [1, 1], dilations: [2, 2] }), slices: 0 },
    ];
    for (const { model, slices } of cases) {
      const q = await quantizeModel(model, { calibration: train });
      const plain = await quantizeModel(model, { calibration: train, lowerUnitSpatial: false });
      expect([q.loweredConvs, plain.loweredConvs]).toEqual([2, 0]);
      expect(q.model.proto.graph!.node!.filter((n) => n.op_type === 'Slice').length).toBe(slices);
      const counts = await optimizedOpCounts(q.model);
      expect([counts['com.microsoft:QGemm'], counts['com.microsoft:QLinearConv'] ?? 0]).toEqual([3, 0]);
      expect(Object.keys(counts).filter((k) => /:(Conv|Gemm|MatMul|Add|FusedConv)$/.test(k))).toEqual([]);
      const a = await evaluateModel(q.model, test);
      const b = await evaluateModel(plain.model, test);
      expect(a.predictions).toEqual(b.predictions);
    }
  });

  it('runs a GlobalAveragePool over a 1x1 input as a Reshape: same outputs, no QLinearGlobalAveragePool', async () => {
    const { train, test } = await tinyData();
    const m = unitSpatialCnn();
    const graph = m.proto.graph!;
    const node = graph.node!.map((n) =>
      n.name === 'pool' ? { ...n, op_type: 'GlobalAveragePool', attribute: [] } : n,
    );
    const model = { proto: { ...m.proto, graph: { ...graph, node } } };
    const q = await quantizeModel(model, { calibration: train });
    const plain = await quantizeModel(model, { calibration: train, lowerUnitSpatial: false });
    expect([q.loweredPools, plain.loweredPools, q.loweredConvs]).toEqual([1, 0, 2]);
    expect((await optimizedOpCounts(q.model))['com.microsoft:QLinearGlobalAveragePool'] ?? 0).toBe(0);
    expect((await optimizedOpCounts(plain.model))['com.microsoft:QLinearGlobalAveragePool']).toBe(1);
    const a = await evaluateModel(q.model, test);
    const b = await evaluateModel(plain.model, test);
    expect(a.predictions).toEqual(b.predictions);
    expect(a.predictions).toEqual((await evaluateModel(model, test)).predictions);
  });
});

/**
 * A Keras-converter-style graph on 8x8 RGB, with seeded weights: NHWC input -> Transpose -> Conv
 * (4 filters, 3x3 pad 1) -> `act` -> Transpose -> Reshape [-1, 256] -> MatMul + Add (dense) ->
 * Softmax. `act`: ReLU6 as Clip with Constant bounds, or Relu -> Sigmoid.
 */
function kerasStyle(act: 'relu6' | 'relu-sigmoid'): OnnxModel {
  const rng = Random.fromSeed(3);
  const values = (n: number) => Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
  const scalar = (name: string, v: number): NodeProto => ({
    output: [name],
    name,
    op_type: 'Constant',
    attribute: [{ name: 'value', type: 4, t: makeTensor('', DataType.FLOAT, [], Float32Array.of(v)) }],
  });
  const activation: NodeProto[] =
    act === 'relu6'
      ? [
          scalar('lo', 0),
          scalar('hi', 6),
          { input: ['conv_out', 'lo', 'hi'], output: ['act_out'], name: 'relu6', op_type: 'Clip' },
        ]
      : [
          { input: ['conv_out'], output: ['relu_out'], name: 'relu', op_type: 'Relu' },
          { input: ['relu_out'], output: ['act_out'], name: 'sigmoid', op_type: 'Sigmoid' },
        ];
  const transpose = (input: string, output: string, perm: number[]): NodeProto => ({
    input: [input],
    output: [output],
    name: output,
    op_type: 'Transpose',
    attribute: [intsAttr('perm', perm)],
  });
  const tensor = (name: string, dims: (number | string)[]) => ({
    name,
    type: {
      tensor_type: {
        elem_type: DataType.FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d })) },
      },
    },
  });
  return {
    proto: {
      ir_version: 7,
      opset_import: [{ domain: '', version: 13 }],
      graph: {
        name: 'keras_style',
        node: [
          transpose('input_1', 'nchw', [0, 3, 1, 2]),
          {
            input: ['nchw', 'conv.weight', 'conv.bias'],
            output: ['conv_out'],
            name: 'conv',
            op_type: 'Conv',
            attribute: [intsAttr('kernel_shape', [3, 3]), intsAttr('pads', [1, 1, 1, 1])],
          },
          ...activation,
          transpose('act_out', 'nhwc', [0, 2, 3, 1]),
          { input: ['nhwc', 'flat_shape'], output: ['flat'], name: 'flatten', op_type: 'Reshape' },
          { input: ['flat', 'dense.w'], output: ['mm'], name: 'dense', op_type: 'MatMul' },
          { input: ['mm', 'dense.b'], output: ['z'], name: 'dense_bias', op_type: 'Add' },
          {
            input: ['z'],
            output: ['dense_1'],
            name: 'softmax',
            op_type: 'Softmax',
            attribute: [intAttr('axis', -1)],
          },
        ],
        initializer: [
          makeTensor('conv.weight', DataType.FLOAT, [4, 3, 3, 3], values(108)),
          makeTensor('conv.bias', DataType.FLOAT, [4], values(4)),
          makeTensor('flat_shape', DataType.INT64, [2], BigInt64Array.of(-1n, 256n)),
          makeTensor('dense.w', DataType.FLOAT, [256, 3], values(768)),
          makeTensor('dense.b', DataType.FLOAT, [3], values(3)),
        ],
        input: [tensor('input_1', ['batch', 8, 8, 3])],
        output: [tensor('dense_1', ['batch', 3])],
      },
    },
  };
}

describe('quantizeModel on a Keras-style graph (NHWC input, ReLU6, MatMul + Add, Softmax)', () => {
  const nhwc = {
    ...tinySidecar,
    input: { ...tinySidecar.input, name: 'input_1', layout: 'NHWC', shape: [8, 8, 3] },
  };
  const options = { inputName: 'input_1', outputName: 'dense_1' };
  const data = async () => {
    const ds = await tinyDataset(5, [24, 8, 40]);
    return {
      train: prepareInputs(ds, 'train', nhwc as typeof tinySidecar),
      test: prepareInputs(ds, 'test', nhwc as typeof tinySidecar),
    };
  };

  it('reads the Add after a MatMul as the dense layer bias', () => {
    expect(findLayers(kerasStyle('relu6')).map((l) => [l.name, l.opType, l.bias])).toEqual([
      ['conv', 'Conv', 'conv.bias'],
      ['dense', 'MatMul', 'dense.b'],
    ]);
  });

  it('folds ReLU6, runs the dense layer as one QGemm, and names the Softmax it leaves float', async () => {
    const { train, test } = await data();
    const model = kerasStyle('relu6');
    const q = await quantizeModel(model, { calibration: train });
    expect([q.quantizedLayers, q.foldedClips, q.fusedMatMuls]).toEqual([2, 1, 1]);
    expect(q.warnings).toEqual(['Softmax "softmax": left float (the int8 rewrite has no rule for Softmax)']);
    const counts = await optimizedOpCounts(q.model);
    expect([counts['com.microsoft:QLinearConv'], counts['com.microsoft:QGemm']]).toEqual([1, 1]);
    // The one float MatMul widens the RGB input to 4 channels (padInputChannels: a Transpose reads
    // the Conv's output, so the float stem does not apply).
    expect(q.paddedConvs).toBe(1);
    expect(Object.keys(counts).filter((k) => /:(Conv|Gemm|MatMul|Add|FusedConv|Clip)$/.test(k))).toEqual([
      ':MatMul',
    ]);
    expect(q.model.proto.graph!.node!.filter((n) => n.op_type === 'Constant')).toEqual([]);
    const a = await evaluateModel(model, test, options);
    const b = await evaluateModel(q.model, test, options);
    // Random weights give small margins: int8 agrees on 36 of 40 (with a Relu instead of the Clip too).
    const same = a.predictions.filter((p, i) => p === b.predictions[i]).length;
    expect(same).toBeGreaterThanOrEqual(0.85 * test.count);
  });

  it('keeps a Relu whose output an op without a rule reads (no QuantizeLinear would clamp it)', async () => {
    const { train, test } = await data();
    const model = kerasStyle('relu-sigmoid');
    const q = await quantizeModel(model, { calibration: train });
    expect([q.foldedRelus, q.quantizedLayers]).toEqual([0, 2]);
    expect(q.model.proto.graph!.node!.filter((n) => n.op_type === 'Relu')).toHaveLength(1);
    expect(q.warnings).toEqual([
      'Sigmoid "sigmoid": left float (the int8 rewrite has no rule for Sigmoid)',
      'Softmax "softmax": left float (the int8 rewrite has no rule for Softmax)',
    ]);
    const a = await evaluateModel(model, test, options);
    const b = await evaluateModel(q.model, test, options);
    const same = a.predictions.filter((p, i) => p === b.predictions[i]).length;
    expect(same).toBeGreaterThanOrEqual(0.85 * test.count);
  });
});

describe('quantizeModel on a first convolution with input channels not a multiple of 4', () => {
  it('runs it float (floatStem) with int8-rounded weights, from the float input to the QuantizeLinear of its Relu', async () => {
    const { train, test } = await tinyData(64);
    // conv -> relu -> (conv2, add): int8 kernels read the stem.
    const model = tinyCnn({ filters: 8, residual: true });
    const q = await quantizeModel(model, { calibration: train });
    expect([q.floatStemConvs, q.quantizedLayers, q.paddedConvs, q.foldedRelus]).toEqual([1, 2, 0, 2]);
    const graph = q.model.proto.graph!;
    const conv = graph.node!.find((n) => n.op_type === 'Conv' && n.name === 'conv')!;
    expect(conv.input![0]).toBe('input');
    expect(graph.node!.filter((n) => n.input?.includes('input')).map((n) => n.op_type)).toEqual(['Conv']);
    const w = readFloat32(initializerMap(graph).get(conv.input![1]!)!);
    const { q: ints, scales } = quantizePerChannel(
      readFloat32(initializerMap(model.proto.graph!).get('conv.weight')!),
      [8, w.length / 8],
      0,
    );
    expect(Array.from(w)).toEqual(
      Array.from(ints, (v, i) => Math.fround(v * scales[Math.floor(i / (w.length / 8))]!)),
    );
    const counts = await optimizedOpCounts(q.model);
    expect([counts['com.microsoft:QLinearConv'], counts['com.microsoft:QGemm']]).toEqual([1, 1]);
    const a = await evaluateModel(model, test);
    const b = await evaluateModel(q.model, test);
    const same = a.predictions.filter((p, i) => p === b.predictions[i]).length;
    expect(same).toBeGreaterThanOrEqual(test.count - 1);
  });

  it('widens it to 4 input channels that meet zero weights, 7-bit input (padInputChannels): same predictions', async () => {
    const { train, test } = await tinyData(64);
    const model = tinyCnn({ filters: 8 }); // conv -> relu -> MaxPool: no float stem anyway
    const options = { calibration: train } as const;
    const [wide, plain] = await Promise.all([
      quantizeModel(model, options),
      quantizeModel(model, { ...options, padInputChannels: false }),
    ]);
    expect([wide.paddedConvs, plain.paddedConvs, wide.quantizedLayers]).toEqual([1, 0, 2]);
    const pad = wide.model.proto.graph!.node![0]!;
    expect([pad.op_type, pad.input![0]]).toEqual(['Pad', 'input']);
    expect(wide.warnings).toEqual([]);
    const init = initializerMap(wide.model.proto.graph!);
    const weight = init.get('conv.weight_quantized')!;
    expect(weight.dims!.map(Number)).toEqual([8, 4, 3, 3]);
    // 8-bit weights on a 7-bit input: two u8 x s8 products never overflow onnxruntime's int16
    // pair sums (AVX2 without VNNI): the calibrated input maps to 0..127 (128 where the range's
    // two ends both round up; 2 x 128 x 127 = 32,512 still fits).
    const ints = new Int8Array(weight.raw_data!.slice().buffer);
    expect(Math.max(...Array.from(ints, Math.abs))).toBe(127);
    const scale = readFloat32(init.get('input_channels_padded_scale')!)[0]!;
    const zero = new Uint8Array(init.get('input_channels_padded_zero_point')!.raw_data!.slice().buffer)[0]!;
    const [lo, hi] = wide.ranges.get('input_channels_padded')!;
    expect(zero).toBeLessThanOrEqual(127);
    expect(Math.round(Math.max(hi, 0) / scale) + zero).toBeLessThanOrEqual(128);
    expect(Math.round(Math.min(lo, 0) / scale) + zero).toBeGreaterThanOrEqual(0);
    expect(scale).toBeCloseTo((Math.max(hi, 0) - Math.min(lo, 0)) / 127, 6);
    for (let o = 0; o < 8; o++) expect(ints.slice(o * 36 + 27, o * 36 + 36).every((v) => v === 0)).toBe(true);
    const counts = await optimizedOpCounts(wide.model);
    expect(counts['com.microsoft:QLinearConv']).toBe(1);
    const a = await evaluateModel(plain.model, test);
    const b = await evaluateModel(wide.model, test);
    const same = a.predictions.filter((p, i) => p === b.predictions[i]).length;
    expect(same).toBeGreaterThanOrEqual(test.count - 1);
  });
});

const retina = retinaFiles('ResNet50 int8 quantization');
describe.skipIf(retina === undefined)('int8 RetinaMNIST ResNet50', () => {
  it('runs every convolution and the Gemm as integer kernels and keeps test accuracy (at most 2 points lower)', async () => {
    const sidecar = await readSidecar(retina!.sidecar);
    const ds = await loadMedMNIST(retina!.data);
    const calibration = prepareInputs(ds, 'train', sidecar, { limit: 100 });
    const q = await quantizeModel(await loadOnnx(retina!.model), { calibration });
    const counts = await optimizedOpCounts(q.model);
    // The 9 convolutions of the last stage with a 1x1 output run as Gemm (lowerUnitSpatial); the
    // strided 1x1 downsample reads the top-left pixel of its 2x2 input through a Slice.
    expect(q.loweredConvs).toBe(9);
    expect(q.model.proto.graph!.node!.filter((n) => n.op_type === 'Slice').length).toBe(1);
    // Its GlobalAveragePool over the last stage's 1x1 output runs as a Reshape.
    expect(q.loweredPools).toBe(1);
    expect(counts['com.microsoft:QLinearGlobalAveragePool'] ?? 0).toBe(0);
    // Its 7x7 RGB stem feeds a MaxPool: int8 on 4 input channels (the 4th of zeros), not float.
    expect([q.paddedConvs, q.floatStemConvs, q.warnings]).toEqual([1, 0, []]);
    expect(counts['com.microsoft:QLinearConv']).toBe(44);
    expect(counts['com.microsoft:QGemm']).toBe(10);
    expect(counts[':Conv'] ?? 0).toBe(0);
    expect(counts[':Gemm'] ?? 0).toBe(0);
    expect(counts['com.microsoft:QLinearAdd']).toBe(16);
    const result = await evaluateModel(q.model, prepareInputs(ds, 'test', sidecar));
    expect(result.accuracy).toBeGreaterThanOrEqual(sidecar.test_acc! - 0.02);
    console.log(`int8 ResNet50 test accuracy ${result.accuracy} (fp32 ${sidecar.test_acc})`);
  });
});
