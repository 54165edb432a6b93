// Stable sort of row indices by one objective with the engine's native typed-array sort.
import { insertionByValue, SpreadScratch, spreadSortByObjective } from './spread-sort.js';

/**
 * Typed arrays use the platform's byte order (the packing below reads doubles as two words), and
 * BigUint64Array exists in every current engine but not in old ones (Safari before 15): elsewhere
 * the bucket sort runs.
 */
const SUPPORTED =
  typeof BigUint64Array === 'function' && new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/**
 * Longest range sorted this way: above it the bucket sort's O(n) wins (measured on uniform values:
 * non-dominated sorting 1.05x-1.2x faster from 500 to 3,500 rows, slower from 4,000).
 */
export const MAX_PACKED = 2048;
/** Runs of near-equal values up to this length are put in exact order by insertion. */
const INSERTION_MAX = 16;

/** Scratch buffers of {@link packedSortByObjective}, for ranges up to `capacity` rows. */
export class PackedScratch {
  readonly keys: BigUint64Array;
  /** `keys` as 32-bit words, low word first. */
  readonly words: Uint32Array;
  readonly rows: Int32Array;
  #spread: SpreadScratch | undefined;

  constructor(capacity: number) {
    this.keys = new BigUint64Array(capacity);
    this.words = new Uint32Array(this.keys.buffer);
    this.rows = new Int32Array(capacity);
  }

  /** Scratch of the bucket sort that orders runs of near-equal values, created on first use. */
  get spread(): SpreadScratch {
    this.#spread ??= new SpreadScratch(this.rows.length);
    return this.#spread;
  }
}

/** Whether {@link packedSortByObjective} can sort a range of `length` rows on this platform. */
export function canPackSort(length: number): boolean {
  return SUPPORTED && length <= MAX_PACKED;
}

let shared: PackedScratch | undefined;

/**
 * A scratch for ranges up to `capacity` (at most {@link MAX_PACKED}) rows, kept between calls:
 * allocating its three arrays cost as much as sorting 300 rows. Not reentrant (no sort here calls
 * back into user code); at most 56 KB stay referenced.
 */
export function packedScratch(capacity: number): PackedScratch {
  if (shared === undefined || shared.rows.length < capacity) {
    shared = new PackedScratch(Math.max(capacity, 256));
  }
  return shared;
}

/**
 * Stably sorts `order[from..to)` (row indices of the row-major matrix f with m columns) by the
 * value in column k, with the engine's native sort of a BigUint64Array (no comparator, hence no
 * call per comparison): each value's IEEE-754 bits are mapped to an unsigned integer of the same
 * order (negative values complemented, -0 merged with +0), and the lowest ⌈log2 n⌉ bits are
 * replaced by the value's position in the range, so that equal values keep their order. Values
 * that differ only in those dropped bits (relative gap below 2^-41 at 2,048 rows) come out in
 * position order; one pass finds such runs and puts them in exact order. Requires
 * {@link canPackSort}; NaN-free input assumed. Returns false when no two values of the range can
 * be equal (no such run), so that callers skip looking for ties. O(n log n) native comparisons,
 * O(n) passes here (the bucket sort is O(n) but slower below a few thousand rows).
 */
export function packedSortByObjective(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  to: number,
  s: PackedScratch,
): boolean {
  const len = to - from;
  const low = (1 << (32 - Math.clz32(len - 1))) - 1; // position bits
  packKeys(new Uint32Array(f.buffer, f.byteOffset, 2 * f.length), m, k, order, from, len, s.words, low);
  (len === s.keys.length ? s.keys : s.keys.subarray(0, len)).sort();
  const { rows, words } = s;
  for (let j = 0; j < len; j++) rows[j] = order[from + (words[j << 1]! & low)]!;
  order.set(rows.subarray(0, len), from);
  return exactNearTies(f, m, k, order, from, len, s, ~low);
}

/** Writes the order-preserving key of each value, its low bits replaced by its position. */
function packKeys(
  bits: Uint32Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  len: number,
  words: Uint32Array,
  low: number,
): void {
  for (let i = 0; i < len; i++) {
    const w = (order[from + i]! * m + k) * 2;
    let lo = bits[w]!;
    let hi = bits[w + 1]!;
    if (hi < 0x80000000) {
      hi |= 0x80000000; // positive: above every negative
    } else if (hi !== 0x80000000 || lo !== 0) {
      hi = ~hi; // negative: larger magnitude first (-0 keeps its bits, which are +0's key)
      lo = ~lo;
    }
    words[(i << 1) | 1] = hi;
    words[i << 1] = (lo & ~low) | i;
  }
}

/**
 * After the packed sort of `order[from..from+len)`, finds the runs whose keys agree above the
 * position bits (`high` masks the rest) and, where their values are not all equal, sorts them by
 * exact value (stably: they are in position order). Returns whether there was any such run.
 */
function exactNearTies(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  len: number,
  s: PackedScratch,
  high: number,
): boolean {
  const { words } = s;
  let runs = false;
  let a = 0;
  for (let j = 1; j <= len; j++) {
    if (
      j < len &&
      words[(j << 1) | 1] === words[(j << 1) - 1] &&
      ((words[j << 1]! ^ words[(j - 1) << 1]!) & high) === 0
    )
      continue;
    if (j - a > 1) {
      runs = true;
      if (!allEqual(f, m, k, order, from + a, from + j)) {
        if (j - a <= INSERTION_MAX) insertionByValue(f, m, k, order, from + a, from + j);
        else spreadSortByObjective(f, m, k, order, from + a, from + j, s.spread);
      }
    }
    a = j;
  }
  return runs;
}

function allEqual(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  to: number,
): boolean {
  const v = f[order[from]! * m + k]!;
  for (let i = from + 1; i < to; i++) if (f[order[i]! * m + k] !== v) return false;
  return true;
}
