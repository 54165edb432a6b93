// A random RGB 8x8, 3-class dataset in the official .npz layout, and the sidecar of
// tinyCnn() (size 8) for it: the fixtures of the quantization and problem tests.
import { Random } from '@paretokit/problem';
import { encodeMedMNIST } from '../src/encode-medmnist.js';
import { loadMedMNIST, type MedMNISTDataset } from '../src/load-medmnist.js';
import type { ModelSidecar } from '../src/model-sidecar.js';

export const tinySidecar: ModelSidecar = {
  classes: 3,
  input: {
    name: 'input',
    layout: 'NCHW',
    shape: [3, 8, 8],
    dtype: 'float32',
    preprocess: 'x/255, then (x-0.5)/0.5',
  },
  output: { name: 'logits' },
};

/** Random pixels and labels from `seed`; `counts` = [train, val, test]. */
export function tinyDataset(
  seed: number,
  counts: readonly [number, number, number],
): Promise<MedMNISTDataset> {
  const rng = Random.fromSeed(seed);
  const split = (n: number) => ({
    count: n,
    images: Uint8Array.from({ length: n * 8 * 8 * 3 }, () => rng.int(256)),
    labels: Int32Array.from({ length: n }, () => rng.int(3)),
  });
  const [train, val, test] = counts;
  return loadMedMNIST(
    encodeMedMNIST({
      height: 8,
      width: 8,
      channels: 3,
      train: split(train),
      val: split(val),
      test: split(test),
    }),
  );
}
