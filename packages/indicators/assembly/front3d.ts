// The 3-D front of HV4D+ (Guerreiro & Fonseca, IEEE TEC 2018) in WebAssembly linear memory: the
// same data structure and steps as src/internal/front3d.ts (read that file's comments for the
// algorithm), with node q's x, y, z at `points + 32q` and its six links (i32) at `links + 32q`.
// One front per module instance, placed by frontAt.

let points: usize = 0;
let links: usize = 0;
let SA: i32 = 0;
let SB: i32 = 0;
let SE: i32 = 0;
let count: i32 = 0;
let lastDominator: i32 = 0;
let live: bool = true;
let stairTop: i32 = 0;
let topZ: f64 = -Infinity;

// Link slots: next and prev in the (z, y, x) list, the remembered staircase neighbours leftOf
// and rightOf, the staircase being rebuilt (stairLeft, stairRight).
const NEXT = 0;
const PREV = 1;
const LEFT = 2;
const RIGHT = 3;
const STAIR_LEFT = 4;
const STAIR_RIGHT = 5;

function X(q: i32): f64 {
  return load<f64>(points + ((<usize>q) << 5));
}
function Y(q: i32): f64 {
  return load<f64>(points + ((<usize>q) << 5), 8);
}
function Z(q: i32): f64 {
  return load<f64>(points + ((<usize>q) << 5), 16);
}
function setPoint(q: i32, x: f64, y: f64, z: f64): void {
  const at = points + ((<usize>q) << 5);
  store<f64>(at, x);
  store<f64>(at, y, 8);
  store<f64>(at, z, 16);
}
function link(q: i32, k: i32): i32 {
  return load<i32>(links + ((<usize>q) << 5) + ((<usize>k) << 2));
}
function setLink(q: i32, k: i32, v: i32): void {
  store<i32>(links + ((<usize>q) << 5) + ((<usize>k) << 2), v);
}

/** Bytes a front of `capacity` points takes. */
export function frontBytes(capacity: i32): usize {
  return (<usize>(capacity + 3)) << 6;
}

/** Places a front of `capacity` points at `at` (frontBytes(capacity) bytes). */
export function frontAt(at: usize, capacity: i32): void {
  points = at;
  links = at + ((<usize>(capacity + 3)) << 5);
  SA = capacity;
  SB = capacity + 1;
  SE = capacity + 2;
}

/** Empties the front and sets the reference point. O(1). */
export function frontReset(rx: f64, ry: f64, rz: f64): void {
  setPoint(SA, -Infinity, ry, -Infinity);
  setPoint(SB, rx, -Infinity, -Infinity);
  setPoint(SE, -Infinity, -Infinity, rz);
  setLink(SA, NEXT, SB);
  setLink(SB, PREV, SA);
  setLink(SB, NEXT, SE);
  setLink(SE, PREV, SB);
  setLink(SE, NEXT, SE);
  setLink(SA, STAIR_RIGHT, SB);
  setLink(SB, STAIR_LEFT, SA);
  count = 0;
  lastDominator = SE;
  live = true;
  stairTop = SB;
  topZ = -Infinity;
}

/** Adds a point at the floor height given later to frontCloseFloor. O(staircase). */
export function frontAddAtFloor(px: f64, py: f64): void {
  if (walkStaircase(px, py)) return; // weakly dominated
  const t = leftOfP;
  const s = pastCovered(rightOfP, py);
  const p = count++;
  setPoint(p, px, py, 0);
  setLink(p, STAIR_LEFT, t);
  setLink(p, STAIR_RIGHT, s);
  setLink(t, STAIR_RIGHT, p);
  setLink(s, STAIR_LEFT, p);
}

