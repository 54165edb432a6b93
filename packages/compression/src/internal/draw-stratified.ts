import { Random } from '@paretokit/problem';

/**
 * A seeded stratified draw: positions (into `labels`) of the items moved to the other split. Per
 * class, in class order, a seeded shuffle of that class's positions, of which the first
 * `min(round(fraction * n), n - 1)` (a class keeps at least one item), so each class's share is
 * within one item of `fraction`. The result is sorted. O(labels).
 */
export function drawStratified(
  labels: readonly number[],
  classes: number,
  fraction: number,
  seed: number,
): number[] {
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((label, i) => {
    byClass[label]!.push(i);
  });
  const random = Random.fromSeed(seed);
  const out: number[] = [];
  for (const group of byClass) {
    if (group.length === 0) continue;
    const take = Math.min(Math.round(fraction * group.length), group.length - 1);
    out.push(...random.shuffle(group.slice()).slice(0, take));
  }
  return out.sort((a, b) => a - b);
}
