import type { TopLevelSpec } from 'vega-lite';
import {
  frontChannels,
  markerLayer,
  pointLayer,
  ruleLayers,
  runLines,
  type ScatterPoint,
} from './internal/front-layers.js';
import { tooltipFields } from './internal/front-tooltips.js';
import { distinct } from './internal/methods.js';
import { pickedConfusion } from './internal/picked-confusion.js';
import { plotHeight, plotWidth, renderSvg } from './internal/render-svg.js';
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
  const methods = distinct(section.runs.map((r) => r.method));
  const seeds = distinct(section.runs.map((r) => String(r.seed)));
  const front = section.runs.flatMap((run, r) => run.front.map((p) => ({ run, r, p })));
  const tips = live === undefined ? undefined : tooltipFields(section);
  const points: ScatterPoint[] = front.map(({ run, r, p }, k) => ({
    method: run.method,
    seed: String(run.seed),
    run: r,
    x: p.objectives[0]!,
    y: p.objectives[1]!,
    ...(tips === undefined ? {} : { id: `p${k}`, ...tips.values(p) }),
  }));
  const channels = frontChannels(section, methods);
  const layered = {
    width: plotWidth,
    height: plotHeight,
    layer: [
      ...ruleLayers(section.referenceLines ?? [], channels),
      ...runLines(section, points, channels),
      pointLayer(points, seeds, channels, tips),
      markerLayer(section.markers ?? [], points, channels, tips),
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
