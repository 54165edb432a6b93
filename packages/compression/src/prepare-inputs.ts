import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import type { MedMNISTDataset } from './load-medmnist.js';
import { type ModelSidecar, type Preprocessing, parsePreprocess } from './model-sidecar.js';

/** A split ready to feed a model: float inputs in the model's layout, and labels. */
export interface ModelInputs {
  readonly count: number;
  /** Shape of one example (no batch axis), as the model takes it. */
  readonly exampleShape: readonly number[];
  /** `count x prod(exampleShape)` values. */
  readonly data: Float32Array;
  readonly labels: Int32Array;
  readonly classes: number;
}

/** Options of {@link prepareInputs}. */
export interface PrepareInputsOptions {
  /** Overrides the preprocessing read from the sidecar's text. */
  readonly preprocessing?: Preprocessing;
  /** Use only the first `limit` images of the split. */
  readonly limit?: number;
}

/**
 * Turns one split of a MedMNIST dataset into model input as the sidecar describes it: scale,
 * normalise per channel, repeat grey to 3 channels if asked, and lay out as NCHW or NHWC.
 * O(pixels).
 *
 * @throws UnsupportedModelError when the data's image shape or channels do not match the model's input.
 * @example
 * const sidecar = { classes: 3, input: { name: 'input', layout: 'NCHW', shape: [3, 2, 2], dtype: 'float32', preprocess: 'x/255' }, output: { name: 'logits' } };
 * const inputs = prepareInputs(await loadMedMNIST(tinyNpz()), 'test', sidecar);
 * [inputs.count, inputs.data.length, inputs.data[1]] // => [2, 24, Math.fround(111 / 255)]
 */
export function prepareInputs(
  dataset: MedMNISTDataset,
  split: 'train' | 'val' | 'test',
  sidecar: ModelSidecar,
  options: PrepareInputsOptions = {},
): ModelInputs {
  const p = options.preprocessing ?? parsePreprocess(sidecar.input.preprocess);
  const nchw = sidecar.input.layout === 'NCHW';
  const [a, b, c] = sidecar.input.shape as [number, number, number];
  const [channels, height, width] = nchw ? [a, b, c] : [c, a, b];
  const source = dataset.channels;
  const fits = source === channels || (source === 1 && p.repeatGray);
  if (!fits || height !== dataset.height || width !== dataset.width) {
    throw new UnsupportedModelError({
      model: `model input ${sidecar.input.name} (${sidecar.input.layout} [${sidecar.input.shape.join(', ')}])`,
      expected: `images of ${height}x${width} with ${channels} channel(s)${channels === 3 ? ' (or grey, repeated, if the sidecar says so)' : ''}`,
      actual: `${dataset.name}: ${dataset.height}x${dataset.width} with ${source} channel(s)`,
    });
  }
  const s = dataset[split];
  const count = Math.min(s.count, options.limit ?? s.count);
  const plane = height * width;
  const data = new Float32Array(count * channels * plane);
  const per = (list: readonly number[], k: number) => list[list.length === 1 ? 0 : k]!;
  // Affine per channel: ((x * scale) - mean) / std = x * gain + offset.
  const gain = Array.from({ length: channels }, (_, k) => p.scale / per(p.std, k));
  const offset = Array.from({ length: channels }, (_, k) => -per(p.mean, k) / per(p.std, k));
  for (let n = 0; n < count; n++) {
    const src = n * plane * source;
    const dst = n * plane * channels;
    for (let k = 0; k < channels; k++) {
      const from = source === 1 ? 0 : k;
      const g = gain[k]!;
      const o = offset[k]!;
      for (let i = 0; i < plane; i++) {
        const x = s.images[src + i * source + from]!;
        data[nchw ? dst + k * plane + i : dst + i * channels + k] = x * g + o;
      }
    }
  }
  return {
    count,
    exampleShape: [...sidecar.input.shape],
    data,
    labels: s.labels.subarray(0, count),
    classes: dataset.classes,
  };
}
