import { readFile, stat } from 'node:fs/promises';
import { InvalidArgumentError } from '@paretokit/problem';
import { unzipSync, zipSync } from 'fflate';
import type { MedMNISTArrays } from './encode-medmnist.js';
import { DatasetFormatError } from './errors/dataset-format-error.js';
import { encodeNpy } from './internal/npy.js';
import {
  type ImageFolderDataset,
  type LoadImageFolderOptions,
  loadImageFolder,
} from './load-image-folder.js';
import { loadMedMNIST, type MedMNISTDataset } from './load-medmnist.js';

/** Options of {@link loadDataset}: the image size for a folder, and checks for an `.npz`. */
export interface LoadDatasetOptions extends LoadImageFolderOptions {
  /** `.npz` only: expected MD5 of the file (see {@link loadMedMNIST}). */
  readonly md5?: string;
  /** `.npz` only: number of classes (default: its `class_names`, the official table, or 1 + the largest label). */
  readonly classes?: number;
}

/** What {@link loadDataset} returns: an image folder's dataset, or an `.npz`'s with its class names if it has them. */
export type LoadedDataset =
  | (ImageFolderDataset & { readonly format: 'image-folder' })
  | (MedMNISTDataset & {
      readonly format: 'npz';
      /** The npz's `class_names` array, when it has one. */
      readonly classNames?: readonly string[];
      /** Always empty: nothing is decided for an `.npz`. */
      readonly notes: readonly string[];
    });

const ACCEPTED =
  'an image folder (root/{train,val,test}/<class>/*.png|*.jpg|*.jpeg, val optional) or a MedMNIST-layout .npz file';

/**
 * Loads a dataset from where the user keeps it: a folder goes to {@link loadImageFolder} (resized
 * to `height x width`, `channels` channels), an `.npz` file (or its bytes) to {@link loadMedMNIST}
 * with its optional `class_names` array read back (see {@link encodeDataset}); an `.npz` is
 * returned as stored (its image size is checked against the model where it is used).
 * O(dataset size).
 *
 * @throws InvalidArgumentError when `source` is neither a folder nor an `.npz` file, or an
 *   `.npz`-only option is given for a folder; and whatever the two loaders throw.
 * @example
 * const split = { count: 1, images: new Uint8Array(4), labels: Int32Array.from([1]) };
 * const npz = encodeDataset({ height: 2, width: 2, channels: 1, train: split, val: split, test: split, classNames: ['cat', 'dog'] });
 * const ds = await loadDataset(npz, { height: 2, width: 2, channels: 1 });
 * [ds.format, ds.classes, ds.classNames] // => ['npz', 2, ['cat', 'dog']]
 * await loadDataset('data.csv', { height: 2, width: 2, channels: 1 }).catch((e) => e.name) // => 'InvalidArgumentError'
 */
export async function loadDataset(
  source: string | Uint8Array,
  options: LoadDatasetOptions,
): Promise<LoadedDataset> {
  if (source instanceof Uint8Array) return loadNpz(source, source, options);
  if (typeof source !== 'string' || source.length === 0) {
    throw new InvalidArgumentError({ argument: 'loadDataset(source)', expected: ACCEPTED, actual: source });
  }
  const info = await stat(source).catch(() => undefined);
  if (info?.isDirectory()) {
    for (const key of ['md5', 'classes'] as const) {
      if (options[key] !== undefined) {
        throw new InvalidArgumentError({
          argument: `loadDataset: ${key}`,
          expected: 'no value for an image folder (it applies to .npz files)',
          actual: options[key],
        });
      }
    }
    const { md5: _md5, classes: _classes, ...folder } = options;
    return { ...(await loadImageFolder(source, folder)), format: 'image-folder' };
  }
  if (info?.isFile() && /\.npz$/i.test(source)) {
    const bytes = await readFile(source).catch(() => undefined);
    // An unreadable file is left to loadMedMNIST, whose message names it.
    return loadNpz(source, bytes, options);
  }
  throw new InvalidArgumentError({
    argument: `loadDataset: ${source}`,
    expected: ACCEPTED,
    actual: info === undefined ? 'no such file or folder' : 'a file not named .npz',
    ...(info === undefined
      ? {}
      : { hint: 'An image folder can be packed into an .npz with `paretokit datasets pack`.' }),
  });
}

async function loadNpz(
  source: string | Uint8Array,
  bytes: Uint8Array | undefined,
  options: LoadDatasetOptions,
): Promise<LoadedDataset> {
  const where = typeof source === 'string' ? source : (options.name ?? 'npz bytes');
  const classNames = bytes === undefined ? undefined : readClassNames(bytes, where);
  if (classNames !== undefined && options.classes !== undefined && options.classes !== classNames.length) {
    throw new DatasetFormatError({
      source: where,
      expected: `${options.classes} class names (options.classes)`,
      actual: `${classNames.length} in class_names`,
    });
  }
  const classes = options.classes ?? classNames?.length;
  const ds = await loadMedMNIST(source, {
    ...(classes === undefined ? {} : { classes }),
    ...(options.md5 === undefined ? {} : { md5: options.md5 }),
    ...(options.name === undefined ? {} : { name: options.name }),
  });
  return { ...ds, format: 'npz', ...(classNames === undefined ? {} : { classNames }), notes: [] };
}

