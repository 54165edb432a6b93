import { describe, expect, it } from 'vitest';
import { checkWellFormed, markItems } from '../test/svg-check.js';
import { InvalidArgumentError } from './index.js';
import { latencyScatter } from './latency-scatter.js';
import type { LatencyPoint } from './report-input.js';

const points: LatencyPoint[] = [
  { label: 'base', nonZeroRate: 1, seconds: 30.2, group: 'base' },
  { label: 'C1', nonZeroRate: 0.35, seconds: 12.4, group: 'compressed' },
  { label: 'C2', nonZeroRate: 0.5, seconds: 15.9, group: 'compressed' },
];

function labelCount(svg: string): number {
  return markItems(svg, 'label_right_marks') + markItems(svg, 'label_left_marks');
}

describe('latencyScatter', () => {
  it('draws one labelled symbol per point, coloured by group', async () => {
    const svg = await latencyScatter(points, { title: 'Inference time' });
    checkWellFormed(svg);
    expect(markItems(svg, 'points_marks')).toBe(3);
    expect(labelCount(svg)).toBe(3);
    expect(svg).toContain('>compressed</text>');
    expect(svg).toContain('>inference time (s)</text>');
    expect(svg).toContain('>100%</text>');
  });

  it('has no legend without groups and no labels beyond 15 points', async () => {
    const many = Array.from({ length: 16 }, (_, k) => ({
      label: `m${k}`,
      nonZeroRate: k / 16,
      seconds: 5 + k,
    }));
    const svg = await latencyScatter(many);
    expect(markItems(svg, 'points_marks')).toBe(16);
    expect(labelCount(svg)).toBe(0);
    expect(svg).not.toContain('role-legend');
    expect(await latencyScatter(many)).toBe(svg);
  });

  it('rejects a percentage and a negative time', async () => {
    await expect(latencyScatter([{ label: 'a', nonZeroRate: 55, seconds: 1 }])).rejects.toThrow(
      'points[0] ("a").nonZeroRate: expected a fraction from 0 to 1, got 55. Give the share of non-zero weights, not a percentage.',
    );
    await expect(latencyScatter([{ label: 'a', nonZeroRate: 0.5, seconds: -1 }])).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});
