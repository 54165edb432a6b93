import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ctaea, maxEvaluations, minimize } from '@paretokit/algorithms';
import { c3dtlz4 } from '@paretokit/benchmarks';
import {
  createMatrix,
  type EvalResult,
  type Evaluator,
  type Matrix,
  type Problem,
  serialEvaluator,
  toArrays,
  toMatrix,
} from '@paretokit/problem';
import { workerPoolEvaluator } from '@paretokit/workers';
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

/** The journal's entries (its lines after the header). */
const journalRows = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .slice(1, -1)
    .map((line) => JSON.parse(line) as { x: number[]; F: number[]; G: number[] });

/** Eight distinct rows of C3-DTLZ4 with two objectives (11 variables). */
const X8 = toMatrix(
  Array.from({ length: 8 }, (_, i) => Array.from({ length: 11 }, (_, j) => ((i * 11 + j) % 17) / 17)),
);

/**
 * Evaluates serially (last row first with `reverse`) and reports each row through `onRow`; after
 * `failAfter` rows of a call it throws (once). `reports` says whether it calls `onRow` at all;
 * `asked` gathers the rows asked.
 */
function innerEvaluator(options: { failAfter?: number; reports?: boolean; reverse?: boolean } = {}) {
  let failAfter = options.failAfter;
  const asked: number[][] = [];
  const evaluator: Evaluator = {
    async evaluate(problem, X, ctx = {}) {
      const F = createMatrix(X.rows, problem.objectives.length);
      const G = createMatrix(X.rows, problem.constraints.length);
      for (let n = 0; n < X.rows; n++) {
        if (failAfter !== undefined && n === failAfter) {
          failAfter = undefined;
          throw new Error(`stopped after ${n} rows`);
        }
        const r = options.reverse ? X.rows - 1 - n : n;
        const row = createMatrix(1, X.cols, X.data.slice(r * X.cols, (r + 1) * X.cols));
        asked.push(Array.from(row.data));
        const one = await problem.evaluate(row, { seed: ctx.seed ?? 0 });
        F.data.set(one.F.data, r * F.cols);
        if (one.G !== undefined) G.data.set(one.G.data, r * G.cols);
        if (options.reports !== false) await ctx.onRow?.(r, one);
      }
      return { F, G };
    },
  };
  return { evaluator, asked };
}

