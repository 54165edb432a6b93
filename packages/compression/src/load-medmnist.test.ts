import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { retinaFiles } from '../test/shared-data.js';
import { encodeMedMNIST, type MedMNISTArrays } from './encode-medmnist.js';
import { DatasetFormatError } from './errors/dataset-format-error.js';
import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { encodeNpy, parseNpy } from './internal/npy.js';
import { loadMedMNIST } from './load-medmnist.js';
import { type ModelSidecar, parsePreprocess } from './model-sidecar.js';
import { prepareInputs } from './prepare-inputs.js';

const split = (count: number, pixels: number, labels: number[]) => ({
  count,
  images: Uint8Array.from({ length: count * pixels }, (_, i) => (i * 7) % 256),
  labels: Int32Array.from(labels),
});
const grey: MedMNISTArrays = {
  height: 3,
  width: 2,
  channels: 1,
  train: split(3, 6, [0, 1, 1]),
  val: split(1, 6, [1]),
  test: split(2, 6, [0, 1]),
};

function npz(overrides: Record<string, Uint8Array | undefined>): Uint8Array {
  const base: Record<string, Uint8Array> = {};
  for (const s of ['train', 'val', 'test'] as const) {
    base[`${s}_images.npy`] = encodeNpy('|u1', [grey[s].count, 3, 2], grey[s].images);
    base[`${s}_labels.npy`] = encodeNpy('|u1', [grey[s].count, 1], Uint8Array.from(grey[s].labels));
  }
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return zipSync(base);
}

