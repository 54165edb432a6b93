import type { Spec as VegaSpec } from 'vega';
import * as vega from 'vega';
import type { Config, TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';

/** Plot area of the scatter and box plots, in pixels (axes and legends come on top). */
export const plotWidth = 420;
export const plotHeight = 300;

/** Ten distinguishable colours (Tableau 10), assigned to methods in order of first appearance. */
export const methodColors: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

const font = 'Helvetica, Arial, sans-serif';

// Every size is pinned: without a canvas package Vega estimates text widths from font size and
// character count, so the same spec always lays out to the same SVG.
const theme: Config = {
  font,
  background: 'white',
  padding: 8,
  view: { stroke: '#d0d0d0' },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'bold',
    titlePadding: 8,
    labelColor: '#333',
    titleColor: '#222',
    gridColor: '#ececec',
    domainColor: '#888',
    tickColor: '#888',
  },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 180, symbolSize: 80 },
  title: { fontSize: 14, fontWeight: 'bold', anchor: 'start', offset: 10, color: '#222' },
  text: { fontSize: 11, font },
};

const quiet = vega.logger(vega.Error);

/**
 * Compiles a Vega-Lite spec with the package theme and renders it to an SVG string in Node (no
 * browser, no canvas). Element ids (clip paths, gradients) come from counters global to Vega, so
 * they are renumbered in order of appearance as `plot-0`, `plot-1`, ...: the same spec always
 * gives the same string. A page holding several SVGs renumbers them again with distinct prefixes.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compileSpec(spec);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return renumberIds(await view.toSVG(), 'plot');
  } finally {
    view.finalize();
  }
}

/**
 * A Vega-Lite spec compiled to Vega with the package theme: what {@link renderSvg} draws, and
 * what the report's live views run in the browser (so the page needs no Vega-Lite compiler).
 */
export function compileSpec(spec: TopLevelSpec): VegaSpec {
  return compile(spec, { config: theme, logger: quiet }).spec;
}

/** Renames every `id="..."` of an SVG string and its `url(#...)` / `href="#..."` references. */
export function renumberIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]*)"/g)) {
    if (!ids.has(m[1]!)) ids.set(m[1]!, `${prefix}-${ids.size}`);
  }
  if (ids.size === 0) return svg;
  const rename = (id: string) => ids.get(id) ?? id;
  return svg
    .replace(/(\sid=")([^"]*)"/g, (_, head: string, id: string) => `${head}${rename(id)}"`)
    .replace(/url\(#([^)]*)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/(href=")#([^"]*)"/g, (_, head: string, id: string) => `${head}#${rename(id)}"`);
}

/** One layer of a layered Vega-Lite spec. */
export type Layer = NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']>[number];
