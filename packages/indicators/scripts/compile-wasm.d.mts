/** The compiler's options used by {@link compileWasmKernels}. */
export const ASC_OPTIONS: readonly string[];
/** Compiles assembly/index.ts; returns the binary. Throws with the compiler's messages on error. */
export function compileWasmKernels(): Promise<Uint8Array>;
/** The source of src/internal/wasm-binary.ts holding `binary`. */
export function wasmBinaryModule(binary: Uint8Array): string;
