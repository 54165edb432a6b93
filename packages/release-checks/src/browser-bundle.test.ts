// The browser-safe cores (problem, algorithms, benchmarks, indicators, stats and the in-process
// surrogates) bundled by esbuild from their built packages for a browser, with no Node polyfills,
// then run in headless Chromium: NSGA-II on ZDT1, indicators, a test and three surrogates. The run
// repeats bit for bit in the page and follows the same course as in Node; what uses only IEEE
// arithmetic gives Node's bits. Chromium comes from CHROMIUM_PATH or /usr/bin/chromium (Debian's
// package, which scripts/setup.sh --tests installs); when it is missing the run is skipped locally
// and fails on CI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Matrix } from '@paretokit/problem';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exactChecks, fromHex, libmChecks, type RunReport, runReport } from './browser-run.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = !existsSync(executablePath);
if (missing && !process.env.CI) {
  console.warn(`skipping the browser run: no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
}

/** `contents` bundled by esbuild for a browser (resolved from this package), or the build's errors. */
async function bundleForBrowser(contents: string): Promise<{ code: string; inputs: string[] }> {
  const out = await build({
    stdin: { contents, resolveDir: here, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: out.outputFiles[0]!.text, inputs: Object.keys(out.metafile.inputs) };
}

const cores = ['problem', 'algorithms', 'benchmarks', 'indicators', 'stats', 'surrogates'];

describe('the browser-safe cores in a browser bundle', () => {
  it.each(cores)('@paretokit/%s: the whole main entry bundles for a browser', async (name) => {
    const { inputs } = await bundleForBrowser(`export * from '@paretokit/${name}';`);
    expect(inputs.some((file) => file.includes(`/${name}/dist/index.js`))).toBe(true);
    expect(inputs.filter((file) => !/\/dist\/.*\.js$/.test(file) && !file.endsWith('entry.ts'))).toEqual([]);
  });

  it('and a /node subpath does not (so the check above can fail)', async () => {
    await expect(bundleForBrowser("export * from '@paretokit/surrogates/node';")).rejects.toThrow(
      /node:child_process/,
    );
  });

  it.skipIf(missing && !process.env.CI)(
    'runs NSGA-II on ZDT1, indicators, stats and surrogates in Chromium as in Node',
    async () => {
      if (missing) throw new Error(`no Chromium at ${executablePath}; install it or set CHROMIUM_PATH`);
      const { code } = await bundleForBrowser(
        "import { runReport } from './browser-run.ts'; (globalThis as any).runReport = runReport;",
      );
      const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
      let first: RunReport;
      let second: RunReport;
      try {
        const page = await browser.newPage();
        const problems: string[] = [];
        const requests: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        page.on('request', (request) => requests.push(request.url()));
        await page.setContent('<!doctype html><title>paretokit</title>');
        await page.addScriptTag({ content: code });
        const run = () => page.evaluate(() => (globalThis as unknown as BrowserGlobals).runReport());
        first = await run();
        second = await run();
        expect(await page.evaluate<string>('navigator.userAgent')).toMatch(/HeadlessChrome\//);
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
      } finally {
        await browser.close();
      }
      // The same seed in the same engine: the same bits.
      expect(second).toEqual(first);

      // The same seed in Node: the same run. Node 20's V8 and Chromium's round Math.pow (SBX,
      // polynomial mutation) differently in the last bit for some inputs, so values may differ by
      // an ulp or so, but never the run's course: the same front, within 1e-12.
      const node = await runReport();
      expect([first.rows, first.evaluations]).toEqual([node.rows, node.evaluations]);
      expect(first.evaluations).toBe(2_000);
      const differing: string[] = [];
      for (const name of ['X', 'F'] as const) {
        const a = fromHex(first[name]);
        const b = fromHex(node[name]);
        expect(a.length).toBe(b.length);
        const off = b.filter((v, i) => Math.abs(v - a[i]!) > 1e-12 * Math.max(1, Math.abs(v)));
        expect(off.length, `${name}: values off by more than 1e-12`).toBe(0);
        differing.push(`${name} ${b.filter((v, i) => !Object.is(v, a[i])).length}/${b.length}`);
      }
      expect(hypervolumeOf(first)).toBeGreaterThan(0.6);
      console.log(`values not bit-identical to Node's: ${differing.join(', ')}`);

      // The browser's front in Node: bit for bit wherever only IEEE arithmetic is involved, and to
      // 6 decimals where the engine's exp, log and pow are.
      const X = matrix(first.X, first.rows);
      const F = matrix(first.F, first.rows);
      expect(exactChecks(X, F)).toEqual(first.exact);
      const libm = libmChecks(X, F);
      expect(Object.keys(libm)).toEqual(Object.keys(first.libm));
      for (const [name, bits] of Object.entries(libm)) {
        const a = fromHex(first.libm[name]!);
        const b = fromHex(bits);
        for (let i = 0; i < b.length; i++) {
          expect(a[i], `${name}[${i}]`).toBeCloseTo(b[i]!, 6);
        }
      }
    },
  );
});

/** What the bundle sets on the page's global object. */
interface BrowserGlobals {
  runReport(): Promise<RunReport>;
}

function matrix(hex: string, rows: number): Matrix {
  const data = fromHex(hex);
  return { rows, cols: data.length / rows, data };
}

function hypervolumeOf(report: RunReport): number {
  return fromHex(report.exact.indicators!)[0]!;
}
