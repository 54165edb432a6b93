import type { TopLevelSpec } from 'vega-lite';
import { distinct } from './internal/methods.js';
import { objectiveTitle } from './internal/objective-title.js';
import { type Layer, methodColors, plotHeight, plotWidth, renderSvg } from './internal/render-svg.js';
import { checkMarkers, checkObjectives, checkReferenceLines, checkRuns } from './internal/validate.js';
import type { ReportSection } from './report-input.js';

/** Options of {@link frontScatter}. */
export interface FrontScatterOptions {
  readonly title?: string;
}

/**
 * An SVG scatter of every run's front in the plane of the section's first two objectives:
 * colour = method, shape = seed, and (with exactly two objectives) a thin line through each run's
 * front. Markers (e.g. the base model) are black diamonds with their label; reference lines on
 * objective 0 or 1 are dashed rules with their label (those on further objectives are not drawn).
 *
 * @example
 * const objectives = [{ name: 'non-zero rate', sense: 'min' }, { name: 'accuracy', sense: 'max' }] as const;
 * const front = [{ objectives: [0.3, 0.51], settings: {} }, { objectives: [0.6, 0.53], settings: {} }];
 * const runs = [{ method: 'nsga2', seed: 1, hypervolume: 0.4, evaluations: 100, front }];
 * const svg = await frontScatter({ objectives, runs, markers: [{ label: 'base', objectives: [1, 0.52] }] });
 * svg.includes('>base</text>') // => true
 */
export async function frontScatter(
  section: Pick<ReportSection, 'objectives' | 'runs' | 'markers' | 'referenceLines'>,
  options: FrontScatterOptions = {},
): Promise<string> {
  checkObjectives(section.objectives, 'objectives');
  const m = section.objectives.length;
  checkRuns(section.runs, 'runs', m);
  const markers = section.markers ?? [];
  const referenceLines = section.referenceLines ?? [];
  checkMarkers(markers, m, 'markers');
  checkReferenceLines(referenceLines, m, 'referenceLines');

  const methods = distinct(section.runs.map((r) => r.method));
  const seeds = distinct(section.runs.map((r) => String(r.seed)));
  const points = section.runs.flatMap((run, r) =>
    run.front.map((p) => ({
      method: run.method,
      seed: String(run.seed),
      run: r,
      x: p.objectives[0]!,
      y: p.objectives[1]!,
    })),
  );
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
  // A label to the right of a marker near the right edge would run into the legend: those go left.
  const xs = [...points.map((p) => p.x), ...markers.map((k) => k.objectives[0]!)];
  const split = Math.min(...xs) + 0.7 * (Math.max(...xs) - Math.min(...xs));
  const markerValues = markers.map((k) => ({
    label: k.label,
    x: k.objectives[0]!,
    y: k.objectives[1]!,
    side: k.objectives[0]! > split ? 'left' : 'right',
  }));
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
  const markerLabel = (side: 'left' | 'right'): Layer => ({
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
  const lines: Layer[] =
    m === 2 && points.length > 0
      ? [
          {
            name: 'lines',
            data: { values: points },
            mark: { type: 'line', strokeWidth: 1, strokeOpacity: 0.45 },
            encoding: { x, y, color, detail: { field: 'run' }, order: { field: 'x' } },
          },
        ]
      : [];

  const spec: TopLevelSpec = {
    ...(options.title === undefined ? {} : { title: options.title }),
    width: plotWidth,
    height: plotHeight,
    layer: [
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
      ...lines,
      {
        name: 'points',
        data: { values: points },
        mark: { type: 'point', filled: true, size: 50, opacity: 0.9 },
        encoding: {
          x,
          y,
          color,
          shape: { field: 'seed', type: 'nominal', title: 'seed', scale: { domain: seeds } },
        },
      },
      {
        name: 'markers',
        data: { values: markerValues },
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
            encoding: { x, y },
          },
          markerLabel('right'),
          markerLabel('left'),
        ],
      },
    ],
    resolve: { scale: { color: 'shared', shape: 'independent' } },
  };
  return renderSvg(spec);
}
