import type { Matrix } from '@paretokit/problem';
import type { RunOneOptions, RunRecord } from './run-one.js';

/** Every real evaluation of a run, in order (objectives in their natural sense). */
export interface Archive {
  readonly X: Matrix;
  readonly F: Matrix;
  readonly G?: Matrix;
}

/** What a method's run hands back to {@link runOne}, which scores it and writes the record. */
export interface MethodOutcome {
  readonly archive: Archive;
  /** Rows answered from the run's log after a restart (not evaluated again). */
  readonly replayed: number;
  readonly samo?: RunRecord['samo'];
  readonly optuna?: RunRecord['optuna'];
}

/** Where a run logs its evaluations and reports its progress. */
export interface RunProgress {
  /** The run's log: `evaluations.jsonl` in its folder. */
  readonly log: string;
  /** One real evaluation done (or replayed), with its objectives. */
  readonly report: (objectives: readonly number[]) => void;
  /** `n` evaluations replayed without their objectives (SAMO's resume). */
  readonly skip: (n: number) => void;
}

/** Runs one method of a study; each lives in its own `run-<method>.ts`. */
export type MethodRunner = (options: RunOneOptions, progress: RunProgress) => Promise<MethodOutcome>;
