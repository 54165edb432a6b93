import { toMatrix } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { retinaFiles } from '../test/shared-data.js';
import { tinyDataset, tinySidecar } from '../test/tiny-data.js';
import { compressionProblem, UNCOMPRESSED } from './compression-problem.js';
import { encodeMedMNIST } from './encode-medmnist.js';
import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { evaluateModel } from './evaluate-model.js';
import { loadMedMNIST } from './load-medmnist.js';
import { loadOnnx } from './load-onnx.js';
import { prepareInputs } from './prepare-inputs.js';
import { tinyCnn } from './tiny-cnn.js';

async function tinyProblem(extra: Record<string, unknown> = {}) {
  const dataset = await tinyDataset(11, [32, 16, 12]);
  return compressionProblem({ model: tinyCnn({ residual: true }), sidecar: tinySidecar, dataset, ...extra });
}

describe('compressionProblem', () => {
  it('hands out the compressed model as ONNX and times models against each other', async () => {
    const p = await tinyProblem();
    const config = p.decodeConfig([1, 1, 0.5, 0.6, 0, 2, 1]);
    const bytes = await p.compressedModel(config);
    const model = await loadOnnx(bytes);
    const measured = await p.measure(config, 'test');
    const inputs = prepareInputs(await tinyDataset(11, [32, 16, 12]), 'test', tinySidecar);
    expect((await evaluateModel(bytes, inputs, { outputName: tinySidecar.output.name })).accuracy).toBe(
      measured.accuracy,
    );
    expect(model.proto.graph?.node?.some((n) => n.op_type === 'QuantizeLinear')).toBe(true);
    const seconds = await p.timeInference([UNCOMPRESSED, config], { repeats: 3 });
    expect(seconds.map((s) => s.length)).toEqual([3, 3]);
    expect(seconds.flat().every((s) => s > 0)).toBe(true);
    await expect(p.timeInference([config], { repeats: 0 })).rejects.toThrow(
      'timeInference: repeats: expected an integer >= 1, got 0.',
    );
  });

  it('has x1..x7, f1 (min), accuracy (max) and the 0.96 x base accuracy constraint', async () => {
    const p = await tinyProblem();
    expect(p.variables.map((v) => [v.name, v.kind])).toEqual([
      ['x1', 'choice'],
      ['x2', 'choice'],
      ['x3', 'real'],
      ['x4', 'real'],
      ['x5', 'choice'],
      ['x6', 'choice'],
      ['x7', 'binary'],
    ]);
    expect(p.objectives).toEqual([
      { name: 'f1', sense: 'min' },
      { name: 'accuracy', sense: 'max' },
    ]);
    expect(p.tau).toBeCloseTo(0.96 * p.base.accuracy, 15);
    expect([p.base.split, p.base.f1, p.base.confusion.flat().reduce((a, b) => a + b, 0)]).toEqual([
      'val',
      1,
      16,
    ]);
  });

  it('returns F, G and measurements; caches by configuration, ignoring settings without effect', async () => {
    const p = await tinyProblem();
    const before = p.realEvaluations;
    const X = toMatrix([
      [1, 2, 0.5, 0.3, 2, 0, 1],
      [0, 0, 0.2, 0.7, 0, 1, 1],
      [0, 0, 0.9, 0.1, 2, 2, 1], // same model as the row above: nothing is pruned
      [0, 0, 0.5, 0.5, 0, 0, 0], // the base model, measured already
    ]);
    const r = await p.evaluate(X, { seed: 3 });
    expect(p.realEvaluations - before).toBe(2);
    expect(r.measurements).toHaveLength(4);
    expect(r.measurements[1]).toBe(r.measurements[2]);
    expect([r.F.data[2], r.F.data[4], r.F.data[6]]).toEqual([0.25, 0.25, 1]); // int8 unpruned twice, base
    expect(r.F.data[7]).toBe(p.base.accuracy);
    expect(r.F.data[0]).toBeLessThan(0.25);
    for (let i = 0; i < 4; i++) expect(r.G.data[i]).toBeCloseTo(p.tau - r.F.data[2 * i + 1]!, 15);
    const m = r.measurements[0]!;
    expect(m.config).toEqual({
      linearLayers: 'all',
      convLayers: 'random',
      linearIntensity: 0.5,
      convIntensity: 0.3,
      linearTarget: 'both',
      convTarget: 'weights',
      quantize: true,
    });
    expect(m.layers.find((l) => l.name === 'fc')!.weightDensity).toBe(0.5);
    expect(m.nonZeroRate).toBeLessThan(1);
    // Same x, same random subset, even in a fresh problem with the same seed.
    const again = await (await tinyProblem()).evaluate(toMatrix([[1, 2, 0.5, 0.3, 2, 0, 1]]), { seed: 99 });
    expect(again.measurements[0]!.layers).toEqual(m.layers);
  });

  it('measures on the test split when asked, and for the final front', async () => {
    const p = await tinyProblem({ selectOn: 'test' });
    expect(p.base.split).toBe('test');
    const q = await tinyProblem();
    const onTest = await q.measure(q.decodeConfig([0, 0, 0.5, 0.5, 0, 0, 0]), 'test');
    expect(onTest.accuracy).toBe(p.base.accuracy);
  });

  it('rejects a model whose input does not match the sidecar', async () => {
    const dataset = await loadMedMNIST(
      encodeMedMNIST({
        height: 8,
        width: 8,
        channels: 3,
        train: { count: 1, images: new Uint8Array(192), labels: Int32Array.from([0]) },
        val: { count: 1, images: new Uint8Array(192), labels: Int32Array.from([1]) },
        test: { count: 1, images: new Uint8Array(192), labels: Int32Array.from([2]) },
      }),
    );
    const sidecar = {
      classes: 3,
      input: { name: 'input', layout: 'NCHW', shape: [3, 8, 8], dtype: 'float32', preprocess: 'x/255' },
      output: { name: 'logits' },
    };
    await expect(compressionProblem({ model: tinyCnn({ size: 6 }), sidecar, dataset })).rejects.toThrow(
      UnsupportedModelError,
    );
    await expect(compressionProblem({ model: tinyCnn(), sidecar, dataset, tolerance: 2 })).rejects.toThrow(
      /tolerance/,
    );
  });
});

const retina = retinaFiles('ResNet50 compression problem');
describe.skipIf(retina === undefined)('the RetinaMNIST ResNet50 problem', () => {
  it('scores the base model f1 = 1 and the int8 model f1 = 0.25 on the test split', async () => {
    const p = await compressionProblem({
      model: retina!.model,
      sidecar: retina!.sidecar,
      dataset: retina!.data,
      selectOn: 'test',
    });
    expect(p.base.f1).toBe(1);
    expect(Math.abs(p.base.accuracy - 0.455)).toBeLessThanOrEqual(0.005);
    const r = await p.evaluate(toMatrix([[0, 0, 0.5, 0.5, 0, 0, 1]]), { seed: 0 });
    expect(r.F.data[0]).toBe(0.25);
    expect(r.F.data[1]).toBeGreaterThanOrEqual(p.base.accuracy - 0.02);
    const m = r.measurements[0]!;
    expect(m.sizeBytes).toBeLessThan(p.base.sizeBytes / 3.5);
    console.log(
      `int8 evaluation: ${m.evaluationSeconds.toFixed(2)} s (prune ${m.pruneSeconds.toFixed(2)}, quantize ${m.quantizeSeconds.toFixed(2)}, inference ${m.inferenceSeconds.toFixed(2)}); base inference ${p.base.inferenceSeconds.toFixed(2)} s`,
    );
  });
});
