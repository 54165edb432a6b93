import type { FrontPoint, ReportSection } from '../report-input.js';
import { formatNumber, formatValue } from './format.js';
import { distinct } from './methods.js';
import { objectiveTitle } from './objective-title.js';

export type Tooltip = { field: string; type: 'nominal'; title: string };

/**
 * Tooltip fields of the live view: each objective (`o0`, ...), setting (`s0`, ...) and metric
 * (`m0`, ...) under a short field name with its own name as title, the values pre-formatted as
 * in the solutions table (so names with dots or brackets need no escaping in Vega-Lite).
 */
export function tooltipFields(section: Pick<ReportSection, 'objectives' | 'runs'>) {
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

/** What {@link tooltipFields} gives: the fields per point and the function filling them. */
export type TooltipFields = ReturnType<typeof tooltipFields>;
