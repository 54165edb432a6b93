import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadDataset,
  loadImageFolder,
  loadMedMNIST,
  type MedMNISTSplit,
  writeImageFolder,
} from '@paretokit/compression';
import { sharedPaths } from '@paretokit/testing';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../program.js';
import { sizeOption } from './datasets.js';

const files = sharedPaths('paretokit datasets download from a local mirror', 'data/medmnist/retinamnist.npz');

describe.skipIf(files === undefined)('paretokit datasets download', () => {
  it('fetches the official RetinaMNIST file from a mirror on 127.0.0.1 and checks its MD5', async () => {
    const body = readFileSync(files![0]!);
    let requests = 0;
    const server = createServer((req, res) => {
      requests++;
      if (req.url !== '/retinamnist.npz') res.writeHead(404).end();
      else res.writeHead(200).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-datasets-'));
    const out: string[] = [];
    try {
      const program = createProgram((t) => out.push(t));
      const argv = [
        'node',
        'paretokit',
        'datasets',
        'download',
        'retinamnist',
        '--dir',
        dir,
        '--mirror',
        mirror,
      ];
      await program.parseAsync(argv);
      // A second download finds the file with the right checksum and does not fetch it again.
      await program.parseAsync(argv);
    } finally {
      server.close();
    }
    expect(out).toEqual([
      `downloaded: ${join(dir, 'retinamnist.npz')}`,
      `downloaded: ${join(dir, 'retinamnist.npz')}`,
    ]);
    expect(requests).toBe(1);
    expect(readFileSync(join(dir, 'retinamnist.npz')).equals(body)).toBe(true);
  });
});

describe('paretokit datasets pack', () => {
  const retinaNpz = fileURLToPath(new URL('../../../../assets/retinamnist/retinamnist.npz', import.meta.url));
  const pack = async (...args: string[]) => {
    const out: string[] = [];
    await createProgram((t) => out.push(t)).parseAsync(['node', 'paretokit', 'datasets', 'pack', ...args]);
    return out.join('\n');
  };

  it('writes an image folder as a MedMNIST .npz with its class names, which loads back the same', async () => {
    const retina = await loadMedMNIST(retinaNpz);
    const take = (s: MedMNISTSplit, n: number): MedMNISTSplit => ({
      count: n,
      images: s.images.slice(0, n * 28 * 28 * 3),
      labels: s.labels.slice(0, n),
    });
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-pack-'));
    const names = ['mild', 'moderate', 'none', 'proliferative', 'severe'];
    const subset = {
      ...retina,
      train: take(retina.train, 50),
      val: take(retina.val, 0),
      test: take(retina.test, 20),
    };
    await writeImageFolder(subset, join(dir, 'images'), { classNames: names });
    writeFileSync(join(dir, 'images', 'test', 'none', 'broken.png'), 'not a png');
    const file = join(dir, 'out', 'images.npz');

    const printed = await pack(
      join(dir, 'images'),
      '--out',
      file,
      '--size',
      '28',
      '--seed',
      '3',
      '--skip-unreadable',
    );
    const folder = await loadImageFolder(join(dir, 'images'), {
      height: 28,
      width: 28,
      channels: 3,
      seed: 3,
      skipUnreadable: true,
    });
    const packed = await loadMedMNIST(file);
    for (const split of ['train', 'val', 'test'] as const) {
      expect(packed[split].images).toEqual(folder[split].images);
      expect(packed[split].labels).toEqual(folder[split].labels);
    }
    expect([packed.classes, packed.val.count, packed.test.count]).toEqual([5, 6, 20]);
    // PNG is lossless: the packed test split holds RetinaMNIST's own pixels, grouped by class.
    const first = Number(/(\d+)\.png$/.exec(folder.files.test[0]!)![1]);
    expect(packed.test.images.subarray(0, 2352)).toEqual(
      retina.test.images.subarray(first * 2352, (first + 1) * 2352),
    );
    expect((await loadDataset(file, { height: 28, width: 28, channels: 3 })).classNames).toEqual(names);
    expect(printed).toBe(
      [
        `packed: ${file}`,
        '  images: train 44, val 6, test 20 (28x28, RGB)',
        '  classes (5): mild, moderate, none, proliferative, severe',
        '  note: val: no val/ folder, drew 6 of 50 train images (0.1 of each class, seed 3)',
        `  note: skipped 1 unreadable file(s), first: ${join(dir, 'images', 'test', 'none', 'broken.png')}`,
        `  skipped: ${join(dir, 'images', 'test', 'none', 'broken.png')} (Input buffer contains unsupported image format)`,
      ].join('\n'),
    );

    // The file exists now: only --force replaces it; grey and HxW sizes go through.
    await expect(pack(join(dir, 'images'), '--out', file, '--size', '28')).rejects.toThrow(
      /expected a file that does not exist yet, got "an existing file"\. Pass --force/,
    );
    await pack(
      join(dir, 'images'),
      '--out',
      file,
      '--size',
      '14x20',
      '--channels',
      '1',
      '--force',
      '--skip-unreadable',
    );
    const grey = await loadMedMNIST(file);
    expect([grey.height, grey.width, grey.channels, grey.train.count]).toEqual([14, 20, 1, 44]);
    // Without --skip-unreadable the broken file stops it, named.
    await expect(pack(join(dir, 'images'), '--out', file, '--size', '28', '--force')).rejects.toThrow(
      /broken\.png: expected a readable PNG or JPEG image/,
    );
  });

  it('refuses a bad --size', () => {
    expect(() => sizeOption('0')).toThrow(/--size: expected N or HxW/);
    expect(sizeOption('32x48')).toEqual({ height: 32, width: 48 });
  });
});
