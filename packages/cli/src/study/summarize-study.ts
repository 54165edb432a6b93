import { feasibleNonDominated, negateMaximized, type Objective, toMatrix } from '@paretokit/problem';
import { dunn, friedman } from '@paretokit/stats';
import type { RunRecord } from './run-one.js';
import type { StudyMethod } from './study-config.js';
import { uniqueBy } from './unique-by.js';

/** Median, quartiles and extremes of a sample (quartiles by linear interpolation, as NumPy's default). */
export interface Spread {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly iqr: number;
  readonly min: number;
  readonly max: number;
}

/** Quantile q of sorted values, linear interpolation between order statistics. O(1). */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * Median, quartiles, IQR and range of a non-empty sample. O(n log n).
 *
 * @example
 * spread([1, 2, 3, 4]).median // => 2.5
 */
export function spread(values: readonly number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const q1 = quantile(s, 0.25);
  const q3 = quantile(s, 0.75);
  return { median: quantile(s, 0.5), q1, q3, iqr: q3 - q1, min: s[0]!, max: s[s.length - 1]! };
}

/** Friedman's test and Dunn's post-hoc test over blocks (seeds, or problems x seeds), or why not. */
export type StudyTests =
  | {
      readonly methods: readonly StudyMethod[];
      readonly blocks: number;
      readonly friedman: ReturnType<typeof friedman>;
      readonly dunn: ReturnType<typeof dunn>;
    }
  | { readonly methods: readonly StudyMethod[]; readonly blocks: number; readonly skipped: string };

/**
 * Friedman (with Iman-Davenport) and Dunn (Friedman mean ranks, Holm-adjusted) on a table of
 * hypervolumes: one row per block, one column per method. When every block ties all methods
 * (e.g. no run found a feasible point) the tests are undefined and the reason is returned.
 *
 * @example
 * studyTests([[1, 2], [1, 3], [0, 1]], ['ctaea-20x5', 'samo-ctaea'], 0.05).friedman.meanRanks // => [1, 2]
 */
export function studyTests(table: number[][], methods: readonly StudyMethod[], alpha: number): StudyTests {
  const blocks = table.length;
  if (blocks < 2) return { methods, blocks, skipped: `needs at least 2 blocks (seeds), got ${blocks}` };
  if (table.every((row) => row.every((v) => v === row[0]))) {
    return {
      methods,
      blocks,
      skipped: 'every block ties all methods (equal hypervolumes), so ranks carry no information',
    };
  }
  return {
    methods,
    blocks,
    friedman: friedman(table, { imanDavenport: true }),
    dunn: dunn(table, { design: 'friedman', adjust: 'holm', alpha }),
  };
}

/** One problem's results across methods and seeds. */
export interface ProblemSummary {
  readonly problem: string;
  readonly objectives: readonly Objective[];
  readonly hypervolume: Readonly<Record<string, Spread & { readonly values: readonly number[] }>>;
  readonly tests: StudyTests;
  /** The feasible non-dominated set of every run's front together, with where each point came from. */
  readonly nonDominated: readonly (RunRecord['front'][number] & { method: StudyMethod; seed: number })[];
}

/**
 * Summarises one problem's finished runs: hypervolume spread per method, tests, pooled front.
 *
 * @example
 * const records = [1, 2].map((seed) => ({ problem: 'p', method: 'nsga2-20x5', seed, hypervolume: seed / 10, front: [] }));
 * summarizeProblem('p', [{ name: 'f1', sense: 'min' }, { name: 'f2', sense: 'min' }], records, ['nsga2-20x5'], [1, 2], 0.05).hypervolume['nsga2-20x5'].median // => 0.15000000000000002
 */
export function summarizeProblem(
  problem: string,
  objectives: readonly Objective[],
  records: readonly RunRecord[],
  methods: readonly StudyMethod[],
  seeds: readonly number[],
  alpha: number,
): ProblemSummary {
  const hv = (method: StudyMethod, seed: number) =>
    records.find((r) => r.method === method && r.seed === seed)?.hypervolume ?? Number.NaN;
  const hypervolume = Object.fromEntries(
    methods.map((m) => {
      const values = seeds.map((s) => hv(m, s));
      return [m, { ...spread(values), values }];
    }),
  );
  const table = seeds.map((s) => methods.map((m) => hv(m, s)));
  const pooled = records.flatMap((r) => r.front.map((e) => ({ ...e, method: r.method, seed: r.seed })));
  const keep =
    pooled.length === 0
      ? []
      : feasibleNonDominated(
          negateMaximized(toMatrix(pooled.map((e) => [...e.objectives])), objectives),
          undefined,
        );
  const nonDominated = uniqueBy(
    keep.map((i) => pooled[i]!).sort((a, b) => a.objectives[0]! - b.objectives[0]!),
    (e) => JSON.stringify(e.x),
  );
  return { problem, objectives, hypervolume, tests: studyTests(table, methods, alpha), nonDominated };
}
