// Batch evaluation of 1,000 rows x 30 variables of each DAS-CMOP problem at difficulty 16
// (η = 0.5, ζ = 1, γ = 0.5: every constraint active), through `problem.evaluate`, which also
// validates the rows and the result as defineProblem does for every problem.
import { latinHypercube } from '@paretokit/problem';
import { bench, describe } from 'vitest';
import {
  dascmop1,
  dascmop2,
  dascmop3,
  dascmop4,
  dascmop5,
  dascmop6,
  dascmop7,
  dascmop8,
  dascmop9,
} from '../src/dascmop.js';

const factories = [dascmop1, dascmop2, dascmop3, dascmop4, dascmop5, dascmop6, dascmop7, dascmop8, dascmop9];
const ctx = { seed: 0 };

describe('DAS-CMOP: evaluate a batch of 1,000 rows x 30 variables (difficulty 16)', () => {
  for (const factory of factories) {
    const problem = factory({ difficulty: 16 });
    const X = latinHypercube(problem, 1000, { seed: 1 });
    bench(`${problem.name}: 1,000 rows`, () => {
      problem.evaluate(X, ctx);
    });
  }
});
