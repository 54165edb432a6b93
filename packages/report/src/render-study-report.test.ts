import { dunn, friedman } from '@paretokit/stats';
import { describe, expect, it } from 'vitest';
import { fixtureFigureCount, methods, seeds, studyFixture } from '../test/study-fixture.js';
import { checkWellFormed } from '../test/svg-check.js';
import { DimensionMismatchError, InvalidArgumentError, ReportError } from './index.js';
import { renderStudyReport } from './render-study-report.js';
import type { ReportSection, StudyReportInput } from './report-input.js';

const input = studyFixture();
const html = await renderStudyReport(input);
const staticHtml = await renderStudyReport(input, { interactive: false });

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

describe('renderStudyReport', () => {
  it('holds every figure, each one inline SVG in a figure.plot with its kind', () => {
    expect(count(html, /<figure class="plot" data-plot="/g)).toBe(fixtureFigureCount);
    expect(count(html, /data-plot="hypervolume"/g)).toBe(2);
    expect(count(html, /data-plot="front"/g)).toBe(2);
    expect(count(html, /data-plot="latency"/g)).toBe(2);
    expect(count(html, /data-plot="confusion-matrix"/g)).toBe(4);
    const figures = html.match(/<figure class="plot"[\s\S]*?<\/figure>/g)!;
    for (const figure of figures) {
      expect(count(figure, /<svg/g)).toBe(1);
      checkWellFormed(figure.slice(figure.indexOf('<svg'), figure.indexOf('</svg>') + 6));
    }
  });

  it('is self-contained: inline scripts only, no external URLs outside them, unique ids', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const scripts = html.match(/<script[^>]*>[\s\S]*?<\/script>/g)!;
    // a spec per front scatter, then Vega, vega-embed and the page's own script
    expect(scripts.map((t) => t.slice(0, t.indexOf('>') + 1))).toEqual([
      '<script type="application/json" class="vega-spec">',
      '<script type="application/json" class="vega-spec">',
      '<script>',
      '<script>',
      '<script>',
    ]);
    expect(scripts[2]).toMatch(/^<script>\/\*! vega 6\.\d+\.\d+ \(BSD-3-Clause\)/);
    expect(scripts[3]).toMatch(/^<script>\/\*! vega-embed 7\.\d+\.\d+ \(BSD-3-Clause\)/);
    for (const script of scripts) expect(script.slice(8, -9)).not.toMatch(/<\/script|sourceMappingURL/i);
    const page = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
    expect(page).not.toMatch(/<link|<img|<iframe|\ssrc=|@import|https?:|url\((?!#)/i);
    expect(page).toContain('<style>');
    const ids = [...page.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of page.matchAll(/(?:url\(#|href="#)([^)"]*)/g)) expect(ids).toContain(m[1]);
  });

  it('has no scripts at all with interactive: false', () => {
    expect(staticHtml).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|https?:|url\((?!#)/i);
    expect(count(staticHtml, /<figure class="plot" data-plot="/g)).toBe(fixtureFigureCount);
    expect(staticHtml).not.toContain('data-pick');
    expect(staticHtml.length).toBeLessThan(html.length - 500_000);
  });

  it('gives the same HTML for the same input', async () => {
    expect(await renderStudyReport(studyFixture())).toBe(html);
    expect(await renderStudyReport(studyFixture(), { interactive: false })).toBe(staticHtml);
  });

  it('titles every chart and names it for assistive technology', () => {
    const figures = html.match(/<figure class="plot"[\s\S]*?<\/figure>/g)!;
    for (const figure of figures) {
      const label = /<div class="chart" role="img" aria-label="([^"]+)">/.exec(figure);
      expect(label?.[1]?.length).toBeGreaterThan(40);
      expect(figure).toMatch(/aria-roledescription="title" aria-label="Title text '[^']+'"/);
    }
    expect(html).toContain('>Hypervolume per method</text>');
    expect(html).toContain('>Final fronts: non-zero rate (min) × accuracy (max)</text>');
    expect(html).toContain('>Inference time against non-zero weights</text>');
    expect(html).toContain(
      'aria-label="Scatter plot of 60 front points of 15 runs in non-zero rate (min) × accuracy (max), colour by method (surrogate C-TAEA, C-TAEA 20x5, C-TAEA 10x10), shape by seed; markers: base model."',
    );
  });

  it('gives each front scatter a live spec: point ids, tooltips, the pick selection, the matrix panel', () => {
    const specs = [
      ...html.matchAll(/<script type="application\/json" class="vega-spec">([^<]*)<\/script>/g),
    ].map((m) => JSON.parse(m[1]!) as { data: { name: string; values?: Record<string, unknown>[] }[] });
    expect(specs).toHaveLength(2);
    const text = JSON.stringify(specs[0]);
    for (const name of ['"pick_store"', '"pick_tuple"', '"picked_cells_marks"']) expect(text).toContain(name);
    const points = specs[0]!.data.flatMap((d) => d.values ?? []).filter((v) => 'id' in v && 'o0' in v);
    expect(points).toHaveLength(60);
    expect(points[1]).toMatchObject({
      id: 'p1',
      method: 'surrogate C-TAEA',
      seed: '1',
      s0: '0.56',
      s1: 'false',
      s2: '32',
    });
    // the tooltip lists method, seed, the objectives, the settings and the metrics by name
    const tooltip = /"name":"points_marks".*?"tooltip":\{"signal":"((?:[^"\\]|\\.)*)"/.exec(text)![1]!;
    const keys = [...JSON.parse(`"${tooltip}"`).matchAll(/"([^"]+)": isValid\(datum\["(\w+)"\]\)/g)];
    expect(keys.map((m) => `${m[1]}=${m[2]}`)).toEqual([
      'method=method',
      'seed=seed',
      'non-zero rate (min)=o0',
      'accuracy (max)=o1',
      'pruneRate=s0',
      'quantize=s1',
      'bits=s2',
      'testSeconds=m0',
      'macroF1=m1',
    ]);
    const matrices = specs[0]!.data.flatMap((d) => d.values ?? []).filter((v) => 'c' in v);
    expect(matrices).toHaveLength(60);
    expect(matrices[0]).toMatchObject({ id: 'p0', l: ['0', '1', '2', '3', '4'] });
  });

  it('keeps user text in a spec from closing its script element', async () => {
    const section = input.sections[0]!;
    const evil = '</script><script>alert(1)</script>';
    const runs = section.runs.map((r, k) => (k === 0 ? { ...r, method: evil } : r));
    const out = await renderStudyReport({ ...input, sections: [{ ...section, runs }] });
    expect(out).not.toContain('<script>alert');
    const spec = /<script type="application\/json" class="vega-spec">([^<]*)<\/script>/.exec(out)!;
    expect(spec[1]).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    expect(JSON.stringify(JSON.parse(spec[1]!))).toContain(evil);
  });

  it('has the hypervolume table, Friedman with Iman-Davenport, and the Dunn pairs highlighted', () => {
    expect(html).toContain('<strong>Hypervolume:</strong> Objectives normalised to [0, 1]');
    expect(count(html, /<table class="hypervolume">/g)).toBe(2);
    expect(html).toMatch(/<td>surrogate C-TAEA<\/td><td class="num">5<\/td><td class="num best">/);
    expect(html).toContain('χ²<sub>F</sub> = 8.4, p = 0.015');
    expect(html).toContain('F(2, 8) = 10.5, p = 0.0058');
    expect(html).toContain('F(2, 18) = 10.5'); // the overall test: 10 blocks
    expect(html).toContain('holm adjustment, α = 0.05');
    // one significant pair per Dunn table: two sections and the overall statistics
    expect(count(html, /<tr class="significant">/g)).toBe(3);
    expect(html).toContain('<td>surrogate C-TAEA vs C-TAEA 10x10</td><td class="num">2.80</td>');
  });

  it('lists the non-dominated solutions with their decoded settings and metrics', () => {
    expect(count(html, /<table class="solutions">/g)).toBe(2);
    const table = html.slice(
      html.indexOf('<table class="solutions">'),
      html.indexOf('</table>', html.indexOf('<table class="solutions">')),
    );
    expect(table).toContain('<th class="num">accuracy (max)</th>');
    expect(table).toContain(
      '<th>pruneRate</th><th>quantize</th><th>bits</th><th class="num">testSeconds</th>',
    );
    expect(count(table, /<tr[ >]/g)).toBe(1 + 3);
    // rows that are front points carry the point's id (run k, second point: p(4k + 1))
    expect([...table.matchAll(/<tr data-point="(p\d+)">/g)].map((m) => m[1])).toEqual(['p1', 'p5', 'p9']);
  });

  it('leaves out the optional parts that are not given', async () => {
    const { name, objectives, runs } = input.sections[0]!;
    const small = await renderStudyReport({
      title: 't',
      hypervolumeReference: 'r',
      sections: [{ name, objectives, runs }],
    });
    expect(count(small, /<figure class="plot"/g)).toBe(2);
    expect(small).not.toContain('Friedman');
    expect(small).not.toContain('<nav>');
    expect(small).not.toContain('class="solutions"');
    expect(small).not.toContain('Notes');
  });

  it('escapes every user string', async () => {
    const evil = '<script>alert("x")</script>&';
    const section = input.sections[0]!;
    const runs = section.runs.map((r, k) => (k === 0 ? { ...r, method: evil } : r));
    const escaped = await renderStudyReport({
      title: evil,
      subtitle: evil,
      hypervolumeReference: evil,
      sections: [
        {
          ...section,
          name: evil,
          description: evil,
          objectives: [{ name: evil, sense: 'min' }, section.objectives[1]!],
          runs,
          markers: [{ label: evil, objectives: [1, 0.45] }],
          latency: [{ label: evil, nonZeroRate: 0.5, seconds: 3, group: evil }],
          confusionMatrices: [
            {
              title: evil,
              labels: [evil, 'b'],
              counts: [
                [1, 2],
                [3, 4],
              ],
            },
          ],
          nonDominated: [
            {
              method: evil,
              seed: 1,
              objectives: [0.5, 0.4],
              settings: { [evil]: evil },
              metrics: { [evil]: 1 },
            },
          ],
          statistics: { ...section.statistics!, methods: [evil, 'b', 'c'] },
        },
      ],
      notes: [evil],
    });
    expect(escaped).not.toContain('<script>alert');
    expect(escaped).not.toContain('"x")<');
    expect(count(escaped, /&lt;script&gt;alert\(/g)).toBeGreaterThan(15);
  });

  it('rejects an empty list of sections', async () => {
    const error = await renderStudyReport({ ...input, sections: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(ReportError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'sections: expected at least one section, got an array of length 0. Give one section per dataset or problem.',
    );
  });

  it('names the section and run of a front point with the wrong number of objectives', async () => {
    const sections = [...input.sections] as ReportSection[];
    const runs = [...sections[1]!.runs];
    runs[4] = { ...runs[4]!, front: [...runs[4]!.front, { objectives: [0.5], settings: {} }] };
    sections[1] = { ...sections[1]!, runs };
    const error = await renderStudyReport({ ...input, sections }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DimensionMismatchError);
    expect((error as DimensionMismatchError).expected).toBe(2);
    expect((error as DimensionMismatchError).actual).toBe(1);
    expect((error as Error).message).toMatch(
      /^sections\[1\] \("BreastMNIST"\)\.runs\[4\] \("surrogate C-TAEA", seed 5\)\.front\[4\]\.objectives: expected 2 values \(one per objective\), got 1\./,
    );
  });

  it('rejects non-finite numbers, bad confusion matrices and statistics of the wrong shape', async () => {
    const section = input.sections[0]!;
    const withSection = (patch: Partial<ReportSection>): StudyReportInput => ({
      ...input,
      sections: [{ ...section, ...patch }],
    });
    await expect(
      renderStudyReport(
        withSection({ runs: [{ ...section.runs[0]!, hypervolume: Number.POSITIVE_INFINITY }] }),
      ),
    ).rejects.toThrow(
      'sections[0] ("RetinaMNIST").runs[0] ("surrogate C-TAEA", seed 1).hypervolume: expected a finite number, got Infinity.',
    );
    await expect(
      renderStudyReport(
        withSection({
          confusionMatrices: [
            {
              title: 'cm',
              labels: ['a', 'b', 'c'],
              counts: [
                [1, 2, 3],
                [4, 5, 6],
              ],
            },
          ],
        }),
      ),
    ).rejects.toThrow('sections[0] ("RetinaMNIST").confusionMatrices[0] ("cm").counts: expected 3 rows');
    await expect(
      renderStudyReport(withSection({ statistics: { ...section.statistics!, methods: ['a', 'b'] } })),
    ).rejects.toThrow(
      'sections[0] ("RetinaMNIST").statistics.friedman.meanRanks: expected 2 mean ranks (one per entry of methods), got 3.',
    );
    await expect(
      renderStudyReport({
        ...input,
        overall: {
          ...input.overall!,
          dunn: {
            ...input.overall!.dunn,
            pairs: [{ i: 0, j: 3, z: 1, pValue: 0.3, adjustedPValue: 0.3, significant: false }],
          },
        },
      }),
    ).rejects.toThrow('overall.dunn.pairs[0].j: expected a method index from 0 to 2, got 3.');
    await expect(renderStudyReport(withSection({ runs: [] }))).rejects.toThrow('expected at least one run');
    const point = section.runs[1]!.front[0]!;
    const badMatrix = { ...point, confusionMatrix: { ...point.confusionMatrix!, counts: [[1, 2]] } };
    await expect(
      renderStudyReport(
        withSection({ runs: [section.runs[0]!, { ...section.runs[1]!, front: [badMatrix] }] }),
      ),
    ).rejects.toThrow(
      'sections[0] ("RetinaMNIST").runs[1] ("surrogate C-TAEA", seed 2).front[0].confusionMatrix.counts: expected 5 rows',
    );
  });

  it('shows NaN statistics as n/a instead of failing', async () => {
    const section = input.sections[0]!;
    const statistics = {
      ...section.statistics!,
      friedman: { ...section.statistics!.friedman, statistic: Number.NaN, pValue: Number.NaN },
    };
    const out = await renderStudyReport({ ...input, sections: [{ ...section, statistics }] });
    expect(out).toContain('χ²<sub>F</sub> = n/a, p = n/a.');
  });

  it('takes the results of @paretokit/stats as they are', async () => {
    // blocks = seeds, treatments = methods; hypervolume negated so that rank 1 is the best run
    const section = input.sections[0]!;
    const table = seeds.map((seed) =>
      methods.map((method) => -section.runs.find((r) => r.method === method && r.seed === seed)!.hypervolume),
    );
    const statistics = {
      friedman: friedman(table, { imanDavenport: true }),
      dunn: dunn(table, { design: 'friedman', adjust: 'holm' }),
      methods,
    };
    const { overall: _, ...rest } = input;
    const out = await renderStudyReport({ ...rest, sections: [{ ...section, statistics }] });
    expect(statistics.friedman.statistic).toBe(10); // surrogate first, then 20x5, then 10x10 in every block
    expect(out).toContain('over 5 blocks (seeds) and 3 methods: χ²<sub>F</sub> = 10, p = 0.00674');
    expect(count(out, /<tr class="significant">/g)).toBe(
      statistics.dunn.pairs.filter((p) => p.significant).length,
    );
  });
});
