// The WebAssembly kernels of @paretokit/indicators, compiled by scripts/build-wasm.mjs into
// src/internal/wasm-binary.ts. Each kernel first reserves its memory (rows and scratch, growing
// the linear memory as needed; 0 when it cannot grow), the caller writes its rows at the pointer
// returned, then runs it.

import { byW, byZ, contribution4d, rowsAt, rowsBytes } from './contribution4d';
import { frontAt, frontBytes } from './front3d';
import { hv4dSorted } from './hv4d';
import { contribution5dSorted, hv5dSorted } from './hv5d';
import { contributions2d, contributions2dAt, contributions2dBytes } from './hvc2d';
import { contributions3d, contributions3dAt, contributions3dBytes, contributions3dRanks } from './hvc3d';

export {
  contribution4d,
  contribution5dSorted,
  contributions2d,
  contributions3d,
  contributions3dRanks,
  hv4dSorted,
  hv5dSorted,
};

/** Where the rows sorted by z (32 bytes a row) lie, as placed by the last reserve5d. */
export function sortedByZ(): usize {
  return byZ;
}

/** Where the rows sorted by w lie. */
export function sortedByW(): usize {
  return byW;
}

/**
 * The most rows a kernel takes: their memory (at most 172 bytes a row) must fit 32-bit addresses.
 * Larger calls get 0 from the reserve functions and run in JavaScript.
 */
const MAX_ROWS = 1 << 24;

/** True when n rows are a size the kernels take. */
function fits(n: i32): bool {
  return n >= 0 && n <= MAX_ROWS;
}

/** Grows the memory to hold `bytes` from the first free 16-byte boundary; returns it, or 0. */
function reserve(bytes: usize): usize {
  const base = (__heap_base + 15) & ~(<usize>15);
  const end = base + bytes;
  const pages = <i32>((end + 0xffff) >>> 16) - memory.size();
  if (pages > 0 && memory.grow(pages) < 0) return 0;
  return base;
}

/** Memory for hv4dSorted on n rows: returns where the rows go (32 bytes each), or 0. */
export function reserve4d(n: i32): usize {
  const rows = fits(n) ? reserve(((<usize>n) << 5) + frontBytes(n)) : 0;
  if (rows !== 0) frontAt(rows + ((<usize>n) << 5), n);
  return rows;
}

/**
 * Memory for hv5dSorted on n rows, or contribution5dSorted on a limit set of n rows: returns where
 * the rows go (40 bytes each), or 0.
 */
export function reserve5d(n: i32): usize {
  const rows = fits(n) ? reserve(<usize>n * 40 + rowsBytes(n) + frontBytes(n)) : 0;
  if (rows === 0) return 0;
  rowsAt(rows + <usize>n * 40, n);
  frontAt(rows + <usize>n * 40 + rowsBytes(n), n);
  return rows;
}

/**
 * Memory for contribution4d against n rows: places byZ and byW (32 bytes a row, the caller
 * fills both) and returns byZ, or 0.
 */
export function reserveContributions4d(n: i32): usize {
  const rows = fits(n) ? reserve(rowsBytes(n) + frontBytes(n)) : 0;
  if (rows === 0) return 0;
  rowsAt(rows, n);
  frontAt(rows + rowsBytes(n), n);
  return rows;
}

/**
 * Memory for contributions3d on n points, laid out as contributions3dBytes says: returns where it
 * starts (the z values), or 0.
 */
export function reserveContributions3d(n: i32): usize {
  const at = fits(n) ? reserve(contributions3dBytes(n)) : 0;
  if (at !== 0) contributions3dAt(at, n);
  return at;
}

/**
 * Memory for contributions2d on n points: returns where the points go (n x 2 f64, row-major; the
 * n contributions follow them), or 0.
 */
export function reserveContributions2d(n: i32): usize {
  const at = fits(n) ? reserve(contributions2dBytes(n)) : 0;
  if (at !== 0) contributions2dAt(at, n);
  return at;
}
