import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPaths } from '@paretokit/testing';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../program.js';

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
