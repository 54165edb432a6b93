import type { TopLevelSpec } from 'vega-lite';
import { distinct } from './internal/methods.js';
import { type Layer, methodColors, plotHeight, plotWidth, renderSvg } from './internal/render-svg.js';
import { checkLatency } from './internal/validate.js';
import type { LatencyPoint } from './report-input.js';

/** Options of {@link latencyScatter}. */
export interface LatencyScatterOptions {
  readonly title?: string;
}

/** Up to this many points are labelled on the plot; more would overlap. */
const maxLabels = 15;

/**
 * An SVG scatter of inference time against the share of non-zero weights: x = non-zero rate
 * (as a percentage), y = seconds from zero, colour = group when any point has one. Up to 15 points
 * are labelled.
 *
 * @example
 * const svg = await latencyScatter([
 *   { label: 'base', nonZeroRate: 1, seconds: 30.2 },
 *   { label: 'pruned', nonZeroRate: 0.42, seconds: 14.1 },
 * ]);
 * svg.includes('>pruned</text>') // => true
 */
export async function latencyScatter(
  points: readonly LatencyPoint[],
  options: LatencyScatterOptions = {},
): Promise<string> {
  checkLatency(points, 'points');
  const grouped = points.some((p) => p.group !== undefined);
  const groups = distinct(points.map((p) => p.group ?? '(none)'));
  const rates = points.map((p) => p.nonZeroRate);
  const split = Math.min(...rates) + 0.7 * (Math.max(...rates) - Math.min(...rates));
  const values = points.map((p) => ({
    label: p.label,
    rate: p.nonZeroRate,
    seconds: p.seconds,
    group: p.group ?? '(none)',
    side: p.nonZeroRate > split ? 'left' : 'right',
  }));
  const x = {
    field: 'rate',
    type: 'quantitative',
    title: 'non-zero weights',
    axis: { format: '.0%' },
    scale: { zero: false, nice: true },
  } as const;
  const y = {
    field: 'seconds',
    type: 'quantitative',
    title: 'inference time (s)',
    scale: { zero: true },
  } as const;
  const spec: TopLevelSpec = {
    ...(options.title === undefined ? {} : { title: options.title }),
    width: plotWidth,
    height: plotHeight,
    data: { values },
    layer: [
      {
        name: 'points',
        mark: {
          type: 'point',
          filled: true,
          size: 60,
          opacity: 0.9,
          ...(grouped ? {} : { color: methodColors[0]! }),
        },
        encoding: {
          x,
          y,
          ...(grouped
            ? {
                color: {
                  field: 'group',
                  type: 'nominal',
                  title: 'group',
                  scale: { domain: groups, range: [...methodColors] },
                },
              }
            : {}),
        },
      },
      ...(points.length > maxLabels
        ? []
        : (['right', 'left'] as const).map(
            (side): Layer => ({
              name: `label_${side}`,
              transform: [{ filter: { field: 'side', equal: side } }],
              mark: {
                type: 'text',
                align: side === 'right' ? 'left' : 'right',
                baseline: 'middle',
                dx: side === 'right' ? 7 : -7,
                fontSize: 10,
                color: '#333',
              },
              encoding: { x, y, text: { field: 'label' } },
            }),
          )),
    ],
  };
  return renderSvg(spec);
}
