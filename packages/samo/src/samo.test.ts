import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maxGenerations, type OptimizationResult } from '@paretokit/algorithms';
import { c1dtlz1, c2dtlz2 } from '@paretokit/benchmarks';
import {
  createMatrix,
  defineProblem,
  type EvalContext,
  type Evaluator,
  feasibleNonDominated,
  InvalidArgumentError,
  type Matrix,
  type Problem,
  Random,
  real,
  selectRows,
  serialEvaluator,
  toArrays,
  toMatrix,
  variableSpace,
} from '@paretokit/problem';
import { BridgeUnavailableError, knnRegressor, randomForestRegressor } from '@paretokit/surrogates';
import { describe, expect, test } from 'vitest';
import { EvaluationLogError } from './errors/evaluation-log-error.js';
import { samo } from './samo.js';
import { samoAskTell } from './samo-ask-tell.js';
import type { SamoOptions } from './samo-options.js';
import { chooseInfill, NormalizedRows } from './stages/choose-infill.js';
import { studyIteration } from './stages/study-iteration.js';
import type { IterationContext } from './stages/types.js';

const tempLog = () => join(mkdtempSync(join(tmpdir(), 'samo-test-')), 'run.jsonl');
const cheap: SamoOptions = {
  initialSamples: 16,
  budget: 26,
  surrogates: {
    knn: () => knnRegressor({ k: 3 }),
    forest: ({ seed }) => randomForestRegressor({ trees: 20, seed }),
  },
  optimizerTermination: maxGenerations(40),
  seed: 3,
};

/** The problem, counting the rows it evaluates. */
function counting(problem: Problem): Problem & { count: number } {
  const wrapped = {
    ...problem,
    name: problem.name,
    count: 0,
    evaluate(X: Matrix, ctx: EvalContext) {
      wrapped.count += X.rows;
      return problem.evaluate(X, ctx);
    },
  };
  return wrapped;
}

