import { InvalidArgumentError } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { anyOf } from './any-of.js';
import { maxEvaluations } from './max-evaluations.js';
import { maxGenerations } from './max-generations.js';
import { maxTime } from './max-time.js';

const at = (generation: number, evaluations: number, elapsedMs: number) => ({
  generation,
  evaluations,
  elapsedMs,
});

describe('terminations', () => {
  it('stop at their limit', () => {
    expect(maxGenerations(3)(at(2, 0, 0))).toBe(false);
    expect(maxGenerations(3)(at(3, 0, 0))).toBe(true);
    expect(maxEvaluations(100)(at(0, 99, 0))).toBe(false);
    expect(maxEvaluations(100)(at(0, 100, 0))).toBe(true);
    expect(maxTime(10)(at(0, 0, 9.9))).toBe(false);
    expect(maxTime(10)(at(0, 0, 10))).toBe(true);
    const either = anyOf(maxGenerations(5), maxEvaluations(50));
    expect(either(at(4, 40, 0))).toBe(false);
    expect(either(at(4, 50, 0))).toBe(true);
    expect(either(at(5, 0, 0))).toBe(true);
  });

  it('reject bad limits with typed errors', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => maxGenerations(bad)).toThrow(InvalidArgumentError);
      expect(() => maxEvaluations(bad)).toThrow(InvalidArgumentError);
    }
    expect(() => maxTime(0)).toThrow(InvalidArgumentError);
    expect(() => maxTime(Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => anyOf()).toThrow(InvalidArgumentError);
    expect(() => anyOf(maxGenerations(1), 3 as never)).toThrow(/anyOf/);
  });
});
