// Opens rendered reports in headless Chromium: every plot must lay out to a visible box, the
// page must fetch nothing but itself, and the live front scatter must answer a hover with its
// tooltip and a click with the table row and the confusion matrix. Screenshots go to a temp
// directory; with UPDATE_SCREENSHOT=1 the one of the live front also replaces
// docs/report-screenshot.png. Chromium comes from CHROMIUM_PATH or /usr/bin/chromium; when it is
// missing the tests are skipped locally and fail on CI.
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFigureCount, studyFixture } from '../test/study-fixture.js';
import { renderStudyReport } from './render-study-report.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = !existsSync(executablePath);
if (missing && !process.env.CI) {
  console.warn(`skipping the browser tests: no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
}
const docsScreenshot = fileURLToPath(new URL('../../../docs/report-screenshot.png', import.meta.url));

describe.skipIf(missing && !process.env.CI)('renderStudyReport in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-report-'));
  let browser: Browser;

  beforeAll(async () => {
    if (missing) throw new Error(`no Chromium at ${executablePath}; install it or set CHROMIUM_PATH`);
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Writes the report, opens it at 1280 x 900 and records every request and page error. */
  async function open(
    name: string,
    html: string,
  ): Promise<{ page: Page; requests: string[]; errors: string[]; url: string }> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const url = pathToFileURL(file).href;
    await page.goto(url);
    return { page, requests, errors, url };
  }

  async function checkLayout(page: Page): Promise<void> {
    const figures = page.locator('figure.plot');
    expect(await figures.count()).toBe(fixtureFigureCount);
    const svgs = page.locator('figure.plot svg');
    expect(await svgs.count()).toBe(fixtureFigureCount);
    for (const svg of await svgs.all()) {
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      expect(box?.height).toBeGreaterThan(100);
    }
    // Every chart: an accessible name on its box, and a title drawn in it.
    const named = page.locator('figure.plot > .chart[role="img"][aria-label]');
    expect(await named.count()).toBe(fixtureFigureCount);
    expect(await page.locator('figure.plot .role-title-text text').count()).toBeGreaterThanOrEqual(
      fixtureFigureCount,
    );
    // Nothing wider than the window (wide tables scroll inside their own box).
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
  }

  it('lays out every figure of the static page and fetches nothing', async () => {
    const { page, requests, errors, url } = await open(
      'static.html',
      await renderStudyReport(studyFixture(), { interactive: false }),
    );
    await checkLayout(page);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(dir, 'static.png'), fullPage: true });
    await page.close();
  });

  it('makes the front live: hover shows the tooltip, click highlights the row and shows the matrix', async () => {
    const { page, requests, errors, url } = await open(
      'report.html',
      await renderStudyReport(studyFixture()),
    );
    await page.waitForSelector('figure[data-plot="front"][data-live="true"]', { timeout: 30_000 });
    expect(await page.locator('figure[data-plot="front"][data-live="true"]').count()).toBe(2);
    await checkLayout(page);

    const front = page.locator('figure[data-plot="front"]').first();
    await page.locator('#section-1 h3', { hasText: 'Objective space' }).evaluate((h) => h.scrollIntoView());
    // Items of a Vega mark follow its data: the second point is the second point of run 1
    // (surrogate C-TAEA, seed 1), which is the first row of the non-dominated solutions.
    const point = front.locator('g.points_marks path').nth(1);
    expect(await front.locator('g.points_marks path').count()).toBe(60);
    await point.hover();
    const tooltip = page.locator('#vg-tooltip-element');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const rows = await tooltip
      .locator('tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    const fixturePoint = studyFixture().sections[0]!.runs[0]!.front[1]!;
    expect(rows).toEqual([
      ['method', 'surrogate C-TAEA'],
      ['seed', '1'],
      ['non-zero rate (min)', fixturePoint.objectives[0]!.toPrecision(4)],
      ['accuracy (max)', fixturePoint.objectives[1]!.toPrecision(4)],
      ['pruneRate', String(fixturePoint.settings.pruneRate)],
      ['quantize', 'false'],
      ['bits', '32'],
      ['testSeconds', fixturePoint.metrics!.testSeconds!.toPrecision(4)],
      ['macroF1', fixturePoint.metrics!.macroF1!.toPrecision(4)],
    ]);

    // Before a click: no row picked, no matrix cells, the hint.
    expect(await page.locator('tr.picked').count()).toBe(0);
    expect(await front.locator('g.picked_cells_marks path').count()).toBe(0);
    expect(await front.locator('g.picked_hint_marks text').textContent()).toBe('Click a point of the front');

    await point.click();
    await expect.poll(() => page.locator('#section-1 tr.picked').count()).toBe(1);
    expect(await page.locator('tr.picked').count()).toBe(1);
    const picked = page.locator('#section-1 tr.picked');
    expect(await picked.getAttribute('data-point')).toBe('p1');
    expect(await picked.locator('td').first().textContent()).toBe('surrogate C-TAEA');
    expect(await front.locator('.pick-status').textContent()).toBe(
      'Its row in the non-dominated solutions is highlighted.',
    );
    // The picked point's own confusion matrix, cell by cell, and no hint.
    const counts = fixturePoint.confusionMatrix!.counts.flat().map(String);
    expect(await front.locator('g.picked_cells_marks path').count()).toBe(25);
    expect(await front.locator('g.picked_counts_marks text').allTextContents()).toEqual(counts);
    expect(await front.locator('g.picked_hint_marks text').count()).toBe(0);

    // A point that is not in the table: its matrix, no row, and the status says so.
    // (the first one whose centre is not under another point)
    const free = await front.locator('g.points_marks path').evaluateAll((paths) =>
      paths.findIndex((path, k) => {
        const box = path.getBoundingClientRect();
        const top = path.ownerDocument.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return ![1, 5, 9].includes(k) && top === path;
      }),
    );
    expect(free).toBeGreaterThanOrEqual(0);
    await front.locator('g.points_marks path').nth(free).click();
    await expect.poll(() => page.locator('tr.picked').count()).toBe(0);
    expect(await front.locator('.pick-status').textContent()).toBe(
      'This point is not among the non-dominated solutions listed below.',
    );
    expect(await front.locator('g.picked_cells_marks path').count()).toBe(25);

    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes the picture: front, tooltip, matrix and the highlighted row in one window', async () => {
    // The first section without the parts between its front and its table.
    const { overall: _, notes: __, ...input } = studyFixture();
    const { latency: ___, confusionMatrices: ____, statistics: _____, ...section } = input.sections[0]!;
    const { page, errors } = await open(
      'picture.html',
      await renderStudyReport({ ...input, sections: [section] }),
    );
    await page.waitForSelector('figure[data-plot="front"][data-live="true"]', { timeout: 30_000 });
    await page.locator('h3', { hasText: 'Objective space' }).evaluate((h) => h.scrollIntoView());
    const point = page.locator('figure[data-plot="front"] g.points_marks path').nth(1);
    await point.click();
    await point.hover();
    await expect.poll(() => page.locator('#vg-tooltip-element').isVisible()).toBe(true);
    expect(await page.locator('tr.picked').isVisible()).toBe(true);
    expect(await page.locator('g.picked_cells_marks path').count()).toBe(25);
    const screenshot = join(dir, 'report-screenshot.png');
    await page.screenshot({ path: screenshot });
    console.log(`report screenshots: ${dir}`);
    if (process.env.UPDATE_SCREENSHOT === '1') copyFileSync(screenshot, docsScreenshot);
    expect(errors).toEqual([]);
    await page.close();
  });
});
