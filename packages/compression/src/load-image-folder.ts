import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { checkSeed, InvalidArgumentError } from '@paretokit/problem';
import { DatasetFormatError } from './errors/dataset-format-error.js';
import { decodeImage } from './internal/decode-image.js';
import { drawStratified } from './internal/draw-stratified.js';
import { findSplits, LAYOUT, listDirs, listImages, type SplitName } from './internal/list-image-folder.js';
import { mapLimit } from './internal/map-limit.js';
import type { MedMNISTDataset, MedMNISTSplit } from './load-medmnist.js';

/** Options of {@link loadImageFolder}. */
export interface LoadImageFolderOptions {
  /** Height every image is resized to (the model's input), 1..8192. */
  readonly height: number;
  /** Width every image is resized to (the model's input), 1..8192. */
  readonly width: number;
  /** 1: greyscale (ITU-R 601 luma, as PIL's `convert('L')`), 3: RGB (grey is repeated, alpha dropped). */
  readonly channels: 1 | 3;
  /** Share of each class's training images moved to val when there is no `val/` folder, in (0, 1); default 0.1. */
  readonly valFraction?: number;
  /** Seed of that draw (a non-negative safe integer); default 0. */
  readonly seed?: number;
  /** Skip (and list in `skipped`) files that cannot be read or decoded instead of throwing; default false. */
  readonly skipUnreadable?: boolean;
  /** Files read and decoded at once; default 8. */
  readonly concurrency?: number;
  /** Name of the dataset in messages; default the folder's name. */
  readonly name?: string;
}

/** A file {@link loadImageFolder} skipped with `skipUnreadable: true`. */
export interface SkippedImage {
  /** The file's path: `root` joined with its path inside the folder. */
  readonly file: string;
  /** Why it could not be used (the read or decode error). */
  readonly reason: string;
}

/** The image files of each split, relative to the root with `/` separators, in the order of the images. */
export interface ImageFolderFiles {
  readonly train: readonly string[];
  readonly val: readonly string[];
  readonly test: readonly string[];
}

/** A dataset read from an image folder: a {@link MedMNISTDataset} plus what the folder told. */
export interface ImageFolderDataset extends MedMNISTDataset {
  /** Class folder names, sorted; label `i` is `classNames[i]`. */
  readonly classNames: readonly string[];
  /** True when there was no `val/` folder and val was drawn from train. */
  readonly valFromTrain: boolean;
  /** Files skipped with `skipUnreadable: true` (empty otherwise). */
  readonly skipped: readonly SkippedImage[];
  /** What was decided on the caller's behalf (val drawn, files ignored or skipped), one line each, for printing. */
  readonly notes: readonly string[];
  /** Where each image came from. */
  readonly files: ImageFolderFiles;
}

const MAX_SIDE = 8192;

interface Listed {
  readonly split: SplitName;
  /** Relative path with `/`. */
  readonly file: string;
  readonly label: number;
}

/**
 * Loads a folder of images in the layout of torchvision's `ImageFolder` / Keras's
 * `image_dataset_from_directory`, one such folder per split: `root/train/<class>/*.png`, the same
 * for `test/` and, optionally, `val/` (sub-folders of a class folder are searched too; names
 * starting with `.` are skipped, other files than .png/.jpg/.jpeg are ignored and counted in `notes`).
 * Classes are the sorted folder names of `train/`, as torchvision numbers them; a class may be
 * missing from val or test, but val or test may not hold a class train has not. Each image is
 * decoded with sharp, its alpha dropped, converted to RGB or grey and resized to exactly
 * `height x width` (aspect ratio not kept, bilinear, as both libraries do by default; an image of
 * that size is left as it is). EXIF orientation is ignored, as in both. Files are read in sorted
 * order, `concurrency` at a time. Without `val/`, val is drawn from train: in each class,
 * `round(valFraction * n)` images (at most n - 1), chosen by a seeded shuffle; the remaining train
 * images and the drawn val keep the folder order. There is no `test/` default: a missing `test/`
 * is an error, since test images must not come from the images the model was trained on.
 * O(total pixels) time and memory (the decoded images, twice the train split's while val is drawn).
 *
 * @throws InvalidArgumentError for bad options, a missing root, `train/` or `test/`, no class
 *   folders, a split without images, or a val/test class unknown to train.
 * @throws DatasetFormatError naming a file that cannot be read or decoded (unless `skipUnreadable`).
 * @example
 * const root = join(tmpdir(), `paretokit-doc-folder-${process.pid}-${Date.now()}`);
 * await writeImageFolder(await loadMedMNIST(tinyNpz()), root, { classNames: ['a', 'b', 'c'] });
 * const ds = await loadImageFolder(root, { height: 4, width: 4, channels: 1 });
 * [ds.classNames, ds.train.count, ds.height, ds.channels, ds.valFromTrain] // => [['a', 'b', 'c'], 4, 4, 1, false]
 * ds.files.test // => ['test/a/1.png', 'test/c/0.png']
 */
