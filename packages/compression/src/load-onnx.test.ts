import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { retinaFiles } from '../test/shared-data.js';
import { OnnxFormatError } from './errors/onnx-format-error.js';
import { findLayers } from './find-layers.js';
import { loadOnnx } from './load-onnx.js';
import { saveOnnx, saveOnnxSync } from './save-onnx.js';
import { tinyCnn } from './tiny-cnn.js';

describe('loadOnnx / saveOnnx', () => {
  it('round-trips a built model byte for byte and keeps versions', async () => {
    const bytes = saveOnnxSync(tinyCnn({ residual: true }));
    const model = await loadOnnx(bytes);
    expect(Buffer.from(saveOnnxSync(model)).equals(Buffer.from(bytes))).toBe(true);
    expect(Number(model.proto.ir_version)).toBe(7);
    expect(Number(model.proto.opset_import?.[0]?.version)).toBe(13);
  });

  it('rejects non-ONNX, truncated and empty inputs with OnnxFormatError', async () => {
    const bytes = saveOnnxSync(tinyCnn());
    await expect(loadOnnx(new TextEncoder().encode('hello, not a model'))).rejects.toThrow(OnnxFormatError);
    for (const cut of [10, 100, bytes.length - 7]) {
      await expect(loadOnnx(bytes.subarray(0, cut))).rejects.toThrow(OnnxFormatError);
    }
    await expect(loadOnnx(new Uint8Array(0))).rejects.toThrow(/expected an ONNX model/);
    await expect(loadOnnx('/nonexistent/model.onnx')).rejects.toThrow(OnnxFormatError);
  });

  it('writes through a temporary file, never over the source model or an existing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paretokit-onnx-'));
    try {
      const path = join(dir, 'm.onnx');
      await saveOnnx(tinyCnn(), path);
      const loaded = await loadOnnx(path);
      await expect(saveOnnx(loaded, path, { overwrite: true })).rejects.toThrow(/loaded from/);
      await expect(saveOnnx(tinyCnn(), path)).rejects.toThrow(/does not exist yet/);
      await saveOnnx(tinyCnn({ seed: 2 }), path, { overwrite: true });
      expect(Buffer.from(await readFile(path)).equals(Buffer.from(saveOnnxSync(tinyCnn({ seed: 2 }))))).toBe(
        true,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const retina = retinaFiles('RetinaMNIST ResNet50 round trip');
describe.skipIf(retina === undefined)('the RetinaMNIST ResNet50 (../shared/models)', () => {
  it('loads and saves byte-identically; finds 53 Conv and 1 Gemm layer', async () => {
    const bytes = readFileSync(retina!.model);
    const model = await loadOnnx(bytes);
    const out = saveOnnxSync(model);
    expect(out.length).toBe(bytes.length);
    expect(Buffer.from(out).equals(bytes)).toBe(true);
    const layers = findLayers(model);
    expect(layers.filter((l) => l.kind === 'conv')).toHaveLength(53);
    expect(layers.filter((l) => l.kind === 'linear').map((l) => l.weightShape)).toEqual([[5, 2048]]);
    expect(layers.every((l) => l.bias !== undefined)).toBe(true);
  });
});
