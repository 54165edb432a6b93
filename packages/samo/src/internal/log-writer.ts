import { closeSync, fsyncSync, ftruncateSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Problem } from '@paretokit/problem';
import { EvaluationLogError } from '../errors/evaluation-log-error.js';
import { formatLogRecord, type LogHeader, type LogRecord } from '../evaluation-log.js';

/** The first line of a log of `problem` run from `seed`. */
export function logHeader(problem: Problem, seed: number): LogHeader {
  return {
    type: 'header',
    format: 'paretokit-samo-log',
    version: 1,
    problem: problem.name,
    variables: problem.variables.map((v) => v.name),
    objectives: problem.objectives.map((o) => ({ name: o.name, sense: o.sense })),
    constraints: problem.constraints.map((c) => c.name),
    seed,
  };
}

/** Makes a new directory entry durable (a fresh file's name could otherwise vanish in a crash). */
function syncDirectory(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dirname(path), 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the file's own fsync still covers its data.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Appends records to a log and forces each to disk (write + fsync) before returning, so that the
 * loop never goes on with an evaluation that a crash could still lose.
 */
export class LogWriter {
  private constructor(
    private readonly fd: number,
    readonly path: string,
  ) {}

  /** A new log at `path`; refuses a file that already holds data (it would hold evaluations). */
  static create(path: string): LogWriter {
    let size = -1;
    try {
      size = statSync(path).size;
    } catch {
      // does not exist: fine
    }
    if (size > 0) {
      throw new EvaluationLogError({
        path,
        reason: 'the file exists and is not empty',
        hint: 'Pass { resume: path } to continue that run, or choose a new log path.',
      });
    }
    const fd = openSync(path, 'a');
    syncDirectory(path);
    return new LogWriter(fd, path);
  }

  /** Continues `path`: cuts a torn last line off (after `validBytes`) and restores a missing newline. */
  static resume(path: string, validBytes: number, missingNewline: boolean): LogWriter {
    const fd = openSync(path, 'r+');
    if (statSync(path).size !== validBytes) ftruncateSync(fd, validBytes);
    closeSync(fd);
    const writer = new LogWriter(openSync(path, 'a'), path);
    if (missingNewline) writer.writeText('\n');
    return writer;
  }

  private writeText(text: string): void {
    const bytes = Buffer.from(text);
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done);
    fsyncSync(this.fd);
  }

  /** Appends one record and waits until it is on disk. */
  write(record: LogRecord): void {
    this.writeText(formatLogRecord(record));
  }

  /** Closes the file. */
  close(): void {
    closeSync(this.fd);
  }
}
