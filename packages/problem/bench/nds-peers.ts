// Non-dominated sorting: ParetoKit's nonDominatedSort against moocore's pareto_rank and pymoo's
// NonDominatedSorting on the same points (sort-inputs.ts), each timed in its own process around
// the call only. Used by `pnpm bench:peers` (bench/peers.ts at the repository root).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nonDominatedSort } from '../src/index.js';
import { sortPoints } from './sort-inputs.js';

/** One point set: n rows, m objectives, uniform or concave (see {@link sortPoints}). */
export interface SortCase {
  readonly n: number;
  readonly m: number;
  readonly concave: boolean;
  /** Timed calls per side and round for this case (default: the run's `reps`). */
  readonly reps?: number;
}

/** Times in milliseconds of every timed call, per side, and whether the ranks agree. */
export interface SortComparison extends SortCase {
  readonly paretokitMs: number[];
  readonly moocoreMs: number[];
  readonly pymooMs: number[];
  readonly fronts: number;
  /** ParetoKit's rank of every row equals moocore's, and pymoo found as many fronts. */
  readonly agree: boolean;
}

export interface SortPeers {
  readonly python: string;
  readonly moocore: string;
  readonly pymoo: string;
  readonly cases: SortComparison[];
}

interface PeerOutput {
  python: string;
  moocore: string;
  pymoo: string;
  cases: { n: number; m: number; moocore_ms: number[]; pymoo_ms: number[]; rank: number[]; fronts: number }[];
}

/**
 * Runs `rounds` alternating rounds: the Python peers on every case (a fresh process, one warm-up
 * call then `reps` timed calls per library), then ParetoKit on every case (warmed up by repeating
 * the call for at least 1 s, and at least twice, then `reps` timed calls), so both sides see the same machine load.
 * A case's own `reps` overrides the run's.
 */
export function compareNonDominatedSort(options: {
  readonly cases: readonly SortCase[];
  readonly reps: number;
  readonly rounds: number;
  readonly python?: string;
  readonly seed?: number;
}): SortPeers {
  const { cases, reps, rounds } = options;
  const python = options.python ?? 'python3';
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-nds-'));
  try {
    const sets = cases.map((c, i) => {
      const data = sortPoints(c.n, c.m, c.concave, (options.seed ?? 1) + i);
      const file = join(dir, `points-${i}.f64`);
      writeFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      return { ...c, data, file };
    });
    const manifest = join(dir, 'manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({ cases: sets.map(({ n, m, file, reps: r }) => ({ n, m, file, reps: r ?? reps })) }),
    );
    const script = fileURLToPath(new URL('nds_peers.py', import.meta.url));
    const results = sets.map((c) => ({
      n: c.n,
      m: c.m,
      concave: c.concave,
      paretokitMs: [] as number[],
      moocoreMs: [] as number[],
      pymooMs: [] as number[],
      fronts: 0,
      agree: true,
    }));
    let versions = { python: '', moocore: '', pymoo: '' };
    for (let round = 0; round < rounds; round++) {
      const peer = JSON.parse(
        execFileSync(python, [script, manifest, String(reps)], { encoding: 'utf8', maxBuffer: 1 << 28 }),
      ) as PeerOutput;
      versions = { python: peer.python, moocore: peer.moocore, pymoo: peer.pymoo };
      sets.forEach((c, i) => {
        const r = results[i]!;
        const theirs = peer.cases[i]!;
        r.moocoreMs.push(...theirs.moocore_ms);
        r.pymooMs.push(...theirs.pymoo_ms);
        const F = { rows: c.n, cols: c.m, data: c.data };
        let sorted = nonDominatedSort(F);
        const warm = performance.now();
        for (let w = 1; w < 3 || performance.now() - warm < 1000; w++) sorted = nonDominatedSort(F);
        for (let k = 0; k < (c.reps ?? reps); k++) {
          const start = performance.now();
          sorted = nonDominatedSort(F);
          r.paretokitMs.push(performance.now() - start);
        }
        r.fronts = sorted.fronts.length;
        if (theirs.fronts !== sorted.fronts.length || theirs.rank.some((v, j) => v !== sorted.rank[j])) {
          r.agree = false;
        }
      });
    }
    return { ...versions, cases: results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
