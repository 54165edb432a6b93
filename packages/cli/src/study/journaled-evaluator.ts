import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import {
  createMatrix,
  type EvalResult,
  type EvaluateOptions,
  type Evaluator,
  type Matrix,
  ParetokitError,
  type Problem,
  type RowError,
  serialEvaluator,
} from '@paretokit/problem';

const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/** One evaluated row of a journal. */
export interface JournalEntry {
  readonly x: readonly number[];
  readonly F: readonly number[];
  readonly G: readonly number[];
}

/**
 * A journal belongs to another run, or its rows differ from what the run asks again.
 *
 * @example
 * new JournalMismatchError('run.jsonl', 'row 3 differs').name // => 'JournalMismatchError'
 */
export class JournalMismatchError extends ParetokitError {
  constructor(path: string, detail: string) {
    super(
      'JournalMismatchError',
      `${path}: ${detail}. The journal belongs to another run; move it away to start this run afresh.`,
    );
  }
}

/** An evaluator that records every row and replays them on a rerun, with what it holds. */
export interface JournaledEvaluator extends Evaluator {
  /** Every row evaluated or replayed so far, in order. */
  readonly entries: readonly JournalEntry[];
  /** Rows served from the journal instead of being evaluated. */
  readonly replayed: number;
  close(): void;
}

/** Options of {@link journaledEvaluator}. */
export interface JournaledEvaluatorOptions {
  /** The JSON-lines file (created when missing, continued when present). */
  readonly path: string;
  /** Identifies the run; a journal with another header is refused. */
  readonly header: Readonly<Record<string, string | number>>;
  /**
   * Evaluates the rows not in the journal (default: serial, one row at a time). Each row it reports
   * through `onRow` is written at once; the others when its call returns.
   */
  readonly evaluator?: Evaluator;
  /** Called with each row, replayed from the journal or evaluated and written, in order. */
  readonly onEntry?: (entry: JournalEntry) => void;
}

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
  a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

/** Reads a journal's entries; a torn last line (a kill mid-write) is cut off the file. */
function readJournal(path: string, header: string): JournalEntry[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  // The element after the last newline is '' or a torn line; either way it is not an entry.
  const complete = lines.slice(0, -1);
  if (!text.endsWith('\n') && lines.length > 0) {
    // The last line never got its newline: cut it so appends start on a clean line.
    truncateSync(path, Buffer.byteLength(complete.map((l) => `${l}\n`).join('')));
  }
  if (complete.length === 0) return [];
  if (complete[0] !== header) throw new JournalMismatchError(path, `header ${complete[0]} is not ${header}`);
  return complete.slice(1).map((line, i) => {
    try {
      return JSON.parse(line, (_, v) =>
        typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : v,
      ) as JournalEntry;
    } catch {
      throw new JournalMismatchError(path, `line ${i + 2} is not JSON`);
    }
  });
}

/**
 * Makes any seeded, deterministic run resumable without repeating an evaluation: each evaluated
 * row is appended (fsynced) to a JSON-lines journal as soon as the inner evaluator reports it
 * through `onRow` (rows it does not report are written when its call returns); on a rerun with the
 * same seed the algorithm asks the same rows again, and those found in the journal are answered
 * from it. The journal holds each call's rows together, in the order they completed: a call takes
 * the journal's next rows (as many as it asks, fewer when the journal ends inside it) and matches
 * each to an asked row with the same values; a journal row that matches none stops the run with a
 * typed error. The caller's `onRow` hears replayed rows first, in row order, then evaluated rows
 * as they are written. O(rows) memory; one fsync per evaluated row.
 *
 * @example
 * const path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'evaluations.jsonl');
 * const first = journaledEvaluator({ path, header: { run: 'doc' } });
 * await first.evaluate(c2dtlz2({ nObj: 2 }), toMatrix([[0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]]));
 * first.close();
 * const again = journaledEvaluator({ path, header: { run: 'doc' } });
 * await again.evaluate(c2dtlz2({ nObj: 2 }), toMatrix([[0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]]));
 * again.replayed // => 1
 */
