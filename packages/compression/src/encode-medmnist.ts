import { zipSync } from 'fflate';
import { encodeNpy } from './internal/npy.js';
import type { MedMNISTDataset } from './load-medmnist.js';

/** What {@link encodeMedMNIST} writes: the three splits and the image shape. */
export type MedMNISTArrays = Pick<
  MedMNISTDataset,
  'height' | 'width' | 'channels' | 'train' | 'val' | 'test'
>;

/**
 * Writes a dataset as an `.npz` in MedMNIST's official layout (keys in the official order; images
 * uint8, `(N, H, W)` for grey or `(N, H, W, 3)`; labels uint8 `(N, 1)`), deflate-compressed like
 * `np.savez_compressed`. For test fixtures and subsets. O(size).
 *
 * @example
 * const split = { count: 1, images: new Uint8Array(4), labels: Int32Array.from([1]) };
 * const bytes = encodeMedMNIST({ height: 2, width: 2, channels: 1, train: split, val: split, test: split });
 * (await loadMedMNIST(bytes)).test.labels // => Int32Array [1]
 */
export function encodeMedMNIST(dataset: MedMNISTArrays): Uint8Array {
  const { height, width, channels } = dataset;
  const files: Record<string, Uint8Array> = {};
  for (const split of ['train', 'val', 'test'] as const) {
    const s = dataset[split];
    const shape = channels === 1 ? [s.count, height, width] : [s.count, height, width, channels];
    files[`${split}_images.npy`] = encodeNpy('|u1', shape, s.images);
  }
  for (const split of ['train', 'val', 'test'] as const) {
    const s = dataset[split];
    files[`${split}_labels.npy`] = encodeNpy('|u1', [s.count, 1], Uint8Array.from(s.labels));
  }
  return zipSync(files, { level: 6 });
}
