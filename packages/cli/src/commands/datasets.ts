import { resolve } from 'node:path';
import { downloadMedMNIST, MEDMNIST_FILES, type MedMNISTName } from '@paretokit/compression';

/**
 * The MedMNIST files `paretokit datasets download` knows, one line each.
 *
 * @example
 * listDatasets().includes('retinamnist      5 classes, RGB, train/val/test 1080/120/400') // => true
 */
export function listDatasets(): string {
  return Object.entries(MEDMNIST_FILES)
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
 */
export async function downloadDataset(
  name: string,
  options: { dir: string; mirror?: string; force?: boolean },
): Promise<string> {
  return downloadMedMNIST(name as MedMNISTName, resolve(options.dir), {
    ...(options.mirror === undefined ? {} : { mirror: options.mirror }),
    ...(options.force === undefined ? {} : { force: options.force }),
  });
}