export function journaledEvaluator(options: JournaledEvaluatorOptions): JournaledEvaluator {
  const header = JSON.stringify({ journal: 'paretokit-evaluations', ...options.header });
  // The journal's rows: those of the file, then those written here.
  const journal = readJournal(options.path, header);
  const inFile = journal.length;
  const fd = openSync(options.path, 'a');
  if (inFile === 0 && (!existsSync(options.path) || readFileSync(options.path).length === 0)) {
    writeSync(fd, `${header}\n`);
    fsyncSync(fd);
  }
  const entries: JournalEntry[] = [];
  // Journal rows of the calls done so far: the next call's rows start here. A call that fails
  // leaves its written rows after it, to be replayed when the rows are asked again.
  let cursor = 0;
  let replayed = 0;
  const write = (entry: JournalEntry) => {
    // NaN and infinities (a row marked failed) are written as strings: JSON would turn them into null.
    writeSync(
      fd,
      `${JSON.stringify(entry, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))}\n`,
    );
    fsyncSync(fd);
    journal.push(entry);
    entries.push(entry);
    options.onEntry?.(entry);
  };
  const rowOf = (M: Matrix | undefined, i: number) =>
    M === undefined ? [] : Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols));
  // Serial, one row per call of the problem: each row is reported (and written) as it completes.
  const inner = options.evaluator ?? serialEvaluator({ batchSize: 1 });
  return {
    get entries() {
      return entries;
    },
    get replayed() {
      return replayed;
    },
    close: () => closeSync(fd),
    async evaluate(problem: Problem, X: Matrix, ctx: EvaluateOptions = {}) {
      const m = problem.objectives.length;
      const k = problem.constraints.length;
      const F = createMatrix(X.rows, m);
      const G = createMatrix(X.rows, k);
      const onRow = ctx.onRow;
      const oneRow = (i: number): EvalResult => {
        const f = createMatrix(1, m, F.data.slice(i * m, (i + 1) * m));
        return k === 0 ? { F: f } : { F: f, G: createMatrix(1, k, G.data.slice(i * k, (i + 1) * k)) };
      };
      // This call's rows in the journal: matched to asked rows by their values.
      const block = journal.slice(cursor, cursor + X.rows);
      const fromJournal = new Uint8Array(X.rows);
      for (const [b, entry] of block.entries()) {
        const matches = (i: number) =>
          fromJournal[i] === 0 && sameBits(entry.x, X.data.subarray(i * X.cols, (i + 1) * X.cols));
        // Rows completing in row order (a serial evaluator) match at their own position.
        let i = b;
        if (!matches(i)) i = [...Array(X.rows).keys()].find(matches) ?? -1;
        if (i < 0) {
          throw new JournalMismatchError(
            options.path,
            `row ${cursor + b + 1} differs from the one asked now (and from every other row of this call)`,
          );
        }
        fromJournal[i] = 1;
        F.data.set(entry.F, i * m);
        G.data.set(entry.G, i * k);
      }
      for (const [b, entry] of block.entries()) {
        // Rows written by this process are in `entries` already.
        if (cursor + b < inFile) {
          entries.push(entry);
          options.onEntry?.(entry);
        }
      }
      cursor += block.length;
      replayed += block.length;
      if (onRow !== undefined) {
        for (let i = 0; i < X.rows; i++) if (fromJournal[i] === 1) await onRow(i, oneRow(i));
      }
      if (block.length === X.rows) return k === 0 ? { F } : { F, G };

      // The other rows are evaluated; `rows[r]` is the asked row of the inner call's row r.
      const rows = [...Array(X.rows).keys()].filter((i) => fromJournal[i] === 0);
      const rest = createMatrix(rows.length, X.cols);
      for (const [r, i] of rows.entries())
        rest.data.set(X.data.subarray(i * X.cols, (i + 1) * X.cols), r * X.cols);
      const written = new Uint8Array(rows.length);
      const asked = (e: RowError): RowError => ({ ...e, row: rows[e.row] ?? e.row });
      const keep = async (
        r: number,
        f: ArrayLike<number>,
        g: ArrayLike<number>,
        errors?: readonly RowError[],
      ) => {
        if (written[r] === 1) return;
        written[r] = 1;
        const i = rows[r]!;
        F.data.set(f, i * m);
        G.data.set(g, i * k);
        write({ x: rowOf(rest, r), F: Array.from(f), G: Array.from(g) });
        if (onRow === undefined) return;
        const failed = errors?.filter((e) => e.row === r).map(asked) ?? [];
        await onRow(i, failed.length === 0 ? oneRow(i) : { ...oneRow(i), errors: failed });
      };
      const result: EvalResult = await inner.evaluate(problem, rest, {
        ...ctx,
        // The errors of a 1-row result are about row r of `rest`.
        onRow: (r, one) =>
          keep(
            r,
            one.F.data,
            one.G?.data ?? [],
            one.errors?.map((e) => ({ ...e, row: r })),
          ),
      });
      // Rows the inner evaluator did not report one by one are written now.
      for (let r = 0; r < rest.rows; r++) {
        if (written[r] === 0)
          await keep(
            r,
            result.F.data.subarray(r * m, (r + 1) * m),
            result.G?.data.subarray(r * k, (r + 1) * k) ?? [],
            result.errors,
          );
      }
      cursor = journal.length;
      const errors = result.errors?.map(asked).sort((a, b) => a.row - b.row) ?? [];
      return { F, ...(k === 0 ? {} : { G }), ...(errors.length === 0 ? {} : { errors }) };
    },
  };
}
