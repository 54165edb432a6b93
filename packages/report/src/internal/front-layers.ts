// The layers of the front scatter (frontScatterSpec): reference-line rules, each run's line, the
// points (static, or live with a tooltip and the `pick` selection) and the labelled markers.
import type { Marker, ReferenceLine, ReportSection } from '../report-input.js';
import type { TooltipFields } from './front-tooltips.js';
import { objectiveTitle } from './objective-title.js';
import { type Layer, methodColors, plotWidth } from './render-svg.js';

/** One point of the scatter: its run, the first two objectives, and in a live view its tooltip values. */
export interface ScatterPoint {
  readonly method: string;
  readonly seed: string;
  readonly run: number;
  readonly x: number;
  readonly y: number;
  readonly [tooltip: string]: string | number;
}

/** The x, y and colour channels every layer shares. */
export function frontChannels(section: Pick<ReportSection, 'objectives'>, methods: readonly string[]) {
  const x = {
    field: 'x',
    type: 'quantitative',
    title: objectiveTitle(section.objectives[0]!),
    scale: { zero: false, nice: true },
  } as const;
  const y = {
    field: 'y',
    type: 'quantitative',
    title: objectiveTitle(section.objectives[1]!),
    scale: { zero: false, nice: true },
  } as const;
  const color = {
    field: 'method',
    type: 'nominal',
    title: 'method',
    scale: { domain: methods, range: [...methodColors] },
  } as const;
  return { x, y, color };
}

/** The channels of {@link frontChannels}. */
export type FrontChannels = ReturnType<typeof frontChannels>;

/** Dashed rules with their labels for reference lines on objective 0 (vertical) or 1 (horizontal). */
export function ruleLayers(referenceLines: readonly ReferenceLine[], { x, y }: FrontChannels): Layer[] {
  const vertical = referenceLines
    .filter((l) => l.objective === 0)
    .map((l) => ({ label: l.label, x: l.value }));
  const horizontal = referenceLines
    .filter((l) => l.objective === 1)
    .map((l) => ({ label: l.label, y: l.value }));
  const rule = (name: string, encoding: { x: typeof x } | { y: typeof y }): Layer => ({
    name,
    mark: { type: 'rule', color: '#666', strokeDash: [6, 4], strokeWidth: 1.2 },
    encoding,
  });
  const ruleLabel = { type: 'text', color: '#444', fontSize: 10, fontStyle: 'italic' } as const;
  return [
    {
      name: 'hrules',
      data: { values: horizontal },
      layer: [
        rule('hrule', { y }),
        {
          name: 'hrule_label',
          mark: { ...ruleLabel, align: 'right', baseline: 'bottom', dy: -3 },
          encoding: { y, x: { value: plotWidth - 4 }, text: { field: 'label' } },
        },
      ],
    },
    {
      name: 'vrules',
      data: { values: vertical },
      layer: [
        rule('vrule', { x }),
        {
          name: 'vrule_label',
          mark: { ...ruleLabel, align: 'left', baseline: 'top', dx: 4 },
          encoding: { x, y: { value: 4 }, text: { field: 'label' } },
        },
      ],
    },
  ];
}

/** A thin line through each run's front (drawn only with exactly two objectives). */
export function runLines(
  section: Pick<ReportSection, 'objectives'>,
  points: readonly ScatterPoint[],
  { x, y, color }: FrontChannels,
): Layer[] {
  if (section.objectives.length !== 2 || points.length === 0) return [];
  return [
    {
      name: 'lines',
      data: { values: points.map(({ method, seed, run, x, y }) => ({ method, seed, run, x, y })) },
      mark: { type: 'line', strokeWidth: 1, strokeOpacity: 0.45 },
      encoding: { x, y, color, detail: { field: 'run' }, order: { field: 'x' } },
    },
  ];
}

/**
 * The front's points (colour = method, shape = seed); with `tips`, live: a tooltip, and a click
 * selection `pick` on the point's `id` that rings the picked point (double click clears it).
 */
export function pointLayer(
  points: readonly ScatterPoint[],
  seeds: readonly string[],
  { x, y, color }: FrontChannels,
  tips: TooltipFields | undefined,
): Layer {
  const pointsLayer: Layer = {
    name: 'points',
    data: { values: [...points] },
    mark: { type: 'point', filled: true, size: 50, opacity: 0.9 },
    encoding: {
      x,
      y,
      color,
      shape: { field: 'seed', type: 'nominal', title: 'seed', scale: { domain: [...seeds] } },
    },
  };
  if (tips === undefined) return pointsLayer;
  const picked = { param: 'pick', empty: false } as const;
  return {
    ...pointsLayer,
    params: [
      {
        name: 'pick',
        select: { type: 'point', fields: ['id'], on: 'click', clear: 'dblclick', toggle: false },
      },
    ],
    mark: { type: 'point', filled: true, opacity: 0.9, stroke: '#111', cursor: 'pointer' },
    encoding: {
      ...pointsLayer.encoding,
      size: { condition: { ...picked, value: 180 }, value: 50 },
      strokeWidth: { condition: { ...picked, value: 2.5 }, value: 0 },
      tooltip: [
        { field: 'method', type: 'nominal', title: 'method' },
        { field: 'seed', type: 'nominal', title: 'seed' },
        ...tips.fields,
      ],
    },
  };
}

/**
 * Markers (e.g. the base model) as black diamonds with their label, to the right of the diamond
 * or, past 70 % of the x range (where it would run into the legend), to its left.
 */
export function markerLayer(
  markers: readonly Marker[],
  points: readonly ScatterPoint[],
  { x, y }: FrontChannels,
  tips: TooltipFields | undefined,
): Layer {
  const xs = [...points.map((p) => p.x), ...markers.map((k) => k.objectives[0]!)];
  const split = Math.min(...xs) + 0.7 * (Math.max(...xs) - Math.min(...xs));
  const values = markers.map((k) => ({
    label: k.label,
    x: k.objectives[0]!,
    y: k.objectives[1]!,
    side: k.objectives[0]! > split ? 'left' : 'right',
    ...(tips === undefined ? {} : tips.values({ objectives: k.objectives, settings: {} })),
  }));
  const label = (side: 'left' | 'right'): Layer => ({
    name: `marker_label_${side}`,
    transform: [{ filter: { field: 'side', equal: side } }],
    mark: {
      type: 'text',
      align: side === 'right' ? 'left' : 'right',
      baseline: 'middle',
      dx: side === 'right' ? 9 : -9,
      fontSize: 11,
      fontWeight: 'bold',
      color: '#111',
    },
    encoding: { x, y, text: { field: 'label' } },
  });
  return {
    name: 'markers',
    data: { values },
    layer: [
      {
        name: 'marker',
        mark: {
          type: 'point',
          shape: 'diamond',
          filled: true,
          size: 150,
          color: '#111',
          stroke: 'white',
          strokeWidth: 1,
          opacity: 1,
        },
        encoding: {
          x,
          y,
          ...(tips === undefined
            ? {}
            : { tooltip: [{ field: 'label', type: 'nominal', title: 'marker' }, ...tips.objectiveFields] }),
        },
      },
      label('right'),
      label('left'),
    ],
  };
}
