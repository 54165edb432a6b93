import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNCOMPRESSED } from '@paretokit/compression';
import type { RunRecord } from './run-one.js';
import type { StudyProblem } from './study-problem.js';
import { mostAccurate } from './study-report.js';
import { type Spread, spread } from './summarize-study.js';

/** The most accurate compressed model of a compression problem's runs, timed against the base model. */
export interface CompressionOutcome {
  readonly problem: string;
  readonly base: { readonly selectionAccuracy: number; readonly testAccuracy: number };
  readonly best: {
    readonly method: string;
    readonly seed: number;
    readonly settings: Readonly<Record<string, string | number | boolean>>;
    readonly f1: number;
    readonly selectionAccuracy: number;
    readonly testAccuracy: number;
    readonly nonZeroRate: number;
    readonly sizeBytes: number;
  };
  /** Test-split inference, base and best model in alternating rounds (1 onnxruntime thread unless configured). */
  readonly timing: {
    readonly repeats: number;
    readonly baseSeconds: Spread;
    readonly bestSeconds: Spread;
    /** Median base time over median best time. */
    readonly speedup: number;
  };
  /** Where the best model was written (ONNX). */
  readonly model: string;
  /**
   * Every distinct model on a run's front and the base model, test-split inference timed again
   * side by side (median of the alternating rounds): the latency figure of the report.
   */
  readonly latency: readonly {
    readonly label: string;
    readonly group: string;
    readonly nonZeroRate: number;
    readonly seconds: number;
  }[];
}

/**
 * Picks the most accurate compressed model of a compression problem's runs (highest accuracy on
 * the selection split, then lowest f1), writes it as ONNX to `dir/<problem>-best.onnx`, and times
 * the test-split inference of the base model and of every distinct front model (the best among
 * them) in `repeats` rounds that alternate between all of them. Undefined for other problems or
 * when no run found a feasible model. Cost: one compression per front model and
 * (models + 1) x repeats inference passes over the test split.
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
  const best = mostAccurate(records);
  const base = records.find((r) => r.base !== undefined)?.base;
  if (problem === undefined || best === undefined || best.test === undefined || base === undefined)
    return undefined;
  const model = join(dir, `${study.label}-best.onnx`);
  writeFileSync(model, await problem.compressedModel(problem.decodeConfig(best.x)));
  // Each distinct front model once (runs often share them), with the runs that found it.
  const fronts = new Map<
    string,
    { x: readonly number[]; nonZeroRate: number; found: string[]; group: string }
  >();
  for (const r of records) {
    for (const e of r.front) {
      const key = JSON.stringify(e.settings);
      const entry = fronts.get(key) ?? {
        x: e.x,
        nonZeroRate: e.test?.nonZeroRate ?? Number.NaN,
        found: [],
        group: r.method,
      };
      entry.found.push(`${r.method} seed ${r.seed}`);
      fronts.set(key, entry);
    }
  }
  const models = [...fronts.values()];
  const seconds = await problem.timeInference(
    [UNCOMPRESSED, ...models.map((m) => problem.decodeConfig(m.x))],
    { repeats },
  );
  const b = spread(seconds[0]!);
  const c = spread(seconds[1 + [...fronts.keys()].indexOf(JSON.stringify(best.settings))]!);
  const latency = [
    {
      label: 'base model',
      group: 'base model',
      nonZeroRate: base.test.nonZeroRate,
      seconds: b.median,
    },
    ...models.map((m, i) => ({
      label: m.found.join(', '),
      group: m.group,
      nonZeroRate: m.nonZeroRate,
      seconds: spread(seconds[i + 1]!).median,
    })),
  ];
  return {
    problem: study.label,
    base: { selectionAccuracy: base.selection.accuracy, testAccuracy: base.test.accuracy },
    best: {
      method: best.method,
      seed: best.seed,
      settings: best.settings,
      f1: best.objectives[0]!,
      selectionAccuracy: best.objectives[1]!,
      testAccuracy: best.test.accuracy,
      nonZeroRate: best.test.nonZeroRate,
      sizeBytes: best.test.sizeBytes,
    },
    timing: { repeats, baseSeconds: b, bestSeconds: c, speedup: b.median / c.median },
    model,
    latency,
  };
}

/**
 * The outcome in one paragraph, for the terminal and the report.
 *
 * @example
 * const s = (median) => ({ median, q1: median, q3: median, iqr: 0, min: median, max: median });
 * const o = { problem: 'retina', base: { selectionAccuracy: 0.54, testAccuracy: 0.455 }, best: { method: 'samo-ctaea', seed: 2, settings: { quantize: true }, f1: 0.2, selectionAccuracy: 0.56, testAccuracy: 0.47, nonZeroRate: 0.8, sizeBytes: 18e6 }, timing: { repeats: 5, baseSeconds: s(0.72), bestSeconds: s(0.24), speedup: 3 }, model: 'retina-best.onnx' };
 * formatCompressionOutcome(o).includes('0.240 s vs 0.720 s for the base model (median of 5 alternating rounds): 3.00x faster') // => true
 */
export function formatCompressionOutcome(o: CompressionOutcome): string {
  return (
    `${o.problem}: most accurate compressed model (${o.best.method}, seed ${o.best.seed}): ` +
    `accuracy ${o.best.selectionAccuracy.toFixed(4)} on the selection split, ${o.best.testAccuracy.toFixed(4)} on the test split ` +
    `(base model ${o.base.selectionAccuracy.toFixed(4)} / ${o.base.testAccuracy.toFixed(4)}), f1 ${o.best.f1.toFixed(4)}, ` +
    `non-zero rate ${o.best.nonZeroRate.toFixed(3)}, ${(o.best.sizeBytes / 1e6).toFixed(1)} MB; ` +
    `test-split inference ${o.timing.bestSeconds.median.toFixed(3)} s vs ${o.timing.baseSeconds.median.toFixed(3)} s for the base model ` +
    `(median of ${o.timing.repeats} alternating rounds): ${o.timing.speedup.toFixed(2)}x faster; settings ${JSON.stringify(o.best.settings)}; model written to ${o.model}`
  );
}
