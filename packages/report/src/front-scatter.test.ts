import { describe, expect, it } from 'vitest';
import { studyFixture } from '../test/study-fixture.js';
import { checkWellFormed, markItems } from '../test/svg-check.js';
import { frontScatter } from './front-scatter.js';
import { DimensionMismatchError, InvalidArgumentError } from './index.js';
import type { ReportSection } from './report-input.js';

const section = studyFixture().sections[0]!;
const pointCount = section.runs.reduce((sum, r) => sum + r.front.length, 0);

describe('frontScatter', () => {
  it('draws one symbol per front point, one line per run, the markers and the reference rules', async () => {
    const svg = await frontScatter(section, { title: 'RetinaMNIST' });
    checkWellFormed(svg);
    expect(markItems(svg, 'points_marks')).toBe(pointCount);
    expect(markItems(svg, 'lines_marks')).toBe(section.runs.length);
    expect(markItems(svg, 'marker_marks')).toBe(1);
    expect(svg).toContain('>base model</text>');
    expect(markItems(svg, 'hrule_marks')).toBe(1);
    expect(markItems(svg, 'vrule_marks')).toBe(0);
    expect(svg).toContain('>MedMNIST ResNet-50 (28): 0.528</text>');
    expect(svg).toContain('>accuracy (max)</text>');
    expect(svg).toContain('>non-zero rate (min)</text>');
  });

  it('puts a reference line on objective 0 vertically and skips one on a third objective', async () => {
    const three: ReportSection = {
      ...section,
      objectives: [...section.objectives, { name: 'seconds', sense: 'min' }],
      runs: section.runs.map((r) => ({
        ...r,
        front: r.front.map((p) => ({ ...p, objectives: [...p.objectives, 3] })),
      })),
      markers: [{ label: 'base', objectives: [1, 0.455, 30] }],
      referenceLines: [
        { label: 'half', objective: 0, value: 0.5 },
        { label: 'budget', objective: 2, value: 10 },
      ],
    };
    const svg = await frontScatter(three);
    expect(markItems(svg, 'points_marks')).toBe(pointCount);
    expect(markItems(svg, 'lines_marks')).toBe(0); // projected 3-objective fronts are not curves
    expect(markItems(svg, 'vrule_marks')).toBe(1);
    expect(markItems(svg, 'hrule_marks')).toBe(0);
    expect(svg).not.toContain('>budget</text>');
  });

  it('is deterministic and escapes labels', async () => {
    const input = { ...section, markers: [{ label: 'base <model> & "co"', objectives: [1, 0.45] }] };
    const svg = await frontScatter(input);
    expect(await frontScatter(input)).toBe(svg);
    checkWellFormed(svg);
    expect(svg).toContain('>base &lt;model&gt; &amp; "co"</text>');
  });

  it('rejects a front point with the wrong number of objectives', async () => {
    const runs = [...section.runs];
    runs[1] = { ...runs[1]!, front: [{ objectives: [0.1, 0.2, 0.3], settings: {} }] };
    const error = await frontScatter({ ...section, runs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DimensionMismatchError);
    expect((error as Error).message).toContain(
      'runs[1] ("surrogate C-TAEA", seed 2).front[0].objectives: expected 2 values (one per objective), got 3.',
    );
  });

  it('rejects fewer than two objectives, a bad reference objective and non-finite values', async () => {
    await expect(frontScatter({ ...section, objectives: [{ name: 'f', sense: 'min' }] })).rejects.toThrow(
      'objectives: expected at least 2 objectives',
    );
    await expect(
      frontScatter({ ...section, referenceLines: [{ label: 'x', objective: 2, value: 1 }] }),
    ).rejects.toThrow('referenceLines[0] ("x").objective: expected an objective index from 0 to 1, got 2.');
    await expect(
      frontScatter({ ...section, markers: [{ label: 'm', objectives: [1, Number.POSITIVE_INFINITY] }] }),
    ).rejects.toThrow(InvalidArgumentError);
  });

  it('draws an empty plot for runs without front points', async () => {
    const svg = await frontScatter({
      objectives: section.objectives,
      runs: [{ ...section.runs[0]!, front: [] }],
    });
    checkWellFormed(svg);
    expect(markItems(svg, 'points_marks')).toBe(0);
  });
});