describe('samo', () => {
  test('goes on past rows an evaluator marks failed, fitting and reporting on the others only', async () => {
    const inner = c2dtlz2({ nObj: 2, nVar: 4 });
    // Fails for a region of the space, as a model that does not load for some settings would.
    const flaky: Problem = {
      ...inner,
      evaluate(X: Matrix, ctx: EvalContext) {
        if (X.data[0]! > 0.7) throw new Error('cannot evaluate x1 > 0.7');
        return inner.evaluate(X, ctx);
      },
    };
    const result = await samo(flaky, {
      ...cheap,
      evaluator: serialEvaluator({ batchSize: 1, onRowError: 'mark-failed' }),
    });
    const F = toArrays(result.archive.F);
    const failed = F.filter((f) => f.some(Number.isNaN)).length;
    expect(result.archive.X.rows).toBe(26);
    expect(failed).toBeGreaterThan(0);
    expect(toArrays(result.F).flat().every(Number.isFinite)).toBe(true);
    expect(result.iterations.every((it) => Number.isFinite(it.hypervolume))).toBe(true);
    await expect(
      samo(flaky, { ...cheap, evaluator: serialEvaluator({ batchSize: 1, onRowError: 'stop' }) }),
    ).rejects.toThrow(/cannot evaluate x1 > 0\.7/);
  });

  test('spends the budget, records every target and candidate, returns the feasible front of the archive', async () => {
    const problem = c2dtlz2({ nObj: 2, nVar: 5 });
    const seen: number[] = [];
    const result = await samo(problem, { ...cheap, onIteration: (d) => void seen.push(d.iteration) });
    expect(result.archive.X.rows).toBe(26);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.iterations.map((d) => d.evaluations)).toEqual([16, 18, 20, 22, 24, 26]);
    expect(Array.from(result.archive.iteration.slice(14, 20))).toEqual([0, 0, 1, 1, 2, 2]);
    const first = result.iterations[1]!;
    expect(first.targets.map((t) => `${t.target.kind}:${t.target.name}`)).toEqual([
      'objective:f1',
      'objective:f2',
      'constraint:g1',
    ]);
    for (const t of first.targets) {
      expect(Object.keys(t.candidates)).toEqual(['knn', 'forest']);
      const scores = t.candidates[t.chosen] as { scores: number[]; mean: number };
      expect(scores.scores).toHaveLength(5);
      expect(t.score).toBe(scores.mean);
      for (const c of Object.values(t.candidates))
        expect(t.score).toBeLessThanOrEqual((c as { mean: number }).mean);
    }
    expect(first.infill).toHaveLength(2);
    expect(first.infill[0]!.reason).toMatch(/at random|fill-up/);
    for (const d of result.iterations) {
      expect(d.selectionMs).toBeGreaterThanOrEqual(0);
      expect(d.evaluateMs).toBeGreaterThanOrEqual(0);
    }
    for (let i = 1; i < result.iterations.length; i++) {
      expect(result.iterations[i]!.hypervolume).toBeGreaterThanOrEqual(result.iterations[i - 1]!.hypervolume);
    }
    // The result is the feasible non-dominated set of the archive.
    const front = feasibleNonDominated(result.archive.F, result.archive.G);
    expect(result.X.rows).toBe(front.length);
    expect(result.iterations.at(-1)!.frontSize).toBe(front.length);
    // Reference point derived from the problem's nadir point (C2-DTLZ2: [1, 1]) plus 10 %.
    expect(result.iterations[0]!.referencePoint).toEqual([1.1, 1.1]);
  });

  test('the same seed gives the same run; another seed another', async () => {
    const problem = c1dtlz1({ nObj: 2 });
    const a = await samo(problem, cheap);
    const b = await samo(problem, cheap);
    const c = await samo(problem, { ...cheap, seed: 4 });
    expect(toArrays(a.archive.X)).toEqual(toArrays(b.archive.X));
    expect(toArrays(a.archive.X)).not.toEqual(toArrays(c.archive.X));
  });

  test('max-min-distance infill picks distinct, new rows and says why', async () => {
    const result = await samo(c2dtlz2({ nObj: 2, nVar: 5 }), { ...cheap, infill: 'max-min-distance' });
    expect(result.archive.X.rows).toBe(26);
    const reasons = result.iterations.slice(1).flatMap((d) => d.infill.map((c) => c.reason));
    expect(reasons.every((r) => /farthest|fill-up/.test(r))).toBe(true);
    expect(new Set(toArrays(result.archive.X).map(String)).size).toBe(26);
  });

  test('maximized objectives stay in their natural sense; the hypervolume reads them negated', async () => {
    const problem = defineProblem({
      name: 'max-min',
      variables: { a: real(0, 1), b: real(0, 1) },
      objectives: [{ name: 'gain', sense: 'max' }, { name: 'cost' }],
      evaluate: (X) => {
        const F = createMatrix(X.rows, 2);
        for (let i = 0; i < X.rows; i++) {
          const a = X.data[2 * i]!;
          const b = X.data[2 * i + 1]!;
          F.data[2 * i] = 1 - (1 - a) ** 2 - b * b; // gain: up to 1
          F.data[2 * i + 1] = a + b * b; // cost
        }
        return { F };
      },
    });
    const result = await samo(problem, { ...cheap, referencePoint: [0, 2] });
    expect(result.G).toBeUndefined();
    const last = result.iterations.at(-1)!;
    expect(last.referencePoint).toEqual([0, 2]);
    expect(last.hypervolume).toBeGreaterThan(0);
    // Natural sense: the best gain on the front is positive.
    expect(Math.max(...toArrays(result.F).map((r) => r[0]!))).toBeGreaterThan(0.5);
  });

  test('a candidate whose library is missing leaves the pool with a warning that names it', async () => {
    const warnings: string[] = [];
    const missing = () => ({
      fit() {
        throw new BridgeUnavailableError({
          library: 'FakeBoost',
          missing: 'fakeboost',
          install: 'pip install fakeboost',
        });
      },
      predict: () => new Float64Array(0),
    });
    const result = await samo(c2dtlz2({ nObj: 2, nVar: 5 }), {
      ...cheap,
      budget: 20,
      surrogates: { knn: () => knnRegressor({ k: 3 }), fake: missing },
      missingSurrogates: 'skip',
      onWarning: (m) => warnings.push(m),
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/"fake" is unavailable.*FakeBoost/);
    expect(result.iterations[1]!.targets[0]!.chosen).toBe('knn');
    expect(result.iterations[2]!.targets[0]!.candidates.fake).toHaveProperty('error');
  });

  test('by default a candidate whose library is missing stops the run, naming what to install', async () => {
    const missing = () => ({
      fit() {
        throw new BridgeUnavailableError({
          library: 'FakeBoost',
          missing: 'fakeboost',
          install: 'pip install fakeboost',
        });
      },
      predict: () => new Float64Array(0),
    });
    const problem = c2dtlz2({ nObj: 2, nVar: 5 });
    const surrogates = { knn: () => knnRegressor({ k: 3 }), fake: missing };
    await expect(samo(problem, { ...cheap, budget: 20, surrogates })).rejects.toThrow(
      /FakeBoost is not available .*pip install fakeboost/,
    );
    await expect(
      samo(problem, { ...cheap, surrogates, missingSurrogates: 'maybe' as never }),
    ).rejects.toThrow(/missingSurrogates: expected "error" or "skip"/);
  });

  test('a factory that hands out the same instance twice is refused', async () => {
    const shared = knnRegressor({ k: 3 });
    await expect(
      samo(c2dtlz2({ nObj: 2, nVar: 5 }), { ...cheap, surrogates: { shared: () => shared } }),
    ).rejects.toThrow(/a new regressor on every call/);
  });

  test('evaluationConcurrency evaluates several rows at once, each logged as it completes', async () => {
    const base = c2dtlz2({ nObj: 2, nVar: 5 });
    let inFlight = 0;
    let most = 0;
    const slow = {
      ...base,
      name: base.name,
      async evaluate(X: Matrix, ctx: EvalContext) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight--;
        return base.evaluate(X, ctx);
      },
    };
    const log = tempLog();
    const result = await samo(slow, { ...cheap, budget: 18, evaluationConcurrency: 4, log });
    expect(most).toBe(4);
    expect(readFileSync(log, 'utf8').match(/"type":"evaluation"/g)).toHaveLength(18);
    expect(result.archive.X.rows).toBe(18);
  });

  test('the evaluator gets each iteration in one call; rows are logged as it reports them', async () => {
    const base = c2dtlz2({ nObj: 2, nVar: 5 });
    const log = tempLog();
    const calls: number[] = [];
    const logged: number[] = [];
    // Reports rows in reverse order, checking each earlier report is already in the log.
    const reversed: Evaluator = {
      async evaluate(problem, X, options = {}) {
        calls.push(X.rows);
        const result = await problem.evaluate(X, { seed: options.seed ?? 0 });
        for (let i = X.rows - 1; i >= 0; i--) {
          logged.push((readFileSync(log, 'utf8').match(/"type":"evaluation"/g) ?? []).length);
          await options.onRow?.(i, { F: selectRows(result.F, [i]), G: selectRows(result.G!, [i]) });
        }
        return result;
      },
    };
    const viaRows = await samo(base, { ...cheap, evaluator: reversed, log });
    expect(calls).toEqual([16, 2, 2, 2, 2, 2]);
    expect(logged.slice(0, 3)).toEqual([0, 1, 2]);
    // An evaluator that ignores onRow: its result is told after the call.
    const plain: Evaluator = {
      evaluate: async (problem, X, o) => problem.evaluate(X, { seed: o?.seed ?? 0 }),
    };
    const viaResult = await samo(base, { ...cheap, evaluator: plain });
    const whole = await samo(base, cheap);
    expect(toArrays(viaResult.archive.X)).toEqual(toArrays(whole.archive.X));
    expect(viaRows.archive.X.rows).toBe(26);
    expect(toArrays(viaRows.archive.X).slice(0, 16)).toEqual(
      toArrays(whole.archive.X).slice(0, 16).reverse(),
    );
  });

  test('bad options fail before any evaluation', () => {
    const p = c2dtlz2({ nObj: 2 });
    expect(() => samoAskTell(p, { budget: 0 })).toThrow(InvalidArgumentError);
    expect(() => samoAskTell(p, { initialSamples: 3 })).toThrow(/folds/);
    expect(() => samoAskTell(p, { referencePoint: [1] })).toThrow(/one per objective/);
    expect(() => samoAskTell(p, { infill: 'best' as 'max-min-distance' })).toThrow(/max-min-distance/);
    expect(() => samoAskTell(p, { selection: { metric: 'accuracy' as 'mape' } })).toThrow(/mape/);
    expect(() => samoAskTell(p, { iteration: 'study' as never })).toThrow(/samo: iteration/);
  });

  test('a design too small for the folds of a pool, or infills above the budget left, are refused with the fix', () => {
    const p = c2dtlz2({ nObj: 2 });
    const knn = { knn: () => knnRegressor({ k: 5 }) };
    // 6 rows in 5 folds: the first fold trains on 4 rows, KNN needs 5 (the issue's --budget 8 --initial 6).
    expect(() => samoAskTell(p, { budget: 8, initialSamples: 6, surrogates: knn })).toThrow(
      /initialSamples: expected at least 7: with 5-fold cross-validation the smallest fold trains on 4 of 6 rows, and surrogate "knn" needs 5, got 6\. Raise initialSamples \(CLI: --initial\) to 7/,
    );
    expect(() => samoAskTell(p, { budget: 9, initialSamples: 7, surrogates: knn })).not.toThrow();
    expect(() => samoAskTell(p, { budget: 8, initialSamples: 6, infillsPerIteration: 3 })).toThrow(
      /infillsPerIteration: expected at most the evaluations left after the initial design \(8 - 6 = 2\), got 3/,
    );
    // A design that spends the whole budget runs no iteration: nothing to refuse.
    expect(() => samoAskTell(p, { budget: 6, initialSamples: 6, surrogates: knn })).not.toThrow();
  });

  test('another iteration composes the stages its own way; its proposal is checked', async () => {
    const problem = c2dtlz2({ nObj: 2, nVar: 5 });
    const seen: IterationContext[] = [];
    const result = await samo(problem, {
      ...cheap,
      budget: 20,
      iteration: async (context) => {
        seen.push(context);
        const proposal = await studyIteration(context);
        return { ...proposal, X: proposal.X.slice(0, 1), infill: proposal.infill.slice(0, 1) };
      },
    });
    expect(result.iterations.map((d) => d.evaluations)).toEqual([16, 17, 18, 19, 20]);
    expect(seen.map((c) => [c.iteration, c.count, c.X.rows, c.evaluated.rows])).toEqual([
      [1, 2, 16, 16],
      [2, 2, 17, 17],
      [3, 2, 18, 18],
      [4, 1, 19, 19],
    ]);
    const wide = samo(problem, {
      ...cheap,
      iteration: async (context) => ({ ...(await studyIteration(context)), X: [[0.5, 0.5]] }),
    });
    await expect(wide).rejects.toThrow(/samo: iteration 1: expected a proposal of 1 to 2 rows of 5 values/);
  });
});

