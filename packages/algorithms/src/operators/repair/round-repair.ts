/**
 * Integer repair: rounds to the nearest integer (halves up, as `Math.round`) and clamps into `[lower, upper]`, as pymoo's `RoundingRepair` after real-valued variation of
 * integer variables. O(1).
 *
 * @example
 * roundRepair(4.6, 0, 4) // => 4
 */
export function roundRepair(value: number, lower: number, upper: number): number {
  const r = Math.round(value);
  return r < lower ? lower : Math.min(r, upper);
}
