/** Distinct values in order of first appearance (the colour and axis order of methods). */
export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}
