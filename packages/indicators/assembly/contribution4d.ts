// The 4-D "one contribution" sweep of src/internal/contribution4d.ts (read that file's comments
// for the algorithm) in WebAssembly linear memory: the (x, y, z, w) rows, sorted by z at `byZ`
// and by w at `byW` (32 bytes a row), and its floor scratch (i32 a row) placed by rowsAt.

import { frontAdd, frontAddAtFloor, frontAddOnTop, frontCloseFloor, frontReset } from './front3d';

export let byZ: usize = 0;
export let byW: usize = 0;
let floorRows: usize = 0;
/** Where the last contribution4d found the first row with z >= pz in byZ. */
export let zStart: i32 = 0;
/** Where the last contribution4d found the first row with w >= pw in byW. */
export let wStart: i32 = 0;
/** How many rows the last contribution4d found p weakly dominates. */
export let dominatedRows: i32 = 0;

/** Bytes the sorted rows and the scratch of contribution4d take for `capacity` rows. */
export function rowsBytes(capacity: i32): usize {
  return <usize>capacity * 68;
}

/** Places the rows and scratch for `capacity` rows at `at` (rowsBytes(capacity) bytes). */
export function rowsAt(at: usize, capacity: i32): void {
  byZ = at;
  byW = at + ((<usize>capacity) << 5);
  floorRows = byW + ((<usize>capacity) << 5);
}

/** Column c of row j of the rows at `rows`. */
export function cell(rows: usize, j: i32, c: i32): f64 {
  return load<f64>(rows + ((<usize>j) << 5) + ((<usize>c) << 3));
}

/**
 * The 4-D exclusive contribution of p = (px, py, pz, pw) against the first m rows of byZ and
 * byW, skipping row skipZ of byZ and skipW of byW (-1: none); -1 when a row weakly dominates p.
 * Also sets zStart, wStart and dominatedRows. O(m * front size).
 */
export function contribution4d(
  px: f64,
  py: f64,
  pz: f64,
  pw: f64,
  m: i32,
  skipZ: i32,
  skipW: i32,
  r0: f64,
  r1: f64,
  r2: f64,
  r3: f64,
): f64 {
  let ux = r0;
  let uy = r1;
  let floorCount = 0;
  let j = 0;
  let first = -1;
  for (; j < m; j++) {
    const qz = cell(byZ, j, 2);
    if (qz > pz) break;
    if (first < 0 && qz >= pz) first = j;
    if (cell(byZ, j, 3) > pw || j === skipZ) continue;
    const qx = cell(byZ, j, 0);
    const qy = cell(byZ, j, 1);
    const ax = qx > px;
    const ay = qy > py;
    if (ax && ay) {
      store<i32>(floorRows + ((<usize>floorCount) << 2), j);
      floorCount++;
    } else if (ax) ux = min(ux, qx);
    else if (ay) uy = min(uy, qy);
    else return -1; // q weakly dominates p
  }
  zStart = first < 0 ? j : first;
  frontReset(ux, uy, r2);
  for (let k = 0; k < floorCount; k++) {
    const f = load<i32>(floorRows + ((<usize>k) << 2));
    const qx = cell(byZ, f, 0);
    const qy = cell(byZ, f, 1);
    if (qx < ux && qy < uy) frontAddAtFloor(qx, qy);
  }
  let exposed = (ux - px) * (uy - py) * (r2 - pz) - frontCloseFloor(pz);
  let uz = r2;
  for (; j < m; j++) {
    if (cell(byZ, j, 3) > pw || j === skipZ) continue;
    const qx = cell(byZ, j, 0);
    const qy = cell(byZ, j, 1);
    const qz = cell(byZ, j, 2);
    if (qz >= uz) break;
    if (qx >= ux || qy >= uy) continue;
    exposed -= frontAddOnTop(max(qx, px), max(qy, py), qz);
    if (qx <= px && qy <= py) uz = qz; // covers all of the box above: the box ends there
  }
  return sweepOnW(px, py, pz, pw, m, skipW, ux, uy, uz, r3, exposed);
}

/** The rows with w > pw, in ascending w, each taking its 3-D contribution from p's exposed box. */
function sweepOnW(
  px: f64,
  py: f64,
  pz: f64,
  pw: f64,
  m: i32,
  skipW: i32,
  ux: f64,
  uy: f64,
  uz: f64,
  r3: f64,
  exposed: f64,
): f64 {
  let contribution: f64 = 0;
  let lastW = pw;
  const start = lowerBound(byW, m, 3, pw);
  wStart = start;
  const above = upperBound(byW, m, 3, pw, start);
  let dominated = countDominated(start, above, skipW, px, py, pz);
  for (let j = above; j < m; j++) {
    if (j === skipW) continue;
    const qx = cell(byW, j, 0);
    const qy = cell(byW, j, 1);
    const qz = cell(byW, j, 2);
    dominated += i32(qx >= px) & i32(qy >= py) & i32(qz >= pz);
    if (qx >= ux || qy >= uy || qz >= uz) continue;
    const qw = cell(byW, j, 3);
    contribution += exposed * (qw - lastW);
    lastW = qw;
    const over = i32(qx > px) + i32(qy > py) + i32(qz > pz);
    if (over === 0) {
      // q covers p's whole box from here on: the sweep ends
      dominatedRows = dominated + countDominated(j + 1, m, skipW, px, py, pz);
      return contribution;
    }
    exposed -= frontAdd(max(qx, px), max(qy, py), max(qz, pz));
    if (over === 1) {
      if (qx > px) ux = qx;
      else if (qy > py) uy = qy;
      else uz = qz;
    }
  }
  dominatedRows = dominated;
  return contribution + exposed * (r3 - lastW);
}

function countDominated(from: i32, to: i32, skip: i32, px: f64, py: f64, pz: f64): i32 {
  let count = 0;
  for (let j = from; j < to; j++) {
    if (cell(byW, j, 0) >= px && cell(byW, j, 1) >= py && cell(byW, j, 2) >= pz && j !== skip) count++;
  }
  return count;
}

function lowerBound(rows: usize, m: i32, c: i32, key: f64): i32 {
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cell(rows, mid, c) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(rows: usize, m: i32, c: i32, key: f64, from: i32): i32 {
  let lo = from;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cell(rows, mid, c) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
