/**
 * A set of integers in `[0, capacity)` with predecessor and successor queries: a 32-ary tree of
 * bit words (level 0 holds one bit per integer, each higher level one bit per non-empty word of
 * the level below), as in the "fast set" of van Emde Boas-style structures.
 *
 * Why not a balanced search tree: the sweeps that use it (the 2-D staircases of the 3-D
 * hypervolume and contributions) know every key in advance, so keys are replaced by their ranks,
 * and each operation becomes `ceil(log32 n)` word operations with `Math.clz32`, without
 * allocation or pointer chasing (4 levels for a million points). O(capacity / 32) memory.
 */
export class RankSet {
  private readonly words: Int32Array;
  /** Start of each level in `words`, level 0 first. */
  private readonly offsets: Int32Array;
  private readonly levels: number;

  constructor(capacity: number) {
    const offs: number[] = [];
    let total = 0;
    let size = Math.max(1, capacity);
    do {
      size = (size + 31) >>> 5;
      offs.push(total);
      total += size;
    } while (size > 1);
    this.words = new Int32Array(total);
    this.offsets = Int32Array.from(offs);
    this.levels = offs.length;
  }

  /** Removes every element. O(capacity / 32). */
  clear(): void {
    this.words.fill(0);
  }

  has(r: number): boolean {
    return (this.words[r >>> 5]! & (1 << (r & 31))) !== 0;
  }

  insert(r: number): void {
    const w = this.words;
    for (let l = 0; l < this.levels; l++) {
      const at = this.offsets[l]! + (r >>> 5);
      const before = w[at]!;
      w[at] = before | (1 << (r & 31));
      if (before !== 0) return; // the levels above already know this word is non-empty
      r >>>= 5;
    }
  }

  delete(r: number): void {
    const w = this.words;
    for (let l = 0; l < this.levels; l++) {
      const at = this.offsets[l]! + (r >>> 5);
      const after = w[at]! & ~(1 << (r & 31));
      w[at] = after;
      if (after !== 0) return;
      r >>>= 5;
    }
  }

  /** The smallest element, or -1 when empty. */
  first(): number {
    return this.has(0) ? 0 : this.next(0);
  }

  /** The smallest element greater than `r` (r >= 0), or -1. */
  next(r: number): number {
    const w = this.words;
    const off = this.offsets;
    let l = 0;
    let pos = r;
    for (; l < this.levels; l++) {
      const bit = pos & 31;
      const word = pos >>> 5;
      const m = bit === 31 ? 0 : w[off[l]! + word]! & (-1 << (bit + 1));
      if (m !== 0) {
        pos = (word << 5) | (31 - Math.clz32(m & -m));
        while (l > 0) {
          l--;
          const x = w[off[l]! + pos]!;
          pos = (pos << 5) | (31 - Math.clz32(x & -x));
        }
        return pos;
      }
      pos = word;
    }
    return -1;
  }

  /** The largest element smaller than `r` (r >= 0), or -1. */
  prev(r: number): number {
    const w = this.words;
    const off = this.offsets;
    let l = 0;
    let pos = r;
    for (; l < this.levels; l++) {
      const bit = pos & 31;
      const word = pos >>> 5;
      const m = bit === 0 ? 0 : w[off[l]! + word]! & (-1 >>> (32 - bit));
      if (m !== 0) {
        pos = (word << 5) | (31 - Math.clz32(m));
        while (l > 0) {
          l--;
          pos = (pos << 5) | (31 - Math.clz32(w[off[l]! + pos]!));
        }
        return pos;
      }
      pos = word;
    }
    return -1;
  }
}
