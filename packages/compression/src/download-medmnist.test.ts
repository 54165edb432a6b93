import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPaths } from '../test/shared-data.js';
import { downloadMedMNIST } from './download-medmnist.js';
import { encodeMedMNIST } from './encode-medmnist.js';
import { DatasetFormatError } from './errors/dataset-format-error.js';
import { loadMedMNIST } from './load-medmnist.js';

// A local HTTP server on 127.0.0.1 stands in for Zenodo: no other network is used.
const split = { count: 1, images: new Uint8Array(4), labels: Int32Array.from([1]) };
const tiny = encodeMedMNIST({ height: 2, width: 2, channels: 1, train: split, val: split, test: split });
const tinyMd5 = createHash('md5').update(tiny).digest('hex');
const real = sharedPaths('downloadMedMNIST of the real file', 'data/medmnist/retinamnist.npz');
const files: Record<string, Uint8Array> = { '/files/breastmnist.npz': tiny };
let server: Server;
let mirror: string;
let requests = 0;
let dir: string;

beforeAll(async () => {
  if (real !== undefined) files['/files/retinamnist.npz'] = await readFile(real[0]!);
  server = createServer((req, res) => {
    requests++;
    const body = files[req.url ?? ''];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    // Two chunks, so the streaming hash sees more than one piece.
    res.write(body.subarray(0, body.length >> 1));
    res.end(body.subarray(body.length >> 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  mirror = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/files/`;
  dir = await mkdtemp(join(tmpdir(), 'paretokit-download-'));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('downloadMedMNIST', () => {
  it('rejects a file whose MD5 is not the official one and keeps nothing', async () => {
    const error = await downloadMedMNIST('breastmnist', dir, { mirror }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetFormatError);
    expect((error as Error).message).toMatch(/expected MD5 750601b1f35ba3300ea97c75c52ff8f6, got MD5/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('downloads, verifies against a given MD5, and reuses a verified file', async () => {
    const path = await downloadMedMNIST('breastmnist', dir, { mirror, md5: tinyMd5 });
    expect(path).toBe(join(dir, 'breastmnist.npz'));
    expect((await loadMedMNIST(path, { classes: 2 })).test.labels).toEqual(Int32Array.from([1]));
    const before = requests;
    await downloadMedMNIST('breastmnist', dir, { mirror, md5: tinyMd5 });
    expect(requests).toBe(before);
  });

  it('reports HTTP errors', async () => {
    await expect(downloadMedMNIST('dermamnist', dir, { mirror })).rejects.toThrow(/HTTP 404/);
  });

  it.skipIf(real === undefined)('fetches the real RetinaMNIST file with its official MD5', async () => {
    const path = await downloadMedMNIST('retinamnist', dir, { mirror });
    expect((await loadMedMNIST(path)).test.count).toBe(400);
  });
});
