import { describe, expect, it } from 'vitest';
import { compileWasmKernels, wasmBinaryModule } from '../../scripts/compile-wasm.mjs';
import { WASM_BINARY } from './wasm-binary.js';

/** What this test reads of the WebAssembly API (the package's lib has no DOM types). */
interface ModuleApi {
  Module: {
    new (bytes: Uint8Array): object;
    imports(module: object): { kind: string; name: string }[];
    exports(module: object): { kind: string; name: string }[];
  };
}
const { Module } = (globalThis as unknown as { WebAssembly: ModuleApi }).WebAssembly;

describe('wasm-binary.ts', () => {
  it('is the compiled assembly/ sources as they are (rebuild: pnpm build:wasm)', async () => {
    const binary = await compileWasmKernels();
    expect(Buffer.from(WASM_BINARY, 'base64').equals(Buffer.from(binary))).toBe(true);
    const { readFileSync } = await import('node:fs');
    const committed = readFileSync(new URL('./wasm-binary.ts', import.meta.url), 'utf8');
    expect(committed).toBe(wasmBinaryModule(binary));
  }, 60_000);

  it('imports nothing and exports the kernels and their memory', () => {
    const module = new Module(Buffer.from(WASM_BINARY, 'base64'));
    expect(Module.imports(module)).toEqual([]);
    expect(
      Module.exports(module)
        .map((e) => `${e.kind} ${e.name}`)
        .sort(),
    ).toEqual(
      [
        'function contribution4d',
        'function contribution5dSorted',
        'function contributions2d',
        'function contributions3d',
        'function contributions3dRanks',
        'function reserveContributions2d',
        'function reserveContributions3d',
        'function sortedByW',
        'function sortedByZ',
        'function hv4dSorted',
        'function hv5dSorted',
        'function reserve4d',
        'function reserve5d',
        'function reserveContributions4d',
        'memory memory',
      ].sort(),
    );
  });
});
