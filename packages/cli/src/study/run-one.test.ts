import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvalContext, Matrix, Problem } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { type RunRecord, runOne } from './run-one.js';
import { parseStudyConfig, type StudyMethod } from './study-config.js';
import { buildStudyProblem, type StudyProblem } from './study-problem.js';

/** The study's problem, failing from its `failAt`-th call on (a kill in the middle of a run). */
function failingAt(study: StudyProblem, failAt: number): StudyProblem {
  let calls = 0;
  const problem: Problem = {
    ...study.problem,
    evaluate(X: Matrix, ctx: EvalContext) {
      if (++calls >= failAt) throw new Error('killed');
      return study.problem.evaluate(X, ctx);
    },
  };
  return { ...study, problem };
}

/** A run of a baseline killed after 5 evaluations and run again, and the same run uninterrupted. */
async function killedAndResumed(method: StudyMethod, budget: number) {
  const config = parseStudyConfig(
    { name: 'b', problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }], methods: [method], budget },
    'b',
    tmpdir(),
  );
  const study = await buildStudyProblem(config.problems[0]!);
  const options = { method, seed: 4, budget, samo: config.samo, optuna: config.optuna };
  const dir = mkdtempSync(join(tmpdir(), `paretokit-${method}-`));
  await expect(runOne({ ...options, study: failingAt(study, 6), dir })).rejects.toThrow('killed');
  const progress: number[] = [];
  const resumed = await runOne({ ...options, study, dir, onEvaluation: (done) => progress.push(done) });
  const fresh = await runOne({ ...options, study, dir: mkdtempSync(join(tmpdir(), `paretokit-${method}-`)) });
  const { seconds: _a, replayed: _b, ...same } = fresh;
  return { resumed, fresh: same as Omit<RunRecord, 'seconds' | 'replayed'>, progress };
}

describe('runOne', () => {
  it("evaluates SAMO's rows one per problem call, each logged and reported as it completes", async () => {
    const config = parseStudyConfig(
      {
        name: 'one',
        problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }],
        methods: ['samo-ctaea'],
        budget: 24,
        samo: { initialSamples: 20, surrogates: ['knn'], folds: 3, generations: 20 },
      },
      'one',
      tmpdir(),
    );
    const study = await buildStudyProblem(config.problems[0]!);
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-run-one-'));
    const log = join(dir, 'evaluations.jsonl');
    const batches: number[] = [];
    const logged: number[] = [];
    // Counts the rows of each problem call and, at each call, the evaluations already in the log.
    const problem: Problem = {
      ...study.problem,
      evaluate(X: Matrix, ctx: EvalContext) {
        batches.push(X.rows);
        logged.push((readFileSync(log, 'utf8').match(/"type":"evaluation"/g) ?? []).length);
        return study.problem.evaluate(X, ctx);
      },
    };
    const progress: number[] = [];
    const record = await runOne({
      study: { ...study, problem },
      method: 'samo-ctaea',
      seed: 1,
      budget: 24,
      samo: config.samo,
      dir,
      onEvaluation: (done) => progress.push(done),
    });
    expect(record.evaluations).toBe(24);
    expect(batches).toEqual(new Array(24).fill(1));
    expect(logged).toEqual([...Array(24).keys()]);
    expect(progress).toEqual([...Array(24).keys()].map((i) => i + 1));
  });

  it('random: a Latin hypercube of any budget, resumed from its journal after a kill', async () => {
    const { resumed, fresh, progress } = await killedAndResumed('random', 17);
    expect(resumed).toMatchObject({ ...fresh, evaluations: 17, replayed: 5 });
    expect(progress).toEqual([...Array(17).keys()].map((i) => i + 1));
    expect(resumed.feasible).toBeGreaterThan(0);
  });

  it('optuna-tpe: resumed from its journal after a kill (Optuna asks the same rows again)', async () => {
    const { resumed, fresh, progress } = await killedAndResumed('optuna-tpe', 13);
    expect(resumed).toMatchObject({ ...fresh, evaluations: 13, replayed: 5 });
    expect(progress).toEqual([...Array(13).keys()].map((i) => i + 1));
    expect(resumed.optuna?.optuna).toMatch(/^\d+\.\d+/);
  });
});
