// The folder side of loadImageFolder: which split folders there are, their class folders and
// image files, in torchvision's order.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError } from '@paretokit/problem';

/** A split folder of an image folder. */
export type SplitName = 'train' | 'val' | 'test';

const IMAGE_FILE = /\.(png|jpe?g)$/i;
/** The layout loadImageFolder reads, for messages. */
export const LAYOUT = 'root/{train,val,test}/<class>/*.png|*.jpg|*.jpeg (val optional)';

/** The split folders under `root` (train, val if present, test) and the other folders there. */
export async function findSplits(root: string): Promise<{ splits: SplitName[]; others: string[] }> {
  const info = await stat(root).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw new InvalidArgumentError({
      argument: `loadImageFolder: ${root}`,
      expected: `an image folder (${LAYOUT})`,
      actual: info === undefined ? 'no such file or folder' : 'a file',
    });
  }
  const dirs = await listDirs(root);
  const others = dirs.filter((d) => d !== 'train' && d !== 'val' && d !== 'test');
  for (const required of ['train', 'test'] as const) {
    if (!dirs.includes(required)) {
      throw new InvalidArgumentError({
        argument: `loadImageFolder: ${root}`,
        expected: `a ${required}/ folder (${LAYOUT})`,
        actual: `${dirs.length} other folder(s)`,
        hint:
          (dirs.length > 0 ? `Found: ${dirs.join(', ')}. ` : '') +
          (required === 'test'
            ? 'The test split is never drawn from train (its images must be unseen in training): put held-out images in test/<class>/.'
            : others.length > 0 && !dirs.includes('test')
              ? 'These look like class folders: move them into train/ and put held-out images in test/ in the same layout.'
              : 'Put the training images in train/<class>/.'),
      });
    }
  }
  return { splits: dirs.includes('val') ? ['train', 'val', 'test'] : ['train', 'test'], others };
}

/** Sorted names of the non-hidden sub-folders of `dir` (symbolic links followed). */
export async function listDirs(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory() || (e.isSymbolicLink() && (await isDir(join(dir, e.name))))) out.push(e.name);
  }
  return out.sort(compare);
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * The image files under a class folder in torchvision's order (`sorted(os.walk(...))`: folders by
 * path, each folder's files by name), and how many other files were ignored.
 */
export async function listImages(dir: string, rel: string): Promise<{ images: string[]; ignored: number }> {
  const folders: { rel: string; files: string[] }[] = [];
  let ignored = 0;
  const seen = new Set<string>();
  const walk = async (abs: string, relDir: string): Promise<void> => {
    const real = await realpath(abs);
    if (seen.has(real)) return; // a symbolic link loop
    seen.add(real);
    const files: string[] = [];
    for (const e of await readdir(abs, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const path = join(abs, e.name);
      let directory = e.isDirectory();
      let file = e.isFile();
      if (e.isSymbolicLink()) {
        const s = await stat(path).catch(() => undefined);
        directory = s?.isDirectory() ?? false;
        file = s?.isFile() ?? false;
      }
      if (directory) await walk(path, `${relDir}/${e.name}`);
      else if (file && IMAGE_FILE.test(e.name)) files.push(e.name);
      else ignored++;
    }
    folders.push({ rel: relDir, files: files.sort(compare) });
  };
  await walk(dir, rel);
  folders.sort((a, b) => compare(a.rel, b.rel));
  return { images: folders.flatMap((f) => f.files.map((name) => `${f.rel}/${name}`)), ignored };
}

/** Code-unit order: the same on every machine and locale (Python's for names in the BMP). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
