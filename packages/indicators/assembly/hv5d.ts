// The 5-D sweep of src/internal/hv5d.ts in WebAssembly linear memory: the rows come sorted on
// the fifth objective (ties by the sum of the others); the 4-D front of the points seen so far
// lives in contribution4d's byZ and byW.

import { byW, byZ, cell, contribution4d, dominatedRows, wStart, zStart } from './contribution4d';

/**
 * Exact 5-D hypervolume of the n rows (x, y, z, w, v; 40 bytes a row) at `rows`, in ascending v
 * with ties ordered by x + y + z + w, all strictly dominating the reference point. O(n^3) worst
 * case.
 */
export function hv5dSorted(rows: usize, n: i32, r0: f64, r1: f64, r2: f64, r3: f64, r4: f64): f64 {
  let m = 0;
  let hv: f64 = 0;
  for (let k = 0; k < n; k++) {
    const at = rows + <usize>k * 40;
    const px = load<f64>(at);
    const py = load<f64>(at, 8);
    const pz = load<f64>(at, 16);
    const pw = load<f64>(at, 24);
    const c = contribution4d(px, py, pz, pw, m, -1, -1, r0, r1, r2, r3);
    if (c < 0) continue; // an earlier point dominates p in 4-D: p adds nothing, now or later
    hv += c * (r4 - load<f64>(at, 32));
    m = absorbRow(m, px, py, pz, pw);
  }
  return hv;
}

/**
 * The 5-D exclusive contribution of p = (px, py, pz, pw, p4) given its limit set (the earlier
 * points clamped to p's box) split in two: the `rows` rows whose fifth value is p's, already in
 * byZ and byW (sorted, none weakly dominating another), and the `u` rows above, (x, y, z, w, v;
 * 40 bytes a row) at `upper` in ascending v with ties ordered by x + y + z + w. The steps of
 * contribution5d in src/internal/hv5d.ts. O(m^2 * front size) worst case.
 */
export function contribution5dSorted(
  upper: usize,
  u: i32,
  rows: i32,
  px: f64,
  py: f64,
  pz: f64,
  pw: f64,
  p4: f64,
  r0: f64,
  r1: f64,
  r2: f64,
  r3: f64,
  r4: f64,
): f64 {
  let exposed = contribution4d(px, py, pz, pw, rows, -1, -1, r0, r1, r2, r3);
  if (exposed <= 0) return 0;
  let contribution: f64 = 0;
  let last = p4;
  let m = rows;
  for (let k = 0; k < u; k++) {
    const at = upper + <usize>k * 40;
    const v = load<f64>(at, 32);
    contribution += exposed * (v - last);
    last = v;
    const qx = load<f64>(at);
    const qy = load<f64>(at, 8);
    const qz = load<f64>(at, 16);
    const qw = load<f64>(at, 24);
    if (qx === px && qy === py && qz === pz && qw === pw) return contribution; // covers p's 4-D box
    const c = contribution4d(qx, qy, qz, qw, m, -1, -1, r0, r1, r2, r3);
    if (c < 0) continue;
    exposed -= c;
    m = absorbRow(m, qx, qy, qz, qw);
  }
  return contribution + exposed * (r4 - last);
}

/** Drops the rows p dominates (contribution4d counted them) and inserts p in both orders. */
function absorbRow(m: i32, x: f64, y: f64, z: f64, w: f64): i32 {
  const dominated = dominatedRows;
  if (dominated !== 0) {
    dropDominated(byW, wStart, m, dominated, x, y, z, w);
    m = dropDominated(byZ, zStart, m, dominated, x, y, z, w);
  }
  insertRow(byZ, m, 2, x, y, z, w, zStart);
  insertRow(byW, m, 3, x, y, z, w, wStart);
  return m + 1;
}

/** Removes from rows start..m-1 the `count` rows p weakly dominates; returns the new m. */
function dropDominated(rows: usize, start: i32, m: i32, count: i32, px: f64, py: f64, pz: f64, pw: f64): i32 {
  let kept = start;
  for (let j = start; j < m; j++) {
    if (kept + count === j) {
      memory.copy(rows + ((<usize>kept) << 5), rows + ((<usize>j) << 5), (<usize>(m - j)) << 5);
      return m - count;
    }
    const x = cell(rows, j, 0);
    const y = cell(rows, j, 1);
    const z = cell(rows, j, 2);
    const w = cell(rows, j, 3);
    if (px <= x && py <= y && pz <= z && pw <= w) continue;
    if (kept !== j) setRow(rows, kept, x, y, z, w);
    kept++;
  }
  return kept;
}

/** Inserts (x, y, z, w) among the first m rows, sorted on column c, looking from row `from` on. */
function insertRow(rows: usize, m: i32, c: i32, x: f64, y: f64, z: f64, w: f64, from: i32): void {
  const key = c === 2 ? z : w;
  let at = from;
  while (at < m && cell(rows, at, c) <= key) at++;
  const o = rows + ((<usize>at) << 5);
  memory.copy(o + 32, o, (<usize>(m - at)) << 5);
  setRow(rows, at, x, y, z, w);
}

function setRow(rows: usize, j: i32, x: f64, y: f64, z: f64, w: f64): void {
  const at = rows + ((<usize>j) << 5);
  store<f64>(at, x);
  store<f64>(at, y, 8);
  store<f64>(at, z, 16);
  store<f64>(at, w, 24);
}
