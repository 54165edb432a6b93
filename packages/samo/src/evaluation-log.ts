import { readFileSync } from 'node:fs';
import type { Sense } from '@paretokit/problem';
import { EvaluationLogError } from './errors/evaluation-log-error.js';
import type { IterationProposal } from './stages/types.js';

/** The first line of a log: which problem and run it belongs to. */
export interface LogHeader {
  readonly type: 'header';
  readonly format: 'paretokit-samo-log';
  readonly version: 1;
  readonly problem: string;
  readonly variables: readonly string[];
  readonly objectives: readonly { readonly name: string; readonly sense: Sense }[];
  readonly constraints: readonly string[];
  readonly seed: number;
}

/** Rows handed out for real evaluation, written before any of them is evaluated. */
export interface LogProposal extends IterationProposal {
  readonly type: 'proposal';
  readonly iteration: number;
}

/** One completed real evaluation: decision row, objectives (natural sense), constraints. */
export interface LogEvaluation {
  readonly type: 'evaluation';
  readonly iteration: number;
  readonly x: readonly number[];
  readonly f: readonly number[];
  readonly g: readonly number[];
}

/** The end of an iteration: every proposed row evaluated. */
export interface LogIterationEnd {
  readonly type: 'iteration';
  readonly iteration: number;
  readonly evaluations: number;
  readonly evaluateMs: number;
  readonly hypervolume: number;
  readonly referencePoint: readonly number[];
  readonly frontSize: number;
}

/** One line of an evaluation log. */
export type LogRecord = LogHeader | LogProposal | LogEvaluation | LogIterationEnd;

/** A log as read back: its records and where its last good line ends. */
export interface EvaluationLog {
  readonly header: LogHeader;
  /** Every record after the header, in file order. */
  readonly records: readonly Exclude<LogRecord, LogHeader>[];
  /** Bytes up to the end of the last good line; anything after it is a torn write. */
  readonly validBytes: number;
  /** True when the last good line lacks its newline (a kill between the record and its `\n`). */
  readonly missingNewline: boolean;
}

const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/**
 * One record as a line of JSON; non-finite numbers become the strings "NaN", "Infinity", "-Infinity". O(size).
 *
 * @example
 * formatLogRecord({ type: 'evaluation', iteration: 0, x: [0.5], f: [Infinity], g: [] }) // => '{"type":"evaluation","iteration":0,"x":[0.5],"f":["Infinity"],"g":[]}\n'
 */
export function formatLogRecord(record: LogRecord): string {
  return `${JSON.stringify(record, (_key, value) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  )}\n`;
}

function isNumber(v: unknown): boolean {
  return typeof v === 'number' || (typeof v === 'string' && v in NON_FINITE);
}

function numbers(v: unknown): v is number[] {
  return Array.isArray(v) && v.every(isNumber);
}

/** Turns the "NaN"/"Infinity" strings of numeric arrays back into numbers, in place. */
function decode(v: unknown[]): void {
  for (let i = 0; i < v.length; i++) if (typeof v[i] === 'string') v[i] = NON_FINITE[v[i] as string];
}

/** The record of a parsed line, or a reason why it is not one. */
function checkRecord(value: unknown, first: boolean): LogRecord | string {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const r = value as Record<string, unknown>;
  if (first) {
    if (r.type !== 'header' || r.format !== 'paretokit-samo-log') return 'not a ParetoKit SAMO log header';
    if (r.version !== 1) return `log format version ${String(r.version)} (this package reads version 1)`;
    return r as unknown as LogHeader;
  }
  const iteration = r.iteration;
  if (typeof iteration !== 'number' || !Number.isSafeInteger(iteration) || iteration < 0) {
    return 'no valid iteration number';
  }
  switch (r.type) {
    case 'evaluation':
      if (!numbers(r.x) || !numbers(r.f) || !numbers(r.g)) return 'an evaluation without numeric x, f and g';
      decode(r.x);
      decode(r.f);
      decode(r.g);
      return r as unknown as LogEvaluation;
    case 'proposal':
      if (!Array.isArray(r.X) || !r.X.every(numbers)) return 'a proposal without numeric rows X';
      for (const row of r.X as unknown[][]) decode(row);
      return r as unknown as LogProposal;
    case 'iteration':
      if (!isNumber(r.hypervolume) || !numbers(r.referencePoint))
        return 'an iteration end without hypervolume';
      if (typeof r.evaluateMs === 'string') r.evaluateMs = NON_FINITE[r.evaluateMs];
      if (typeof r.hypervolume === 'string') r.hypervolume = NON_FINITE[r.hypervolume];
      return r as unknown as LogIterationEnd;
    default:
      return `an unknown record type ${JSON.stringify(r.type)}`;
  }
}

/**
 * Reads a SAMO evaluation log (JSON lines). A bad last line (a write torn by a kill) is skipped
 * with a warning and excluded from `validBytes`; a bad line anywhere else, or a bad header, throws
 * an {@link EvaluationLogError}: a damaged log is never silently accepted. O(file size).
 *
 * @example
 * const path = join(mkdtempSync(join(tmpdir(), 'samo-doc-')), 'log.jsonl');
 * writeFileSync(path, '{"type":"header","format":"paretokit-samo-log","version":1,"problem":"p","variables":["x"],"objectives":[{"name":"f","sense":"min"}],"constraints":[],"seed":0}\n{"type":"evaluation","iteration":0,"x":[0.5],"f":[1],"g":[]}\n{"type":"evalu');
 * const warnings = [];
 * const log = readEvaluationLog(path, (message) => warnings.push(message));
 * log.records.length // => 1
 * warnings.length // => 1
 */
export function readEvaluationLog(path: string, onWarning: (message: string) => void): EvaluationLog {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  let header: LogHeader | undefined;
  const records: Exclude<LogRecord, LogHeader>[] = [];
  let offset = 0;
  let validBytes = 0;
  let missingNewline = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const last = i === lines.length - 1 || (i === lines.length - 2 && lines[i + 1] === '');
    const terminated = i < lines.length - 1;
    const end = offset + Buffer.byteLength(line) + (terminated ? 1 : 0);
    if (line.trim() === '') {
      offset = end;
      continue;
    }
    let parsed: LogRecord | string;
    try {
      parsed = checkRecord(JSON.parse(line), header === undefined);
    } catch {
      parsed = 'not valid JSON';
    }
    if (typeof parsed === 'string') {
      if (last && header !== undefined) {
        onWarning(
          `${path}, line ${i + 1}: ${parsed}; skipped as a torn last write (the evaluation it held, if any, will be redone).`,
        );
        break;
      }
      throw new EvaluationLogError({
        path,
        line: i + 1,
        reason: parsed,
        hint:
          header === undefined
            ? 'Is this a SAMO evaluation log?'
            : 'Only the last line may be torn by a kill; restore the file or cut it before this line.',
      });
    }
    if (parsed.type === 'header') header = parsed;
    else records.push(parsed);
    validBytes = end;
    missingNewline = !terminated;
    offset = end;
  }
  if (header === undefined) {
    throw new EvaluationLogError({ path, reason: 'no header line', hint: 'Is this a SAMO evaluation log?' });
  }
  return { header, records, validBytes, missingNewline };
}
