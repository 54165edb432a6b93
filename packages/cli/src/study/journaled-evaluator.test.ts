import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ctaea, maxEvaluations, minimize } from '@paretokit/algorithms';
import { c3dtlz4 } from '@paretokit/benchmarks';
import type { EvalResult, Matrix, Problem } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { JournalMismatchError, journaledEvaluator } from './journaled-evaluator.js';

/** C3-DTLZ4 that counts the rows it evaluates. */
function counted(): Problem & { rows: number } {
  const inner = c3dtlz4({ nObj: 2 });
  const problem = {
    ...inner,
    rows: 0,
    evaluate(X: Matrix, ctx: Parameters<Problem['evaluate']>[1]) {
      problem.rows += X.rows;
      return inner.evaluate(X, ctx) as EvalResult;
    },
  };
  return problem;
}

async function run(path: string, problem: Problem) {
  const journal = journaledEvaluator({ path, header: { method: 'ctaea-10x10', seed: 3 } });
  try {
    const result = await minimize(problem, ctaea({ populationSize: 10 }), {
      seed: 3,
      termination: maxEvaluations(60),
      evaluator: journal,
    });
    return { result, entries: journal.entries, replayed: journal.replayed };
  } finally {
    journal.close();
  }
}

describe('journaledEvaluator', () => {
  it('resumes a run cut at any line (torn last line included) without evaluating a row twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-journal-'));
    const whole = join(dir, 'whole.jsonl');
    const reference = await run(whole, counted());
    const lines = readFileSync(whole, 'utf8').split('\n').slice(0, -1);
    expect(lines).toHaveLength(61);
    for (const keep of [1, 8, 23, 60]) {
      // A kill leaves the fsynced lines and, at worst, part of the next one.
      const cut = join(dir, `cut-${keep}.jsonl`);
      writeFileSync(cut, `${lines.slice(0, keep + 1).join('\n')}\n${lines[keep + 1]?.slice(0, 17) ?? ''}`);
      const problem = counted();
      const resumed = await run(cut, problem);
      expect(problem.rows).toBe(60 - keep);
      expect(resumed.replayed).toBe(keep);
      expect(resumed.entries).toEqual(reference.entries);
      expect(resumed.result.F).toEqual(reference.result.F);
      expect(readFileSync(cut, 'utf8')).toBe(readFileSync(whole, 'utf8'));
    }
  });

  it("refuses another run's journal", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-journal-'));
    const path = join(dir, 'j.jsonl');
    await run(path, counted());
    expect(() => journaledEvaluator({ path, header: { method: 'ctaea-10x10', seed: 4 } })).toThrow(
      /header .*"seed":3.* is not .*"seed":4.*belongs to another run/,
    );
    writeFileSync(path, `${readFileSync(path, 'utf8').split('\n')[0]}\nnot json\n`);
    expect(() => journaledEvaluator({ path, header: { method: 'ctaea-10x10', seed: 3 } })).toThrow(
      JournalMismatchError,
    );
  });

  it('stops with a typed error when the asked rows differ from the journal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-journal-'));
    const path = join(dir, 'j.jsonl');
    await run(path, counted());
    const journal = journaledEvaluator({ path, header: { method: 'ctaea-10x10', seed: 3 } });
    await expect(
      minimize(counted(), ctaea({ populationSize: 10 }), {
        seed: 99,
        termination: maxEvaluations(20),
        evaluator: journal,
      }),
    ).rejects.toThrow(/row 1 differs from the one asked now/);
    journal.close();
  });
});
