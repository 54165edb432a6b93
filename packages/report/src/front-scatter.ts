import type { TopLevelSpec } from 'vega-lite';
import { formatNumber, formatValue } from './internal/format.js';
import { distinct } from './internal/methods.js';
import { objectiveTitle } from './internal/objective-title.js';
import { type Layer, methodColors, plotHeight, plotWidth, renderSvg } from './internal/render-svg.js';
import { checkMarkers, checkObjectives, checkReferenceLines, checkRuns } from './internal/validate.js';
import type { FrontPoint, ReportSection } from './report-input.js';

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
  checkMarkers(section.markers ?? [], m, 'markers');
  checkReferenceLines(section.referenceLines ?? [], m, 'referenceLines');
  return renderSvg(frontScatterSpec(section, options));
}

/**
 * What the report's live front view adds to the scatter: every point gets an `id` (`p0`, `p1`,
 * ... in run then front order), a tooltip (method, seed, every objective, setting and metric) and
 * a click selection named `pick` on `id` that rings the picked point; with `confusion`, a heatmap
 * to the right shows the confusion matrix of the picked point (points without one show none).
 */
export interface LiveFront {
  readonly confusion: boolean;
}

/** The Vega-Lite spec of {@link frontScatter} (input already checked); `live` adds interaction. */
export function frontScatterSpec(
  section: Pick<ReportSection, 'objectives' | 'runs' | 'markers' | 'referenceLines'>,
  options: FrontScatterOptions & { readonly description?: string } = {},
  live?: LiveFront,
): TopLevelSpec {
  const markers = section.markers ?? [];
  const referenceLines = section.referenceLines ?? [];
  const methods = distinct(section.runs.map((r) => r.method));
  const seeds = distinct(section.runs.map((r) => String(r.seed)));
  const front = section.runs.flatMap((run, r) => run.front.map((p) => ({ run, r, p })));
  const tips = live === undefined ? undefined : tooltipFields(section);
  const points = front.map(({ run, r, p }, k) => ({
    method: run.method,
    seed: String(run.seed),
    run: r,
    x: p.objectives[0]!,
    y: p.objectives[1]!,
    ...(tips === undefined ? {} : { id: `p${k}`, ...tips.values(p) }),
  }));
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
    ...(tips === undefined ? {} : tips.values({ objectives: k.objectives, settings: {} })),
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
    section.objectives.length === 2 && points.length > 0
      ? [
          {
            name: 'lines',
            data: { values: points.map(({ method, seed, run, x, y }) => ({ method, seed, run, x, y })) },
            mark: { type: 'line', strokeWidth: 1, strokeOpacity: 0.45 },
            encoding: { x, y, color, detail: { field: 'run' }, order: { field: 'x' } },
          },
        ]
      : [];

  const picked = { param: 'pick', empty: false } as const;
  const pointsLayer: Layer = {
    name: 'points',
    data: { values: points },
    mark: { type: 'point', filled: true, size: 50, opacity: 0.9 },
    encoding: {
      x,
      y,
      color,
      shape: { field: 'seed', type: 'nominal', title: 'seed', scale: { domain: seeds } },
    },
  };
  const livePoints: Layer | undefined =
    tips === undefined
      ? undefined
      : {
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
  const layered = {
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
      livePoints ?? pointsLayer,
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
            encoding: {
              x,
              y,
              ...(tips === undefined
                ? {}
                : {
                    tooltip: [{ field: 'label', type: 'nominal', title: 'marker' }, ...tips.objectiveFields],
                  }),
            },
          },
          markerLabel('right'),
          markerLabel('left'),
        ],
      },
    ],
    resolve: { scale: { color: 'shared', shape: 'independent' } },
  } satisfies TopLevelSpec;
  const head = {
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.description === undefined ? {} : { description: options.description }),
  };
  if (live?.confusion !== true) return { ...head, ...layered };
  return {
    ...head,
    hconcat: [layered, pickedConfusion(section.runs.flatMap((run) => run.front))],
    spacing: 28,
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  };
}

type Tooltip = { field: string; type: 'nominal'; title: string };

/**
 * Tooltip fields of the live view: each objective (`o0`, ...), setting (`s0`, ...) and metric
 * (`m0`, ...) under a short field name with its own name as title, the values pre-formatted as
 * in the solutions table (so names with dots or brackets need no escaping in Vega-Lite).
 */
