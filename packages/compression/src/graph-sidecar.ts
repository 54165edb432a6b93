import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { modelInput } from './internal/model-input.js';
import { createSession, ort } from './internal/session.js';
import { attribute, int64, shapeSize } from './internal/tensors.js';
import type { ModelSidecar } from './model-sidecar.js';
import type { NodeProto, OnnxModel, ValueInfoProto } from './onnx-types.js';
import { saveOnnxSync } from './save-onnx.js';

/** What the graph tells about a classifier: a sidecar without the preprocessing, and how each part was read. */
export interface GraphSidecar {
  readonly classes: number;
  /** The sidecar's input fields but the preprocessing, and the batch axis. */
  readonly input: Omit<ModelSidecar['input'], 'preprocess'> & {
    /** `dynamic` when the batch axis is symbolic or unknown, else its fixed size. */
    readonly batch: number | 'dynamic';
  };
  readonly output: {
    readonly name: string;
    /** True when the output comes out of a Softmax (probabilities rather than logits). */
    readonly softmax: boolean;
  };
  /** One line per inferred field saying what it was read from. */
  readonly evidence: readonly string[];
}

const CHANNEL_COUNTS = new Set([1, 3]);

function consumerOf(model: OnnxModel, name: string): NodeProto | undefined {
  return (model.proto.graph?.node ?? []).find((n) => (n.input ?? []).includes(name));
}

/** NCHW or NHWC, from the first node reading the input (a Transpose to NCHW or a Conv), else from which axis looks like channels. */
function readLayout(
  model: OnnxModel,
  name: string,
  shape: readonly number[],
): [GraphSidecar['input']['layout'], string] {
  const first = consumerOf(model, name);
  const perm = first?.op_type === 'Transpose' ? attribute(first, 'perm')?.ints?.map(int64) : undefined;
  if (perm?.join(',') === '0,3,1,2')
    return ['NHWC', 'layout NHWC: the input goes through Transpose [0, 3, 1, 2]'];
  if (first?.op_type === 'Conv') return ['NCHW', 'layout NCHW: the input feeds a Conv directly'];
  const [a, , c] = shape as [number, number, number];
  if (CHANNEL_COUNTS.has(c) && !CHANNEL_COUNTS.has(a))
    return ['NHWC', `layout NHWC: the last axis (${c}) looks like channels`];
  return [
    'NCHW',
    `layout NCHW: ${CHANNEL_COUNTS.has(a) ? `the first axis (${a}) looks like channels` : 'the default (no axis looks like channels)'}`,
  ];
}

function dims(value: ValueInfoProto | undefined): { known: number[]; params: boolean[] } {
  const list = value?.type?.tensor_type?.shape?.dim ?? [];
  return {
    known: list.map((d) => (d.dim_value === undefined ? -1 : int64(d.dim_value) || -1)),
    params: list.map((d) => d.dim_value === undefined || int64(d.dim_value) === 0),
  };
}

/** Scores per example: the output's last dimension when the graph states it, else from one run on a zero example. */
async function readClasses(
  model: OnnxModel,
  input: string,
  shape: readonly number[],
  output: ValueInfoProto,
): Promise<[number, string]> {
  const last = dims(output).known.at(-1);
  if (last !== undefined && last > 0) return [last, `classes ${last}: the output's last dimension`];
  const session = await createSession(saveOnnxSync(model));
  try {
    const feed = new ort.Tensor('float32', new Float32Array(shapeSize(shape)), [1, ...shape]);
    const out = (await session.run({ [input]: feed }, [output.name ?? '']))[output.name ?? '']!;
    return [
      out.dims.at(-1) ?? 0,
      `classes ${out.dims.at(-1)}: the output of one run on a zero example (the graph leaves it unknown)`,
    ];
  } finally {
    await session.release();
  }
}

/**
 * Reads from an ONNX classifier's graph what its sidecar would say: the data input (name, layout,
 * per-example shape, batch axis), the output (first graph output; softmax or not) and the number
 * of classes (the output's last dimension; one run on a zero example when the graph leaves it
 * unknown). Only the preprocessing cannot be read from a graph. O(nodes), plus one inference
 * when the class count is symbolic.
 *
 * @throws UnsupportedModelError when the input is not float32 with 3 per-example dims of fixed size, or there are not >= 2 classes.
 * @example
 * const g = await graphSidecar(tinyCnn());
 * [g.input.name, g.input.layout, g.input.shape, g.classes, g.output.name] // => ['input', 'NCHW', [3, 8, 8], 3, 'logits']
 */
export async function graphSidecar(model: OnnxModel): Promise<GraphSidecar> {
  const where = model.sourcePath ?? 'model';
  const input = modelInput(model);
  const graph = model.proto.graph ?? {};
  const value = (graph.input ?? []).find((v) => v.name === input.name);
  const elem = value?.type?.tensor_type?.elem_type;
  if (elem !== undefined && elem !== 1) {
    throw new UnsupportedModelError({
      model: where,
      expected: `a float32 input "${input.name}"`,
      actual: `element type ${elem}`,
    });
  }
  const shape = input.exampleShape;
  if (shape.length !== 3 || shape.some((d) => !(d > 0))) {
    throw new UnsupportedModelError({
      model: where,
      expected: `an image input "${input.name}" of 3 fixed per-example dims (C, H, W or H, W, C)`,
      actual: `[${shape.map((d) => (d > 0 ? d : '?')).join(', ')}]`,
      hint: 'Give a sidecar whose input.shape states the size.',
    });
  }
  const output = (graph.output ?? [])[0];
  if (output?.name === undefined)
    throw new UnsupportedModelError({ model: where, expected: 'a graph output', actual: 'none' });
  const [layout, layoutEvidence] = readLayout(model, input.name, shape);
  const [classes, classEvidence] = await readClasses(model, input.name, shape, output);
  if (!(classes >= 2)) {
    throw new UnsupportedModelError({
      model: where,
      expected: `>= 2 scores per example from output "${output.name}"`,
      actual: String(classes),
    });
  }
  const inputDims = dims(value);
  const batch = inputDims.params[0] !== false ? 'dynamic' : inputDims.known[0]!;
  const producer = (graph.node ?? []).find((n) => (n.output ?? []).includes(output.name!));
  const extra =
    (graph.output ?? []).length > 1
      ? [`output "${output.name}": the first of ${(graph.output ?? []).length} graph outputs`]
      : [];
  return {
    classes,
    input: { name: input.name, layout, shape: [...shape], dtype: 'float32', batch },
    output: { name: output.name, softmax: producer?.op_type === 'Softmax' },
    evidence: [
      `input "${input.name}": the first graph input that is not a weight`,
      layoutEvidence,
      classEvidence,
      ...extra,
    ],
  };
}

/**
 * A full sidecar from what the graph tells and the preprocessing the user gives (text or preset).
 *
 * @example
 * const s = sidecarFromGraph(await graphSidecar(tinyCnn()), 'zero-to-one');
 * [s.classes, s.input.preprocess] // => [3, 'zero-to-one']
 */
export function sidecarFromGraph(graph: GraphSidecar, preprocess: string): ModelSidecar {
  const { batch: _batch, ...input } = graph.input;
  return { classes: graph.classes, input: { ...input, preprocess }, output: { name: graph.output.name } };
}
