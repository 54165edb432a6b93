import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@paretokit/problem';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeMedMNIST } from './encode-medmnist.js';
import { DatasetFormatError } from './errors/dataset-format-error.js';
import { encodeNpy } from './internal/npy.js';
import { encodeDataset, loadDataset } from './load-dataset.js';
import { loadMedMNIST } from './load-medmnist.js';
import { writeImageFolder } from './write-image-folder.js';

const split = (labels: number[]) => ({
  count: labels.length,
  images: Uint8Array.from({ length: labels.length * 12 }, (_, i) => (i * 29) % 256),
  labels: Int32Array.from(labels),
});
const arrays = {
  height: 2,
  width: 2,
  channels: 3,
  train: split([0, 1, 2, 1]),
  val: split([1, 0]),
  test: split([2, 0]),
};
const size = { height: 2, width: 2, channels: 3 } as const;
const temp = () => mkdtempSync(join(tmpdir(), 'paretokit-load-dataset-'));

describe('loadDataset', () => {
  it('reads a folder as an image folder and an .npz file as MedMNIST, with its class names', async () => {
    const dir = temp();
    const names = ['benign', 'malignant', 'normal'];
    await writeImageFolder({ ...arrays, classes: 3 }, join(dir, 'images'), { classNames: names });
    const folder = await loadDataset(join(dir, 'images'), size);
    expect([folder.format, folder.classNames, folder.train.count, folder.notes]).toEqual([
      'image-folder',
      names,
      4,
      [],
    ]);
    writeFileSync(join(dir, 'packed.NPZ'), encodeDataset({ ...folder }));
    const npz = await loadDataset(join(dir, 'packed.NPZ'), size);
    expect([npz.format, npz.name, npz.classes, npz.classNames, npz.notes]).toEqual([
      'npz',
      'packed.NPZ',
      3,
      names,
      [],
    ]);
    expect(npz.train.images).toEqual(folder.train.images);
    expect(npz.test.labels).toEqual(folder.test.labels);
    // A plain MedMNIST file has no class names; its size is not checked here.
    writeFileSync(join(dir, 'plain.npz'), encodeMedMNIST(arrays));
    const plain = await loadDataset(join(dir, 'plain.npz'), { height: 28, width: 28, channels: 1 });
    expect([plain.format, plain.classNames, plain.height]).toEqual(['npz', undefined, 2]);
  });

  it('names both accepted forms for anything else, and keeps .npz options off folders', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'data.csv'), 'a,b\n');
    for (const [path, got] of [
      [join(dir, 'data.csv'), 'a file not named .npz'],
      [join(dir, 'missing.npz'), 'no such file or folder'],
    ] as const) {
      const error = await loadDataset(path, size).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toContain(
        `${path}: expected an image folder (root/{train,val,test}/<class>/*.png|*.jpg|*.jpeg, val optional) or a MedMNIST-layout .npz file, got "${got}"`,
      );
    }
    await expect(loadDataset(dir, { ...size, md5: '0'.repeat(32) })).rejects.toThrow(
      /md5: expected no value for an image folder/,
    );
  });

  it('checks class_names against the labels and the classes option', async () => {
    expect(() => encodeDataset({ ...arrays, classNames: ['a', 'b'] })).toThrow(
      /classNames: expected at least 3 names \(the largest label is 2\)/,
    );
    const bytes = encodeDataset({ ...arrays, classNames: ['a', 'b', 'c', 'd'] });
    expect((await loadDataset(bytes, size)).classes).toBe(4);
    await expect(loadDataset(bytes, { ...size, classes: 5 })).rejects.toThrow(DatasetFormatError);
    // Still a MedMNIST file for loaders that do not know class_names.
    expect((await loadMedMNIST(bytes)).train.labels).toEqual(arrays.train.labels);
    const files: Record<string, Uint8Array> = {
      'class_names.npy': encodeNpy('<f4', [2], new Float32Array(2)),
    };
    for (const s of ['train', 'val', 'test'] as const) {
      files[`${s}_images.npy`] = encodeNpy('|u1', [arrays[s].count, 2, 2, 3], arrays[s].images);
      files[`${s}_labels.npy`] = encodeNpy('|u1', [arrays[s].count, 1], Uint8Array.from(arrays[s].labels));
    }
    await expect(loadDataset(zipSync(files), size)).rejects.toThrow(
      /npz bytes: expected class_names as a 1-D numpy array of strings/,
    );
  });

  it('writes labels of more than 256 classes as int32', async () => {
    const many = { ...arrays, train: split([0, 299, 1, 2]) };
    const ds = await loadDataset(
      encodeDataset({ ...many, classNames: Array.from({ length: 300 }, (_, i) => `c${i}`) }),
      size,
    );
    expect([ds.classes, ds.train.labels[1]]).toEqual([300, 299]);
  });
});
