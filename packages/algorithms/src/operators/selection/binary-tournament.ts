import { dominates, InvalidArgumentError, type Random } from '@paretokit/problem';

/** What {@link binaryTournament} compares: minimized objectives, violations and crowding per row. */
export interface TournamentPopulation {
  /** Minimized objectives, row-major, `m` per row. */
  readonly F: Float64Array;
  /** Number of objectives. */
  readonly m: number;
  /** Total constraint violation per row (0 = feasible). */
  readonly CV: Float64Array;
  /** Crowding distance per row (larger wins among mutually non-dominated feasible rows). */
  readonly crowding: Float64Array;
}

/**
 * Binary tournament of NSGA-II as pymoo's `binary_tournament` with `comp_by_dom_and_crowding`:
 * if either contestant is infeasible the smaller violation wins; otherwise a dominating row wins,
 * and between non-dominated rows the larger crowding distance wins; remaining ties are broken at
 * random. Contestants come from concatenated random permutations, so every row enters about the
 * same number of tournaments. Returns `count` winners. O(count·m).
 *
 * @example
 * const pop = { F: Float64Array.of(0, 0, 1, 1), m: 2, CV: new Float64Array(2), crowding: new Float64Array(2) };
 * binaryTournament(pop, 4, Random.fromSeed(1)).every((w) => w === 0 || w === 1) // => true
 */
export function binaryTournament(
  population: TournamentPopulation,
  count: number,
  random: Random,
): Int32Array {
  const n = population.CV.length;
  if (n < 1) {
    throw new InvalidArgumentError({
      argument: 'binaryTournament: population',
      expected: 'at least one row',
      actual: n,
    });
  }
  const { F, m, CV, crowding } = population;
  const winners = new Int32Array(count);
  let perm = random.permutation(n);
  let p = 0;
  const draw = (): number => {
    if (p === n) {
      perm = random.permutation(n);
      p = 0;
    }
    return perm[p++]!;
  };
  for (let t = 0; t < count; t++) {
    const a = draw();
    const b = draw();
    let winner: number;
    const va = CV[a]!;
    const vb = CV[b]!;
    if (va > 0 || vb > 0) {
      winner = va < vb ? a : vb < va ? b : random.next() < 0.5 ? a : b;
    } else if (dominates(F, a, b, m)) {
      winner = a;
    } else if (dominates(F, b, a, m)) {
      winner = b;
    } else {
      const ca = crowding[a]!;
      const cb = crowding[b]!;
      winner = ca > cb ? a : cb > ca ? b : random.next() < 0.5 ? a : b;
    }
    winners[t] = winner;
  }
  return winners;
}
