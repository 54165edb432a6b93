import { writeFileSync } from 'node:fs';
import type { ModelInspection } from '@paretokit/compression';
import { InvalidArgumentError } from '@paretokit/problem';
import { loadCompression } from '../optional-packages.js';

/** Options of {@link inspectCommand} (the `paretokit inspect` flags). */
export interface InspectOptions {
  readonly model: string;
  /** The preprocessing (text or preset) for the sidecar `write` saves. */
  readonly preprocess?: string;
  /** Save the inferred sidecar: `true` beside the model (`.json` in place of `.onnx`), or a path. */
  readonly write?: boolean | string;
  readonly print: (text: string) => void;
}

const millions = (n: number) => `${(n / 1e6).toFixed(n >= 1e7 ? 1 : 2)} M`;

/**
 * The inspection as the terminal shows it: one line per fact, then the sidecar it infers.
 *
 * @example
 * formatInspection({ sidecar: { classes: 3, input: { name: 'x', layout: 'NHWC', shape: [8, 8, 3], dtype: 'float32', batch: 'dynamic' }, output: { name: 'y', softmax: true }, evidence: [] }, opset: 13, producer: 'tf2onnx 1.16', opCounts: { Conv: 2, MatMul: 1 }, layers: { conv: 2, linear: 1 }, parameters: 1000, channels: { sets: 1, stages: 1, skipped: { 'unsupported-op': 1 } }, flops: 2e6, bytes: 5000 }).split('\n')[1] // => 'input      x  NHWC  [batch, 8, 8, 3]  float32'
 */
export function formatInspection(r: ModelInspection): string {
  const s = r.sidecar;
  const skipped = Object.entries(r.channels.skipped).map(([k, v]) => `${v} ${k}`);
  return [
    `model      opset ${r.opset}${r.producer ? `, from ${r.producer}` : ''}, ${(r.bytes / 1e6).toFixed(1)} MB`,
    `input      ${s.input.name}  ${s.input.layout}  [${s.input.batch === 'dynamic' ? 'batch' : s.input.batch}, ${s.input.shape.join(', ')}]  float32`,
    `output     ${s.output.name}  ${s.classes} classes${s.output.softmax ? ' (Softmax: probabilities)' : ' (scores)'}`,
    `ops        ${Object.entries(r.opCounts)
      .map(([op, n]) => `${op} ${n}`)
      .join(', ')}`,
    `layers     ${r.layers.conv} Conv + ${r.layers.linear} Gemm/MatMul with constant weights (pruned and quantized), ${millions(r.parameters)} weights`,
    `channels   ${r.channels.sets} channel sets in ${r.channels.stages} stage(s) for structured pruning${skipped.length ? `; left alone: ${skipped.join(', ')}` : ''}`,
    `flops      ${millions(r.flops)} per image`,
    ...s.evidence.map((e, i) => `${i === 0 ? 'read from ' : '          '} ${e}`),
  ].join('\n');
}

/**
 * `paretokit inspect`: what the compression of a model involves, read from its graph, and the
 * sidecar it infers (`--write` saves it; the preprocessing comes from `--preprocess`).
 * O(graph) plus one inference on a zero example.
 *
 * Usage: `await inspectCommand({ model: 'm.onnx', preprocess: 'imagenet', write: true, print: console.log })`
 * prints the report and saves `m.json` beside the model.
 *
 * @throws MissingPackageError when @paretokit/compression is not installed.
 */
export async function inspectCommand(options: InspectOptions): Promise<ModelInspection> {
  const { inspectModel, PREPROCESS_PRESETS, parsePreprocess, sidecarFromGraph, sidecarPathOf } =
    await loadCompression('paretokit inspect');
  if (options.write !== undefined && options.write !== false && options.preprocess === undefined) {
    throw new InvalidArgumentError({
      argument: '--write',
      expected: `--preprocess too: the one thing a graph does not say (steps such as "x/255" or a preset: ${Object.keys(PREPROCESS_PRESETS).join(', ')})`,
      actual: 'no --preprocess',
    });
  }
  if (options.preprocess !== undefined) parsePreprocess(options.preprocess);
  const report = await inspectModel(options.model);
  options.print(formatInspection(report));
  const sidecar = sidecarFromGraph(report.sidecar, options.preprocess ?? '<give --preprocess>');
  options.print(`sidecar    ${JSON.stringify(sidecar)}`);
  if (options.write !== undefined && options.write !== false) {
    const path = typeof options.write === 'string' ? options.write : sidecarPathOf(options.model);
    writeFileSync(path, `${JSON.stringify(sidecar, null, 2)}\n`);
    options.print(`wrote      ${path}`);
  }
  return report;
}
