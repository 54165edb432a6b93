import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { MedMNISTName } from '@paretokit/compression';
import { InvalidArgumentError } from '@paretokit/problem';
import { InvalidArgumentError as CommanderArgumentError } from 'commander';
import { compressionPresets, loadCompression } from '../optional-packages.js';

/**
 * The MedMNIST files `paretokit datasets download` knows, one line each.
 *
 * @throws MissingPackageError when @paretokit/compression is not installed.
 * @example
 * listDatasets().includes('retinamnist      5 classes, RGB, train/val/test 1080/120/400') // => true
 */
export function listDatasets(): string {
  return Object.entries(compressionPresets('paretokit datasets list').MEDMNIST_FILES)
    .map(
      ([name, f]) =>
        `${name.padEnd(16)} ${f.classes} classes, ${f.channels === 3 ? 'RGB' : 'grayscale'}, ` +
        `train/val/test ${f.samples.train}/${f.samples.val}/${f.samples.test}, ${f.license}`,
    )
    .join('\n');
}

/**
 * `paretokit datasets download <name>`: fetches an official MedMNIST 28x28 file (or from a mirror)
 * and checks its MD5; a file already there with the right checksum is kept.
 *
 * Usage (needs the network): `await downloadDataset('retinamnist', { dir: 'data' })` gives
 * `data/retinamnist.npz`, its MD5 checked.
 *
 * @throws MissingPackageError when @paretokit/compression is not installed.
 */
export async function downloadDataset(
  name: string,
  options: { dir: string; mirror?: string; force?: boolean },
): Promise<string> {
  const { downloadMedMNIST } = await loadCompression('paretokit datasets download');
  return downloadMedMNIST(name as MedMNISTName, resolve(options.dir), {
    ...(options.mirror === undefined ? {} : { mirror: options.mirror }),
    ...(options.force === undefined ? {} : { force: options.force }),
  });
}

/** Options of {@link packDataset}. */
export interface PackDatasetOptions {
  /** The `.npz` to write. */
  readonly out: string;
  /** Image size: every image is resized to it (the model's input). */
  readonly height: number;
  readonly width: number;
  /** 1 (grey) or 3 (RGB); default 3. */
  readonly channels?: 1 | 3;
  /** Seed of the val split drawn from train when the folder has no `val/`; default 0. */
  readonly seed?: number;
  /** Share of each class drawn for val then; default 0.1. */
  readonly valFraction?: number;
  /** Skip unreadable images (listed in the output) instead of stopping at the first. */
  readonly skipUnreadable?: boolean;
  /** Replace `out` if it exists. */
  readonly force?: boolean;
}

/**
 * `paretokit datasets pack <folder>`: reads an image folder (`folder/{train,val,test}/<class>/*.png`
 * or `.jpg`, see `loadImageFolder`), resized to one size, and writes it as an `.npz` in MedMNIST's
 * layout plus a `class_names` array (numpy strings; `loadDataset` and `np.load` read it back,
 * MedMNIST's own loader ignores it). Returns the lines to print: the file, the split sizes, the
 * classes, what was decided (val drawn from train) and the files skipped. O(total pixels).
 *
 * Usage: `await packDataset('images', { out: 'images.npz', height: 28, width: 28 })`.
 *
 * @throws MissingPackageError when @paretokit/compression is not installed.
 */
export async function packDataset(folder: string, options: PackDatasetOptions): Promise<string[]> {
  const { encodeDataset, loadImageFolder } = await loadCompression('paretokit datasets pack');
  const out = resolve(options.out);
  if (!/\.npz$/i.test(out)) {
    throw new InvalidArgumentError({
      argument: 'datasets pack --out',
      expected: 'a file name ending in .npz',
      actual: options.out,
    });
  }
  if (!options.force && (await stat(out).catch(() => undefined)) !== undefined) {
    throw new InvalidArgumentError({
      argument: `datasets pack --out ${out}`,
      expected: 'a file that does not exist yet',
      actual: 'an existing file',
      hint: 'Pass --force to replace it.',
    });
  }
  const ds = await loadImageFolder(folder, {
    height: options.height,
    width: options.width,
    channels: options.channels ?? 3,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.valFraction === undefined ? {} : { valFraction: options.valFraction }),
    ...(options.skipUnreadable === undefined ? {} : { skipUnreadable: options.skipUnreadable }),
  });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, encodeDataset(ds));
  const shown = 20;
  return [
    `packed: ${out}`,
    `  images: train ${ds.train.count}, val ${ds.val.count}, test ${ds.test.count} ` +
      `(${ds.height}x${ds.width}, ${ds.channels === 3 ? 'RGB' : 'grey'})`,
    `  classes (${ds.classes}): ${ds.classNames.join(', ')}`,
    ...ds.notes.map((n) => `  note: ${n}`),
    ...ds.skipped.slice(0, shown).map((s) => `  skipped: ${s.file} (${s.reason})`),
    ...(ds.skipped.length > shown ? [`  skipped: ... and ${ds.skipped.length - shown} more`] : []),
  ];
}

/**
 * A commander parser of `--size`: `28` (square) or `HxW` such as `32x48`, each side 1..8192.
 * O(1).
 */
export function sizeOption(value: string): { height: number; width: number } {
  const match = /^\s*(\d+)\s*(?:[x×]\s*(\d+)\s*)?$/i.exec(value);
  const height = Number(match?.[1]);
  const width = Number(match?.[2] ?? match?.[1]);
  if (match === null || !(height >= 1 && height <= 8192 && width >= 1 && width <= 8192)) {
    throw new CommanderArgumentError(
      `--size: expected N or HxW with sides in 1..8192 (e.g. 28 or 32x48), got ${JSON.stringify(value)}.`,
    );
  }
  return { height, width };
}
