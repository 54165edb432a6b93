// The model corpus: small classifiers of the shapes users bring (a ResNet, a MobileNetV2 with
// depthwise convs and ReLU6, a VGG chain, a Keras-converted graph with NHWC input, MatMul + Add
// dense layers and a Softmax output; opsets 13 and 17), trained briefly on the committed RetinaMNIST
// file by examples/medmnist-train/build_corpus.py into .cache/model-corpus/ (about a minute, once;
// the script skips models already built with the same settings). Each model is quantized, pruned
// and quantized through the study problem, and channel-pruned through the structured problem; the
// rewritten models must run, keep their accuracy, and name every node they leave as it was.
// Needs /usr/bin/python3 with torch and torchvision (Debian's python3-torch) to build the corpus:
// without it the tests are skipped with one line, or fail when CI is set.
import { toMatrix } from '@paretokit/problem';
import { CORPUS_DATA, modelCorpus } from '@paretokit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelStatistics } from './channel-statistics.js';
import { compressionProblem } from './compression-problem.js';
import { countFlops } from './count-flops.js';
import { evaluateModel, type ModelEvaluation } from './evaluate-model.js';
import { type ChannelSkipReason, findChannelSets } from './find-channel-sets.js';
import { findLayers } from './find-layers.js';
import { graphSidecar } from './graph-sidecar.js';
import { cuttableFlopsShare } from './internal/channel-cut-flops.js';
import { attrInt } from './internal/tensors.js';
import { loadMedMNIST, type MedMNISTDataset } from './load-medmnist.js';
import { loadOnnx } from './load-onnx.js';
import { measureLatency } from './measure-latency.js';
import { type ModelSidecar, readSidecar } from './model-sidecar.js';
import type { OnnxModel } from './onnx-types.js';
import { type ModelInputs, prepareInputs } from './prepare-inputs.js';
import { pruneChannels } from './prune-channels.js';
import { quantizeModel } from './quantize-model.js';
import { saveOnnxSync } from './save-onnx.js';

/** What each architecture is expected to leave alone. */
interface Expectation {
  /** `reason@op` of every Conv whose channels stay uncut (the op of the node in the way). */
  readonly uncut: readonly string[];
  /** Ops the int8 rewrite leaves float, with a warning each. */
  readonly float: readonly string[];
  /** Least top-1 agreement of int8 (no pruning) with fp32 on the test split. */
  readonly agreement: number;
  /** Largest accuracy drop of a 25 % channel cut + int8 through the structured problem. Default 0.1. */
  readonly structuredDrop?: number;
}

const EXPECTED: Record<string, Expectation> = {
  'resnet18-narrow': { uncut: ['residual@Add'], float: [], agreement: 0.9 },
  // ONNX Runtime's own quantize_static (QDQ, per channel, MinMax, same 100 images) agrees on 0.84
  // of this model's test images too (onnxruntime 1.32): MobileNetV2's depthwise layers are known to
  // be int8-sensitive (Nagel et al. 2019, "Data-Free Quantization"), and RetinaMNIST's margins small.
  // Depthwise Convs and GlobalAveragePool -> Flatten -> Gemm are followed: only the trunk stays.
  // Cutting 25 % of every expand block's channels (through the depthwise Convs), without retraining,
  // costs it 15-20 points (0.4975 -> 0.34 fp32 with reconstruction + least-squares, balanced
  // accuracy 0.350 -> 0.296; activation + mean keeps 0.443 only by predicting the majority class for
  // 370 of the 400 images, balanced 0.215: see docs/structured-pruning.md).
  'mobilenetv2-small': { uncut: ['residual@Add'], float: [], agreement: 0.8, structuredDrop: 0.2 },
  // Their flatten of an H x W map into the dense layer is followed: every Conv can be cut.
  'vgg-small': { uncut: [], float: [], agreement: 0.9 },
  'keras-nhwc': { uncut: [], float: ['Softmax'], agreement: 0.9 },
};

