import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Matrix, toMatrix } from '@paretokit/problem';

/** One pymoo run as printed by pymoo-runs.py. */
export interface PymooRun {
  readonly config: string;
  readonly seed: number;
  readonly seconds: number;
  /** CPU seconds of the Python process during the run. */
  readonly cpuSeconds: number;
  /** Final feasible non-dominated set (pymoo's res.F). */
  readonly F: Matrix;
}

/** What pymoo-runs.py prints: versions and runs. */
export interface PymooRuns {
  readonly pymoo: string;
  readonly python: string;
  readonly runs: readonly PymooRun[];
}

/**
 * Runs scripts/pymoo-runs.py (python on PATH, or $PYTHON) on the given configurations and seeds
 * 1..seeds, and returns its runs with F as matrices. Progress lines go to this process's stderr.
 */
export function runPymoo(configs: readonly string[], seeds: number): PymooRuns {
  const script = fileURLToPath(new URL('./pymoo-runs.py', import.meta.url));
  const python = process.env.PYTHON ?? 'python3';
  const out = spawnSync(python, [script, '--configs', configs.join(','), '--seeds', String(seeds)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 28,
  });
  if (out.status !== 0) throw new Error(`${python} pymoo-runs.py failed with status ${out.status}`);
  const parsed = JSON.parse(out.stdout) as {
    pymoo: string;
    python: string;
    runs: { config: string; seed: number; seconds: number; cpuSeconds: number; F: number[][] }[];
  };
  return {
    pymoo: parsed.pymoo,
    python: parsed.python,
    runs: parsed.runs.map((r) => ({ ...r, F: toMatrix(r.F, 'pymoo F') })),
  };
}

/** Median of a list of numbers (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}