export async function loadImageFolder(
  root: string,
  options: LoadImageFolderOptions,
): Promise<ImageFolderDataset> {
  const o = checkOptions(options);
  if (typeof root !== 'string' || root.length === 0) {
    throw new InvalidArgumentError({
      argument: 'loadImageFolder(root)',
      expected: `the path of an image folder (${LAYOUT})`,
      actual: root,
    });
  }
  const { splits, others } = await findSplits(root);
  const classNames = await listDirs(join(root, 'train'));
  if (classNames.length === 0) {
    throw new InvalidArgumentError({
      argument: `loadImageFolder: ${join(root, 'train')}`,
      expected: 'one folder per class (e.g. train/benign/, train/malignant/)',
      actual: 'no class folders',
      hint: `Expected the layout ${LAYOUT}.`,
    });
  }
  const notes: string[] = [];
  if (others.length > 0)
    notes.push(`ignored folder(s) ${others.join(', ')} (only train, val and test are read)`);
  let ignored = 0;
  const listed: Listed[] = [];
  for (const split of splits) {
    const dir = join(root, split);
    const names = split === 'train' ? classNames : await listDirs(dir);
    const unknown = names.filter((n) => !classNames.includes(n));
    if (unknown.length > 0) {
      throw new InvalidArgumentError({
        argument: `loadImageFolder: ${dir}`,
        expected: `only class folders that train/ has (${classNames.join(', ')})`,
        actual: `${unknown.length} other(s)`,
        hint: `Unknown: ${unknown.join(', ')}. Labels come from train/: add the class there too or remove the folder.`,
      });
    }
    ignored += (await readdir(dir, { withFileTypes: true })).filter(
      (e) => !e.name.startsWith('.') && !e.isDirectory() && !(e.isSymbolicLink() && names.includes(e.name)),
    ).length;
    let count = 0;
    for (const name of names) {
      const found = await listImages(join(dir, name), `${split}/${name}`);
      const label = classNames.indexOf(name);
      ignored += found.ignored;
      for (const file of found.images) listed.push({ split, file, label });
      count += found.images.length;
    }
    if (count === 0) {
      throw new InvalidArgumentError({
        argument: `loadImageFolder: ${dir}`,
        expected: 'at least one .png, .jpg or .jpeg image in its class folders',
        actual: 'no images',
        ...(split === 'val' ? { hint: 'Remove the empty val/ folder to draw val from train.' } : {}),
      });
    }
  }
  if (ignored > 0) notes.push(`ignored ${ignored} file(s) that are not .png/.jpg/.jpeg images`);
  const size = o.height * o.width * o.channels;
  if (listed.length * size > 2 ** 32 - 1) {
    throw new InvalidArgumentError({
      argument: 'loadImageFolder: height x width x channels',
      expected: `at most ${Math.floor((2 ** 32 - 1) / listed.length)} values per image for ${listed.length} images (4 GiB)`,
      actual: `${o.height}x${o.width}x${o.channels}`,
    });
  }
  const sharp = (await import('sharp')).default;
  // Each split decodes into one preallocated array, image k of the split at offset k * size.
  const members: Record<SplitName, number[]> = { train: [], val: [], test: [] };
  const slot = listed.map((item, i) => members[item.split].push(i) - 1);
  const buffers = {
    train: new Uint8Array(members.train.length * size),
    val: new Uint8Array(members.val.length * size),
    test: new Uint8Array(members.test.length * size),
  };
  const readable = new Uint8Array(listed.length);
  const failures: { index: number; skip: SkippedImage }[] = [];
  await mapLimit(listed, o.concurrency, async (item, i) => {
    const path = join(root, item.file);
    try {
      const pixels = await decodeImage(sharp, path, o.height, o.width, o.channels);
      buffers[item.split].set(pixels, slot[i]! * size);
      readable[i] = 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (!o.skipUnreadable) {
        throw new DatasetFormatError({
          source: path,
          expected: 'a readable PNG or JPEG image',
          actual: reason,
          hint: 'Fix or remove the file, or pass skipUnreadable: true (CLI: --skip-unreadable) to skip such files.',
          cause: error,
        });
      }
      failures.push({ index: i, skip: { file: path, reason } });
    }
  });
  // Decoding finishes out of order: list skipped files in folder order.
  const skipped = failures.sort((a, b) => a.index - b.index).map((f) => f.skip);
  const build = (split: SplitName, keep?: (i: number) => boolean) => {
    const all = members[split];
    const kept = all.filter((i) => readable[i] === 1 && (keep?.(i) ?? true));
    let images = buffers[split];
    if (kept.length < all.length) {
      const from = images;
      images = new Uint8Array(kept.length * size);
      kept.forEach((i, k) => {
        images.set(from.subarray(slot[i]! * size, (slot[i]! + 1) * size), k * size);
      });
    }
    const part: MedMNISTSplit = {
      count: kept.length,
      images,
      labels: Int32Array.from(kept, (i) => listed[i]!.label),
    };
    return { split: part, files: kept.map((i) => listed[i]!.file) };
  };
  const valFromTrain = !splits.includes('val');
  let inVal: Set<number> | undefined;
  if (valFromTrain) {
    const candidates = members.train.filter((i) => readable[i] === 1);
    const labels = candidates.map((i) => listed[i]!.label);
    inVal = new Set(
      drawStratified(labels, classNames.length, o.valFraction, o.seed).map((k) => candidates[k]!),
    );
    // (No readable train image at all is reported below, as an empty train split.)
    if (inVal.size === 0 && candidates.length > 0) {
      throw new InvalidArgumentError({
        argument: 'loadImageFolder: valFraction',
        expected: 'a share that draws at least one val image from train',
        actual: o.valFraction,
        hint: `Each class rounds valFraction x its size to 0 images; add a ${join(root, 'val')} folder or raise valFraction.`,
      });
    }
  }
  const val = inVal === undefined ? build('val') : build('train', (i) => inVal.has(i));
  const train = build('train', inVal === undefined ? undefined : (i) => !inVal.has(i));
  const test = build('test');
  for (const [split, part] of [
    ['train', train],
    ['val', val],
    ['test', test],
  ] as const) {
    if (part.split.count === 0) {
      throw new InvalidArgumentError({
        argument: `loadImageFolder: ${join(root, split)}`,
        expected: 'at least one readable image',
        actual: `none of its images (${skipped.length} skipped)`,
      });
    }
  }
  if (valFromTrain) {
    notes.push(
      `val: no val/ folder, drew ${val.split.count} of ${train.split.count + val.split.count} train images ` +
        `(${o.valFraction} of each class, seed ${o.seed})`,
    );
  }
  const empty = classNames.filter((_, c) => !train.split.labels.includes(c));
  if (empty.length > 0) notes.push(`no training images for class(es) ${empty.join(', ')}`);
  if (skipped.length > 0)
    notes.push(`skipped ${skipped.length} unreadable file(s), first: ${skipped[0]!.file}`);
  return {
    name: o.name ?? basename(resolve(root)),
    height: o.height,
    width: o.width,
    channels: o.channels,
    classes: classNames.length,
    train: train.split,
    val: val.split,
    test: test.split,
    classNames,
    valFromTrain,
    skipped,
    notes,
    files: { train: train.files, val: val.files, test: test.files },
  };
}

