import { InvalidArgumentError, toMatrix } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { retinaFiles } from '../test/shared-data.js';
import { tinyDataset, tinySidecar } from '../test/tiny-data.js';
import { compressionProblem } from './compression-problem.js';
import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { evaluateModel } from './evaluate-model.js';
import { loadOnnx } from './load-onnx.js';
import { measureLatency } from './measure-latency.js';
import { prepareInputs } from './prepare-inputs.js';
import { tinyCnn } from './tiny-cnn.js';

async function tinyStructured(extra: Record<string, unknown> = {}) {
  const dataset = await tinyDataset(11, [32, 16, 12]);
  return compressionProblem({
    pruning: 'structured',
    model: tinyCnn({ hidden: 16, filters: 8 }),
    sidecar: tinySidecar,
    dataset,
    multiple: 1,
    latency: { runs: 3, warmup: 1 },
    ...extra,
  });
}

describe('compressionProblem({ pruning: "structured" })', () => {
  it('has a fraction per stage and quantize, latency (min) vs accuracy (max), and the tau constraint', async () => {
    const p = await tinyStructured();
    expect(p.variables.map((v) => [v.name, v.kind])).toEqual([
      ['stage1', 'real'],
      ['quantize', 'binary'],
    ]);
    expect(p.objectives).toEqual([
      { name: 'latency', sense: 'min' },
      { name: 'accuracy', sense: 'max' },
    ]);
    expect(p.base.f1).toBe(1);
    expect(p.base.relativeFlops).toBe(1);
    expect(p.base.channels).toEqual([{ stage: 0, before: 32, after: 32 }]);
    expect(p.tau).toBeCloseTo(0.96 * p.base.accuracy, 15);
    expect(p.base.latency.runs.length).toBeGreaterThanOrEqual(3);
    expect(p.base.latency.spread).toBeGreaterThanOrEqual(0);
    expect(p.uncompressed).toEqual({ fractions: [0], quantize: false });
  });

  it('evaluates rows into F, G and measurements; caches by the channel counts; the model file matches', async () => {
    const p = await tinyStructured({ objective: 'flops' });
    const before = p.realEvaluations;
    const r = await p.evaluate(
      toMatrix([
        [0.5, 1],
        [0.5001, 1], // the same channel counts: cached
        [0, 0], // the base model: cached
      ]),
      { seed: 1 },
    );
    expect(p.realEvaluations - before).toBe(1);
    const m = r.measurements[0]!;
    expect(m.channels).toEqual([{ stage: 0, before: 32, after: 16 }]);
    expect(r.measurements[1]!.config.fractions).toEqual([0.5001]);
    // FLOPs: every layer's channels halved (back's outputs reach fc through the flatten); int8 counts 1/4.
    expect(m.relativeFlops).toBeLessThan(0.25);
    expect(r.F.data[0]).toBe(m.relativeFlops);
    expect(r.F.data[4]).toBe(1);
    for (let i = 0; i < 3; i++) expect(r.G.data[i]).toBeCloseTo(p.tau - r.F.data[2 * i + 1]!, 15);
    const bytes = await p.compressedModel(m.config);
    expect(bytes.length).toBe(m.sizeBytes);
    expect((await loadOnnx(bytes)).proto.graph!.node!.some((n) => n.op_type === 'QuantizeLinear')).toBe(true);
    const test = prepareInputs(await tinyDataset(11, [32, 16, 12]), 'test', tinySidecar);
    expect((await evaluateModel(bytes, test)).accuracy).toBe((await p.measure(m.config, 'test')).accuracy);
    const seconds = await p.timeInference([p.uncompressed, m.config], { repeats: 2 });
    expect(seconds.map((s) => s.length)).toEqual([2, 2]);
  });

  it('evaluates with sequential repair (it gets the calibration examples), cutting what least-squares cuts', async () => {
    const config = { fractions: [0.5], quantize: false };
    const [sequential, plain] = [
      await (await tinyStructured({ repair: 'sequential', objective: 'flops' })).measure(config),
      await (await tinyStructured({ objective: 'flops' })).measure(config),
    ];
    expect(sequential.channels).toEqual([{ stage: 0, before: 32, after: 16 }]);
    expect(sequential.relativeFlops).toBe(plain.relativeFlops);
  });

  it('refuses bad settings and configurations with what it expected', async () => {
    await expect(tinyStructured({ objective: 'joules' })).rejects.toThrow(InvalidArgumentError);
    await expect(tinyStructured({ maxFraction: 1 })).rejects.toThrow(
      /maxFraction: expected a number in \(0, 1\)/,
    );
    await expect(tinyStructured({ criterion: 'random' })).rejects.toThrow(/criterion/);
    await expect(tinyStructured({ repair: 'exact' })).rejects.toThrow(
      /repair: expected "none", "mean", "least-squares", "sequential"/,
    );
    await expect(tinyStructured({ pruning: 'magic' })).rejects.toThrow(/"study" or "structured"/);
    const p = await tinyStructured();
    await expect(p.measure({ fractions: [0.2, 0.2], quantize: false })).rejects.toThrow(
      /1 fractions in \[0, 1\) \(one per stage\)/,
    );
    // A model without any channels to cut (both Convs feed a residual join) is refused, naming why.
    const joined = tinyCnn({ residual: true });
    await expect(tinyStructured({ model: joined })).rejects.toThrow(UnsupportedModelError);
    await expect(tinyStructured({ model: joined })).rejects.toThrow(
      /Conv "conv": channels left uncut at "add", a residual join/,
    );
  });
});

