import { describe, expect, it } from 'vitest';
import { retinaFiles } from '../test/shared-data.js';
import { classificationMetrics } from './classification-metrics.js';
import { encodeMedMNIST } from './encode-medmnist.js';
import { evaluateModel } from './evaluate-model.js';
import { loadMedMNIST } from './load-medmnist.js';
import { loadOnnx } from './load-onnx.js';
import { readSidecar } from './model-sidecar.js';
import { prepareInputs } from './prepare-inputs.js';
import { tinyCnn } from './tiny-cnn.js';

describe('classificationMetrics', () => {
  it('computes macro F1 and a tie-aware one-vs-rest AUC by hand', () => {
    // Binary: scores for class 1 are 0.1, 0.4, 0.35, 0.8 (as logits [0, s]); labels 0 0 1 1.
    const s = [0.1, 0.4, 0.35, 0.8];
    const scores = Float32Array.from(s.flatMap((v) => [0, v]));
    const m = classificationMetrics(Int32Array.from([0, 0, 1, 1]), scores, 2);
    // All predicted 1 (every score > 0): F1(class 0) = 0, F1(class 1) = 2*2/(2*2+2) = 2/3.
    expect(m.macroF1).toBeCloseTo(1 / 3, 12);
    expect(m.auc).toBeCloseTo(0.75, 12); // sklearn roc_auc_score([0,0,1,1],[.1,.4,.35,.8]) = 0.75
    const ties = classificationMetrics(Int32Array.from([0, 1]), Float32Array.from([0, 1, 0, 1]), 2);
    expect(ties.auc).toBe(0.5);
    expect(() => classificationMetrics(Int32Array.from([0]), new Float32Array(3), 2)).toThrow(/expected 2/);
  });

  it('ranks Softmax outputs as they are, not through a second softmax', () => {
    // Class 0: 0.2 (label 0) > 0.19 (label 1), so its AUC is 1; a second softmax would rank them
    // the other way round (0.275 < 0.287). Class 1 scores 0 either way; class 2 has no positives.
    const probabilities = Float32Array.from([0.2, 0.8, 0, 0.19, 0.405, 0.405]);
    expect(classificationMetrics(Int32Array.from([0, 1]), probabilities, 3).auc).toBe(0.5);
    // The same rows shifted by 1 are logits (softmax is shift-invariant): there the softmax ranks.
    const logits = probabilities.map((p) => p + 1);
    expect(classificationMetrics(Int32Array.from([0, 1]), logits, 3).auc).toBe(0);
  });
});

describe('evaluateModel', () => {
  it('says when the model input does not match the data', async () => {
    const split = { count: 2, images: new Uint8Array(2 * 16 * 3), labels: Int32Array.from([0, 1]) };
    const ds = await loadMedMNIST(
      encodeMedMNIST({ height: 4, width: 4, channels: 3, train: split, val: split, test: split }),
    );
    const sidecar = await readSidecar({
      classes: 3,
      input: { name: 'input', layout: 'NCHW', shape: [3, 4, 4], dtype: 'float32', preprocess: 'x/255' },
      output: { name: 'logits' },
    });
    const inputs = { ...prepareInputs(ds, 'test', sidecar), classes: 3 };
    await expect(evaluateModel(tinyCnn({ size: 8 }), inputs)).rejects.toThrow(
      /expected input "input" to accept examples of shape \[3, 4, 4\]/,
    );
    const ok = await evaluateModel(tinyCnn({ size: 4 }), inputs, { batchSize: 1 });
    expect(ok.batchSeconds).toHaveLength(2);
  });
});

const retina = retinaFiles('RetinaMNIST ResNet50 evaluation');
describe.skipIf(retina === undefined)('the RetinaMNIST ResNet50 on the test split', () => {
  it("matches the sidecar's test accuracy within 0.5 points", async () => {
    const sidecar = await readSidecar(retina!.sidecar);
    const inputs = prepareInputs(await loadMedMNIST(retina!.data), 'test', sidecar);
    const result = await evaluateModel(await loadOnnx(retina!.model), inputs, { threads: 1 });
    expect(Math.abs(result.accuracy - sidecar.test_acc!)).toBeLessThanOrEqual(0.005);
    expect(result.confusion.flat().reduce((a, b) => a + b, 0)).toBe(400);
    console.log(
      `ResNet50 fp32 test split: accuracy ${result.accuracy}, ${result.seconds.toFixed(2)} s with 1 thread`,
    );
  });
});
