import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from '@paretokit/problem';
import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatasetFormatError } from './errors/dataset-format-error.js';
import { drawStratified } from './internal/draw-stratified.js';
import { loadImageFolder } from './load-image-folder.js';
import { loadMedMNIST, type MedMNISTDataset } from './load-medmnist.js';
import { writeImageFolder } from './write-image-folder.js';

const NPZ = fileURLToPath(new URL('../../../assets/retinamnist/retinamnist.npz', import.meta.url));
// Folder names whose sorted order is the reverse of the label order: loaded label = 4 - label.
const NAMES = ['e-none', 'd-mild', 'c-moderate', 'b-severe', 'a-proliferative'];
const SIZE = 28 * 28 * 3;

let retina: MedMNISTDataset;
const temp = () => mkdtempSync(join(tmpdir(), 'paretokit-image-folder-'));
const pixels = (split: 'train' | 'val' | 'test', i: number) =>
  retina[split].images.subarray(i * SIZE, (i + 1) * SIZE);

/** Writes RetinaMNIST images `indices` of `split` as `root/as/<class>/<split>-<i>.<png|jpg>`. */
async function writeImages(
  root: string,
  split: 'train' | 'val' | 'test',
  indices: readonly number[],
  as: string,
  format: 'png' | 'jpeg',
): Promise<void> {
  // Every class folder in train/, so that val/ and test/ never hold a class train/ lacks.
  if (as === 'train') for (const name of NAMES) mkdirSync(join(root, as, name), { recursive: true });
  for (const i of indices) {
    const dir = join(root, as, NAMES[retina[split].labels[i]!]!);
    mkdirSync(dir, { recursive: true });
    const image = sharp(pixels(split, i), { raw: { width: 28, height: 28, channels: 3 } });
    const file = join(dir, `${split}-${String(i).padStart(4, '0')}.${format === 'png' ? 'png' : 'jpg'}`);
    await (format === 'png' ? image.png() : image.jpeg({ quality: 95 })).toFile(file);
  }
}

/** Index in RetinaMNIST's split of a file written by {@link writeImages}. */
const sourceIndex = (file: string) => Number(/-(\d+)\.\w+$/.exec(file)![1]);
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);
const luma = (rgb: Uint8Array) =>
  Uint8Array.from({ length: rgb.length / 3 }, (_, i) =>
    Math.floor((rgb[3 * i]! * 19595 + rgb[3 * i + 1]! * 38470 + rgb[3 * i + 2]! * 7471 + 0x8000) / 65536),
  );
const meanAbsDiff = (a: Uint8Array, b: Uint8Array) =>
  a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;

let full: string; // train (PNG) / val (PNG) / test (JPEG)
let noVal: string; // train (PNG) / test (JPEG)
beforeAll(async () => {
  retina = await loadMedMNIST(NPZ);
  full = temp();
  await writeImages(full, 'train', range(60), 'train', 'png');
  await writeImages(full, 'val', range(15), 'val', 'png');
  await writeImages(full, 'test', range(20), 'test', 'jpeg');
  noVal = temp();
  await writeImages(noVal, 'train', range(120), 'train', 'png');
  await writeImages(noVal, 'test', range(10), 'test', 'png');
});

