import { nonDominatedSort, type Random } from '@paretokit/problem';

/** One archive as mating sees it: objectives (minimized, `count × m`) and total violation. */
export interface MatingArchive {
  readonly count: number;
  readonly F: Float64Array;
  readonly CV: Float64Array;
}

/**
 * The proportions of non-dominated solutions (plain Pareto dominance, constraints ignored) that
 * the CA and the DA hold in CA ∪ DA, as rho_c = nd_c / (nd_c + nd_d) (original code by K. Li).
 * Works for archives of any sizes; with both empty it returns rho_c = 1. O((a + b) log(a + b)) for m <= 3.
 */
export function nonDominatedProportion(ca: MatingArchive, da: MatingArchive, m: number): number {
  const n = ca.count + da.count;
  if (n === 0) return 1;
  const data = new Float64Array(n * m);
  data.set(ca.F.subarray(0, ca.count * m));
  data.set(da.F.subarray(0, da.count * m), ca.count * m);
  const { rank } = nonDominatedSort({ rows: n, cols: m, data });
  let ndC = 0;
  let ndD = 0;
  for (let i = 0; i < n; i++) if (rank[i] === 0) i < ca.count ? ndC++ : ndD++;
  return ndC / (ndC + ndD);
}

/**
 * The binary tournament of C-TAEA (original code by K. Li): between two feasible solutions the
 * dominating one wins, a feasible one beats an infeasible one, anything else is a coin flip.
 * Returns the winning row. O(m).
 */
export function tournament(a: number, b: number, arch: MatingArchive, m: number, random: Random): number {
  const fa = arch.CV[a]! <= 0;
  const fb = arch.CV[b]! <= 0;
  if (fa && fb) {
    let aBetter = false;
    let bBetter = false;
    for (let j = 0, ia = a * m, ib = b * m; j < m; j++) {
      const d = arch.F[ia + j]! - arch.F[ib + j]!;
      if (d < 0) aBetter = true;
      else if (d > 0) bBetter = true;
    }
    if (aBetter && !bBetter) return a;
    if (bBetter && !aBetter) return b;
  } else if (fa) {
    return a;
  } else if (fb) {
    return b;
  }
  return random.next() <= 0.5 ? a : b;
}

/** Draws tournament candidates from an archive without replacement, one shuffled pass at a time. */
export class CandidateStream {
  private order: Int32Array = new Int32Array(0);
  private cursor = 0;

  constructor(private readonly random: Random) {}

  /** Starts over for an archive of `count` rows. */
  reset(count: number): void {
    this.order = this.random.permutation(count);
    this.cursor = 0;
  }

  /** Next candidate row (the stream reshuffles when a pass is used up). O(1) amortized. */
  next(): number {
    if (this.cursor >= this.order.length) {
      this.random.shuffle(this.order);
      this.cursor = 0;
    }
    return this.order[this.cursor++]!;
  }
}

/**
 * Restricted mating selection of C-TAEA (Li, Chen, Fu & Yao 2019, Algorithm 5): `pairs` parent
 * pairs as row indices of CA ∪ DA (CA rows first, then DA rows). The first parent comes from the
 * archive holding more non-dominated solutions of CA ∪ DA, the second from the CA with probability
 * rho_c, else from the DA; each by a binary tournament. An empty archive is never drawn from, so
 * |CA| and |DA| may differ. O(pairs·m) plus the proportion.
 */
export function restrictedMating(
  ca: MatingArchive,
  da: MatingArchive,
  m: number,
  pairs: number,
  random: Random,
): Int32Array {
  const rhoC = nonDominatedProportion(ca, da, m);
  const fromCA = new CandidateStream(random);
  const fromDA = new CandidateStream(random);
  fromCA.reset(ca.count);
  fromDA.reset(da.count);
  const pick = (useCA: boolean): number => {
    const useC = da.count === 0 || (useCA && ca.count > 0);
    const stream = useC ? fromCA : fromDA;
    const arch = useC ? ca : da;
    const a = stream.next();
    let b = a;
    // Two different rows when there are two; a reshuffle between draws could repeat one.
    while (b === a && arch.count > 1) b = stream.next();
    const w = tournament(a, b, arch, m, random);
    return useC ? w : ca.count + w;
  };
  const parents = new Int32Array(2 * pairs);
  const firstFromCA = rhoC > 1 - rhoC;
  for (let p = 0; p < pairs; p++) {
    parents[2 * p] = pick(firstFromCA);
    parents[2 * p + 1] = pick(random.next() < rhoC);
  }
  return parents;
}