describe('.npy parsing', () => {
  it('reads C and Fortran order, int64 and float arrays, and rejects truncation', () => {
    const c = parseNpy(encodeNpy('<i4', [2, 3], Int32Array.from([1, 2, 3, 4, 5, 6])));
    expect([c.shape, Array.from(c.data as Int32Array)]).toEqual([
      [2, 3],
      [1, 2, 3, 4, 5, 6],
    ]);
    // Fortran order stores columns: [[1, 2, 3], [4, 5, 6]] as 1 4 2 5 3 6.
    const f = parseNpy(encodeNpy('<i4', [2, 3], Int32Array.from([1, 4, 2, 5, 3, 6]), true));
    expect(Array.from(f.data as Int32Array)).toEqual([1, 2, 3, 4, 5, 6]);
    const big = parseNpy(encodeNpy('<i8', [2], BigInt64Array.from([3n, -1n])));
    expect(Array.from(big.data as BigInt64Array)).toEqual([3n, -1n]);
    const bytes = encodeNpy('<f4', [4], Float32Array.from([1, 2, 3, 4]));
    // A view at an odd offset: the parser copies into an aligned array.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(Array.from(parseNpy(shifted.subarray(1)).data as Float32Array)).toEqual([1, 2, 3, 4]);
    expect(() => parseNpy(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
    expect(() => parseNpy(new Uint8Array(20))).toThrow(/magic/);
  });
});

describe('loadMedMNIST', () => {
  it('round-trips encodeMedMNIST for grey and RGB data, labels (N,) or (N,1)', async () => {
    const ds = await loadMedMNIST(encodeMedMNIST(grey));
    expect([ds.height, ds.width, ds.channels, ds.classes, ds.train.count]).toEqual([3, 2, 1, 2, 3]);
    expect(ds.train.images).toEqual(grey.train.images);
    expect(ds.test.labels).toEqual(Int32Array.from([0, 1]));
    const flat = await loadMedMNIST(
      npz({ 'val_labels.npy': encodeNpy('<i8', [1], BigInt64Array.from([1n])) }),
    );
    expect(flat.val.labels).toEqual(Int32Array.from([1]));
  });

  it('says which key, dtype, shape or label is wrong', async () => {
    const cases: [Record<string, Uint8Array | undefined>, RegExp][] = [
      [{ 'val_labels.npy': undefined }, /expected an array "val_labels", got keys/],
      [
        { 'train_images.npy': encodeNpy('<f4', [3, 3, 2], new Float32Array(18)) },
        /train_images of dtype uint8/,
      ],
      [{ 'test_images.npy': encodeNpy('|u1', [2, 3, 2, 2], new Uint8Array(24)) }, /shape \(N, H, W\)/],
      [
        { 'test_labels.npy': encodeNpy('|u1', [2, 2], new Uint8Array(4)) },
        /test_labels of shape \(2, 1\).*Multi-label/,
      ],
      [{ 'test_labels.npy': encodeNpy('<f8', [2, 1], new Float64Array(2)) }, /integer dtype/],
      [{ 'test_labels.npy': new Uint8Array(5) }, /valid \.npy/],
    ];
    for (const [change, message] of cases) {
      const error = await loadMedMNIST(npz(change)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatasetFormatError);
      expect((error as Error).message).toMatch(message);
    }
    await expect(loadMedMNIST(encodeMedMNIST(grey), { classes: 1 })).rejects.toThrow(
      /train_labels in 0..0, got label 1 at index 1/,
    );
    await expect(loadMedMNIST(new Uint8Array([1, 2, 3]))).rejects.toThrow(/zip/);
  });

  it('checks the MD5 of the bytes when one is given', async () => {
    const bytes = encodeMedMNIST(grey);
    const md5 = createHash('md5').update(bytes).digest('hex');
    expect((await loadMedMNIST(bytes, { md5: md5.toUpperCase() })).train.count).toBeGreaterThan(0);
    const wrong = `${md5.slice(0, 31)}${md5[31] === '0' ? '1' : '0'}`;
    await expect(loadMedMNIST(bytes, { md5: wrong })).rejects.toThrow(
      new RegExp(`expected MD5 ${wrong}, got MD5 ${md5}`),
    );
    await expect(loadMedMNIST(bytes, { md5: 'abc' })).rejects.toThrow(/32 hex digits/);
  });
});

describe('prepareInputs', () => {
  const sidecar = (shape: number[], preprocess: string): ModelSidecar => ({
    classes: 2,
    input: { name: 'input', layout: 'NCHW', shape, dtype: 'float32', preprocess },
    output: { name: 'logits' },
  });

  it('repeats grey to 3 channels and normalises as the sidecar says', async () => {
    const ds = await loadMedMNIST(encodeMedMNIST(grey));
    const text = 'x/255, then (x-0.5)/0.5 per channel; grayscale repeated to 3 channels';
    const inputs = prepareInputs(ds, 'train', sidecar([3, 3, 2], text));
    expect(inputs.data.length).toBe(3 * 3 * 6);
    const expected = (x: number) => Math.fround((x / 255 - 0.5) / 0.5);
    expect([inputs.data[1], inputs.data[7], inputs.data[13]]).toEqual([7, 7, 7].map(expected));
    expect(() => prepareInputs(ds, 'train', sidecar([3, 3, 2], 'x/255'))).toThrow(UnsupportedModelError);
    expect(() => prepareInputs(ds, 'train', sidecar([1, 28, 28], 'x/255'))).toThrow(
      /expected images of 28x28/,
    );
  });

  it('parses per-channel lists and rejects unknown preprocessing text', () => {
    expect(parsePreprocess('(x - [0.485, 0.456, 0.406]) / [0.229, 0.224, 0.225]')).toEqual({
      scale: 1,
      mean: [0.485, 0.456, 0.406],
      std: [0.229, 0.224, 0.225],
      repeatGray: false,
    });
    expect(() => parsePreprocess('standardise somehow')).toThrow(UnsupportedModelError);
  });
});

const retina = retinaFiles('RetinaMNIST loading');
describe.skipIf(retina === undefined)('the official RetinaMNIST file (../shared/data)', () => {
  it('has the official split sizes and class counts (PROVENANCE.md)', async () => {
    const ds = await loadMedMNIST(retina!.data);
    expect([ds.name, ds.train.count, ds.val.count, ds.test.count, ds.channels, ds.classes]).toEqual([
      'retinamnist',
      1080,
      120,
      400,
      3,
      5,
    ]);
    const counts = new Array(5).fill(0);
    for (const l of ds.test.labels) counts[l]++;
    expect(counts).toEqual([174, 46, 92, 68, 20]);
  });
});
