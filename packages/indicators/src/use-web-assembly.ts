import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { setWasmKernels } from './internal/wasm-kernels.js';

/**
 * Turns the WebAssembly kernels of `hypervolume` and `hypervolumeContributions` (the sweeps for
 * 4 or more objectives) off, so that their JavaScript implementations run, or back on; returns
 * the previous setting. Both give the same bits: this changes speed only (the WebAssembly runs
 * 1.3-3x faster). They are on by default and fall back to JavaScript by themselves where
 * WebAssembly is missing or cannot compile; turn them off in a page whose content security policy
 * lacks `'wasm-unsafe-eval'`, where the refused compilation would also be reported as a violation.
 * Applies to every later call in this JavaScript realm. O(1).
 *
 * @example
 * useWebAssembly(false) // => true
 * hypervolume([[1, 2, 3, 4]], { reference: [2, 3, 4, 5] }) // => 1
 * useWebAssembly(true) // => false
 */
export function useWebAssembly(enabled: boolean): boolean {
  if (typeof enabled !== 'boolean') {
    throw new InvalidArgumentError({ argument: 'enabled', expected: 'true or false', actual: enabled });
  }
  return setWasmKernels(enabled);
}