/** Puts the floor points at height z0; returns the volume they dominate. O(staircase). */
export function frontCloseFloor(z0: f64): f64 {
  const ry = Y(SA);
  let area: f64 = 0;
  let last = SB;
  for (let s = link(SB, STAIR_LEFT); s !== SA; s = link(s, STAIR_LEFT)) {
    const right = link(s, STAIR_RIGHT);
    area += (X(right) - X(s)) * (ry - Y(s));
    store<f64>(points + ((<usize>s) << 5), z0, 16);
    setLink(s, LEFT, SA);
    setLink(s, RIGHT, right);
    setLink(last, NEXT, s);
    setLink(s, PREV, last);
    last = s;
  }
  setLink(last, NEXT, SE);
  setLink(SE, PREV, last);
  topZ = z0;
  return area * (Z(SE) - z0);
}

/** frontAdd for a point above every point so far, on the live staircase: O(staircase). */
export function frontAddOnTop(px: f64, py: f64, pz: f64): f64 {
  if (!live || !(pz > topZ)) return frontAdd(px, py, pz);
  if (walkStaircase(px, py)) return 0;
  const t = leftOfP;
  const area = openArea(px, py);
  const s = rightOfP;
  const p = count++;
  setPoint(p, px, py, pz);
  setLink(p, LEFT, t);
  setLink(p, RIGHT, s);
  setLink(p, STAIR_LEFT, t);
  setLink(p, STAIR_RIGHT, s);
  setLink(t, STAIR_RIGHT, p);
  setLink(s, STAIR_LEFT, p);
  insertBefore(p, SE);
  topZ = pz;
  return area * (Z(SE) - pz);
}

/** Adds (px, py, pz); returns the volume it adds (0 when a point weakly dominates it). O(size). */
export function frontAdd(px: f64, py: f64, pz: f64): f64 {
  const c = lastDominator;
  if (X(c) <= px && Y(c) <= py && Z(c) <= pz) return 0;
  // 1. The staircase of the points below p in (z, y, x) order, and p's place in the list.
  let q = resumeStaircase(px, py, pz);
  live = false;
  for (;;) {
    const qz = Z(q);
    if (qz > pz) break;
    const qx = X(q);
    const qy = Y(q);
    if (qx <= px && qy <= py) {
      lastDominator = q;
      stairTop = link(q, PREV);
      return 0;
    }
    if (qz === pz && (qy > py || (qy === py && qx > px))) break;
    setLink(q, STAIR_RIGHT, link(q, RIGHT));
    setLink(link(q, LEFT), STAIR_RIGHT, q);
    q = link(q, NEXT);
  }
  const after = q;
  if (walkStaircase(px, py)) {
    lastDominator = Y(leftOfP) <= py ? leftOfP : rightOfP;
    stairTop = link(after, PREV);
    return 0;
  }
  // 2. The area of p's box the staircase leaves open at height pz.
  const bestL = leftOfP;
  let area = openArea(px, py);
  // 3. Insert p, then sweep up: volume, and the relinking of the later points.
  const p = count++;
  setPoint(p, px, py, pz);
  setLink(p, LEFT, bestL);
  setLink(p, RIGHT, rightOfP);
  insertBefore(p, after);
  let volume: f64 = 0;
  let lastZ = pz;
  q = after;
  for (;;) {
    volume += area * (Z(q) - lastZ);
    if (X(q) <= px && Y(q) <= py) break; // q covers all of p's box (SE always does)
    lastZ = Z(q);
    area -= sweepPast(q, px, py);
    relink(q, p, px, py, pz);
    q = link(q, NEXT);
  }
  stairTop = link(q, PREV);
  spliceIntoStaircase(p, px, py);
  while (q !== SE && relink(q, p, px, py, pz)) q = link(q, NEXT);
  return volume;
}

function resumeStaircase(px: f64, py: f64, pz: f64): i32 {
  const t = live ? link(SE, PREV) : stairTop;
  const tz = Z(t);
  const ty = Y(t);
  if (tz < pz || (tz === pz && (ty < py || (ty === py && X(t) <= px)))) return link(t, NEXT);
  setLink(SA, STAIR_RIGHT, SB);
  return link(SB, NEXT);
}

