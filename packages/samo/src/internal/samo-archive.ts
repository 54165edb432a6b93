import { hypervolume } from '@paretokit/indicators';
import {
  constraintViolation,
  feasibleNonDominated,
  type Matrix,
  negateMaximized,
  type Problem,
  selectRows,
  toMatrix,
} from '@paretokit/problem';
import type { LogEvaluation, LogIterationEnd, LogProposal } from '../evaluation-log.js';
import type { IterationDiagnostics, SamoResult } from '../samo-options.js';

/** Archive rows as matrices: decision rows, objectives (natural sense), constraints (absent without). */
export interface ArchiveMatrices {
  readonly n: number;
  readonly X: Matrix;
  readonly F: Matrix;
  readonly G: Matrix | undefined;
}

/** The log record of one real evaluation (copies of the rows). */
export function evaluationRecord(
  iteration: number,
  x: ArrayLike<number>,
  f: ArrayLike<number>,
  g: ArrayLike<number>,
): LogEvaluation {
  return { type: 'evaluation', iteration, x: Array.from(x), f: Array.from(f), g: Array.from(g) };
}

/** An iteration's diagnostics: what its proposal did, and the archive at its end. */
export function iterationDiagnostics(proposal: LogProposal, end: LogIterationEnd): IterationDiagnostics {
  return {
    iteration: end.iteration,
    evaluations: end.evaluations,
    targets: proposal.targets,
    infill: proposal.infill,
    selectionMs: proposal.selectionMs,
    fitMs: proposal.fitMs,
    optimizeMs: proposal.optimizeMs,
    evaluateMs: end.evaluateMs,
    hypervolume: end.hypervolume,
    referencePoint: end.referencePoint,
    frontSize: end.frontSize,
  };
}

/** Reference point, natural sense: from the problem's known front, or else from the rows of F, plus 10 %. O(n·m). */
function deriveReference(problem: Problem, F: Matrix): number[] {
  const m = problem.objectives.length;
  const known = problem as { idealPoint?: readonly number[]; nadirPoint?: readonly number[] };
  const sign = problem.objectives.map((o) => (o.sense === 'max' ? -1 : 1));
  const worst = new Array<number>(m);
  const best = new Array<number>(m);
  if (known.nadirPoint?.length === m && known.idealPoint?.length === m) {
    for (let j = 0; j < m; j++) {
      worst[j] = sign[j]! * known.nadirPoint[j]!;
      best[j] = sign[j]! * known.idealPoint[j]!;
    }
  } else {
    worst.fill(Number.NEGATIVE_INFINITY);
    best.fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < F.rows; i++) {
      for (let j = 0; j < m; j++) {
        const v = sign[j]! * F.data[i * m + j]!;
        if (Number.isFinite(v)) {
          worst[j] = Math.max(worst[j]!, v);
          best[j] = Math.min(best[j]!, v);
        }
      }
    }
  }
  return worst.map((w, j) => {
    if (!Number.isFinite(w)) return sign[j]! * 1;
    const range = w - best[j]!;
    return sign[j]! * (w + (range > 0 ? 0.1 * range : Math.max(1e-12, Math.abs(w) * 0.1)));
  });
}

/**
 * Every real evaluation of a run in completion order, the iterations finished so far and the
 * hypervolume reference point (given, or derived when the initial design ends).
 */
export class SamoArchive {
  private readonly xs: (readonly number[])[] = [];
  private readonly fs: (readonly number[])[] = [];
  private readonly gs: (readonly number[])[] = [];
  private readonly rowIteration: number[] = [];
  /** Finished iterations, in order. */
  readonly iterations: IterationDiagnostics[] = [];

  constructor(
    private readonly problem: Problem,
    /** Natural sense; undefined until given or derived. */
    public reference: number[] | undefined,
  ) {}

  /** Rows in the archive, failed ones included. */
  get size(): number {
    return this.xs.length;
  }

  /** Adds one evaluated row. */
  add(row: LogEvaluation): void {
    this.xs.push(row.x);
    this.fs.push(row.f);
    this.gs.push(row.g);
    this.rowIteration.push(row.iteration);
  }

  /** Every row. O(n·(d + m + k)). */
  matrices(): ArchiveMatrices {
    const { variables, objectives, constraints } = this.problem;
    const k = constraints.length;
    return {
      n: this.xs.length,
      X: toMatrix(this.xs, 'archive X', variables.length),
      F: toMatrix(this.fs, 'archive F', objectives.length),
      G: k === 0 ? undefined : toMatrix(this.gs, 'archive G', k),
    };
  }

  /**
   * The archive without rows whose objectives or constraints are not finite (rows an evaluator
   * marked failed): surrogates are fitted, and fronts taken, on these only. The archive keeps all.
   */
  usable(): ArchiveMatrices {
    const all = this.matrices();
    const k = this.problem.constraints.length;
    const keep: number[] = [];
    for (let i = 0; i < all.n; i++) {
      if (this.fs[i]!.every(Number.isFinite) && (k === 0 || this.gs[i]!.every(Number.isFinite))) keep.push(i);
    }
    if (keep.length === all.n) return all;
    return {
      n: keep.length,
      X: selectRows(all.X, keep),
      F: selectRows(all.F, keep),
      G: all.G === undefined ? undefined : selectRows(all.G, keep),
    };
  }

  /** Hypervolume and size of the usable archive's feasible non-dominated set. O(n log n) for up to 3 objectives. */
  private frontAndHypervolume(): { hv: number; size: number } {
    const { objectives } = this.problem;
    const { n, F, G } = this.usable();
    if (n === 0) return { hv: 0, size: 0 };
    const Fmin = negateMaximized(F, objectives);
    const front = feasibleNonDominated(Fmin, G);
    if (front.length === 0) return { hv: 0, size: 0 };
    const ref = this.reference!.map((r, j) => (objectives[j]!.sense === 'max' ? -r : r));
    return { hv: hypervolume(selectRows(Fmin, front), { reference: ref }), size: front.length };
  }

  /** The log record ending `iteration` now (deriving the reference point on the first). */
  iterationEnd(iteration: number, evaluateMs: number): LogIterationEnd {
    if (this.reference === undefined) this.reference = deriveReference(this.problem, this.matrices().F);
    const { hv, size } = this.frontAndHypervolume();
    return {
      type: 'iteration',
      iteration,
      evaluations: this.size,
      evaluateMs,
      hypervolume: hv,
      referencePoint: this.reference,
      frontSize: size,
    };
  }

  /** The feasible non-dominated set of the usable rows, the archive and the iterations so far. */
  result(): SamoResult {
    const all = this.matrices();
    const { X, F, G } = this.usable();
    const front = feasibleNonDominated(negateMaximized(F, this.problem.objectives), G);
    return {
      X: selectRows(X, front),
      F: selectRows(F, front),
      ...(G === undefined ? {} : { G: selectRows(G, front) }),
      archive: {
        X: all.X,
        F: all.F,
        ...(all.G === undefined ? {} : { G: all.G }),
        CV: constraintViolation(all.G, this.size),
        iteration: Int32Array.from(this.rowIteration),
      },
      iterations: this.iterations.slice(),
    };
  }
}
