import type { Regressor } from '@paretokit/surrogates';
import { fitSurrogates, type TrainingData, trainingData } from './fit-surrogates.js';
import type { Selection } from './select-surrogates.js';
import type { InfillChoice, IterationContext, IterationProposal } from './types.js';

/** The rows an iteration proposes, with one choice each. */
export interface Proposed {
  readonly X: readonly (readonly number[])[];
  readonly choices: readonly InfillChoice[];
}

/**
 * The frame of the iterations that model every target ({@link studyIteration},
 * {@link hypervolumeIteration}): the training data (seeded from the context's random stream),
 * `select`'s candidate per target, its fresh instances fitted on the whole archive, then
 * `propose` on the fitted models (objectives' then constraints'), timed as `optimizeMs`.
 * Cost: `select`'s, O(targets) fits, and `propose`'s.
 */
export async function fittedIteration(
  context: IterationContext,
  select: (context: IterationContext, data: TrainingData) => Promise<Selection>,
  propose: (models: readonly Regressor[]) => Promise<Proposed>,
): Promise<IterationProposal> {
  const data = trainingData(context, context.random.nextUint32());
  const selection = await select(context, data);
  const fitted = await fitSurrogates(context, data, selection.chosen);
  context.signal?.throwIfAborted();
  const started = performance.now();
  const chosen = await propose(fitted.models);
  return {
    X: chosen.X,
    targets: selection.diagnostics,
    infill: chosen.choices,
    selectionMs: selection.selectionMs,
    fitMs: fitted.fitMs,
    optimizeMs: performance.now() - started,
  };
}
