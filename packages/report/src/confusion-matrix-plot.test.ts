import { describe, expect, it } from 'vitest';
import { checkWellFormed, markItems } from '../test/svg-check.js';
import { confusionMatrixPlot } from './confusion-matrix-plot.js';
import { DimensionMismatchError, InvalidArgumentError } from './index.js';

const labels = ['0', '1', '2', '3', '4'];
const counts = labels.map((_, i) => labels.map((_, j) => (i === j ? 50 + i : i + 2 * j)));

describe('confusionMatrixPlot', () => {
  it('draws n x n cells with their counts and the title', async () => {
    const svg = await confusionMatrixPlot({ title: 'base model', labels, counts });
    checkWellFormed(svg);
    expect(markItems(svg, 'cells_marks')).toBe(25);
    expect(markItems(svg, 'counts_marks')).toBe(25);
    expect(svg).toContain('>54</text>');
    expect(svg).toContain('>base model</text>');
    expect(svg).toContain('>predicted class</text>');
    expect(svg).toContain('>true class</text>');
  });

  it('is deterministic, gradient ids included', async () => {
    const matrix = {
      title: 'm',
      labels: ['a', 'b'],
      counts: [
        [3, 1],
        [0, 4],
      ],
    };
    const svg = await confusionMatrixPlot(matrix);
    expect(svg).toMatch(/id="plot-0"/);
    expect(await confusionMatrixPlot(matrix)).toBe(svg);
  });

  it('rejects a matrix that is not square or does not match its labels', async () => {
    await expect(confusionMatrixPlot({ title: 'm', labels: ['a', 'b'], counts: [[1, 2]] })).rejects.toThrow(
      '"m".counts: expected 2 rows (one per label; rows are the true class), got 1.',
    );
    const error = await confusionMatrixPlot({ title: 'm', labels: ['a', 'b'], counts: [[1, 2], [3]] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DimensionMismatchError);
    expect((error as Error).message).toBe(
      '"m".counts[1]: expected 2 columns (one per label; the matrix must be square), got 1.',
    );
    await expect(
      confusionMatrixPlot({
        title: 'm',
        labels: ['a', 'a'],
        counts: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).rejects.toThrow(InvalidArgumentError);
    await expect(confusionMatrixPlot({ title: 'm', labels: ['a'], counts: [[-1]] })).rejects.toThrow(
      '"m".counts[0][0]: expected a non-negative count, got -1.',
    );
  });
});
