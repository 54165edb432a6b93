/**
 * The x (predicted class, at the bottom) and y (true class) channels of a confusion-matrix heatmap
 * `side` pixels square with `n` cells a side: labels in their given order, no domain line or ticks,
 * column labels tilted when they would touch (a label takes about 0.6 em per character, 11 px).
 * O(labels).
 */
export function matrixAxes(
  labels: readonly string[],
  side: number,
  n: number,
  options: { readonly labelLimit: number; readonly noGrid?: boolean },
) {
  const tilt = Math.max(0, ...labels.map((l) => l.length)) * 11 * 0.6 > side / n - 6;
  const grid = options.noGrid === true ? ({ grid: false } as const) : {};
  const x = {
    field: 'predicted',
    type: 'nominal' as const,
    title: 'predicted class',
    sort: [...labels],
    scale: { domain: [...labels] },
    axis: {
      orient: 'bottom' as const,
      labelAngle: tilt ? -40 : 0,
      labelLimit: options.labelLimit,
      domain: false,
      ticks: false,
      ...grid,
    },
  };
  const y = {
    field: 'actual',
    type: 'nominal' as const,
    title: 'true class',
    sort: [...labels],
    scale: { domain: [...labels] },
    axis: { labelLimit: options.labelLimit, domain: false, ticks: false, ...grid },
  };
  return { x, y };
}
