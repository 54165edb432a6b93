import { Random } from '@paretokit/problem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelStatistics } from './channel-statistics.js';
import { type FindChannelSetsOptions, findChannelSets } from './find-channel-sets.js';
import { createSession, ort } from './internal/session.js';
import { floatAttr, intAttr, intsAttr, makeTensor } from './internal/tensors.js';
import { DataType, type NodeProto, type OnnxModel, type TensorProto } from './onnx-types.js';
import { pruneChannels } from './prune-channels.js';
import { saveOnnxSync } from './save-onnx.js';

/** How the MobileNet-like block ends: global pool -> Flatten -> Gemm, or a flatten of a 4x4 map. */
type Tail = 'pooled' | 'nchw' | 'nhwc';

interface BlockOptions {
  readonly tail: Tail;
  readonly seed?: number;
  /** Depthwise channel multiplier (1: depthwise). Default 1. */
  readonly multiplier?: number;
  /** Project channel 5 a copy of channel 0 (both scaled down, so that 5 is the first cut by norm). */
  readonly copy?: boolean;
  /** `nhwc`: no Add after the MatMul (repair must give it a bias). */
  readonly bare?: boolean;
  /** Channels zeroed at their source (expand, project) so that they are exactly 0 everywhere. */
  readonly zero?: { readonly expand: readonly number[]; readonly project: readonly number[] };
}

const E = 8; // expand channels
const P = 6; // project channels
const CLASSES = 3;

type Values = (n: number, lo?: number, hi?: number) => Float32Array;
const float = (name: string, dims: number[], v: Float32Array) => makeTensor(name, DataType.FLOAT, dims, v);
const op = (
  type: string,
  name: string,
  input: string[],
  attribute: NodeProto['attribute'] = [],
): NodeProto => ({
  op_type: type,
  name,
  input,
  output: [name],
  attribute,
});

/** BatchNormalization parameters; the `zeroed` channels map 0 to 0 (beta = mean = 0). */
function batchNorm(name: string, n: number, zeroed: readonly number[], values: Values): TensorProto[] {
  const [beta, mean] = [values(n), values(n)];
  for (const c of zeroed) [beta[c], mean[c]] = [0, 0];
  const [scale, variance] = [values(n, 0.5, 1.5), values(n, 0.5, 1.5)];
  return [
    float(`${name}.s`, [n], scale),
    float(`${name}.b`, [n], beta),
    float(`${name}.m`, [n], mean),
    float(`${name}.v`, [n], variance),
  ];
}

/** The initializers of the block's convolutions, with the options' zeroed and copied channels. */
function blockWeights(options: BlockOptions, values: Values): TensorProto[] {
  const m = options.multiplier ?? 1;
  const zero = options.zero ?? { expand: [], project: [] };
  const [expandW, expandB, dwB, projectW] = [values(E * 27), values(E), values(E * m), values(P * E * m)];
  for (const c of zero.expand) {
    expandW.fill(0, c * 27, (c + 1) * 27);
    [expandB[c], dwB[c]] = [0, 0];
  }
  for (const c of zero.project) projectW.fill(0, c * E * m, (c + 1) * E * m);
  if (options.copy === true) {
    for (let i = 0; i < E * m; i++) projectW[i] = projectW[i]! * 0.01;
    projectW.copyWithin(5 * E * m, 0, E * m);
  }
  return [
    float('expand.w', [E, 3, 3, 3], expandW),
    float('expand.b', [E], expandB),
    ...batchNorm('bn1', E, zero.expand, values),
    float('dw.w', [E * m, 1, 3, 3], values(E * m * 9)),
    float('dw.b', [E * m], dwB),
    ...batchNorm('bn2', E * m, zero.expand, values),
    float('project.w', [P, E * m, 1, 1], projectW),
    float('clip.min', [], new Float32Array([0])),
    float('clip.max', [], new Float32Array([6])),
  ];
}