describe('ask/tell', () => {
  test('tell accepts asked rows in any order and refuses others', async () => {
    const problem = c2dtlz2({ nObj: 2, nVar: 5 });
    const run = samoAskTell(problem, cheap);
    const X = await run.ask();
    expect(X.rows).toBe(16);
    const rows = toArrays(X);
    const half = toMatrix(rows.slice(8).reverse());
    expect(run.tell(half, problem.evaluate(half, { seed: 0 }))).toBeUndefined();
    expect((await run.ask()).rows).toBe(8);
    const stranger = toMatrix([[0.5, 0.5, 0.5, 0.5, 0.5]]);
    expect(() => run.tell(stranger, problem.evaluate(stranger, { seed: 0 }))).toThrow(/last ask/);
    const rest = toMatrix(rows.slice(0, 8));
    const done = run.tell(rest, problem.evaluate(rest, { seed: 0 }));
    expect(done?.iteration).toBe(0);
    expect(done?.evaluations).toBe(16);
  });
});

describe('evaluation log', () => {
  test('a run stopped half-way resumes without re-evaluating and ends as the uninterrupted run', async () => {
    const whole = await samo(c2dtlz2({ nObj: 2, nVar: 5 }), cheap);
    const log = tempLog();
    const stop = new AbortController();
    const first = counting(c2dtlz2({ nObj: 2, nVar: 5 }));
    await expect(
      samo(first, {
        ...cheap,
        log,
        signal: stop.signal,
        onIteration: (d) => {
          if (d.iteration === 2) stop.abort(new Error('stop'));
        },
      }),
    ).rejects.toThrow('stop');
    expect(first.count).toBe(20);
    const second = counting(c2dtlz2({ nObj: 2, nVar: 5 }));
    const reported: number[] = [];
    const resumed = await samo(second, {
      ...cheap,
      resume: log,
      onIteration: (d) => void reported.push(d.iteration),
    });
    expect(second.count).toBe(6);
    expect(reported).toEqual([0, 1, 2, 3, 4, 5]);
    expect(toArrays(resumed.archive.X)).toEqual(toArrays(whole.archive.X));
    expect(resumed.iterations.map((d) => d.hypervolume)).toEqual(whole.iterations.map((d) => d.hypervolume));
    // Resuming a finished log evaluates nothing.
    const third = counting(c2dtlz2({ nObj: 2, nVar: 5 }));
    const again = await samo(third, { ...cheap, resume: log });
    expect(third.count).toBe(0);
    expect(again.iterations).toHaveLength(6);
  });

  test('an evaluation in flight when the run stops is redone; a pending row of the log is evaluated once', async () => {
    const log = tempLog();
    const problem = c2dtlz2({ nObj: 2, nVar: 5 });
    const run = samoAskTell(problem, { ...cheap, log });
    const X = await run.ask();
    const some = toMatrix(toArrays(X).slice(0, 5));
    run.tell(some, problem.evaluate(some, { seed: 0 }));
    await run.close();
    const again = counting(problem);
    const result = await samo(again, { ...cheap, resume: log });
    expect(again.count).toBe(26 - 5);
    expect(toArrays(result.archive.X).slice(0, 5)).toEqual(toArrays(some));
  });

  test('a torn last line is skipped with a warning; a bad line before it throws', async () => {
    const log = tempLog();
    await samo(c2dtlz2({ nObj: 2, nVar: 5 }), { ...cheap, budget: 18, log });
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    writeFileSync(log, `${lines.slice(0, -2).join('\n')}\n${lines.at(-2)!.slice(0, 20)}`);
    const warnings: string[] = [];
    const p = counting(c2dtlz2({ nObj: 2, nVar: 5 }));
    const result = await samo(p, { ...cheap, budget: 18, resume: log, onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/torn last write/);
    expect(p.count).toBe(1);
    expect(result.archive.X.rows).toBe(18);
    // The file is whole again: every line parses.
    for (const line of readFileSync(log, 'utf8').trimEnd().split('\n'))
      expect(() => JSON.parse(line)).not.toThrow();

    const broken = readFileSync(log, 'utf8').split('\n');
    broken[3] = '{"type":"evaluation",';
    writeFileSync(log, broken.join('\n'));
    expect(() => samoAskTell(c2dtlz2({ nObj: 2, nVar: 5 }), { ...cheap, resume: log })).toThrow(
      EvaluationLogError,
    );
  });

  test('a new run never overwrites a log; a log of another problem is refused', async () => {
    const log = tempLog();
    await samo(c2dtlz2({ nObj: 2, nVar: 5 }), { ...cheap, budget: 16, log });
    expect(() => samoAskTell(c2dtlz2({ nObj: 2, nVar: 5 }), { ...cheap, log })).toThrow(/not empty/);
    expect(() => samoAskTell(c1dtlz1({ nObj: 2 }), { ...cheap, resume: log })).toThrow(/another problem/);
    expect(() => samoAskTell(c2dtlz2({ nObj: 2, nVar: 5 }), { ...cheap, seed: 99, resume: log })).toThrow(
      /seed/,
    );
  });
});

describe('infill choice', () => {
  const variables = variableSpace([real(0, 1), real(0, 1)]).variables;
  const bounds = [[0, 1] as const, [0, 1] as const];
  const solved = (front: number[][], population: number[][], cv: number[]): OptimizationResult => {
    const F = toMatrix(front.map(() => [0, 0]));
    const P = toMatrix(population);
    return {
      X: toMatrix(front, 'X', 2),
      F,
      CV: new Float64Array(front.length),
      population: { X: P, F: toMatrix(population.map(() => [0, 0])), CV: Float64Array.from(cv) },
      evaluations: 0,
      generations: 0,
      elapsedMs: 0,
    };
  };

  test('duplicates of evaluated rows are skipped and the least-violating rows fill up', () => {
    const evaluated = new NormalizedRows(bounds, 1e-9);
    evaluated.add(toMatrix([[0.1, 0.1]]), 0);
    const result = solved(
      [
        [0.1, 0.1],
        [0.5, 0.5],
      ],
      [
        [0.9, 0.9],
        [0.3, 0.3],
        [0.1, 0.1],
      ],
      [2, 0.5, 0],
    );
    const { X, choices } = chooseInfill(
      result,
      evaluated,
      3,
      'random-feasible-nondominated',
      Random.fromSeed(1),
      variables,
    );
    expect(X).toEqual([
      [0.5, 0.5],
      [0.3, 0.3],
      [0.9, 0.9],
    ]);
    expect(choices.map((c) => c.source)).toEqual([
      'feasible-nondominated',
      'least-violating',
      'least-violating',
    ]);
    expect(choices[0]!.reason).toMatch(/1 skipped as duplicates/);
  });

  test('max-min-distance takes the farthest candidate first', () => {
    const evaluated = new NormalizedRows(bounds, 1e-9);
    evaluated.add(toMatrix([[0, 0]]), 0);
    const result = solved(
      [
        [0.2, 0.2],
        [1, 1],
        [0.5, 0.4],
      ],
      [],
      [],
    );
    const { X } = chooseInfill(result, evaluated, 2, 'max-min-distance', Random.fromSeed(1), variables);
    expect(X).toEqual([
      [1, 1],
      [0.5, 0.4],
    ]);
  });

  test('when every candidate repeats an evaluated row, random rows are the last resort', () => {
    const evaluated = new NormalizedRows(bounds, 1e-9);
    evaluated.add(toMatrix([[0.2, 0.2]]), 0);
    const result = solved([[0.2, 0.2]], [[0.2, 0.2]], [0]);
    const { choices } = chooseInfill(
      result,
      evaluated,
      1,
      'random-feasible-nondominated',
      Random.fromSeed(1),
      variables,
    );
    expect(choices[0]!.source).toBe('random');
  });
});
