import { WASM_BINARY } from './wasm-binary.js';

/** The exports of the kernels module (assembly/index.ts): pointers and counts are numbers. */
export interface WasmKernels {
  readonly memory: { readonly buffer: ArrayBuffer };
  reserve4d(n: number): number;
  reserve5d(n: number): number;
  reserveContributions4d(n: number): number;
  reserveContributions3d(n: number): number;
  reserveContributions2d(n: number): number;
  contributions2d(n: number, rx: number, ry: number): void;
  contributions3dRanks(): number;
  contributions3d(n: number, rx: number, ry: number, rz: number): void;
  hv4dSorted(rows: number, n: number, r0: number, r1: number, r2: number, r3: number): number;
  hv5dSorted(rows: number, n: number, r0: number, r1: number, r2: number, r3: number, r4: number): number;
  sortedByZ(): number;
  sortedByW(): number;
  contribution5dSorted(
    upper: number,
    u: number,
    rows: number,
    px: number,
    py: number,
    pz: number,
    pw: number,
    p4: number,
    r0: number,
    r1: number,
    r2: number,
    r3: number,
    r4: number,
  ): number;
  contribution4d(
    px: number,
    py: number,
    pz: number,
    pw: number,
    m: number,
    skipZ: number,
    skipW: number,
    r0: number,
    r1: number,
    r2: number,
    r3: number,
  ): number;
}

/** The part of the WebAssembly API used here (declared locally: the package's lib has no DOM). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/** Past this much linear memory, an instance is dropped after its call so the memory can be freed. */
const KEEP_BYTES = 2 << 20;

let enabled = true;
/** The compiled module; null once compiling failed (no WebAssembly, or a policy forbids it). */
let compiled: object | null | undefined;
let current: WasmKernels | undefined;

/**
 * Turns the WebAssembly kernels off (the JavaScript implementations run instead) or back on, for
 * all later calls; returns the previous setting. For tests and comparisons: both give the same
 * bits. O(1).
 *
 * @example
 * const before = setWasmKernels(false);
 * hypervolume(points, { reference }); // JavaScript
 * setWasmKernels(before);
 */
export function setWasmKernels(on: boolean): boolean {
  const before = enabled;
  enabled = on;
  return before;
}

/**
 * The kernels, instantiated on first use from the embedded binary, or undefined when they are
 * turned off or WebAssembly is unavailable (the callers then run JavaScript). Synchronous: the
 * module is a few kilobytes, well under the size browsers compile synchronously on the main
 * thread. O(1) after the first call.
 */
export function wasmKernels(): WasmKernels | undefined {
  if (!enabled || compiled === null) return undefined;
  if (current !== undefined) return current;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    if (api === undefined) throw new Error('no WebAssembly');
    compiled ??= new api.Module(decodeBase64(WASM_BINARY));
    current = new api.Instance(compiled, {}).exports as WasmKernels;
  } catch {
    compiled = null;
    return undefined;
  }
  return current;
}

/**
 * To call after a kernel has run: forgets the instance when its memory grew past 2 MB, so that
 * the memory is freed once the caller is done with it (a later call instantiates afresh). O(1).
 */
export function releaseWasmKernels(kernels: WasmKernels): void {
  if (kernels.memory.buffer.byteLength > KEEP_BYTES && current === kernels) current = undefined;
}

/** The kernels' reserve functions, each placing the memory of one kernel for n rows. */
export type WasmReserve =
  | 'reserve4d'
  | 'reserve5d'
  | 'reserveContributions2d'
  | 'reserveContributions3d'
  | 'reserveContributions4d';

/** The kernels with their memory placed, and where it starts. */
export interface ReservedKernels {
  readonly kernels: WasmKernels;
  readonly at: number;
}

/**
 * The kernels with the memory of one kernel for n rows placed by `reserve`, or undefined when
 * they are turned off, WebAssembly is unavailable or the memory cannot grow: the callers then run
 * JavaScript. Typed-array views on the memory made after this call stay valid until the kernel
 * has run (nothing grows it in between). O(1) once the memory is there.
 */
export function reservedKernels(reserve: WasmReserve, n: number): ReservedKernels | undefined {
  const kernels = wasmKernels();
  const at = kernels === undefined ? 0 : kernels[reserve](n);
  return kernels === undefined || at === 0 ? undefined : { kernels, at };
}

/**
 * The exact hypervolume of the `n` rows of `data` (`d` = 4 or 5 values each) by the kernel
 * hv4dSorted or hv5dSorted, the rows copied in the sweep order `order` (which the caller sorted:
 * on the last objective, and for 5-D ties by the sum of the others); undefined when the kernels
 * cannot run (see {@link reservedKernels}). O(n) besides the kernel.
 */
export function sweepInWasm(
  data: Float64Array,
  n: number,
  d: 4 | 5,
  order: Int32Array,
  ref: Float64Array,
): number | undefined {
  const reserved = reservedKernels(d === 4 ? 'reserve4d' : 'reserve5d', n);
  if (reserved === undefined) return undefined;
  const { kernels, at } = reserved;
  const rows = new Float64Array(kernels.memory.buffer, at, d * n);
  for (let k = 0; k < n; k++) {
    const o = d * order[k]!;
    for (let c = 0; c < d; c++) rows[d * k + c] = data[o + c]!;
  }
  const hv =
    d === 4
      ? kernels.hv4dSorted(at, n, ref[0]!, ref[1]!, ref[2]!, ref[3]!)
      : kernels.hv5dSorted(at, n, ref[0]!, ref[1]!, ref[2]!, ref[3]!, ref[4]!);
  releaseWasmKernels(kernels);
  return hv;
}

function decodeBase64(text: string): Uint8Array {
  const chars = atob(text);
  const bytes = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) bytes[i] = chars.charCodeAt(i);
  return bytes;
}