/** The tail's nodes from `project_relu` to `logits`, and the dense weight and bias. */
function blockTail(options: BlockOptions, values: Values): { nodes: NodeProto[]; weights: TensorProto[] } {
  const k = P * (options.tail === 'pooled' ? 1 : 16);
  const bias = float('fc.b', [CLASSES], values(CLASSES));
  if (options.tail === 'pooled') {
    const nodes = [
      op('GlobalAveragePool', 'gap', ['project_relu']),
      op('Flatten', 'flatten', ['gap'], [intAttr('axis', 1)]),
      op('Gemm', 'fc', ['flatten', 'fc.w', 'fc.b'], [floatAttr('alpha', 1), intAttr('transB', 1)]),
    ];
    return { nodes, weights: [float('fc.w', [CLASSES, k], values(CLASSES * k)), bias] };
  }
  const weights = [float('fc.w', [k, CLASSES], values(CLASSES * k)), bias];
  const pooling = [intsAttr('kernel_shape', [2, 2]), intsAttr('strides', [2, 2])];
  const nodes = [op('MaxPool', 'pool', ['project_relu'], pooling)];
  if (options.tail === 'nchw') {
    nodes.push(op('Flatten', 'flatten', ['pool']), op('Gemm', 'fc', ['flatten', 'fc.w', 'fc.b']));
    return { nodes, weights };
  }
  const shape = makeTensor('', DataType.INT64, [2], BigInt64Array.from([-1n, BigInt(k)]));
  nodes.push(
    op('Transpose', 'pool_nhwc', ['pool'], [intsAttr('perm', [0, 2, 3, 1])]),
    {
      op_type: 'Constant',
      name: 'shape',
      output: ['shape'],
      attribute: [{ name: 'value', type: 4, t: shape }],
    },
    op('Reshape', 'flatten', ['pool_nhwc', 'shape']),
    op('MatMul', 'fc', ['flatten', 'fc.w']),
  );
  if (options.bare !== true) nodes.push(op('Add', 'fc_bias', ['fc', 'fc.b']));
  return { nodes, weights };
}

const io = (name: string, dims: (number | string)[]) => ({
  name,
  type: {
    tensor_type: {
      elem_type: DataType.FLOAT,
      shape: { dim: dims.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d })) },
    },
  },
});

/**
 * input [N, 3, 8, 8] -> expand Conv 3x3 -> BN -> Clip(0, 6) -> Transpose to NHWC and back ->
 * depthwise Conv 3x3 -> BN -> Relu -> project Conv 1x1 (no bias) -> Relu -> tail: `pooled`
 * GlobalAveragePool -> Flatten -> Gemm (transB 1); `nchw` MaxPool 2x2 -> Flatten -> Gemm (transB 0);
 * `nhwc` MaxPool -> Transpose to NHWC -> Reshape [-1, K] (a Constant) -> MatMul -> Add (Keras).
 */
function mobileBlock(options: BlockOptions): OnnxModel {
  const rng = Random.fromSeed(options.seed ?? 1);
  const values: Values = (n, lo = -1, hi = 1) => Float32Array.from({ length: n }, () => rng.uniform(lo, hi));
  const pad = [intsAttr('pads', [1, 1, 1, 1])];
  const bnInputs = (x: string, b: string) => [x, `${b}.s`, `${b}.b`, `${b}.m`, `${b}.v`];
  const weights = blockWeights(options, values);
  const tail = blockTail(options, values);
  const node: NodeProto[] = [
    op('Conv', 'expand', ['input', 'expand.w', 'expand.b'], pad),
    op('BatchNormalization', 'bn1', bnInputs('expand', 'bn1')),
    op('Clip', 'clip', ['bn1', 'clip.min', 'clip.max']),
    op('Transpose', 'to_nhwc', ['clip'], [intsAttr('perm', [0, 2, 3, 1])]),
    op('Transpose', 'to_nchw', ['to_nhwc'], [intsAttr('perm', [0, 3, 1, 2])]),
    op('Conv', 'dw', ['to_nchw', 'dw.w', 'dw.b'], [...pad, intAttr('group', E)]),
    op('BatchNormalization', 'bn2', bnInputs('dw', 'bn2')),
    op('Relu', 'relu', ['bn2']),
    op('Conv', 'project', ['relu', 'project.w']),
    op('Relu', 'project_relu', ['project']),
    ...tail.nodes,
  ];
  node[node.length - 1] = { ...node[node.length - 1]!, output: ['logits'] };
  const graph = {
    name: 'mobile_block',
    node,
    initializer: [...weights, ...tail.weights],
    input: [io('input', ['batch', 3, 8, 8])],
    output: [io('logits', ['batch', CLASSES])],
  };
  return { proto: { ir_version: 7, opset_import: [{ domain: '', version: 13 }], graph } };
}

