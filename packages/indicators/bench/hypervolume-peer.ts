// Exact hypervolume and hypervolume contributions, ParetoKit against moocore (C, called from
// Python), on the same points: the measurement behind hypervolume-vs-moocore.ts and the hv section
// of `pnpm bench:peers`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hypervolume, hypervolumeContributions, type PointSet } from '../src/index.js';
import { spherePoints } from '../test/sphere-points.js';

/** d = 2 to 6, n = 100 to 100,000 where moocore takes under a minute (issue 20): [d, n]. */
export const HYPERVOLUME_CASES: readonly (readonly [d: number, n: number])[] = [
  [2, 100],
  [2, 1_000],
  [2, 10_000],
  [2, 100_000],
  [3, 100],
  [3, 1_000],
  [3, 10_000],
  [3, 100_000],
  [4, 100],
  [4, 1_000],
  [4, 10_000],
  [4, 100_000],
  [5, 100],
  [5, 1_000],
  [5, 10_000],
  [6, 100],
  [6, 1_000],
  // Left out: d = 5 at n = 100,000 (moocore about 10 minutes) and d = 6 from n = 10,000.
];
/** A reduced set for quick runs. */
export const HYPERVOLUME_QUICK_CASES: readonly (readonly [d: number, n: number])[] = [
  [2, 10_000],
  [3, 10_000],
  [4, 1_000],
  [5, 100],
  [6, 100],
];
/** Contributions sizes where moocore's hv_contributions finishes well under a minute: [d, n]. */
export const CONTRIBUTIONS_CASES: readonly (readonly [d: number, n: number])[] = [
  [2, 1_000],
  [2, 10_000],
  [3, 1_000],
  [3, 10_000],
  [4, 100],
  [4, 1_000],
  [5, 100],
];
/** A reduced set for quick runs. */
export const CONTRIBUTIONS_QUICK_CASES: readonly (readonly [d: number, n: number])[] = [
  [2, 1_000],
  [3, 1_000],
  [4, 100],
  [5, 100],
];
export const HYPERVOLUME_REFERENCE = 1.1;
const SEED = 20_240_601;

/** SplitMix32-seeded xorshift128+-like stream in [0, 1): enough for test data, and reproducible. */
function uniform(seed: number): () => number {
  let a = seed | 0;
  let b = (seed ^ 0x9e3779b9) | 0;
  let c = 0x6a09e667;
  let d = 0xbb67ae85;
  return () => {
    // sfc32 (Doty-Humphrey's small fast counting generator)
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** n points of a concave front (|Gaussian| vectors normalized to the unit sphere), seeded. */
export function concaveFront(n: number, d: number, seed: number): Float64Array {
  const u = uniform(seed);
  for (let i = 0; i < 20; i++) u();
  return spherePoints(n, d, u);
}

/** What is timed: `hypervolume`, or `hypervolumeContributions` against moocore's `hv_contributions`. */
export type HypervolumeIndicator = 'hypervolume' | 'contributions';

/** One case: all timed runs of both sides (milliseconds), the cold first call and both values. */
export interface HypervolumeComparison {
  readonly indicator: HypervolumeIndicator;
  readonly n: number;
  readonly d: number;
  readonly paretokitMs: number[];
  readonly moocoreMs: number[];
  /** ParetoKit's very first call on this case (cold, before V8 optimized the loops). */
  readonly firstCallMs: number;
  /** The hypervolume, or for contributions their sum. */
  readonly value: number;
  readonly moocoreValue: number;
  /**
   * |value - moocoreValue| / |moocoreValue| for hypervolume; for contributions the largest such
   * difference over the points (against the largest moocore contribution where moocore's is 0).
   */
  readonly relativeDifference: number;
  /** max |value - moocoreValue| (over the points for contributions). */
  readonly absoluteDifference: number;
}

export interface HypervolumePeers {
  readonly python: string;
  readonly moocore: string;
  readonly cases: HypervolumeComparison[];
}

interface Peer {
  moocore: string;
  python: string;
  cases: { n: number; d: number; value: number | number[]; times_ms: number[] }[];
}

/** Largest relative difference of `ours` from `theirs`, element by element. */
function relativeDifference(ours: ArrayLike<number>, theirs: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < theirs.length; i++) scale = Math.max(scale, Math.abs(theirs[i]!));
  let worst = ours.length === theirs.length ? 0 : Number.POSITIVE_INFINITY;
  for (let i = 0; i < theirs.length; i++) {
    const diff = Math.abs(ours[i]! - theirs[i]!);
    if (diff !== 0) worst = Math.max(worst, diff / (theirs[i] !== 0 ? Math.abs(theirs[i]!) : scale));
  }
  return worst;
}

function absoluteDifference(ours: ArrayLike<number>, theirs: ArrayLike<number>): number {
  let worst = ours.length === theirs.length ? 0 : Number.POSITIVE_INFINITY;
  for (let i = 0; i < theirs.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - theirs[i]!));
  return worst;
}

