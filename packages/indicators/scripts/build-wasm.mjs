// Compiles the WebAssembly kernels (assembly/*.ts, AssemblyScript) and writes the binary, base64,
// to src/internal/wasm-binary.ts, which is committed: the package builds and runs with no
// compiler, and a test (src/internal/wasm-binary.test.ts) checks the file is this script's output
// for the sources as they are.
//
//   node scripts/build-wasm.mjs           writes src/internal/wasm-binary.ts
//   node scripts/build-wasm.mjs --check   exits 1 when the file differs from a fresh build
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileWasmKernels, wasmBinaryModule } from './compile-wasm.mjs';

const target = fileURLToPath(new URL('../src/internal/wasm-binary.ts', import.meta.url));
const fresh = wasmBinaryModule(await compileWasmKernels());
if (process.argv.includes('--check')) {
  const same = readFileSync(target, 'utf8') === fresh;
  console.log(
    same ? 'wasm-binary.ts is up to date' : 'wasm-binary.ts differs: run node scripts/build-wasm.mjs',
  );
  process.exit(same ? 0 : 1);
}
writeFileSync(target, fresh);
console.log('wrote src/internal/wasm-binary.ts');
