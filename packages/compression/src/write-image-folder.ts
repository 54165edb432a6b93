import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError } from '@paretokit/problem';
import { mapLimit } from './internal/map-limit.js';
import type { ImageFolderFiles } from './load-image-folder.js';
import type { MedMNISTDataset } from './load-medmnist.js';

/** Options of {@link writeImageFolder}. */
export interface WriteImageFolderOptions {
  /**
   * Folder name of each class, in label order and sorted (code-unit order), so that
   * {@link loadImageFolder} numbers them as the labels; default the zero-padded label (`0`..`4`,
   * or `00`..`10` for 11 classes).
   */
  readonly classNames?: readonly string[];
  /** `png` (lossless, the default) or `jpeg` (quality 90). */
  readonly format?: 'png' | 'jpeg';
  /** Files encoded and written at once; default 8. */
  readonly concurrency?: number;
}

type Arrays = Pick<MedMNISTDataset, 'height' | 'width' | 'channels' | 'classes' | 'train' | 'val' | 'test'>;

/**
 * Writes a dataset as an image folder that {@link loadImageFolder} reads back:
 * `root/{train,val,test}/<class>/<index>.png`, the index (zero-padded) being the image's position
 * in its split; an empty split gets no folder, every written split a folder for every class. Grey
 * images are written as 1-channel files. For turning a `.npz` into files to look at, fixtures and
 * examples. O(total pixels).
 *
 * @throws InvalidArgumentError if `root` exists and is not an empty folder, the arrays do not match
 *   their shape, a label is out of range, or `classNames` are not unique sorted folder names.
 * @example
 * const root = join(tmpdir(), `paretokit-doc-write-${process.pid}-${Date.now()}`);
 * const files = await writeImageFolder(await loadMedMNIST(tinyNpz()), root);
 * files.train // => ['train/0/0.png', 'train/1/1.png', 'train/2/2.png', 'train/1/3.png']
 * await writeImageFolder(await loadMedMNIST(tinyNpz()), root).catch((e) => e.name) // => 'InvalidArgumentError'
 */
export async function writeImageFolder(
  dataset: Arrays,
  root: string,
  options: WriteImageFolderOptions = {},
): Promise<ImageFolderFiles> {
  const { height, width, channels, classes } = dataset;
  const bad = (argument: string, expected: string, actual: unknown, hint?: string): never => {
    throw new InvalidArgumentError({
      argument: `writeImageFolder: ${argument}`,
      expected,
      actual,
      ...(hint === undefined ? {} : { hint }),
    });
  };
  if (!(Number.isInteger(height) && height >= 1 && Number.isInteger(width) && width >= 1)) {
    bad('height x width', 'positive integers', `${height}x${width}`);
  }
  if (channels !== 1 && channels !== 3) bad('channels', '1 or 3', channels);
  if (!(Number.isInteger(classes) && classes >= 1)) bad('classes', 'an integer >= 1', classes);
  const size = height * width * channels;
  for (const split of ['train', 'val', 'test'] as const) {
    const s = dataset[split];
    if (s.images.length !== s.count * size || s.labels.length !== s.count) {
      bad(
        split,
        `${s.count} images of ${height}x${width}x${channels} (${s.count * size} bytes) and ${s.count} labels`,
        `${s.images.length} bytes and ${s.labels.length} labels`,
      );
    }
    const wrong = s.labels.findIndex((l) => !(l >= 0 && l < classes));
    if (wrong >= 0) bad(`${split} label ${wrong}`, `a class in 0..${classes - 1}`, s.labels[wrong]);
  }
  const digits = String(classes - 1).length;
  const names =
    options.classNames ?? Array.from({ length: classes }, (_, c) => String(c).padStart(digits, '0'));
  if (!Array.isArray(names) || names.length !== classes) {
    bad('classNames', `${classes} names, one per class`, names);
  }
  names.forEach((name, c) => {
    if (typeof name !== 'string' || !/^[^/\\.][^/\\]*$/.test(name)) {
      bad(`classNames[${c}]`, 'a folder name (not empty, no / or \\, not starting with .)', name);
    }
    if (c > 0 && !(names[c - 1]! < name)) {
      bad(
        'classNames',
        'unique names in sorted (code-unit) order',
        names,
        'loadImageFolder numbers classes in sorted folder order, so other orders would change the labels.',
      );
    }
  });
  const format = options.format ?? 'png';
  if (format !== 'png' && format !== 'jpeg') bad('format', "'png' or 'jpeg'", format);
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) bad('concurrency', 'an integer >= 1', concurrency);
  const existing = await readdir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    return bad(root, 'a new or empty folder', error.code ?? 'unreadable', error.message);
  });
  if (existing.length > 0)
    bad(
      root,
      'a new or empty folder',
      `${existing.length} entries`,
      'Files are never replaced: pick a fresh folder.',
    );

  const sharp = (await import('sharp')).default;
  const files: Record<'train' | 'val' | 'test', string[]> = { train: [], val: [], test: [] };
  const jobs: { split: 'train' | 'val' | 'test'; index: number; file: string }[] = [];
  for (const split of ['train', 'val', 'test'] as const) {
    const s = dataset[split];
    if (s.count === 0) continue;
    for (const name of names) await mkdir(join(root, split, name), { recursive: true });
    const pad = String(s.count - 1).length;
    for (let i = 0; i < s.count; i++) {
      const file = `${split}/${names[s.labels[i]!]}/${String(i).padStart(pad, '0')}.${format === 'png' ? 'png' : 'jpg'}`;
      files[split].push(file);
      jobs.push({ split, index: i, file });
    }
  }
  await mapLimit(jobs, concurrency, async ({ split, index, file }) => {
    const pixels = dataset[split].images.subarray(index * size, (index + 1) * size);
    let image = sharp(pixels, { raw: { width, height, channels: channels as 1 | 3 } });
    // Without this sharp writes grey pixels as 3-channel files.
    if (channels === 1) image = image.toColourspace('b-w');
    await (format === 'png' ? image.png() : image.jpeg({ quality: 90 })).toFile(join(root, file));
  });
  return files;
}
