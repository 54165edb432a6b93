import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { FrontEntry, RunRecord } from './run-one.js';
import type { StudyProblem } from './study-problem.js';
import { type Spread, spread } from './summarize-study.js';

/**
 * What a device user asks of a compressed model: the most accurate, the fastest, the smallest.
 *
 * @example
 * OUTCOME_ROLES.length // => 3
 */
export const OUTCOME_ROLES = ['mostAccurate', 'fastest', 'smallest'] as const;
/** One of {@link OUTCOME_ROLES}. */
export type OutcomeRole = (typeof OUTCOME_ROLES)[number];

/** Each role in words, as the terminal, the report and the file names say it. */
export const ROLE_TEXT: Readonly<Record<OutcomeRole, string>> = {
  mostAccurate: 'most accurate',
  fastest: 'fastest',
  smallest: 'smallest',
};

/** One chosen compressed model of a study's fronts, measured on the test split. */
export interface CompressionPick {
  readonly method: string;
  readonly seed: number;
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  readonly f1: number;
  readonly selectionAccuracy: number;
  readonly testAccuracy: number;
  readonly nonZeroRate: number;
  /** Bytes of the encoded ONNX model. */
  readonly sizeBytes: number;
  /** Test-split inference, in the rounds that alternate between the shortlisted models and the base model. */
  readonly seconds: Spread;
  /** Median base-model time over this model's median time. */
  readonly speedup: number;
  /** Where the model was written (ONNX). */
  readonly model: string;
  /** Test-split confusion matrix: rows are the true class, columns the predicted class. */
  readonly confusion: readonly (readonly number[])[];
}

/**
 * The outcome of a compression problem's runs: the base model and, among every feasible front
 * model (all within the accuracy constraint on the selection split), the most accurate, the
 * fastest and the smallest, timed side by side on the test split.
 */
export interface CompressionOutcome {
  readonly problem: string;
  readonly base: {
    readonly selectionAccuracy: number;
    readonly testAccuracy: number;
    readonly sizeBytes: number;
    readonly seconds: Spread;
    /** One name per class, when the data names them (an image folder's class folders). */
    readonly classNames?: readonly string[];
  };
  readonly picks: Readonly<Record<OutcomeRole, CompressionPick>>;
  /** Timing rounds of the shortlist (each times the base model and every shortlisted model once). */
  readonly repeats: number;
  /**
   * The machine's 1-minute load average before and after the timing pass. The pass runs after
   * every run of the study has finished (no worker of it is left), in this one process.
   */
  readonly load?: readonly [number, number];
  /**
   * Every distinct model on a run's front and the base model, test-split inference timed once,
   * side by side in one pass after the runs: the latency figure of the report.
   */
  readonly latency: readonly {
    readonly label: string;
    readonly group: string;
    readonly nonZeroRate: number;
    readonly seconds: number;
  }[];
}

/** Front models timed again with the other picks: the fastest of the one-pass survey. */
const FAST_SHORTLIST = 5;
/** Relative difference of median times below which two models count as equally fast. */
const TIME_TIES = 0.02;

interface Candidate {
  readonly entry: FrontEntry & { readonly test: NonNullable<FrontEntry['test']> };
  readonly found: string[];
  readonly method: string;
  readonly seed: number;
}

/** Each distinct front model once (runs often share them), with the runs that found it. */
function distinctFrontModels(records: readonly RunRecord[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const r of records) {
    for (const e of r.front) {
      if (e.test === undefined) continue;
      const key = JSON.stringify(e.settings);
      let c = byKey.get(key);
      if (c === undefined) {
        c = { entry: e as Candidate['entry'], found: [], method: r.method, seed: r.seed };
        byKey.set(key, c);
      }
      c.found.push(`${r.method} seed ${r.seed}`);
    }
  }
  return [...byKey.values()];
}

/**
 * Orders front entries by selection-split accuracy, highest first, then by f1, lowest first:
 * negative when `a` is the more accurate model.
 */
export function byAccuracy(a: FrontEntry, b: FrontEntry): number {
  return b.objectives[1]! - a.objectives[1]! || a.objectives[0]! - b.objectives[0]!;
}

/** Index of the first candidate that no other precedes under `compare` (negative: a before b). O(n). */
function first(n: number, compare: (a: number, b: number) => number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (compare(i, best) < 0) best = i;
  return best;
}

