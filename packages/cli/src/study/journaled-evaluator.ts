import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import {
  createMatrix,
  type EvalResult,
  type Evaluator,
  type Matrix,
  ParetokitError,
  type Problem,
  serialEvaluator,
} from '@paretokit/problem';

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
  /** Evaluates the rows not in the journal (default: serial, one row at a time, each written as it completes). */
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
      return JSON.parse(line) as JournalEntry;
    } catch {
      throw new JournalMismatchError(path, `line ${i + 2} is not JSON`);
    }
  });
}

/**
 * Makes any seeded, deterministic run resumable without repeating an evaluation: each evaluated
 * row is appended (fsynced) to a JSON-lines journal; on a rerun with the same seed the algorithm
 * asks the same rows again, and those found in the journal, in order, are answered from it. A row
 * that differs from the journal's at the same position stops the run with a typed error.
 * O(rows) memory; one fsync per evaluated row.
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
  const replay = readJournal(options.path, header);
  const fd = openSync(options.path, 'a');
  if (replay.length === 0 && (!existsSync(options.path) || readFileSync(options.path).length === 0)) {
    writeSync(fd, `${header}\n`);
    fsyncSync(fd);
  }
  const entries: JournalEntry[] = [];
  let replayed = 0;
  const write = (entry: JournalEntry) => {
    writeSync(fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
    entries.push(entry);
    options.onEntry?.(entry);
  };
  const rowOf = (M: Matrix | undefined, i: number) =>
    M === undefined ? [] : Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols));
  const inner =
    options.evaluator ??
    serialEvaluator({
      batchSize: 1,
      onBatch: (_, X, r) => write({ x: rowOf(X, 0), F: rowOf(r.F, 0), G: rowOf(r.G, 0) }),
    });
  const writesItself = options.evaluator === undefined;
  return {
    get entries() {
      return entries;
    },
    get replayed() {
      return replayed;
    },
    close: () => closeSync(fd),
    async evaluate(problem: Problem, X: Matrix, ctx) {
      const m = problem.objectives.length;
      const k = problem.constraints.length;
      const F = createMatrix(X.rows, m);
      const G = createMatrix(X.rows, k);
      let i = 0;
      for (; i < X.rows && entries.length < replay.length; i++) {
        const entry = replay[entries.length]!;
        if (!sameBits(entry.x, X.data.subarray(i * X.cols, (i + 1) * X.cols))) {
          throw new JournalMismatchError(
            options.path,
            `row ${entries.length + 1} differs from the one asked now`,
          );
        }
        F.data.set(entry.F, i * m);
        G.data.set(entry.G, i * k);
        entries.push(entry);
        replayed++;
        options.onEntry?.(entry);
      }
      if (i < X.rows) {
        const rest = createMatrix(X.rows - i, X.cols, X.data.slice(i * X.cols));
        const result: EvalResult = await inner.evaluate(problem, rest, ctx);
        if (!writesItself) {
          for (let r = 0; r < rest.rows; r++)
            write({ x: rowOf(rest, r), F: rowOf(result.F, r), G: rowOf(result.G, r) });
        }
        F.data.set(result.F.data, i * m);
        if (result.G !== undefined) G.data.set(result.G.data, i * k);
      }
      return k === 0 ? { F } : { F, G };
    },
  };
}