const sum = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
};

/**
 * Case by case, in `rounds` alternating rounds (moocore in a fresh Python process running
 * moocore_hv.py: one warm-up then `reps` timed calls; then ParetoKit in this process: warmed up by
 * repeating the call for at least 1 s, and at least twice, then `reps` timed calls), so that both
 * see the same machine load. `indicator` (default `hypervolume`) picks what both sides compute.
 */
export function compareHypervolume(options: {
  readonly cases: readonly (readonly [d: number, n: number])[];
  readonly indicator?: HypervolumeIndicator;
  readonly reps: number;
  readonly rounds: number;
  readonly python?: string;
  readonly onCase?: (c: HypervolumeComparison) => void;
}): HypervolumePeers {
  const { reps, rounds } = options;
  const indicator = options.indicator ?? 'hypervolume';
  const compute: (points: PointSet, reference: number[]) => number | Float64Array =
    indicator === 'hypervolume'
      ? (points, reference) => hypervolume(points, { reference })
      : (points, reference) => hypervolumeContributions(points, { reference });
  const python = options.python ?? process.env.PYTHON ?? 'python3';
  const script = fileURLToPath(new URL('moocore_hv.py', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-hv-'));
  try {
    let versions = { python: '', moocore: '' };
    const cases: HypervolumeComparison[] = [];
    options.cases.forEach(([d, n], i) => {
      const data = concaveFront(n, d, SEED + i);
      const file = join(dir, `front-${d}d-${n}.f64`);
      writeFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      const manifest = join(dir, 'manifest.json');
      writeFileSync(manifest, JSON.stringify({ reference: HYPERVOLUME_REFERENCE, cases: [{ n, d, file }] }));
      const reference = new Array<number>(d).fill(HYPERVOLUME_REFERENCE);
      const points = { rows: n, cols: d, data };
      const moocoreMs: number[] = [];
      const paretokitMs: number[] = [];
      let moocoreValue: number | number[] = Number.NaN;
      let value: number | Float64Array = Number.NaN;
      let firstCallMs = Number.NaN;
      for (let round = 0; round < rounds; round++) {
        const peer = JSON.parse(
          execFileSync(python, [script, manifest, String(reps), indicator], {
            encoding: 'utf8',
            maxBuffer: 1 << 24,
          }),
        ) as Peer;
        versions = { python: peer.python, moocore: peer.moocore };
        moocoreValue = peer.cases[0]!.value;
        moocoreMs.push(...peer.cases[0]!.times_ms);
        let start = performance.now();
        value = compute(points, reference);
        if (round === 0) firstCallMs = performance.now() - start;
        // Warm-up: V8 compiles the hot loops with its optimizing compiler (on a background thread)
        // only after they have run a while, so repeat for 1 s, and at least twice. (A cap of 200 calls
        // stopped fast calls after a few milliseconds, before V8 had optimized them: contributions
        // d = 2 n = 1,000 took 81 us a call after 200 calls, 54 us after 1 s.)
        const warm = performance.now();
        for (let w = 1; w < 3 || performance.now() - warm < 1000; w++) {
          value = compute(points, reference);
        }
        for (let r = 0; r < reps; r++) {
          start = performance.now();
          value = compute(points, reference);
          paretokitMs.push(performance.now() - start);
        }
      }
      const ours = typeof value === 'number' ? [value] : value;
      const theirs = typeof moocoreValue === 'number' ? [moocoreValue] : moocoreValue;
      const result = {
        indicator,
        n,
        d,
        paretokitMs,
        moocoreMs,
        firstCallMs,
        value: sum(ours),
        moocoreValue: sum(theirs),
        relativeDifference: relativeDifference(ours, theirs),
        absoluteDifference: absoluteDifference(ours, theirs),
      };
      cases.push(result);
      options.onCase?.(result);
    });
    return { ...versions, cases };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
