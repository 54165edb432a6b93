import type { FrontPoint } from '../report-input.js';
import { matrixAxes } from './matrix-axes.js';
import { distinct } from './methods.js';
import type { Layer } from './render-svg.js';

/**
 * A heatmap of the confusion matrix of the point picked on the front (rows = true class), empty
 * with a hint until a point with a matrix is picked. One row per point: its `id` (so the `pick`
 * selection filters the rows directly), its counts row by row in `c` and its labels in `l`; the
 * picked row is flattened into cells in the browser, which keeps the page small.
 */
export function pickedConfusion(front: readonly FrontPoint[]): Layer {
  const labels = distinct(front.flatMap((p) => p.confusionMatrix?.labels ?? []));
  const n = Math.max(1, ...front.map((p) => p.confusionMatrix?.labels.length ?? 0));
  const rows = front.flatMap((p, k) => {
    const cm = p.confusionMatrix;
    return cm === undefined ? [] : [{ id: `p${k}`, c: cm.counts.flat(), l: cm.labels }];
  });
  const side = Math.max(24 * n, Math.min(260, Math.max(180, 52 * n)));
  const { x, y } = matrixAxes(labels, side, n, { labelLimit: 160, noGrid: true });
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
