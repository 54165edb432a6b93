// Opens a rendered report in headless Chromium: every plot must lay out to a visible box, the
// page must fetch nothing but itself, and a full-page screenshot is left in a temp directory for
// a human to look at. Chromium comes from CHROMIUM_PATH or /usr/bin/chromium; when it is missing
// the test is skipped locally and fails on CI.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureFigureCount, studyFixture } from '../test/study-fixture.js';
import { renderStudyReport } from './render-study-report.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = !existsSync(executablePath);
if (missing && !process.env.CI) {
  console.warn(`skipping the browser test: no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
}

describe('renderStudyReport in Chromium', () => {
  it.skipIf(missing && !process.env.CI)('lays out every figure and fetches nothing', async () => {
    if (missing) throw new Error(`no Chromium at ${executablePath}; install it or set CHROMIUM_PATH`);
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, await renderStudyReport(studyFixture()));
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(file).href);

      const figures = page.locator('figure.plot');
      expect(await figures.count()).toBe(fixtureFigureCount);
      const svgs = page.locator('figure.plot svg');
      expect(await svgs.count()).toBe(fixtureFigureCount);
      for (const svg of await svgs.all()) {
        const box = await svg.boundingBox();
        expect(box?.width).toBeGreaterThan(100);
        expect(box?.height).toBeGreaterThan(100);
      }
      // Nothing wider than the window (wide tables scroll inside their own box).
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
      expect(requests).toEqual([pathToFileURL(file).href]);

      const screenshot = join(dir, 'report.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      console.log(`report screenshot: ${screenshot}`);
    } finally {
      await browser.close();
    }
  });
});
