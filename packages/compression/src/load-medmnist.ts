import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InvalidArgumentError } from '@paretokit/problem';
import { unzipSync } from 'fflate';
import { DatasetFormatError } from './errors/dataset-format-error.js';
import { type NpyArray, parseNpy } from './internal/npy.js';
import { MEDMNIST_FILES } from './medmnist-files.js';

/** One split of a MedMNIST dataset. */
export interface MedMNISTSplit {
  /** Number of images. */
  readonly count: number;
  /** Pixels, uint8, `count x height x width x channels` (channels last, as in the file). */
  readonly images: Uint8Array;
  /** Class of each image, 0 .. classes - 1. */
  readonly labels: Int32Array;
}

/** A MedMNIST dataset: the three official splits. */
export interface MedMNISTDataset {
  /** File name without `.npz` (e.g. `retinamnist`), or "dataset" for bytes. */
  readonly name: string;
  readonly height: number;
  readonly width: number;
  /** 1 (grey) or 3 (RGB). */
  readonly channels: number;
  readonly classes: number;
  readonly train: MedMNISTSplit;
  readonly val: MedMNISTSplit;
  readonly test: MedMNISTSplit;
}

/** Options of {@link loadMedMNIST}. */
export interface LoadMedMNISTOptions {
  /** Number of classes; default: from the official table for known names, else 1 + the largest label. */
  readonly classes?: number;
  /** Name used in messages and for the official table lookup (default: the file name). */
  readonly name?: string;
  /**
   * Expected MD5 of the file's bytes (32 hex digits), checked before anything is read from them,
   * e.g. `MEDMNIST_FILES.retinamnist.md5` for the official file.
   */
  readonly md5?: string;
}

const SPLITS = ['train', 'val', 'test'] as const;

function checkMd5(bytes: Uint8Array, where: string, md5: string | undefined): void {
  if (md5 === undefined) return;
  if (typeof md5 !== 'string' || !/^[0-9a-f]{32}$/i.test(md5)) {
    throw new InvalidArgumentError({ argument: 'loadMedMNIST: md5', expected: '32 hex digits', actual: md5 });
  }
  const got = createHash('md5').update(bytes).digest('hex');
  if (got !== md5.toLowerCase()) {
    throw new DatasetFormatError({
      source: where,
      expected: `MD5 ${md5.toLowerCase()}`,
      actual: `MD5 ${got}`,
      hint: 'The file is not the one expected (corrupted, truncated or another version).',
    });
  }
}

/**
 * Loads a MedMNIST `.npz` file in the official layout (a zip of `.npy` arrays `train_images`,
 * `train_labels`, `val_*`, `test_*`; images uint8 `N x H x W` or `N x H x W x C`, labels `N x 1`)
 * from a path or from its bytes, checking keys, dtypes, shapes and label range. O(file size).
 *
 * @throws DatasetFormatError naming the key and what was expected, or an MD5 other than `options.md5`.
 * @example
 * const ds = await loadMedMNIST(tinyNpz());
 * [ds.train.count, ds.height, ds.channels, ds.classes] // => [4, 2, 3, 3]
 * ds.test.labels // => Int32Array [2, 0]
 */
export async function loadMedMNIST(
  source: string | Uint8Array,
  options: LoadMedMNISTOptions = {},
): Promise<MedMNISTDataset> {
  let bytes: Uint8Array;
  let where: string;
  if (typeof source === 'string') {
    where = source;
    try {
      bytes = await readFile(source);
    } catch (error) {
      throw new DatasetFormatError({
        source,
        expected: 'a readable .npz file',
        actual: (error as Error).message,
        cause: error,
      });
    }
  } else if (source instanceof Uint8Array) {
    where = options.name ?? 'npz bytes';
    bytes = source;
  } else {
    throw new InvalidArgumentError({
      argument: 'loadMedMNIST(source)',
      expected: 'a path or the bytes of an .npz file',
      actual: source,
    });
  }
  checkMd5(bytes, where, options.md5);
  const name =
    options.name ?? (typeof source === 'string' ? basename(source).replace(/\.npz$/, '') : 'dataset');
  const fail = (expected: string, actual: string, hint?: string): never => {
    throw new DatasetFormatError({
      source: where,
      expected,
      actual,
      ...(hint === undefined ? {} : { hint }),
    });
  };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    return fail('an .npz (zip) archive', `unreadable bytes (${(error as Error).message})`);
  }
  const array = (key: string): NpyArray => {
    const entry = entries[`${key}.npy`];
    if (entry === undefined) {
      return fail(
        `an array "${key}"`,
        `keys [${Object.keys(entries)
          .map((k) => k.replace(/\.npy$/, ''))
          .join(', ')}]`,
      );
    }
    try {
      return parseNpy(entry);
    } catch (error) {
      return fail(`a valid .npy array "${key}"`, (error as Error).message);
    }
  };
  let shape: readonly number[] | undefined;
  const raw = SPLITS.map((split) => {
    const images = array(`${split}_images`);
    const labels = array(`${split}_labels`);
    if (images.dtype !== '|u1') fail(`${split}_images of dtype uint8 (|u1)`, images.dtype);
    const s = images.shape;
    if (!(s.length === 3 || (s.length === 4 && (s[3] === 1 || s[3] === 3)))) {
      fail(`${split}_images of shape (N, H, W) or (N, H, W, 1 | 3)`, `(${s.join(', ')})`);
    }
    const perImage = s.slice(1).concat(s.length === 3 ? [1] : []);
    if (shape === undefined) shape = perImage;
    else if (shape.join() !== perImage.join()) {
      fail(
        `${split}_images of the same image shape as train (${shape.join(', ')})`,
        `(${perImage.join(', ')})`,
      );
    }
    const n = s[0]!;
    const ls = labels.shape;
    if (!/^[<|]?[iu][1248]$/.test(labels.dtype)) fail(`${split}_labels of an integer dtype`, labels.dtype);
    if (!((ls.length === 2 && ls[0] === n && ls[1] === 1) || (ls.length === 1 && ls[0] === n))) {
      fail(
        `${split}_labels of shape (${n}, 1)`,
        `(${ls.join(', ')})`,
        ls.length === 2 && ls[1]! > 1 ? 'Multi-label datasets are not supported.' : undefined,
      );
    }
    const values = Int32Array.from(labels.data as ArrayLike<number>, (v) => Number(v));
    return { split, n, images: images.data as Uint8Array, labels: values };
  });
  const known = MEDMNIST_FILES[name as keyof typeof MEDMNIST_FILES];
  let classes = options.classes ?? known?.classes;
  if (classes === undefined) {
    classes = 1;
    for (const r of raw) for (const v of r.labels) classes = Math.max(classes, v + 1);
  }
  for (const r of raw) {
    for (let i = 0; i < r.n; i++) {
      const v = r.labels[i]!;
      if (!(v >= 0 && v < classes)) {
        fail(`${r.split}_labels in 0..${classes - 1}`, `label ${v} at index ${i}`);
      }
    }
  }
  const [train, val, test] = raw.map((r) => ({ count: r.n, images: r.images, labels: r.labels }));
  return {
    name,
    height: shape![0]!,
    width: shape![1]!,
    channels: shape![2]!,
    classes,
    train: train!,
    val: val!,
    test: test!,
  };
}