/** One row of the summary printed at the end. */
const summary: string[] = [];
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const agreement = (a: ModelEvaluation, b: ModelEvaluation) =>
  a.predictions.filter((p, i) => p === b.predictions[i]).length / a.predictions.length;
/** Share of the examples given the most frequent predicted class (1: a constant classifier). */
const majorityShare = (e: ModelEvaluation) => {
  const counts = new Map<number, number>();
  for (const p of e.predictions) counts.set(p, (counts.get(p) ?? 0) + 1);
  return Math.max(...counts.values()) / e.predictions.length;
};
const opOf = (model: OnnxModel, name: string) =>
  (model.proto.graph?.node ?? []).find((n, i) => (n.name || `${n.op_type}#${i}`) === name);

const models = modelCorpus('model corpus');
describe.skipIf(models === undefined)('the model corpus', () => {
  let dataset: MedMNISTDataset;
  beforeAll(async () => {
    dataset = await loadMedMNIST(CORPUS_DATA);
  });
  afterAll(() => {
    if (summary.length > 0) console.log(`model corpus:\n${summary.join('\n')}`);
  });

  describe.each(models ?? [])('$name', (entry) => {
    const expected = EXPECTED[entry.arch]!;
    let model: OnnxModel;
    let sidecar: ModelSidecar;
    let test: ModelInputs;
    let calibration: ModelInputs;
    let base: ModelEvaluation;
    let io: { inputName: string; outputName: string };
    beforeAll(async () => {
      model = await loadOnnx(entry.model);
      sidecar = await readSidecar(entry.sidecar);
      test = prepareInputs(dataset, 'test', sidecar);
      calibration = prepareInputs(dataset, 'train', sidecar, { limit: 100 });
      io = { inputName: sidecar.input.name, outputName: sidecar.output.name };
      base = await evaluateModel(model, test, io);
    });

    it('runs in onnxruntime-node as PyTorch measured it (layout, dynamic batch, opset)', async () => {
      expect(sidecar.input.layout).toBe(entry.arch === 'keras-nhwc' ? 'NHWC' : 'NCHW');
      const graph = await graphSidecar(model);
      expect([graph.input.name, graph.input.layout, graph.input.shape, graph.input.batch]).toEqual([
        sidecar.input.name,
        sidecar.input.layout,
        sidecar.input.shape,
        'dynamic',
      ]);
      expect([graph.output.name, graph.output.softmax, graph.classes]).toEqual([
        sidecar.output.name,
        expected.float.includes('Softmax'),
        sidecar.classes,
      ]);
      expect(base.accuracy).toBeCloseTo(sidecar.test_acc!, 9);
      const single = await evaluateModel(model, test, { ...io, batchSize: 1 });
      expect(single.predictions).toEqual(base.predictions);
      expect(new Set(base.predictions).size).toBeGreaterThanOrEqual(3); // not a constant classifier
    });

    it('quantizes every layer to int8 (or int8-rounded float stem), agrees with fp32, names each node it leaves float', async () => {
      const t0 = performance.now();
      const q = await quantizeModel(model, { calibration });
      const quantizeSeconds = seconds(t0);
      const int8 = await evaluateModel(q.model, test, io);
      // The first Conv (RGB) runs float with int8-rounded weights where that is faster (floatStem).
      expect(q.quantizedLayers + q.floatStemConvs).toBe(findLayers(model).length);
      const floatOps = q.warnings.map((w) => w.split(' ')[0]);
      expect(floatOps).toEqual(expected.float);
      const clips = (model.proto.graph?.node ?? []).filter((n) => n.op_type === 'Clip').length;
      expect(q.foldedClips).toBe(clips);
      const agree = agreement(base, int8);
      expect(agree).toBeGreaterThanOrEqual(expected.agreement);
      expect(Math.abs(int8.accuracy - base.accuracy)).toBeLessThanOrEqual(0.05);
      summary.push(
        `  ${entry.name.padEnd(26)} fp32 ${base.accuracy.toFixed(4)} int8 ${int8.accuracy.toFixed(4)} ` +
          `agreement ${agree.toFixed(4)}; quantize ${quantizeSeconds.toFixed(2)} s, test split ` +
          `${base.seconds.toFixed(3)} s fp32 / ${int8.seconds.toFixed(3)} s int8` +
          (q.warnings.length > 0 ? `; float: ${q.warnings.join('; ')}` : ''),
      );
    });

    it('prunes and quantizes through the study problem', async () => {
      const t0 = performance.now();
      const problem = await compressionProblem({
        model: entry.model,
        sidecar: entry.sidecar,
        dataset,
        selectOn: 'test',
      });
      const setupSeconds = seconds(t0);
      expect(problem.base.accuracy).toBe(base.accuracy);
      // x1, x2: none / all / random; x3, x4: intensities; x5, x6: weights / biases / both; x7: int8.
      const X = toMatrix([
        [0, 0, 0.5, 0.5, 0, 0, 1],
        [1, 1, 0.1, 0.1, 0, 0, 1],
        [2, 1, 0.5, 0.2, 2, 2, 0],
        [1, 1, 0.9, 0.9, 2, 2, 1],
      ]);
      const t1 = performance.now();
      const { measurements } = await problem.evaluate(X, { seed: 0 });
      const evaluateSeconds = seconds(t1);
      const [int8, light, random, heavy] = measurements;
      expect(int8!.f1).toBeCloseTo(0.25, 12);
      expect(int8!.accuracy).toBeGreaterThanOrEqual(base.accuracy - 0.05);
      // 10 % is light for all; at 30 % MobileNetV2's depthwise kernels (9 weights a channel) already
      // cost it 11 points in float.
      expect(light!.accuracy).toBeGreaterThanOrEqual(base.accuracy - 0.05);
      expect(light!.f1).toBeLessThan(0.25);
      expect(light!.layers.every((l) => l.weightDensity < 0.95)).toBe(true);
      expect(random!.f1).toBeLessThan(1);
      expect(heavy!.f1).toBeLessThan(0.05);
      for (const m of measurements) expect(m.confusion.flat().reduce((a, b) => a + b, 0)).toBe(test.count);
      summary.push(
        `  ${''.padEnd(26)} study problem: setup ${setupSeconds.toFixed(2)} s, 4 evaluations ` +
          `${evaluateSeconds.toFixed(2)} s; accuracy ${measurements.map((m) => m.accuracy.toFixed(3)).join(' / ')}`,
      );
    });

    it('cuts channels where it can and names every node that stops it', async () => {
      const found = findChannelSets(model);
      expect(found.stages).toBeGreaterThan(0);
      const uncut = new Set(
        found.skipped.map((s) => {
          const node = opOf(model, s.at);
          if (s.reason === 'grouped-conv') expect(attrInt(node!, 'group', 1)).toBeGreaterThan(1);
          return `${s.reason}@${node?.op_type ?? s.at}`;
        }),
      );
      expect([...uncut].sort()).toEqual([...expected.uncut].sort());
      const pruned = await pruneChannels(model, { fractions: 0.25 });
      const reasons: ChannelSkipReason[] = found.skipped.map((s) => s.reason);
      expect(pruned.warnings).toHaveLength(reasons.filter((r) => r !== 'residual').length);
      for (const s of found.skipped.filter((k) => k.reason !== 'residual')) {
        expect(pruned.warnings).toContain(s.message);
        expect(s.message).toContain(`"${s.at}"`);
      }
      expect(pruned.cuts.some((c) => c.after < c.before)).toBe(true);
      const cut = await evaluateModel(pruned.model, test, io);
      expect(cut.predictions).toHaveLength(test.count);

      const t0 = performance.now();
      const problem = await compressionProblem({
        pruning: 'structured',
        model: entry.model,
        sidecar: entry.sidecar,
        dataset,
        selectOn: 'test',
        multiple: 4,
        latency: { runs: 3 },
      });
      const m = await problem.measure({ fractions: new Array(problem.stages).fill(0.25), quantize: true });
      const structuredSeconds = seconds(t0);
      expect(m.channels.some((c) => c.after < c.before)).toBe(true);
      expect(m.accuracy).toBeGreaterThanOrEqual(base.accuracy - (expected.structuredDrop ?? 0.1));
      expect(m.warnings).toEqual([
        ...pruned.warnings,
        ...expected.float.map((op) => expect.stringContaining(op)),
      ]);
      summary.push(
        `  ${''.padEnd(26)} structured: ${found.sets.length} channel sets in ${found.stages} stage(s), ` +
          `${found.skipped.length} Conv(s) uncut; 25 % cut + int8: accuracy ${m.accuracy.toFixed(3)}, ` +
          `relative latency ${m.f1.toFixed(2)}, FLOPs ${m.relativeFlops.toFixed(3)} (${structuredSeconds.toFixed(2)} s)`,
      );
    });

    it('follows depthwise Convs and flattens: more channel sets, more FLOPs cuttable, a 50 % cut runs', async () => {
      const flops = await countFlops(model);
      const found = findChannelSets(model, { spatialFlatten: false });
      const spatial = findChannelSets(model);
      // What the rewrite cut before it followed depthwise Convs, global pools, flattens and Transposes.
      const legacy = {
        ...found,
        sets: found.sets.filter(
          (s) => s.channelwise.length === 0 && s.consumers.every((c) => c.dense === undefined),
        ),
      };
      const shares = [legacy, found, spatial].map((a) => cuttableFlopsShare(flops, a));
      expect(shares[1]).toBeGreaterThanOrEqual(shares[0]!);
      expect(shares[2]).toBeGreaterThanOrEqual(shares[1]!);
      if (entry.arch === 'mobilenetv2-small') {
        expect(found.sets.filter((s) => s.channelwise.length > 0).length).toBeGreaterThanOrEqual(5);
        expect(found.sets.some((s) => s.consumers.some((c) => c.dense?.positions === 1))).toBe(true);
        expect(shares[1]).toBeGreaterThan(shares[0]! + 0.3);
      }
      if (entry.arch === 'vgg-small' || entry.arch === 'keras-nhwc') {
        expect(spatial.skipped).toEqual([]);
        expect(spatial.sets.length).toBe(found.sets.length + 1);
      }
      const statistics = await channelStatistics(model, calibration, spatial.sets);
      const halve = (criterion: 'reconstruction' | 'activation', repair: 'least-squares' | 'mean') =>
        pruneChannels(model, { fractions: 0.5, analysis: spatial, criterion, repair, statistics });
      const pruned = await halve('reconstruction', 'least-squares');
      const cut = await evaluateModel(pruned.model, test, io);
      expect(cut.predictions).toHaveLength(test.count);
      const byActivation = await evaluateModel((await halve('activation', 'mean')).model, test, io);
      const timing = { batchSize: 32, runs: 7, warmup: 2, inputName: io.inputName };
      const before = await measureLatency(saveOnnxSync(model), test, timing);
      const after = await measureLatency(saveOnnxSync(pruned.model), test, timing);
      // Accuracy alone hides a constant classifier (the majority class is 0.435 of the test split):
      // balanced accuracy (0.2 = chance) and the share of the most frequent prediction show it.
      const scored = (e: ModelEvaluation) =>
        `${e.accuracy.toFixed(4)} (balanced ${e.balancedAccuracy.toFixed(3)}, top class ${majorityShare(e).toFixed(2)})`;
      summary.push(
        `  ${''.padEnd(26)} channel sets ${legacy.sets.length} -> ${found.sets.length} ` +
          `(${spatial.sets.length} following a flatten of H x W); FLOPs cuttable ${shares.map((v) => v.toFixed(3)).join(' -> ')}; ` +
          `50 % cut: accuracy ${scored(cut)} (reconstruction + least-squares), ` +
          `${scored(byActivation)} (activation + mean), base ${scored(base)}; ` +
          `latency ${(after.seconds * 1000).toFixed(2)} ms vs ${(before.seconds * 1000).toFixed(2)} ms (batch 32)`,
      );
    });
  });
});
