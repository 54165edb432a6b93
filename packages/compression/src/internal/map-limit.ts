/**
 * Maps `items` through the async `fn` with at most `limit` calls in flight, started in index order,
 * results in index order. On failure no new call starts; once the calls in flight have settled, the
 * error of the smallest failing index is thrown, so which error a caller sees does not depend on
 * timing. O(items) calls.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  // An object, not a `let`: TypeScript does not see the workers' writes and would narrow a `let`.
  const failed: { index: number; error: unknown }[] = [];
  const worker = async (): Promise<void> => {
    while (failed.length === 0 && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (error) {
        if (failed.length === 0 || i < failed[0]!.index) failed[0] = { index: i, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  if (failed.length > 0) throw failed[0]!.error;
  return out;
}