describe('measureLatency', () => {
  it('times warm runs of one batch, adds runs while noisy, and refuses bad counts', async () => {
    const inputs = prepareInputs(await tinyDataset(3, [10, 2, 2]), 'train', tinySidecar);
    const { saveOnnxSync } = await import('./save-onnx.js');
    const bytes = saveOnnxSync(tinyCnn());
    const l = await measureLatency(bytes, inputs, { runs: 4, batchSize: 6, maxRuns: 12 });
    expect(l.batchSize).toBe(6);
    expect(l.runs.length).toBeGreaterThanOrEqual(4);
    expect(l.runs.length).toBeLessThanOrEqual(12);
    expect(l.noisy).toBe(l.spread > 0.1);
    const sorted = [...l.runs].sort((a, b) => a - b);
    expect(l.seconds).toBeGreaterThanOrEqual(sorted[0]!);
    expect(l.seconds).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
    await expect(measureLatency(bytes, inputs, { runs: 0 })).rejects.toThrow(
      'measureLatency: runs: expected an integer >= 1, got 0.',
    );
    await expect(measureLatency(bytes, inputs, { runs: 5, maxRuns: 2 })).rejects.toThrow(/maxRuns/);
  });
});

const retina = retinaFiles('the structured compression problem on the ResNet50');
describe.skipIf(retina === undefined)('structured compression of the RetinaMNIST ResNet50', () => {
  it('has the 4 ResNet stages, and one structured int8 evaluation stays within seconds', async () => {
    const p = await compressionProblem({
      pruning: 'structured',
      model: retina!.model,
      sidecar: retina!.sidecar,
      dataset: retina!.data,
    });
    expect(p.stages).toBe(4);
    const m = await p.measure({ fractions: [0.1, 0.2, 0.3, 0.5], quantize: true });
    expect(m.warnings).toEqual([]);
    expect(m.sizeBytes).toBeLessThan(p.base.sizeBytes / 5);
    expect(m.relativeFlops).toBeLessThan(0.25);
    console.log(
      `structured int8 [0.1, 0.2, 0.3, 0.5]: val accuracy ${m.accuracy.toFixed(4)} (base ${p.base.accuracy.toFixed(4)}), ` +
        `latency ${m.f1.toFixed(3)} x base, ${(m.sizeBytes / 1e6).toFixed(1)} MB, evaluation ${m.evaluationSeconds.toFixed(2)} s`,
    );
  });
});
