import { describe, expect, it } from 'vitest';
import { methods, studyFixture } from '../test/study-fixture.js';
import { checkWellFormed, markItems } from '../test/svg-check.js';
import { hypervolumeBoxPlot } from './hypervolume-box-plot.js';
import { InvalidArgumentError } from './index.js';

const runs = studyFixture().sections[0]!.runs;

/** The texts of the x-axis labels, in drawing order. */
function xAxisLabels(svg: string): string[] {
  const axis = svg.indexOf('aria-label="X-axis');
  const group = svg.indexOf('role-axis-label', axis);
  const end = svg.indexOf('</g>', group);
  return [...svg.slice(group, end).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

describe('hypervolumeBoxPlot', () => {
  it('is a well-formed SVG with one point per run and the methods in order of appearance', async () => {
    const svg = await hypervolumeBoxPlot(runs, { title: 'RetinaMNIST' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(checkWellFormed(svg)).toBeGreaterThan(50);
    expect(markItems(svg, 'runs_marks')).toBe(runs.length);
    expect(xAxisLabels(svg)).toEqual([...methods]);
    expect(svg).toContain('>RetinaMNIST</text>');
    expect(svg).toMatch(/width="\d+" height="\d+"/);
  });

  it('gives the same string for the same runs', async () => {
    expect(await hypervolumeBoxPlot(runs)).toBe(await hypervolumeBoxPlot(runs));
  });

  it('escapes method names', async () => {
    const svg = await hypervolumeBoxPlot([
      { method: '<b>"A" & B</b>', seed: 1, hypervolume: 0.5, evaluations: 10, front: [] },
    ]);
    checkWellFormed(svg);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;');
  });

  it('rejects a non-finite hypervolume, naming the run', async () => {
    const bad = [...runs.slice(0, 2), { ...runs[2]!, hypervolume: Number.NaN }];
    await expect(hypervolumeBoxPlot(bad)).rejects.toThrow(InvalidArgumentError);
    await expect(hypervolumeBoxPlot(bad)).rejects.toThrow(
      'runs[2] ("surrogate C-TAEA", seed 3).hypervolume: expected a finite number, got NaN.',
    );
  });
});
