import type { TopLevelSpec } from 'vega-lite';
import { matrixAxes } from './internal/matrix-axes.js';
import { renderSvg } from './internal/render-svg.js';
import { checkConfusionMatrix } from './internal/validate.js';
import type { ConfusionMatrix } from './report-input.js';

/**
 * An SVG heatmap of a confusion matrix (rows = true class, columns = predicted class) with each
 * count written in its cell, titled with the matrix's title. The matrix is 200 to 300 pixels
 * square (at least 24 pixels per cell); long column labels are tilted.
 *
 * @example
 * const svg = await confusionMatrixPlot({ title: 'base model', labels: ['benign', 'malignant'], counts: [[30, 12], [8, 106]] });
 * svg.includes('>106</text>') // => true
 */
export async function confusionMatrixPlot(matrix: ConfusionMatrix): Promise<string> {
  checkConfusionMatrix(matrix, '');
  const n = matrix.labels.length;
  const labels = [...matrix.labels];
  const max = Math.max(0, ...matrix.counts.flat());
  const values = matrix.counts.flatMap((row, i) =>
    row.map((count, j) => ({
      actual: labels[i]!,
      predicted: labels[j]!,
      count,
      text: Number.isInteger(count) ? String(count) : count.toPrecision(3),
      dark: max > 0 && count > 0.55 * max,
    })),
  );
  const side = Math.max(24 * n, Math.min(300, Math.max(200, 60 * n)));
  const spec: TopLevelSpec = {
    title: matrix.title,
    width: side,
    height: side,
    data: { values },
    encoding: matrixAxes(labels, side, n, { labelLimit: 200 }),
    layer: [
      {
        name: 'cells',
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'count',
            type: 'quantitative',
            title: 'count',
            scale: { scheme: 'blues', domain: [0, Math.max(1, max)] },
            legend: { gradientLength: Math.min(side, 200) },
          },
        },
      },
      {
        name: 'counts',
        mark: { type: 'text', fontSize: n > 8 ? 9 : 11, baseline: 'middle' },
        encoding: {
          text: { field: 'text' },
          color: { condition: { test: 'datum.dark', value: 'white' }, value: '#222' },
        },
      },
    ],
    config: { axis: { grid: false }, view: { stroke: null } },
  };
  return renderSvg(spec);
}
