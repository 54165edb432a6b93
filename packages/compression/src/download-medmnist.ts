import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError } from '@paretokit/problem';
import { DatasetFormatError } from './errors/dataset-format-error.js';
import { MEDMNIST_FILES, type MedMNISTName } from './medmnist-files.js';

/** Options of {@link downloadMedMNIST}. */
export interface DownloadMedMNISTOptions {
  /** Base URL of a mirror holding `<name>.npz` (default: the official Zenodo record). */
  readonly mirror?: string;
  /** Expected MD5 (default: the official one); for mirrors of files other than the official ones. */
  readonly md5?: string;
  /** Download again even when a file with the right checksum is there. Default false. */
  readonly force?: boolean;
  /** Aborts the download. */
  readonly signal?: AbortSignal;
}

async function md5OfFile(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Downloads an official MedMNIST 28x28 `.npz` (`<name>.npz`, as MedMNIST names it) into `dir`
 * and checks its MD5 against the official checksum. A file already there with the right checksum
 * is kept; the download goes to a `.part` file renamed only once verified, so a failed or
 * corrupted download never leaves a file under the final name. O(file size).
 *
 * @returns the path of the verified file.
 * @throws DatasetFormatError on an HTTP error or a checksum mismatch; InvalidArgumentError for an unknown name.
 * @example
 * MEDMNIST_FILES.dermamnist.url // => 'https://zenodo.org/records/10519652/files/dermamnist.npz?download=1'
 * await downloadMedMNIST('nosuchmnist', tmpdir()).catch((e) => e.name) // => 'InvalidArgumentError'
 */
export async function downloadMedMNIST(
  name: MedMNISTName,
  dir: string,
  options: DownloadMedMNISTOptions = {},
): Promise<string> {
  const info = MEDMNIST_FILES[name];
  if (info === undefined) {
    throw new InvalidArgumentError({
      argument: 'downloadMedMNIST(name)',
      expected: `one of ${Object.keys(MEDMNIST_FILES).join(', ')}`,
      actual: name,
    });
  }
  const md5 = (options.md5 ?? info.md5).toLowerCase();
  const target = join(dir, `${name}.npz`);
  await mkdir(dir, { recursive: true });
  const exists = await stat(target).then(
    (s) => s.isFile(),
    () => false,
  );
  if (exists && options.force !== true && (await md5OfFile(target)) === md5) return target;

  const url = options.mirror === undefined ? info.url : new URL(`${name}.npz`, options.mirror).href;
  const response = await fetch(url, options.signal === undefined ? {} : { signal: options.signal });
  if (!response.ok || response.body === null) {
    throw new DatasetFormatError({
      source: url,
      expected: 'HTTP 200 with the file',
      actual: `HTTP ${response.status} ${response.statusText}`,
    });
  }
  const part = `${target}.${process.pid}.part`;
  const hash = createHash('md5');
  const file = await open(part, 'w');
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      await file.write(chunk);
    }
  } catch (error) {
    await file.close();
    await rm(part, { force: true });
    throw error;
  }
  await file.close();
  const got = hash.digest('hex');
  if (got !== md5) {
    await rm(part, { force: true });
    throw new DatasetFormatError({
      source: url,
      expected: `MD5 ${md5}`,
      actual: `MD5 ${got}`,
      hint: 'The download is corrupted or not the official file; nothing was kept.',
    });
  }
  await rename(part, target);
  return target;
}