function checkOptions(options: LoadImageFolderOptions) {
  const bad = (argument: string, expected: string, actual: unknown): never => {
    throw new InvalidArgumentError({ argument: `loadImageFolder: ${argument}`, expected, actual });
  };
  if (typeof options !== 'object' || options === null) {
    return bad('options', 'an object with height, width and channels', options);
  }
  for (const key of ['height', 'width'] as const) {
    const v = options[key];
    if (!Number.isInteger(v) || v < 1 || v > MAX_SIDE) bad(key, `an integer in 1..${MAX_SIDE}`, v);
  }
  if (options.channels !== 1 && options.channels !== 3)
    bad('channels', '1 (grey) or 3 (RGB)', options.channels);
  const valFraction = options.valFraction ?? 0.1;
  if (typeof valFraction !== 'number' || !(valFraction > 0 && valFraction < 1)) {
    bad('valFraction', 'a number in (0, 1)', valFraction);
  }
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) bad('concurrency', 'an integer >= 1', concurrency);
  if (options.skipUnreadable !== undefined && typeof options.skipUnreadable !== 'boolean') {
    bad('skipUnreadable', 'a boolean', options.skipUnreadable);
  }
  if (options.name !== undefined && typeof options.name !== 'string') bad('name', 'a string', options.name);
  return {
    height: options.height,
    width: options.width,
    channels: options.channels,
    valFraction,
    seed: checkSeed(options.seed ?? 0, 'loadImageFolder: seed'),
    skipUnreadable: options.skipUnreadable ?? false,
    concurrency,
    name: options.name,
  };
}
