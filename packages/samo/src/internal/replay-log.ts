import { InvalidArgumentError, type Problem } from '@paretokit/problem';
import { EvaluationLogError } from '../errors/evaluation-log-error.js';
import {
  type EvaluationLog,
  type LogEvaluation,
  type LogHeader,
  type LogIterationEnd,
  readEvaluationLog,
} from '../evaluation-log.js';
import type { SamoOptions } from '../samo-options.js';
import { LogWriter, logHeader } from './log-writer.js';
import { PendingIteration } from './pending-iteration.js';
import type { ResolvedSamoOptions } from './resolve-samo-options.js';
import { evaluationRecord, iterationDiagnostics, type SamoArchive } from './samo-archive.js';

/** A log read back into an archive: the run's seed, the iteration still pending, the log itself. */
export interface Replay {
  readonly seed: number;
  readonly current: PendingIteration | undefined;
  readonly log: EvaluationLog;
}

/** Throws unless the log's header is of `problem` and of the given seed (when one is given). */
function checkHeader(path: string, h: LogHeader, problem: Problem, seed: number | undefined): void {
  const expected = logHeader(problem, h.seed);
  const mismatch =
    h.problem !== expected.problem
      ? `problem ${JSON.stringify(h.problem)}`
      : JSON.stringify(h.variables) !== JSON.stringify(expected.variables)
        ? 'variables'
        : JSON.stringify(h.objectives) !== JSON.stringify(expected.objectives)
          ? 'objectives'
          : JSON.stringify(h.constraints) !== JSON.stringify(expected.constraints)
            ? 'constraints'
            : undefined;
  if (mismatch !== undefined) {
    throw new EvaluationLogError({
      path,
      reason: `the log belongs to another problem (its ${mismatch} differ from ${problem.name}'s)`,
    });
  }
  if (seed !== undefined && seed !== h.seed) {
    throw new InvalidArgumentError({
      argument: 'samo: seed',
      expected: `the resumed log's seed ${h.seed} (or none)`,
      actual: seed,
    });
  }
}

/** Replays one evaluation into the archive; false when it repeats a row or was never proposed. */
function replayEvaluation(
  problem: Problem,
  archive: SamoArchive,
  current: PendingIteration | undefined,
  r: LogEvaluation,
  fail: (reason: string) => never,
): boolean {
  const d = problem.variables.length;
  if (
    r.x.length !== d ||
    r.f.length !== problem.objectives.length ||
    r.g.length !== problem.constraints.length
  ) {
    fail(`an evaluation of another shape (x ${r.x.length}, f ${r.f.length}, g ${r.g.length})`);
  }
  const i = current?.proposal.iteration === r.iteration ? current.indexOf(r.x) : -1;
  if (i < 0) return false;
  current!.pending.delete(i);
  archive.add(evaluationRecord(r.iteration, r.x, r.f, r.g));
  return true;
}

/** Ends the pending iteration as the log did. */
function replayIterationEnd(
  archive: SamoArchive,
  current: PendingIteration | undefined,
  r: LogIterationEnd,
  fail: (reason: string) => never,
): void {
  if (current === undefined || current.pending.size > 0 || current.proposal.iteration !== r.iteration) {
    fail(`the end of iteration ${r.iteration} before its evaluations`);
  }
  if (archive.reference === undefined) archive.reference = Array.from(r.referencePoint);
  archive.iterations.push(iterationDiagnostics(current.proposal, r));
}

/**
 * Rebuilds the archive and the finished iterations of a run from its log at `path`, evaluating
 * nothing; a row logged twice, or never proposed, is skipped with a warning. Throws an
 * {@link EvaluationLogError} for a log of another problem or records out of order, and an
 * `InvalidArgumentError` for a `seed` other than the log's. O(records · pending · d).
 */
export function replayLog(
  path: string,
  problem: Problem,
  seed: number | undefined,
  archive: SamoArchive,
  onWarning: (message: string) => void,
): Replay {
  const log = readEvaluationLog(path, onWarning);
  checkHeader(path, log.header, problem, seed);
  const d = problem.variables.length;
  let current: PendingIteration | undefined;
  for (const [n, r] of log.records.entries()) {
    const where = `record ${n + 1} after the header`;
    const fail = (reason: string): never => {
      throw new EvaluationLogError({ path, reason: `${where}: ${reason}` });
    };
    if (r.type === 'proposal') {
      if (current !== undefined && current.pending.size > 0) {
        fail(`a proposal while rows of iteration ${current.proposal.iteration} are pending`);
      }
      if (r.X.some((x) => x.length !== d)) fail(`rows of ${d} variables expected`);
      current = new PendingIteration(r);
    } else if (r.type === 'evaluation') {
      if (!replayEvaluation(problem, archive, current, r, fail)) {
        onWarning(`${path}: ${where} repeats or was never proposed in iteration ${r.iteration}; skipped.`);
      }
    } else if (r.type === 'iteration') {
      replayIterationEnd(archive, current, r, fail);
      current = undefined;
    }
  }
  return { seed: log.header.seed, current, log };
}

/** The run's log, ready for appending, and where the run stands in it. */
export interface OpenedLog {
  /** The log's seed when resumed, else the option's. */
  readonly seed: number;
  /** The iteration the log left pending, if any. */
  readonly current: PendingIteration | undefined;
  readonly writer: LogWriter | undefined;
}

/**
 * With `resume`, the log replayed into `archive` and opened for appending (a torn last line cut
 * off); with `log`, a new log with its header; else no log.
 */
export function openLog(
  problem: Problem,
  options: SamoOptions,
  resolved: ResolvedSamoOptions,
  archive: SamoArchive,
): OpenedLog {
  if (options.resume !== undefined) {
    const replay = replayLog(options.resume, problem, options.seed, archive, resolved.onWarning);
    const { validBytes, missingNewline } = replay.log;
    const writer = LogWriter.resume(options.resume, validBytes, missingNewline);
    return { seed: replay.seed, current: replay.current, writer };
  }
  if (resolved.logPath === undefined) return { seed: resolved.seed, current: undefined, writer: undefined };
  const writer = LogWriter.create(resolved.logPath);
  writer.write(logHeader(problem, resolved.seed));
  return { seed: resolved.seed, current: undefined, writer };
}