describe('journaledEvaluator around an evaluator that reports rows one by one', () => {
  const header = { method: 'test', seed: 1 };
  const problem = c3dtlz4({ nObj: 2 });

  it('on a worker pool: each row is journaled before the caller hears of it; a cut journal is replayed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-journal-'));
    const path = join(dir, 'pool.jsonl');
    await using pool = workerPoolEvaluator({
      problem: { module: '@paretokit/benchmarks', export: 'c3dtlz4', options: { nObj: 2 } },
      baseDir: fileURLToPath(new URL('../..', import.meta.url)),
      size: 2,
    });
    const expected = await serialEvaluator().evaluate(problem, X8);
    const journal = journaledEvaluator({ path, header, evaluator: pool });
    const heard: number[] = [];
    const result = await journal.evaluate(problem, X8, {
      onRow: (i, one) => {
        // The row is in the journal (fsynced) already, and the rows heard of later are not.
        const rows = journalRows(path);
        expect(rows).toHaveLength(heard.length + 1);
        expect(rows.at(-1)!.x).toEqual(toArrays(X8)[i]);
        expect(Array.from(one.F.data)).toEqual(toArrays(expected.F)[i]);
        heard.push(i);
      },
    });
    journal.close();
    expect([...heard].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(toArrays(result.F)).toEqual(toArrays(expected.F));
    expect(toArrays(result.G!)).toEqual(toArrays(expected.G!));
    expect(journalRows(path)).toHaveLength(8);

    // A kill after 5 rows: the rerun replays them (in whatever order they completed).
    const lines = readFileSync(path, 'utf8').split('\n');
    const cut = join(dir, 'cut.jsonl');
    writeFileSync(cut, `${lines.slice(0, 6).join('\n')}\n`);
    const again = journaledEvaluator({ path: cut, header, evaluator: pool });
    const resumed = await again.evaluate(problem, X8);
    again.close();
    expect(again.replayed).toBe(5);
    expect(toArrays(resumed.F)).toEqual(toArrays(expected.F));
    expect(journalRows(cut)).toHaveLength(8);
    expect(new Set(journalRows(cut).map((e) => e.x.join()))).toEqual(
      new Set(toArrays(X8).map((x) => x.join())),
    );
  }, 60_000);

  it('rows reported before the inner evaluator throws are kept, and a rerun replays them', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'paretokit-journal-')), 'j.jsonl');
    const failing = innerEvaluator({ failAfter: 3 });
    const first = journaledEvaluator({ path, header, evaluator: failing.evaluator });
    await expect(first.evaluate(problem, X8, { seed: 1 })).rejects.toThrow(/stopped after 3 rows/);
    first.close();
    expect(journalRows(path).map((e) => e.x)).toEqual(toArrays(X8).slice(0, 3));

    const inner = innerEvaluator();
    const again = journaledEvaluator({ path, header, evaluator: inner.evaluator });
    const heard: number[] = [];
    const result = await again.evaluate(problem, X8, { seed: 1, onRow: (i) => void heard.push(i) });
    again.close();
    expect(again.replayed).toBe(3);
    expect(inner.asked).toEqual(toArrays(X8).slice(3));
    // Replayed rows first, in row order, then the evaluated ones as they complete.
    expect(heard).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const expected = await serialEvaluator().evaluate(problem, X8);
    expect(toArrays(result.F)).toEqual(toArrays(expected.F));
    expect(journalRows(path).map((e) => e.x)).toEqual(toArrays(X8));
  });

  it('the same process asking again after a failed call replays the rows written; none is written twice', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'paretokit-journal-')), 'j.jsonl');
    const inner = innerEvaluator({ failAfter: 3 });
    const journal = journaledEvaluator({ path, header, evaluator: inner.evaluator });
    await expect(journal.evaluate(problem, X8)).rejects.toThrow(/stopped after 3 rows/);
    const result = await journal.evaluate(problem, X8);
    journal.close();
    expect(journal.replayed).toBe(3);
    expect(inner.asked).toHaveLength(8);
    expect(journal.entries.map((e) => e.x)).toEqual(toArrays(X8));
    expect(journalRows(path).map((e) => e.x)).toEqual(toArrays(X8));
    const expected = await serialEvaluator().evaluate(problem, X8);
    expect(toArrays(result.F)).toEqual(toArrays(expected.F));
  });

  it('rows the inner evaluator does not report are written when its call returns, once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'paretokit-journal-')), 'j.jsonl');
    const silent = innerEvaluator({ reports: false });
    const journal = journaledEvaluator({ path, header, evaluator: silent.evaluator });
    const heard: number[] = [];
    await journal.evaluate(problem, X8, { onRow: (i) => void heard.push(i) });
    journal.close();
    expect(heard).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(journalRows(path).map((e) => e.x)).toEqual(toArrays(X8));
  });

  it('rows journaled out of row order are replayed by their values', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'paretokit-journal-')), 'j.jsonl');
    const backwards = innerEvaluator({ reverse: true, failAfter: 3 });
    const first = journaledEvaluator({ path, header, evaluator: backwards.evaluator });
    await expect(first.evaluate(problem, X8)).rejects.toThrow(/stopped after 3 rows/);
    first.close();
    expect(journalRows(path).map((e) => e.x)).toEqual(toArrays(X8).slice(5).reverse());
    const inner = innerEvaluator();
    const again = journaledEvaluator({ path, header, evaluator: inner.evaluator });
    const heard: number[] = [];
    const result = await again.evaluate(problem, X8, { onRow: (i) => void heard.push(i) });
    again.close();
    expect(again.replayed).toBe(3);
    expect(inner.asked).toEqual(toArrays(X8).slice(0, 5));
    expect(heard).toEqual([5, 6, 7, 0, 1, 2, 3, 4]);
    const expected = await serialEvaluator().evaluate(problem, X8);
    expect(toArrays(result.F)).toEqual(toArrays(expected.F));
    // A rerun of the whole journal replays all eight rows.
    const third = journaledEvaluator({ path, header, evaluator: inner.evaluator });
    expect(toArrays((await third.evaluate(problem, X8)).F)).toEqual(toArrays(expected.F));
    third.close();
    expect(third.replayed).toBe(8);
    expect(inner.asked).toHaveLength(5);
  });
});

describe('journaledEvaluator with non-finite values', () => {
  it('replays NaN and infinities (rows marked failed) as they were, not as null', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-journal-'));
    const path = join(dir, 'j.jsonl');
    const problem = c3dtlz4({ nObj: 2 });
    const inner = {
      async evaluate(_: Problem, X: Matrix) {
        return {
          F: { rows: X.rows, cols: 2, data: new Float64Array(X.rows * 2).fill(Number.NaN) },
          G: { rows: X.rows, cols: 2, data: new Float64Array(X.rows * 2).fill(Number.POSITIVE_INFINITY) },
        };
      },
    };
    const X = {
      rows: 1,
      cols: problem.variables.length,
      data: new Float64Array(problem.variables.length).fill(0.5),
    };
    const first = journaledEvaluator({ path, header: { run: 'nan' }, evaluator: inner });
    await first.evaluate(problem, X);
    first.close();
    const again = journaledEvaluator({ path, header: { run: 'nan' }, evaluator: inner });
    const replayed = await again.evaluate(problem, X);
    again.close();
    expect(again.replayed).toBe(1);
    expect(Array.from(replayed.F.data)).toEqual([Number.NaN, Number.NaN]);
    expect(Array.from(replayed.G!.data)).toEqual([Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
  });
});
