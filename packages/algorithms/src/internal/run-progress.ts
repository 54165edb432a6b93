import type { RunState, Termination } from '../algorithm.js';

/** Generation and evaluation counters of one run, with its clock and termination. */
export class RunProgress {
  generation = 0;
  evaluations = 0;
  private readonly started = performance.now();

  constructor(private readonly termination: Termination) {}

  /** Counts one told batch of `rows` evaluations as a completed generation. */
  record(rows: number): void {
    this.generation++;
    this.evaluations += rows;
  }

  get elapsedMs(): number {
    return performance.now() - this.started;
  }

  state(): RunState {
    return { generation: this.generation, evaluations: this.evaluations, elapsedMs: this.elapsedMs };
  }

  /** True once a batch has been told and the termination says stop. */
  get done(): boolean {
    return this.generation > 0 && this.termination(this.state());
  }
}
