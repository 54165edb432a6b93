import { latinHypercube, type Problem, type Random } from '@paretokit/problem';
import type { IterationProposal } from './types.js';

/**
 * The study's step 1, iteration 0: a Latin-hypercube design of `samples` rows drawn from `random`,
 * proposed without surrogates. O(samples · d).
 */
export function initialDesign(problem: Problem, samples: number, random: Random): IterationProposal {
  const X = latinHypercube(problem, samples, { random });
  const d = X.cols;
  const rows = Array.from({ length: X.rows }, (_, i) => Array.from(X.data.subarray(i * d, (i + 1) * d)));
  return { X: rows, targets: [], infill: [], selectionMs: 0, fitMs: 0, optimizeMs: 0 };
}
