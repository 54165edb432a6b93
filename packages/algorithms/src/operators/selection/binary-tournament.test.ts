import { Random } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { binaryTournament } from './binary-tournament.js';

describe('binaryTournament', () => {
  it('prefers feasible, then dominating, then less crowded rows', () => {
    // Row 0 dominates row 1; row 2 is infeasible; rows 0 and 3 are mutually non-dominated.
    const population = {
      F: Float64Array.of(0, 0, 1, 1, -5, -5, -1, 2),
      m: 2,
      CV: Float64Array.of(0, 0, 0.5, 0),
      crowding: Float64Array.of(1, 9, 9, 2),
    };
    const wins = new Int32Array(4);
    const winners = binaryTournament(population, 4000, Random.fromSeed(3));
    for (const w of winners) wins[w]!++;
    // Row 1 loses to row 0 (dominated) and beats row 3 (non-dominated pair, larger crowding).
    expect(wins[2]).toBe(0); // the infeasible row never beats a feasible one and never meets itself
    expect(wins[0]!).toBeGreaterThan(wins[1]!);
    expect(wins[1]!).toBeGreaterThan(0); // beats row 2 (infeasible) and row 3 (larger crowding)
  });

  it('draws every row about equally often', () => {
    const n = 10;
    const seen = new Int32Array(n);
    const population = {
      F: new Float64Array(n),
      m: 1,
      CV: new Float64Array(n),
      crowding: new Float64Array(n),
    };
    const winners = binaryTournament(population, 5 * n, Random.fromSeed(1));
    for (const w of winners) seen[w]!++;
    expect(winners.length).toBe(50);
    expect(Math.max(...seen)).toBeLessThanOrEqual(10);
  });
});
