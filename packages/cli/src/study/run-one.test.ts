import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvalContext, Matrix, Problem } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { runOne } from './run-one.js';
import { parseStudyConfig } from './study-config.js';
import { buildStudyProblem } from './study-problem.js';

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
});
