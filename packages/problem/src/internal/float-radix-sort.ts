// Stable LSD radix sort of row indices by one objective, on the bits of the float64 values. Each
// loop sits in its own small function: V8 then optimizes every loop as a whole function rather
// than through on-stack replacement, which it would redo on every call.

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;
/** Digit width: 3 digits per 32-bit word (11, 11 and 10 bits), 6 per key. */
const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;

/** Scratch buffers of {@link radixSortByObjective}, for ranges of up to `capacity` rows. */
export class RadixScratch {
  readonly keys: Float64Array;
  /** The keys' bits as 32-bit words (signed; only the bits matter). */
  readonly words: Int32Array;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly rows: Int32Array;
  readonly counts = new Int32Array(6 * BUCKETS);

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.words = new Int32Array(this.keys.buffer);
    this.src = new Int32Array(capacity);
    this.dst = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
  }
}

/**
 * Stably sorts `order[from..to)` (row indices of the row-major matrix f with m columns) by the
 * value in column k, -0 equal to 0. The values' bits are mapped to keys whose unsigned order is
 * the numbers' order, then sorted 11 bits at a time, skipping the digits all keys share: O(n)
 * per digit, at most 6 digits. NaN-free input assumed.
 */
export function radixSortByObjective(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  to: number,
  s: RadixScratch,
): void {
  const len = to - from;
  loadKeys(f, m, k, order, from, len, s);
  countDigits(s, len);
  let src = s.src;
  let dst = s.dst;
  identity(src, len);
  for (let pass = 0; pass < 6; pass++) {
    if (scatter(s, src, dst, len, pass)) {
      const t = src;
      src = dst;
      dst = t;
    }
  }
  storeRows(order, from, len, s.rows, src);
}

/** Copies the rows and their keys: negative numbers get every bit flipped, others the sign bit. */
function loadKeys(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  len: number,
  s: RadixScratch,
): void {
  const { keys, words, rows } = s;
  for (let i = 0; i < len; i++) {
    const row = order[from + i]!;
    rows[i] = row;
    const v = f[row * m + k]!;
    keys[i] = v === 0 ? 0 : v;
    const hi = words[2 * i + HI]!;
    const flip = hi >> 31;
    words[2 * i + HI] = hi ^ (flip | 0x80000000);
    words[2 * i + LO] = words[2 * i + LO]! ^ flip;
  }
}

function identity(a: Int32Array, len: number): void {
  for (let i = 0; i < len; i++) a[i] = i;
}

function storeRows(order: Int32Array, from: number, len: number, rows: Int32Array, slots: Int32Array): void {
  for (let i = 0; i < len; i++) order[from + i] = rows[slots[i]!]!;
}

/** Histograms of the 6 digits of keys[0..len): digit d (low word first) at counts[d·2048..]. */
function countDigits(s: RadixScratch, len: number): void {
  const { counts, words } = s;
  counts.fill(0);
  for (let i = 0; i < len; i++) {
    const lo = words[2 * i + LO]!;
    const hi = words[2 * i + HI]!;
    counts[lo & MASK]!++;
    counts[BUCKETS + ((lo >>> BITS) & MASK)]!++;
    counts[2 * BUCKETS + (lo >>> (2 * BITS))]!++;
    counts[3 * BUCKETS + (hi & MASK)]!++;
    counts[4 * BUCKETS + ((hi >>> BITS) & MASK)]!++;
    counts[5 * BUCKETS + (hi >>> (2 * BITS))]!++;
  }
}

/** One counting-sort pass of slots src → dst on digit `pass`; false (nothing moved) when all keys share it. */
function scatter(s: RadixScratch, src: Int32Array, dst: Int32Array, len: number, pass: number): boolean {
  const { counts, words } = s;
  const word = pass < 3 ? LO : HI;
  const shift = (pass % 3) * BITS;
  const base = pass * BUCKETS;
  if (counts[base + ((words[word]! >>> shift) & MASK)] === len) return false;
  let sum = 0;
  for (let b = base; b < base + BUCKETS; b++) {
    const c = counts[b]!;
    counts[b] = sum;
    sum += c;
  }
  for (let i = 0; i < len; i++) {
    const slot = src[i]!;
    dst[counts[base + ((words[2 * slot + word]! >>> shift) & MASK)]!++] = slot;
  }
  return true;
}
