// The LinkedRankSet of src/internal/linked-rank-set.ts (over the RankSet of rank-set.ts: a 32-ary
// tree of bit words) in WebAssembly linear memory. A set is a 64-byte header at `s`: head (i32),
// levels (i32), the start of each level in the words (8 x i32), then the addresses of its words,
// next and prev arrays (i32 each); rankSetAt lays one out.

const HEAD = 0;
const LEVELS = 4;
const OFFSETS = 8;
const WORDS = 40;
const NEXT_OF = 44;
const PREV_OF = 48;

/** Bytes a set over ranks [0, capacity) takes, header included. */
export function rankSetBytes(capacity: i32): usize {
  return 64 + ((<usize>wordCount(capacity)) << 2) + ((<usize>capacity) << 3);
}

function wordCount(capacity: i32): i32 {
  let total = 0;
  let size = max(1, capacity);
  do {
    size = (size + 31) >>> 5;
    total += size;
  } while (size > 1);
  return total;
}

/** Lays out an empty set over ranks [0, capacity) at `s` (rankSetBytes(capacity) bytes). */
export function rankSetAt(s: usize, capacity: i32): void {
  let total = 0;
  let levels = 0;
  let size = max(1, capacity);
  do {
    size = (size + 31) >>> 5;
    store<i32>(s + OFFSETS + ((<usize>levels) << 2), total);
    levels++;
    total += size;
  } while (size > 1);
  store<i32>(s, -1, HEAD);
  store<i32>(s, levels, LEVELS);
  const words = s + 64;
  store<u32>(s, <u32>words, WORDS);
  const nextOf = words + ((<usize>total) << 2);
  store<u32>(s, <u32>nextOf, NEXT_OF);
  store<u32>(s, <u32>(nextOf + ((<usize>capacity) << 2)), PREV_OF);
  memory.fill(words, 0, (<usize>total) << 2);
}

function word(s: usize, level: i32, at: i32): usize {
  return <usize>load<u32>(s, WORDS) + ((<usize>(load<i32>(s + OFFSETS + ((<usize>level) << 2)) + at)) << 2);
}

function nextOf(s: usize, r: i32): usize {
  return <usize>load<u32>(s, NEXT_OF) + ((<usize>r) << 2);
}

function prevOf(s: usize, r: i32): usize {
  return <usize>load<u32>(s, PREV_OF) + ((<usize>r) << 2);
}

/** The largest member smaller than r (r >= 0), or -1. O(log32 n). */
export function setBelow(s: usize, r: i32): i32 {
  const levels = load<i32>(s, LEVELS);
  let pos = r;
  for (let l = 0; l < levels; l++) {
    const bit = pos & 31;
    const at = pos >>> 5;
    const m = bit === 0 ? 0 : load<i32>(word(s, l, at)) & (-1 >>> (32 - bit));
    if (m !== 0) {
      pos = (at << 5) | (31 - clz(m));
      while (l > 0) {
        l--;
        pos = (pos << 5) | (31 - clz(load<i32>(word(s, l, pos))));
      }
      return pos;
    }
    pos = at;
  }
  return -1;
}

/** The member after member p, or -1; for a deleted p, the member after it at deletion. */
export function setNext(s: usize, p: i32): i32 {
  return load<i32>(nextOf(s, p));
}

/** The member before member p, or -1. */
export function setPrev(s: usize, p: i32): i32 {
  return load<i32>(prevOf(s, p));
}

/** The first member after p (a member, or -1 for the smallest member), or -1. */
export function setAfter(s: usize, p: i32): i32 {
  return p >= 0 ? load<i32>(nextOf(s, p)) : load<i32>(s, HEAD);
}

/** Inserts r, whose predecessor among the members is p (-1: none). */
export function setInsertAfter(s: usize, p: i32, r: i32): void {
  const levels = load<i32>(s, LEVELS);
  let pos = r;
  for (let l = 0; l < levels; l++) {
    const at = word(s, l, pos >>> 5);
    const before = load<i32>(at);
    store<i32>(at, before | (1 << (pos & 31)));
    if (before !== 0) break;
    pos >>>= 5;
  }
  const n = setAfter(s, p);
  if (p >= 0) store<i32>(nextOf(s, p), r);
  else store<i32>(s, r, HEAD);
  store<i32>(prevOf(s, r), p);
  store<i32>(nextOf(s, r), n);
  if (n >= 0) store<i32>(prevOf(s, n), r);
}

/** Removes member r; setNext of r still gives the member that followed it. */
export function setDelete(s: usize, r: i32): void {
  const levels = load<i32>(s, LEVELS);
  let pos = r;
  for (let l = 0; l < levels; l++) {
    const at = word(s, l, pos >>> 5);
    const after = load<i32>(at) & ~(1 << (pos & 31));
    store<i32>(at, after);
    if (after !== 0) break;
    pos >>>= 5;
  }
  const p = load<i32>(prevOf(s, r));
  const n = load<i32>(nextOf(s, r));
  if (p >= 0) store<i32>(nextOf(s, p), n);
  else store<i32>(s, n, HEAD);
  if (n >= 0) store<i32>(prevOf(s, n), p);
}
