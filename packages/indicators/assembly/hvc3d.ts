// The 3-D hypervolume contributions sweep of src/internal/hvc3d.ts (read that file's comments for
// the algorithm) in WebAssembly linear memory. The caller sorts: it writes the z values in
// ascending order, the (x, y) rank of the point at each place of that order, and x and y by rank
// (one spare slot each); the sweep writes each rank's contribution to `volume`.

import {
  rankSetAt,
  rankSetBytes,
  setAfter,
  setBelow,
  setDelete,
  setInsertAfter,
  setNext,
  setPrev,
} from './linked-rank-set';

let zKeys: usize = 0;
let xs: usize = 0;
let ys: usize = 0;
let volume: usize = 0;
let rankByZ: usize = 0;
let exclusive: usize = 0;
let since: usize = 0;
let stairs: usize = 0;
let inner: usize = 0;

/**
 * Bytes of the sweep on n points: from the start, z values (n f64), x and y by rank (n + 1 f64
 * each), the volume by rank (n f64: the output), the ranks by z (n i32), then its own state.
 */
export function contributions3dBytes(n: i32): usize {
  return <usize>n * 52 + 16 + 2 * rankSetBytes(n);
}

/** Lays the sweep out at `at` (8-byte aligned) for n points. */
export function contributions3dAt(at: usize, n: i32): void {
  const size = <usize>n;
  zKeys = at;
  xs = zKeys + (size << 3);
  ys = xs + ((size + 1) << 3);
  volume = ys + ((size + 1) << 3);
  exclusive = volume + (size << 3);
  since = exclusive + (size << 3);
  rankByZ = since + (size << 3);
  stairs = rankByZ + (size << 2);
  inner = stairs + rankSetBytes(n);
  rankSetAt(stairs, n);
  rankSetAt(inner, n);
  memory.fill(volume, 0, size * 24);
}

/** Where contributions3dAt put the ranks by z (after z, x, y, volume and its own two arrays). */
export function contributions3dRanks(): usize {
  return rankByZ;
}

function X(r: i32): f64 {
  return load<f64>(xs + ((<usize>r) << 3));
}
function Y(r: i32): f64 {
  return load<f64>(ys + ((<usize>r) << 3));
}
function cell(array: usize, r: i32): usize {
  return array + ((<usize>r) << 3);
}

/** Integrates the exclusive area of staircase point r up to z and sets it to `area`. */
function flush(r: i32, z: f64, area: f64): void {
  store<f64>(
    cell(volume, r),
    load<f64>(cell(volume, r)) + load<f64>(cell(exclusive, r)) * (z - load<f64>(cell(since, r))),
  );
  store<f64>(cell(since, r), z);
  store<f64>(cell(exclusive, r), area);
}

/** The sweep on n points laid out by contributions3dAt; reference (rx, ry, rz). O(n log n). */
export function contributions3d(n: i32, rx: f64, ry: f64, rz: f64): void {
  for (let k = 0; k < n; k++) {
    const z = load<f64>(zKeys + ((<usize>k) << 3));
    const r = load<i32>(rankByZ + ((<usize>k) << 2));
    const left = setBelow(stairs, r);
    if (left >= 0 && Y(left) <= Y(r)) dominatedPoint(r, left, z, n, rx, ry);
    else stairPoint(r, left, z, n, rx, ry);
  }
  for (let s = setAfter(stairs, -1); s >= 0; s = setNext(stairs, s)) flush(s, rz, 0);
}

/** q (rank r) lies under the staircase point `left`: it may join left's inner points. */
function dominatedPoint(r: i32, left: i32, z: f64, n: i32, rx: f64, ry: f64): void {
  const x = X(r);
  const y = Y(r);
  const ll = setPrev(stairs, left);
  const top = ll >= 0 ? Y(ll) : ry;
  if (y >= top) return;
  const right = setNext(stairs, left);
  const end = right >= 0 ? right : n;
  const ip = setBelow(inner, r);
  let h = top;
  if (ip > left) {
    if (Y(ip) <= y) return; // an inner point of `left` dominates q as well
    h = Y(ip);
  }
  let covered: f64 = 0;
  let cur = x;
  let s = setAfter(inner, ip);
  while (s >= 0 && s < end && Y(s) >= y) {
    covered += (X(s) - cur) * (h - y);
    cur = X(s);
    h = Y(s);
    setDelete(inner, s);
    s = setNext(inner, s);
  }
  const stop = s >= 0 && s < end ? X(s) : right >= 0 ? X(right) : rx;
  covered += (stop - cur) * (h - y);
  flush(left, z, load<f64>(cell(exclusive, left)) - covered);
  setInsertAfter(inner, ip, r);
}

/** q (rank r) joins the staircase after `left`. */
function stairPoint(r: i32, left: i32, z: f64, n: i32, rx: f64, ry: f64): void {
  const x = X(r);
  const y = Y(r);
  let succ = setAfter(stairs, left);
  const top = left >= 0 ? Y(left) : ry;
  let pred = setBelow(inner, r);
  if (left >= 0) {
    const ll = setPrev(stairs, left);
    const leftTop = ll >= 0 ? Y(ll) : ry;
    let h = pred > left ? Y(pred) : leftTop;
    const ly = Y(left);
    let lost: f64 = 0;
    let cur = x;
    let s = setAfter(inner, pred);
    const end = succ >= 0 ? succ : n;
    while (s >= 0 && s < end) {
      lost += (X(s) - cur) * (h - ly);
      cur = X(s);
      h = Y(s);
      setDelete(inner, s);
      s = setNext(inner, s);
    }
    lost += ((succ >= 0 ? X(succ) : rx) - cur) * (h - ly);
    flush(left, z, load<f64>(cell(exclusive, left)) - lost);
  }
  let area: f64 = 0;
  let cur = x;
  let h = top;
  while (succ >= 0 && Y(succ) >= y) {
    const dominated = succ;
    area += (X(dominated) - cur) * (h - y);
    cur = X(dominated);
    h = Y(dominated);
    flush(dominated, z, 0);
    succ = setNext(stairs, dominated);
    const end = succ >= 0 ? succ : n;
    for (let s = setAfter(inner, pred); s >= 0 && s < end; s = setNext(inner, s)) setDelete(inner, s);
    setDelete(stairs, dominated);
    setInsertAfter(inner, pred, dominated);
    pred = dominated;
  }
  area += ((succ >= 0 ? X(succ) : rx) - cur) * (h - y);
  store<f64>(cell(exclusive, r), area);
  store<f64>(cell(since, r), z);
  if (succ >= 0) rightLoses(succ, pred, h, y, z, n, rx);
  setInsertAfter(stairs, left, r);
}

/** The right neighbour succ of a new staircase point at height y loses the rows from y up. */
function rightLoses(succ: i32, pred: i32, oldTop: f64, y: f64, z: f64, n: i32, rx: f64): void {
  const rr = setNext(stairs, succ);
  const end = rr >= 0 ? rr : n;
  let lost: f64 = 0;
  let c = X(succ);
  let hh = oldTop;
  let s = setAfter(inner, pred);
  while (s >= 0 && s < end && Y(s) >= y) {
    lost += (X(s) - c) * (hh - y);
    c = X(s);
    hh = Y(s);
    setDelete(inner, s);
    s = setNext(inner, s);
  }
  lost += ((s >= 0 && s < end ? X(s) : rr >= 0 ? X(rr) : rx) - c) * (hh - y);
  flush(succ, z, load<f64>(cell(exclusive, succ)) - lost);
}
