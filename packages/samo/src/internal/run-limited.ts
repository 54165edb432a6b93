/**
 * Runs `jobs` with at most `limit` in flight at once, in order of start; resolves to their
 * results in job order, or rejects with the first error after the jobs in flight have settled.
 */
export async function runLimited<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < jobs.length) {
      const i = next++;
      try {
        results[i] = await jobs[i]!();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}
