/**
 * The items whose key was not seen before, in order (the first of each key is kept). O(n).
 *
 * @example
 * uniqueBy([[1], [2], [1]], (x) => JSON.stringify(x)) // => [[1], [2]]
 */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
