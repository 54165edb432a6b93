import type { Regressor } from '@paretokit/surrogates';

/** One fit: `start` runs it and returns undefined when it finished on the spot, else its promise. */
export interface FitJob {
  /** The candidate's name: one whose fit ever returned a promise is held back at the limit. */
  readonly candidate: string;
  start(): Promise<void> | undefined;
}

/** Fits `model` and then runs `after`, synchronously when `fit` is synchronous. */
export function fitThen(
  model: Regressor,
  X: Parameters<Regressor['fit']>[0],
  y: Float64Array,
  after: () => void,
): Promise<void> | undefined {
  const pending = model.fit(X, y);
  if (pending !== undefined && typeof (pending as Promise<void>).then === 'function') {
    return (pending as Promise<void>).then(after);
  }
  after();
  return undefined;
}

const nextTurn = (): Promise<void> =>
  new Promise((resolve) => (globalThis.setImmediate ?? setTimeout)(resolve));

/**
 * Runs fits so that both kinds keep busy: asynchronous ones (XGBoost and LightGBM through the
 * bridge's processes), at most `limit` in flight, and synchronous in-process ones on this thread,
 * one per event-loop turn, so that a bridge reply is taken (and its process given the next job)
 * between two in-process fits. At the limit, the next job not known to be asynchronous runs
 * instead of waiting. Jobs start in the given order otherwise. Rejects with the first error after
 * the fits in flight have settled. Which fit runs when does not change any result.
 */
export async function runFits(
  jobs: readonly FitJob[],
  limit: number,
  asynchronous: Set<string>,
): Promise<void> {
  const waiting = [...jobs];
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  while (waiting.length > 0 && failure === undefined) {
    let index = 0;
    if (inFlight.size >= limit) {
      index = waiting.findIndex((job) => !asynchronous.has(job.candidate));
      if (index < 0) {
        await Promise.race(inFlight);
        continue;
      }
    }
    const job = waiting.splice(index, 1)[0]!;
    let running: Promise<void> | undefined;
    try {
      running = job.start();
    } catch (error) {
      failure = { error };
      break;
    }
    if (running === undefined) {
      await nextTurn();
      continue;
    }
    asynchronous.add(job.candidate);
    const tracked: Promise<void> = running.then(
      () => {
        inFlight.delete(tracked);
      },
      (error: unknown) => {
        inFlight.delete(tracked);
        failure ??= { error };
      },
    );
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure.error;
}