/** Logits of a model on a fixed seeded batch of 4 examples. */
async function logits(model: OnnxModel): Promise<Float32Array> {
  const rng = Random.fromSeed(9);
  const x = Float32Array.from({ length: 4 * 3 * 64 }, () => rng.uniform(-1, 1));
  const session = await createSession(saveOnnxSync(model));
  const out = await session.run({ input: new ort.Tensor('float32', x, [4, 3, 8, 8]) });
  await session.release();
  return out.logits!.data as Float32Array;
}

/**
 * The oracle of a cut, independent of how weights are laid out: the original model with each
 * set's consumed value multiplied by a 0/1 mask of the kept channels (the consumers are blind to
 * the cut channels; everything channel-wise before them is unaffected by the others).
 */
function masked(model: OnnxModel, kept: Map<string, readonly number[]>, options: FindChannelSetsOptions) {
  const graph = model.proto.graph!;
  let node = [...graph.node!];
  const initializer = [...graph.initializer!];
  for (const set of findChannelSets(model, options).sets) {
    const keep = new Set(kept.get(set.producer)!);
    const mask = Float32Array.from({ length: set.channels }, (_, c) => (keep.has(c) ? 1 : 0));
    const name = `${set.consumed}__mask`;
    initializer.push(makeTensor(`${name}.m`, DataType.FLOAT, [1, set.channels, 1, 1], mask));
    node = node.map((x) => ({ ...x, input: (x.input ?? []).map((i) => (i === set.consumed ? name : i)) }));
    const at = node.findIndex((x) => x.output!.includes(set.consumed));
    node.splice(at + 1, 0, { op_type: 'Mul', name, input: [set.consumed, `${name}.m`], output: [name] });
  }
  return { proto: { ...model.proto, graph: { ...graph, node, initializer } } };
}

const close = (a: Float32Array, b: Float32Array) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-4);
};

describe('findChannelSets through depthwise Convs, Transposes and flattens', () => {
  it('cuts the expand Conv through the depthwise one, and the project Conv into the dense layer', () => {
    for (const tail of ['pooled', 'nchw', 'nhwc'] as const) {
      const found = findChannelSets(mobileBlock({ tail }), { spatialFlatten: true });
      expect(found.skipped).toEqual([]);
      const [expand, project] = found.sets;
      expect([expand!.producer, expand!.channelwise.map((c) => c.node), expand!.consumed]).toEqual([
        'expand',
        ['dw'],
        'relu',
      ]);
      expect(expand!.batchNorms.length).toBe(2);
      expect(expand!.consumers.map((c) => [c.node, c.dense])).toEqual([['project', undefined]]);
      const layout = { pooled: [false, 1, false], nchw: [true, 16, false], nhwc: [true, 16, true] }[tail];
      const dense = project!.consumers[0]!.dense!;
      expect([project!.consumed, dense.transposed, dense.positions, dense.channelsLast]).toEqual([
        tail === 'pooled' ? 'gap' : 'pool',
        ...layout,
      ]);
      expect(project!.consumers[0]!.bias).toBe('fc.b');
      expect(project!.reshapes.map((r) => r.shape)).toEqual(tail === 'nhwc' ? [[-1, 96]] : []);
    }
  });

  it('leaves a spatial flatten with spatialFlatten: false and a channel multiplier > 1, naming the node', () => {
    expect(findChannelSets(mobileBlock({ tail: 'nhwc' })).skipped).toEqual([]);
    const spatial = findChannelSets(mobileBlock({ tail: 'nhwc' }), { spatialFlatten: false });
    expect(spatial.skipped.map((s) => [s.producer, s.reason, s.at])).toEqual([
      ['project', 'unsupported-op', 'flatten'],
    ]);
    const multiplied = findChannelSets(mobileBlock({ tail: 'pooled', multiplier: 2 }));
    expect(multiplied.skipped.map((s) => [s.producer, s.reason, s.at])).toEqual([
      ['expand', 'grouped-conv', 'dw'],
      ['dw', 'grouped-conv', 'dw'],
    ]);
    expect(multiplied.skipped[0]!.message).toContain('other than a depthwise one');
  });
});