describe('loadImageFolder', () => {
  it('reads PNGs pixel for pixel and JPEGs closely, classes named by their sorted folders', async () => {
    const ds = await loadImageFolder(full, { height: 28, width: 28, channels: 3 });
    expect(ds.classNames).toEqual([...NAMES].sort());
    expect([ds.classes, ds.train.count, ds.val.count, ds.test.count]).toEqual([5, 60, 15, 20]);
    expect([ds.height, ds.width, ds.channels, ds.valFromTrain, ds.notes, ds.skipped]).toEqual([
      28,
      28,
      3,
      false,
      [],
      [],
    ]);
    for (const split of ['train', 'val', 'test'] as const) {
      ds.files[split].forEach((file, k) => {
        const i = sourceIndex(file);
        expect(ds.classNames[ds[split].labels[k]!]).toBe(NAMES[retina[split].labels[i]!]);
        const got = ds[split].images.subarray(k * SIZE, (k + 1) * SIZE);
        if (split === 'test') expect(meanAbsDiff(got, pixels(split, i))).toBeLessThan(4);
        else expect(got).toEqual(pixels(split, i));
      });
    }
    // Folder order: by class folder, then by file name.
    expect(ds.files.train[0]!.startsWith('train/a-proliferative/')).toBe(true);
    expect([...ds.files.train].sort()).toEqual(ds.files.train);
  });

  it('resizes to the asked size and converts to grey with PIL luma weights', async () => {
    const grey = await loadImageFolder(full, { height: 28, width: 28, channels: 1 });
    const first = sourceIndex(grey.files.train[0]!);
    expect(grey.train.images.length).toBe(60 * 28 * 28);
    expect(grey.train.images.subarray(0, 784)).toEqual(luma(pixels('train', first)));
    const half = await loadImageFolder(full, { height: 14, width: 14, channels: 3 });
    expect(half.train.images.length).toBe(60 * 14 * 14 * 3);
    // Halving with a bilinear (antialiased) kernel is close to averaging 2x2 blocks.
    const source = pixels('train', first);
    const pooled = new Uint8Array(14 * 14 * 3);
    for (let y = 0; y < 14; y++) {
      for (let x = 0; x < 14; x++) {
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (const [dy, dx] of [
            [0, 0],
            [0, 1],
            [1, 0],
            [1, 1],
          ] as const) {
            sum += source[((2 * y + dy) * 28 + 2 * x + dx) * 3 + c]!;
          }
          pooled[(y * 14 + x) * 3 + c] = Math.round(sum / 4);
        }
      }
    }
    expect(meanAbsDiff(half.train.images.subarray(0, 14 * 14 * 3), pooled)).toBeLessThan(4);
    const wide = await loadImageFolder(full, { height: 20, width: 32, channels: 3 });
    expect([wide.height, wide.width, wide.test.images.length]).toEqual([20, 32, 20 * 20 * 32 * 3]);
  });

  it('repeats a grey image to RGB', async () => {
    const root = temp();
    const grey = luma(pixels('train', 0));
    for (const split of ['train', 'val', 'test']) {
      mkdirSync(join(root, split, 'only'), { recursive: true });
      await sharp(grey, { raw: { width: 28, height: 28, channels: 1 } })
        .png()
        .toFile(join(root, split, 'only', 'g.png'));
    }
    const ds = await loadImageFolder(root, { height: 28, width: 28, channels: 3 });
    const rgb = ds.test.images;
    expect(rgb.filter((_, i) => i % 3 === 0)).toEqual(grey);
    expect(rgb.filter((_, i) => i % 3 === 2)).toEqual(grey);
  });

  it('draws a stratified val split from train when there is no val/, the same for the same seed', async () => {
    const a = await loadImageFolder(noVal, {
      height: 28,
      width: 28,
      channels: 3,
      seed: 7,
      valFraction: 0.25,
    });
    const b = await loadImageFolder(noVal, {
      height: 28,
      width: 28,
      channels: 3,
      seed: 7,
      valFraction: 0.25,
    });
    const c = await loadImageFolder(noVal, {
      height: 28,
      width: 28,
      channels: 3,
      seed: 8,
      valFraction: 0.25,
    });
    expect(a.valFromTrain).toBe(true);
    expect(a.files).toEqual(b.files);
    expect(a.val.images).toEqual(b.val.images);
    expect(c.files.val).not.toEqual(a.files.val);
    expect(a.notes).toEqual([
      `val: no val/ folder, drew ${a.val.count} of 120 train images (0.25 of each class, seed 7)`,
    ]);
    // Every training image ends in exactly one of the two, each keeping the folder order.
    expect(new Set([...a.files.train, ...a.files.val]).size).toBe(120);
    expect([...a.files.train].sort()).toEqual(a.files.train);
    expect([...a.files.val].sort()).toEqual(a.files.val);
    for (let c = 0; c < 5; c++) {
      const n = retina.train.labels.subarray(0, 120).filter((l) => NAMES[l] === a.classNames[c]).length;
      const inVal = a.val.labels.filter((l) => l === c).length;
      expect(inVal).toBe(Math.min(Math.round(0.25 * n), n - 1));
    }
    // The drawn images carry their own pixels and labels.
    a.files.val.forEach((file, k) => {
      expect(a.val.images.subarray(k * SIZE, (k + 1) * SIZE)).toEqual(pixels('train', sourceIndex(file)));
      expect(a.classNames[a.val.labels[k]!]).toBe(NAMES[retina.train.labels[sourceIndex(file)]!]);
    });
  });

  it('draws, per class, within one image of the asked share, deterministically (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 200 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.nat(),
        (labels, fraction, seed) => {
          const drawn = drawStratified(labels, 6, fraction, seed);
          expect(drawStratified(labels, 6, fraction, seed)).toEqual(drawn);
          expect(new Set(drawn).size).toBe(drawn.length);
          for (let c = 0; c < 6; c++) {
            const n = labels.filter((l) => l === c).length;
            const k = drawn.filter((i) => labels[i] === c).length;
            expect(Math.abs(k - fraction * n)).toBeLessThanOrEqual(1);
            if (n > 0) expect(k).toBeLessThan(n);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads nested folders in torchvision order and ignores other files', async () => {
    const root = temp();
    const tiny = await sharp(pixels('train', 0), { raw: { width: 28, height: 28, channels: 3 } })
      .png()
      .toBuffer();
    for (const file of ['b.png', 'a b.PNG', 'c.jpeg', 'z.png', 'sub/a.png', '.hidden.png', 'notes.txt']) {
      const path = join(root, 'train', 'x', file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.endsWith('.txt') ? 'not an image' : tiny);
    }
    writeFileSync(join(root, 'train', 'x', 'c.jpeg'), await sharp(tiny).jpeg().toBuffer());
    for (const split of ['val', 'test']) {
      mkdirSync(join(root, split, 'x'), { recursive: true });
      writeFileSync(join(root, split, 'x', '1.png'), tiny);
    }
    writeFileSync(join(root, 'test', 'README.md'), 'about the test images');
    mkdirSync(join(root, 'extra'));
    const ds = await loadImageFolder(root, { height: 28, width: 28, channels: 3 });
    // sorted(os.walk(...)): a folder's files (sorted) before its sub-folders' files.
    expect(ds.files.train).toEqual([
      'train/x/a b.PNG',
      'train/x/b.png',
      'train/x/c.jpeg',
      'train/x/z.png',
      'train/x/sub/a.png',
    ]);
    expect(ds.notes).toEqual([
      'ignored folder(s) extra (only train, val and test are read)',
      'ignored 2 file(s) that are not .png/.jpg/.jpeg images',
    ]);
  });

  it('names an unreadable file in a DatasetFormatError, or skips and lists it', async () => {
    const root = temp();
    await writeImages(root, 'train', range(10), 'train', 'png');
    await writeImages(root, 'test', range(6), 'test', 'png');
    mkdirSync(join(root, 'test', 'c-moderate'), { recursive: true });
    const png = readFileSync(join(root, 'test', NAMES[retina.test.labels[0]!]!, 'test-0000.png'));
    writeFileSync(join(root, 'train', 'c-moderate', 'broken.png'), png.subarray(0, png.length - 40));
    writeFileSync(join(root, 'test', 'c-moderate', 'text.jpg'), 'hello');
    const options = { height: 28, width: 28, channels: 3, concurrency: 3 } as const;
    const error = await loadImageFolder(root, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetFormatError);
    // Always the first bad file in folder order, whatever finished decoding first.
    expect((error as DatasetFormatError).source).toBe(join(root, 'train', 'c-moderate', 'broken.png'));
    expect((error as Error).message).toContain('expected a readable PNG or JPEG image');
    const ds = await loadImageFolder(root, { ...options, skipUnreadable: true });
    expect(ds.skipped.map((s) => s.file)).toEqual([
      join(root, 'train', 'c-moderate', 'broken.png'),
      join(root, 'test', 'c-moderate', 'text.jpg'),
    ]);
    expect(ds.skipped[1]!.reason).toMatch(/unsupported image format/);
    expect([ds.train.count + ds.val.count, ds.test.count]).toEqual([10, 6]);
    expect(ds.notes.at(-1)).toBe(
      `skipped 2 unreadable file(s), first: ${join(root, 'train', 'c-moderate', 'broken.png')}`,
    );
    // Skipped files leave no gap: every image is the one its file names.
    ds.files.test.forEach((file, k) => {
      expect(ds.test.images.subarray(k * SIZE, (k + 1) * SIZE)).toEqual(pixels('test', sourceIndex(file)));
    });
  });

  it('says what is wrong with the folder or the options', async () => {
    const ok = { height: 28, width: 28, channels: 3 } as const;
    const flat = temp();
    mkdirSync(join(flat, 'cats'));
    mkdirSync(join(flat, 'dogs'));
    const noTest = temp();
    await writeImages(noTest, 'train', range(3), 'train', 'png');
    const noClasses = temp();
    mkdirSync(join(noClasses, 'train'));
    mkdirSync(join(noClasses, 'test'));
    const emptyVal = temp();
    await writeImages(emptyVal, 'train', range(3), 'train', 'png');
    await writeImages(emptyVal, 'test', range(3), 'test', 'png');
    mkdirSync(join(emptyVal, 'val', 'a-proliferative'), { recursive: true });
    const unknown = temp();
    await writeImages(unknown, 'train', [0], 'train', 'png');
    await writeImages(unknown, 'test', [0], 'test', 'png');
    mkdirSync(join(unknown, 'test', 'zebra'));
    const cases: [string, object, RegExp][] = [
      [join(flat, 'nope'), ok, /nope: expected an image folder .*got "no such file or folder"/],
      [NPZ, ok, /retinamnist.npz: expected an image folder .*got "a file"/],
      [flat, ok, /expected a train\/ folder .*Found: cats, dogs\. These look like class folders/],
      [noTest, ok, /expected a test\/ folder.*Found: train\. The test split is never drawn from train/],
      [noClasses, ok, /train: expected one folder per class/],
      [
        emptyVal,
        ok,
        /val: expected at least one \.png, \.jpg or \.jpeg image.*Remove the empty val\/ folder/,
      ],
      [
        unknown,
        ok,
        /test: expected only class folders that train\/ has \(.*\), got "1 other\(s\)"\. Unknown: zebra\./,
      ],
      [full, { ...ok, height: 0 }, /height: expected an integer in 1\.\.8192, got 0/],
      [full, { ...ok, width: 2.5 }, /width: expected an integer in 1\.\.8192, got 2\.5/],
      [full, { ...ok, channels: 2 }, /channels: expected 1 \(grey\) or 3 \(RGB\), got 2/],
      [full, { ...ok, valFraction: 1 }, /valFraction: expected a number in \(0, 1\), got 1/],
      [full, { ...ok, seed: -1 }, /seed: expected a non-negative safe integer/],
      [
        noVal,
        { ...ok, valFraction: 0.001 },
        /valFraction: expected a share that draws at least one val image/,
      ],
    ];
    for (const [root, options, message] of cases) {
      const error = await loadImageFolder(root, options as typeof ok).catch((e: unknown) => e);
      expect(error, String(message)).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe('writeImageFolder', () => {
  it('round-trips a dataset through PNG files, grey or RGB, and JPEG files closely', async () => {
    const subset = {
      ...retina,
      train: {
        count: 30,
        images: retina.train.images.subarray(0, 30 * SIZE),
        labels: retina.train.labels.subarray(0, 30),
      },
      val: { count: 0, images: new Uint8Array(0), labels: new Int32Array(0) },
      test: {
        count: 12,
        images: retina.test.images.subarray(0, 12 * SIZE),
        labels: retina.test.labels.subarray(0, 12),
      },
    };
    const root = join(temp(), 'out');
    const files = await writeImageFolder(subset, root);
    expect(files.val).toEqual([]);
    expect(files.train[0]).toBe(`train/${retina.train.labels[0]}/00.png`);
    const back = await loadImageFolder(root, { height: 28, width: 28, channels: 3, seed: 1 });
    expect(back.classNames).toEqual(['0', '1', '2', '3', '4']);
    back.files.test.forEach((file, k) => {
      const i = Number(/(\d+)\.png$/.exec(file)![1]);
      expect(back.test.images.subarray(k * SIZE, (k + 1) * SIZE)).toEqual(pixels('test', i));
      expect(back.test.labels[k]).toBe(retina.test.labels[i]);
    });
    const grey = {
      ...subset,
      channels: 1,
      train: { ...subset.train, images: luma(subset.train.images) },
      test: { ...subset.test, images: luma(subset.test.images) },
    };
    const greyRoot = join(temp(), 'grey');
    await writeImageFolder(grey, greyRoot, { classNames: ['a', 'b', 'c', 'd', 'e'] });
    const greyBack = await loadImageFolder(greyRoot, { height: 28, width: 28, channels: 1, seed: 1 });
    expect(greyBack.classNames).toEqual(['a', 'b', 'c', 'd', 'e']);
    greyBack.files.test.forEach((file, k) => {
      const i = Number(/(\d+)\.png$/.exec(file)![1]);
      expect(greyBack.test.images.subarray(k * 784, (k + 1) * 784)).toEqual(
        grey.test.images.subarray(i * 784, (i + 1) * 784),
      );
    });
    const jpegRoot = join(temp(), 'jpeg');
    const jpegFiles = await writeImageFolder(grey, jpegRoot, { format: 'jpeg' });
    const first = join(jpegRoot, jpegFiles.test[0]!);
    expect([first.endsWith('.jpg'), (await sharp(first).metadata()).channels]).toEqual([true, 1]);
    const jpegBack = await loadImageFolder(jpegRoot, { height: 28, width: 28, channels: 1, seed: 1 });
    jpegBack.files.test.forEach((file, k) => {
      const i = Number(/(\d+)\.jpg$/.exec(file)![1]);
      const original = grey.test.images.subarray(i * 784, (i + 1) * 784);
      expect(meanAbsDiff(jpegBack.test.images.subarray(k * 784, (k + 1) * 784), original)).toBeLessThan(4);
    });
  });

  it('refuses a non-empty folder and class names that would be renumbered', async () => {
    const ds = { ...retina, val: { count: 0, images: new Uint8Array(0), labels: new Int32Array(0) } };
    await expect(writeImageFolder(ds, full)).rejects.toThrow(
      /expected a new or empty folder, got "3 entries"/,
    );
    await expect(
      writeImageFolder(ds, join(temp(), 'x'), { classNames: ['b', 'a', 'c', 'd', 'e'] }),
    ).rejects.toThrow(
      /expected unique names in sorted \(code-unit\) order.*numbers classes in sorted folder order/,
    );
    await expect(
      writeImageFolder(ds, join(temp(), 'x'), { classNames: ['a', 'b/c', 'd', 'e', 'f'] }),
    ).rejects.toThrow(/classNames\[1\]: expected a folder name/);
    await expect(writeImageFolder({ ...ds, classes: 2 }, join(temp(), 'x'))).rejects.toThrow(
      /train label \d+: expected a class in 0\.\.1/,
    );
  });
});