function tooltipFields(section: Pick<ReportSection, 'objectives' | 'runs'>) {
  const all = section.runs.flatMap((r) => r.front);
  const settings = distinct(all.flatMap((p) => Object.keys(p.settings)));
  const metrics = distinct(all.flatMap((p) => Object.keys(p.metrics ?? {})));
  const objectiveFields: Tooltip[] = section.objectives.map((o, j) => ({
    field: `o${j}`,
    type: 'nominal',
    title: objectiveTitle(o),
  }));
  const fields: Tooltip[] = [
    ...objectiveFields,
    ...settings.map((k, i): Tooltip => ({ field: `s${i}`, type: 'nominal', title: k })),
    ...metrics.map((k, i): Tooltip => ({ field: `m${i}`, type: 'nominal', title: k })),
  ];
  const values = (p: Pick<FrontPoint, 'objectives' | 'settings' | 'metrics'>) => {
    const out: Record<string, string> = {};
    for (const [j, v] of p.objectives.entries()) out[`o${j}`] = formatNumber(v);
    for (const [i, k] of settings.entries())
      if (Object.hasOwn(p.settings, k)) out[`s${i}`] = formatValue(p.settings[k]);
    for (const [i, k] of metrics.entries())
      if (p.metrics !== undefined && Object.hasOwn(p.metrics, k)) out[`m${i}`] = formatValue(p.metrics[k]);
    return out;
  };
  return { objectiveFields, fields, values };
}

/**
 * A heatmap of the confusion matrix of the point picked on the front (rows = true class), empty
 * with a hint until a point with a matrix is picked. One row per point: its `id` (so the `pick`
 * selection filters the rows directly), its counts row by row in `c` and its labels in `l`; the
 * picked row is flattened into cells in the browser, which keeps the page small.
 */
function pickedConfusion(front: readonly FrontPoint[]): Layer {
  const labels = distinct(front.flatMap((p) => p.confusionMatrix?.labels ?? []));
  const n = Math.max(1, ...front.map((p) => p.confusionMatrix?.labels.length ?? 0));
  const rows = front.flatMap((p, k) => {
    const cm = p.confusionMatrix;
    return cm === undefined ? [] : [{ id: `p${k}`, c: cm.counts.flat(), l: cm.labels }];
  });
  const side = Math.max(24 * n, Math.min(260, Math.max(180, 52 * n)));
  const tilt = Math.max(0, ...labels.map((l) => l.length)) * 11 * 0.6 > side / n - 6;
  const x = {
    field: 'predicted',
    type: 'nominal',
    title: 'predicted class',
    sort: labels,
    scale: { domain: labels },
    axis: {
      orient: 'bottom',
      labelAngle: tilt ? -40 : 0,
      labelLimit: 160,
      domain: false,
      ticks: false,
      grid: false,
    },
  } as const;
  const y = {
    field: 'actual',
    type: 'nominal',
    title: 'true class',
    sort: labels,
    scale: { domain: labels },
    axis: { labelLimit: 160, domain: false, ticks: false, grid: false },
  } as const;
  return {
    title: { text: 'Confusion matrix of the picked point', fontSize: 12 },
    width: side,
    height: side,
    view: { stroke: '#d0d0d0' },
    layer: [
      {
        name: 'picked_matrix',
        data: { values: rows },
        transform: [
          { filter: { param: 'pick', empty: false } },
          { flatten: ['c'], as: ['count'] },
          { window: [{ op: 'row_number', as: 'cell' }], groupby: ['id'] },
          { calculate: 'datum.l[floor((datum.cell - 1) / length(datum.l))]', as: 'actual' },
          { calculate: 'datum.l[(datum.cell - 1) % length(datum.l)]', as: 'predicted' },
          { joinaggregate: [{ op: 'max', field: 'count', as: 'top' }] },
          { calculate: 'datum.top > 0 && datum.count > 0.55 * datum.top', as: 'dark' },
          {
            calculate: "datum.count % 1 === 0 ? '' + datum.count : format(datum.count, '.3')",
            as: 'text',
          },
        ],
        layer: [
          {
            name: 'picked_cells',
            mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
            encoding: {
              x,
              y,
              color: {
                field: 'count',
                type: 'quantitative',
                title: 'count',
                scale: { scheme: 'blues', domainMin: 0 },
                legend: { gradientLength: Math.min(side, 160) },
              },
              tooltip: [
                { field: 'actual', type: 'nominal', title: 'true class' },
                { field: 'predicted', type: 'nominal', title: 'predicted class' },
                { field: 'count', type: 'quantitative', title: 'count' },
              ],
            },
          },
          {
            name: 'picked_counts',
            mark: { type: 'text', fontSize: n > 8 ? 9 : 11, baseline: 'middle' },
            encoding: {
              x,
              y,
              text: { field: 'text' },
              color: { condition: { test: 'datum.dark', value: 'white' }, value: '#222' },
            },
          },
        ],
      },
      {
        name: 'picked_hint',
        data: { values: [{ hint: 'Click a point of the front' }] },
        transform: [{ filter: "length(data('pick_store')) === 0" }],
        mark: { type: 'text', color: '#6e7781', fontSize: 12, fontStyle: 'italic' },
        encoding: { text: { field: 'hint' }, x: { value: side / 2 }, y: { value: side / 2 } },
      },
    ],
  };
}