function spliceIntoStaircase(p: i32, px: f64, py: f64): void {
  walkStaircase(px, py);
  setLink(leftOfP, STAIR_RIGHT, p);
  setLink(p, STAIR_RIGHT, pastCovered(rightOfP, py));
}

/** Set by walkStaircase: the last staircase point with x < px, and the one after it. */
let leftOfP: i32 = 0;
let rightOfP: i32 = 0;

/**
 * Walks the staircase (stairRight links from SA) to x = px, setting leftOfP and rightOfP; true
 * when a point on it weakly dominates (px, py). O(staircase).
 */
function walkStaircase(px: f64, py: f64): bool {
  let t = SA;
  let s = link(SA, STAIR_RIGHT);
  while (X(s) < px) {
    t = s;
    s = link(s, STAIR_RIGHT);
  }
  leftOfP = t;
  rightOfP = s;
  return Y(t) <= py || (X(s) === px && Y(s) <= py);
}

/** The first staircase point from s on with y < py (SB at the latest). */
function pastCovered(s: i32, py: f64): i32 {
  while (s !== SB && Y(s) >= py) s = link(s, STAIR_RIGHT);
  return s;
}

/**
 * After walkStaircase: the area of p's box (corner px, py) that the staircase leaves open, the
 * steps of the points inside the box cut out; moves rightOfP past those points.
 */
function openArea(px: f64, py: f64): f64 {
  let area: f64 = 0;
  let cur = px;
  let h = Y(leftOfP);
  let s = rightOfP;
  while (s !== SB && Y(s) >= py) {
    const sx = X(s);
    area += (sx - cur) * (h - py);
    cur = sx;
    h = Y(s);
    s = link(s, STAIR_RIGHT);
  }
  rightOfP = s;
  return area + (X(s) - cur) * (h - py);
}

/** Links node p into the (z, y, x) list just before node `after`. */
function insertBefore(p: i32, after: i32): void {
  const before = link(after, PREV);
  setLink(before, NEXT, p);
  setLink(p, PREV, before);
  setLink(p, NEXT, after);
  setLink(after, PREV, p);
}

function sweepPast(q: i32, px: f64, py: f64): f64 {
  const l = link(q, LEFT);
  const r = link(q, RIGHT);
  const a = max(X(q), px);
  const b = max(Y(q), py);
  const rx = X(r);
  let h = Y(l);
  let covered: f64 = 0;
  if (rx > a && h > b) {
    let t = link(l, STAIR_RIGHT);
    while (t !== r && X(t) <= a) {
      h = Y(t);
      t = link(t, STAIR_RIGHT);
    }
    let cur = a;
    while (h > b) {
      if (t === r) {
        covered += (rx - cur) * (h - b);
        break;
      }
      const tx = X(t);
      covered += (tx - cur) * (h - b);
      cur = tx;
      h = Y(t);
      t = link(t, STAIR_RIGHT);
    }
  }
  setLink(q, STAIR_RIGHT, r);
  setLink(l, STAIR_RIGHT, q);
  return covered;
}

function relink(q: i32, p: i32, px: f64, py: f64, pz: f64): bool {
  const qx = X(q);
  const qy = Y(q);
  if (qx <= px && qy <= py && (qx < px || qy < py)) return false;
  if (px <= qx && py <= qy) {
    const a = link(q, PREV);
    const b = link(q, NEXT);
    setLink(a, NEXT, b);
    setLink(b, PREV, a);
  } else if (px < qx) {
    const c = link(q, LEFT);
    const cy = Y(c);
    if (py < cy || (py === cy && (px < X(c) || (px === X(c) && pz < Z(c))))) setLink(q, LEFT, p);
  } else if (py < qy) {
    const c = link(q, RIGHT);
    const cx = X(c);
    if (px < cx || (px === cx && (py < Y(c) || (py === Y(c) && pz < Z(c))))) setLink(q, RIGHT, p);
  }
  return true;
}