/**
 * Picks, among every distinct front model of a compression problem's runs, the most accurate
 * (highest selection-split accuracy, then lowest f1), the fastest (lowest median test-split time)
 * and the smallest (fewest ONNX bytes), and writes each as
 * `dir/<problem>-<most-accurate|fastest|smallest>.onnx`. Timing in two steps, all on one thread:
 * a survey times the base model and every front model once, side by side in one pass (the latency
 * figure); then the base model, the 5 fastest of the survey and the other picks are timed again in
 * `repeats` rounds that alternate between them; the fastest is the most accurate shortlisted model whose
 * median is within 2 % of the lowest (closer times are timing noise).
 * Undefined for other problems or when no run found a feasible model. Cost: one compression per
 * front model, (models + 1) + (shortlist + 1) x repeats inference passes over the test split.
 *
 * @example
 * await compressionOutcome(await buildStudyProblem({ type: 'benchmark', problem: 'c2dtlz2' }), [], tmpdir()) // => undefined
 */
export async function compressionOutcome(
  study: StudyProblem,
  records: readonly RunRecord[],
  dir: string,
  repeats = 5,
): Promise<CompressionOutcome | undefined> {
  const problem = study.compression;
  const base = records.find((r) => r.base !== undefined)?.base;
  const candidates = distinctFrontModels(records);
  if (problem === undefined || base === undefined || candidates.length === 0) return undefined;
  const configs = candidates.map((c) => problem.decodeConfig(c.entry.x));
  const loadBefore = loadavg()[0]!;
  // A survey: one pass over the base model and every front model, side by side.
  const survey = (await problem.timeInference([problem.uncompressed, ...configs], { repeats: 1 })).map(
    (t) => t[0]!,
  );
  const accuracy = (i: number) => candidates[i]!.entry.objectives[1]!;
  const size = (i: number) => candidates[i]!.entry.test.sizeBytes;
  const n = candidates.length;
  const bySurvey = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => survey[a + 1]! - survey[b + 1]! || accuracy(b) - accuracy(a),
  );
  const mostAccurate = first(n, (a, b) => byAccuracy(candidates[a]!.entry, candidates[b]!.entry));
  const smallest = first(n, (a, b) => size(a) - size(b) || accuracy(b) - accuracy(a));
  // The shortlist, timed again in `repeats` alternating rounds: the fastest of the survey and the other picks.
  const shortlist = [...new Set([...bySurvey.slice(0, FAST_SHORTLIST), mostAccurate, smallest])];
  const rounds = await problem.timeInference([problem.uncompressed, ...shortlist.map((i) => configs[i]!)], {
    repeats,
  });
  const timed = new Map(shortlist.map((i, k) => [i, spread(rounds[k + 1]!)]));
  const baseSeconds = spread(rounds[0]!);
  // Times within TIME_TIES of the lowest median count as equal (timing noise): the most accurate of them.
  const median = (k: number) => timed.get(shortlist[k]!)!.median;
  const lowest = Math.min(...shortlist.map((_, k) => median(k)));
  const fastest = first(shortlist.length, (a, b) => {
    const tie = (k: number) => (median(k) <= lowest * (1 + TIME_TIES) ? 0 : 1);
    return tie(a) - tie(b) || accuracy(shortlist[b]!) - accuracy(shortlist[a]!) || median(a) - median(b);
  });
  const index: Record<OutcomeRole, number> = {
    mostAccurate,
    fastest: shortlist[fastest]!,
    smallest,
  };
  const picks = {} as Record<OutcomeRole, CompressionPick>;
  for (const role of OUTCOME_ROLES) {
    const i = index[role];
    const c = candidates[i]!;
    const model = join(dir, `${study.label}-${ROLE_TEXT[role].replace(' ', '-')}.onnx`);
    writeFileSync(model, await problem.compressedModel(problem.decodeConfig(c.entry.x)));
    const s = timed.get(i)!;
    picks[role] = {
      method: c.method,
      seed: c.seed,
      settings: c.entry.settings,
      f1: c.entry.objectives[0]!,
      selectionAccuracy: c.entry.objectives[1]!,
      testAccuracy: c.entry.test.accuracy,
      nonZeroRate: c.entry.test.nonZeroRate,
      sizeBytes: c.entry.test.sizeBytes,
      seconds: s,
      speedup: baseSeconds.median / s.median,
      model,
      confusion: c.entry.test.confusion,
    };
  }
  return {
    problem: study.label,
    base: {
      selectionAccuracy: base.selection.accuracy,
      testAccuracy: base.test.accuracy,
      sizeBytes: base.test.sizeBytes,
      seconds: baseSeconds,
      ...(base.classNames === undefined ? {} : { classNames: base.classNames }),
    },
    picks,
    repeats,
    load: [loadBefore, loadavg()[0]!],
    latency: [
      {
        label: 'base model',
        group: 'base model',
        nonZeroRate: base.test.nonZeroRate,
        seconds: baseSeconds.median,
      },
      ...candidates.map((c, i) => ({
        label: c.found.join(', '),
        group: c.method,
        nonZeroRate: c.entry.test.nonZeroRate,
        seconds: survey[i + 1]!,
      })),
    ],
  };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 3 : 1)} MB`;

function pickLine(role: OutcomeRole, p: CompressionPick, names: readonly string[] | undefined): string {
  return (
    `  ${ROLE_TEXT[role].padEnd(13)} test accuracy ${p.testAccuracy.toFixed(4)} (selection ${p.selectionAccuracy.toFixed(4)}), ` +
    `${p.seconds.median.toFixed(3)} s (${p.speedup.toFixed(2)}x${p.speedup < 1 ? ': slower than the base model' : ''}), ${mb(p.sizeBytes)}, f1 ${p.f1.toFixed(4)}, ` +
    `non-zero rate ${p.nonZeroRate.toFixed(3)} (${p.method}, seed ${p.seed}); settings ${JSON.stringify(p.settings)}; ${p.model}` +
    (names === undefined ? '' : `\n${' '.repeat(16)}recall per class: ${recalls(p.confusion, names)}`)
  );
}

/** `name recall` per class of a confusion matrix (rows: true class), `-` for a class absent from the split. */
function recalls(confusion: readonly (readonly number[])[], names: readonly string[]): string {
  return names
    .map((name, k) => {
      const row = confusion[k] ?? [];
      const total = row.reduce((a, b) => a + b, 0);
      return `${name} ${total === 0 ? '-' : ((row[k] ?? 0) / total).toFixed(2)}`;
    })
    .join(', ');
}

/**
 * The outcome as text, for the terminal and the report: the base model, then the most accurate,
 * the fastest and the smallest compressed model within the accuracy constraint.
 *
 * @example
 * const s = (median) => ({ median, q1: median, q3: median, iqr: 0, min: median, max: median });
 * const pick = { method: 'samo', seed: 2, settings: { quantize: true }, f1: 0.2, selectionAccuracy: 0.56, testAccuracy: 0.47, nonZeroRate: 0.8, sizeBytes: 7e5, seconds: s(0.24), speedup: 3, model: 'retina-fastest.onnx', confusion: [] };
 * const o = { problem: 'retina', base: { selectionAccuracy: 0.54, testAccuracy: 0.455, sizeBytes: 28e5, seconds: s(0.72) }, picks: { mostAccurate: pick, fastest: pick, smallest: pick }, repeats: 5, latency: [] };
 * formatCompressionOutcome(o).split('\n')[3].startsWith('  fastest       test accuracy 0.4700 (selection 0.5600), 0.240 s (3.00x), 0.700 MB') // => true
 */
export function formatCompressionOutcome(o: CompressionOutcome): string {
  return [
    `${o.problem}: compressed models within the accuracy constraint (test split; time = median of ${o.repeats} rounds alternating between the base model and the shortlisted front models, speed-up against the base model${o.load === undefined ? '' : `; timed after the runs, machine load average ${o.load[0].toFixed(2)} before and ${o.load[1].toFixed(2)} after`})`,
    `  base model    test accuracy ${o.base.testAccuracy.toFixed(4)} (selection ${o.base.selectionAccuracy.toFixed(4)}), ${o.base.seconds.median.toFixed(3)} s, ${mb(o.base.sizeBytes)}`,
    ...(o.base.classNames === undefined
      ? []
      : [`  classes       ${o.base.classNames.map((n, k) => `${k} ${n}`).join(', ')}`]),
    ...OUTCOME_ROLES.map((role) => pickLine(role, o.picks[role], o.base.classNames)),
  ].join('\n');
}