describe('pruneChannels through depthwise Convs, Transposes and flattens', () => {
  it('equals the original model with the consumers blind to the cut channels (mask oracle)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Tail>('pooled', 'nchw', 'nhwc'),
        fc.double({ min: 0.2, max: 0.9, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        async (tail, fraction, seed) => {
          const model = mobileBlock({ tail, seed });
          const options = { spatialFlatten: true };
          const analysis = findChannelSets(model, options);
          const r = await pruneChannels(model, { fractions: fraction, analysis });
          expect(r.cuts.every((c) => c.after < c.before)).toBe(true);
          const oracle = masked(model, new Map(r.cuts.map((c) => [c.producer, c.kept])), options);
          close(await logits(r.model), await logits(oracle));
          const dw = r.model.proto.graph!.node!.find((x) => x.name === 'dw')!;
          expect(dw.attribute!.find((a) => a.name === 'group')!.i).toBe(r.cuts[0]!.after);
        },
      ),
      { numRuns: 9 },
    );
  });

  it('keeps the output exactly with nothing cut, and when the cut channels were zero already', async () => {
    for (const tail of ['pooled', 'nchw', 'nhwc'] as const) {
      const model = mobileBlock({ tail, zero: { expand: [1, 4], project: [3] } });
      const reference = await logits(model);
      const analysis = findChannelSets(model, { spatialFlatten: true });
      const none = await pruneChannels(model, { fractions: 0, analysis });
      expect(await logits(none.model)).toEqual(reference);
      const r = await pruneChannels(model, { fractions: 0.25, analysis });
      expect(r.cuts.map((c) => [c.producer, c.kept])).toEqual([
        ['expand', [0, 2, 3, 5, 6, 7]],
        ['project', [0, 1, 2, 4, 5]],
      ]);
      close(await logits(r.model), reference);
      expect(saveOnnxSync(r.model).length).toBeLessThan(saveOnnxSync(model).length);
    }
  });
});

describe('least-squares repair of a dense consumer behind a flatten', () => {
  it('is exact when the cut channel copies a kept one, in NCHW and NHWC order, with or without a bias', async () => {
    const rng = Random.fromSeed(3);
    const count = 24;
    const calibration = {
      count,
      exampleShape: [3, 8, 8],
      data: Float32Array.from({ length: count * 192 }, () => rng.uniform(-1, 1)),
      labels: new Int32Array(count),
      classes: CLASSES,
    };
    const variants: BlockOptions[] = [
      { tail: 'pooled' },
      { tail: 'nchw' },
      { tail: 'nhwc' },
      { tail: 'nhwc', bare: true },
    ];
    for (const variant of variants) {
      const model = mobileBlock({ ...variant, copy: true });
      const found = findChannelSets(model, { spatialFlatten: true });
      const analysis = { ...found, sets: found.sets.filter((s) => s.producer === 'project') };
      const statistics = await channelStatistics(model, calibration, analysis.sets);
      const options = { fractions: 0.2, criterion: 'l2', analysis, statistics } as const;
      const r = await pruneChannels(model, { ...options, repair: 'least-squares' });
      expect(r.cuts[0]!.kept).toEqual([0, 1, 2, 3, 4]);
      const reference = await logits(model);
      const repaired = await logits(r.model);
      for (let i = 0; i < reference.length; i++) {
        expect(Math.abs(repaired[i]! - reference[i]!)).toBeLessThan(
          1e-3 * Math.max(1, Math.abs(reference[i]!)),
        );
      }
      const plain = await logits((await pruneChannels(model, options)).model);
      expect(plain.some((v, i) => Math.abs(v - reference[i]!) > 1e-3)).toBe(true);
      const fc = r.model.proto.graph!.node!.find((x) => x.name === 'fc')!;
      if (variant.bare === true) expect([fc.op_type, fc.input!.length]).toEqual(['Gemm', 3]);
    }
  });
});
