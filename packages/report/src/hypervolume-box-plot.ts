import type { TopLevelSpec } from 'vega-lite';
import { distinct } from './internal/methods.js';
import { methodColors, plotHeight, plotWidth, renderSvg } from './internal/render-svg.js';
import { checkRuns } from './internal/validate.js';
import type { RunSummary } from './report-input.js';

/** Options of {@link hypervolumeBoxPlot}. */
export interface HypervolumeBoxPlotOptions {
  readonly title?: string;
}

/**
 * An SVG box plot of the runs' hypervolumes, one box per method (in order of first appearance;
 * whiskers span min to max) with every run drawn as a point on top.
 *
 * @example
 * const runs = [0.61, 0.64, 0.66].map((hypervolume, seed) => ({ method: 'nsga2', seed, hypervolume, evaluations: 100, front: [] }));
 * (await hypervolumeBoxPlot(runs, { title: 'ZDT1' })).startsWith('<svg') // => true
 */
export async function hypervolumeBoxPlot(
  runs: readonly RunSummary[],
  options: HypervolumeBoxPlotOptions = {},
): Promise<string> {
  checkRuns(runs, 'runs');
  const methods = distinct(runs.map((r) => r.method));
  const values = runs.map((r) => ({ method: r.method, seed: r.seed, hypervolume: r.hypervolume }));
  const x = {
    field: 'method',
    type: 'nominal',
    title: 'method',
    sort: methods,
    scale: { domain: methods, paddingInner: 0.35, paddingOuter: 0.2 },
    axis: { labelAngle: methods.length > 3 ? -25 : 0, labelLimit: 240 },
  } as const;
  const y = {
    field: 'hypervolume',
    type: 'quantitative',
    title: 'hypervolume',
    scale: { zero: false },
  } as const;
  const color = {
    field: 'method',
    type: 'nominal',
    scale: { domain: methods, range: [...methodColors] },
    legend: null,
  } as const;
  const spec: TopLevelSpec = {
    ...(options.title === undefined ? {} : { title: options.title }),
    width: plotWidth,
    height: plotHeight,
    data: { values },
    layer: [
      {
        name: 'box',
        mark: {
          type: 'boxplot',
          extent: 'min-max',
          size: Math.min(48, Math.max(14, Math.floor((plotWidth / Math.max(1, methods.length)) * 0.45))),
          box: { opacity: 0.3 },
          median: { color: '#222', opacity: 1, strokeWidth: 2 },
          rule: { color: '#555' },
        },
        encoding: { x, y, color },
      },
      {
        name: 'runs',
        mark: { type: 'point', filled: true, size: 55, opacity: 0.95, stroke: 'white', strokeWidth: 0.8 },
        encoding: { x, y, color },
      },
    ],
  };
  return renderSvg(spec);
}