/** The `class_names` array of an `.npz` (numpy `<U` strings), or undefined if it has none or is no zip. */
function readClassNames(bytes: Uint8Array, where: string): string[] | undefined {
  let entry: Uint8Array | undefined;
  try {
    entry = unzipSync(bytes, { filter: (f) => f.name === 'class_names.npy' })['class_names.npy'];
  } catch {
    return undefined; // not a zip: loadMedMNIST says so
  }
  if (entry === undefined) return undefined;
  try {
    return parseStringNpy(entry);
  } catch (error) {
    throw new DatasetFormatError({
      source: where,
      expected: 'class_names as a 1-D numpy array of strings (dtype <U)',
      actual: (error as Error).message,
      cause: error,
    });
  }
}

/** Parses a 1-D `.npy` of fixed-width UTF-32 strings (`<U`/`>U`), trailing NULs dropped as numpy does. */
function parseStringNpy(bytes: Uint8Array): string[] {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((m, i) => bytes[i] !== m)) throw new Error('not a .npy array');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = bytes[6] === 1 ? 10 : 12;
  const length = bytes[6] === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const header = new TextDecoder('latin1').decode(bytes.subarray(start, start + length));
  const descr = /'descr'\s*:\s*'([<>|=])U(\d+)'/.exec(header);
  const shape = /'shape'\s*:\s*\(\s*(\d+)\s*,?\s*\)/.exec(header);
  if (descr === null || shape === null) throw new Error(`header ${JSON.stringify(header.trim())}`);
  const width = Number(descr[2]);
  const count = Number(shape[1]);
  const little = descr[1] !== '>';
  const offset = start + length;
  if (offset + count * width * 4 > bytes.length) throw new Error('truncated data');
  return Array.from({ length: count }, (_, i) => {
    const points: number[] = [];
    for (let k = 0; k < width; k++) points.push(view.getUint32(offset + (i * width + k) * 4, little));
    while (points.length > 0 && points[points.length - 1] === 0) points.pop();
    return String.fromCodePoint(...points);
  });
}

/**
 * Writes a dataset as an `.npz` in MedMNIST's layout (as {@link encodeMedMNIST}: images uint8
 * `(N, H, W)` or `(N, H, W, 3)`, labels `(N, 1)`, uint8 up to 256 classes, else int32) plus, when
 * given, `class_names`: a 1-D numpy string array (dtype `<U`), which `np.load(f)['class_names']`
 * reads without pickle, MedMNIST's own loader ignores, and {@link loadDataset} reads back. O(size).
 *
 * @example
 * const split = { count: 1, images: new Uint8Array(4), labels: Int32Array.from([0]) };
 * const npz = encodeDataset({ height: 2, width: 2, channels: 1, train: split, val: split, test: split, classNames: ['ä', 'b'] });
 * (await loadDataset(npz, { height: 2, width: 2, channels: 1 })).classNames // => ['ä', 'b']
 * (await loadMedMNIST(npz)).test.labels // => Int32Array [0]
 */
export function encodeDataset(
  dataset: MedMNISTArrays & { readonly classNames?: readonly string[] },
): Uint8Array {
  const { height, width, channels, classNames } = dataset;
  const files: Record<string, Uint8Array> = {};
  let top = 0;
  for (const split of ['train', 'val', 'test'] as const) {
    const s = dataset[split];
    const shape = channels === 1 ? [s.count, height, width] : [s.count, height, width, channels];
    files[`${split}_images.npy`] = encodeNpy('|u1', shape, s.images);
    for (const label of s.labels) top = Math.max(top, label);
  }
  if (classNames !== undefined) {
    if (!Array.isArray(classNames) || classNames.some((n) => typeof n !== 'string')) {
      throw new InvalidArgumentError({
        argument: 'encodeDataset: classNames',
        expected: 'an array of strings',
        actual: classNames,
      });
    }
    if (top >= classNames.length) {
      throw new InvalidArgumentError({
        argument: 'encodeDataset: classNames',
        expected: `at least ${top + 1} names (the largest label is ${top})`,
        actual: classNames,
      });
    }
  }
  const wide = top > 255;
  for (const split of ['train', 'val', 'test'] as const) {
    const s = dataset[split];
    files[`${split}_labels.npy`] = wide
      ? encodeNpy('<i4', [s.count, 1], Int32Array.from(s.labels))
      : encodeNpy('|u1', [s.count, 1], Uint8Array.from(s.labels));
  }
  if (classNames !== undefined) files['class_names.npy'] = encodeStringNpy(classNames);
  return zipSync(files, { level: 6 });
}

/** A 1-D `.npy` of little-endian UTF-32 strings padded with NULs, as numpy's `<U{width}`. */
function encodeStringNpy(names: readonly string[]): Uint8Array {
  const points = names.map((n) => Array.from(n, (c) => c.codePointAt(0)!));
  const width = Math.max(1, ...points.map((p) => p.length));
  const data = new DataView(new ArrayBuffer(names.length * width * 4));
  points.forEach((p, i) => {
    for (let k = 0; k < p.length; k++) data.setUint32((i * width + k) * 4, p[k]!, true);
  });
  return encodeNpy(`<U${width}`, [names.length], data);
}
