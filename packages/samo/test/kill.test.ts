// The "never lose an evaluation" test: a child process runs SAMO with a log, is killed with
// SIGKILL in the middle of the run, and the run is resumed here. Every evaluation the log held at
// the kill must be in the final archive exactly once, and nothing logged may be evaluated again.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { maxGenerations } from '@paretokit/algorithms';
import { c2dtlz2 } from '@paretokit/benchmarks';
import type { EvalContext, Matrix } from '@paretokit/problem';
import { knnRegressor } from '@paretokit/surrogates';
import { expect, test } from 'vitest';
import { samo } from '../src/index.js';

const child = fileURLToPath(new URL('./kill-child.mjs', import.meta.url));

function loggedRows(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{"type":"evaluation"'))
    .map((line) => JSON.stringify(JSON.parse(line).x));
}

test('SIGKILL in the middle of a run, then resume: every logged evaluation is kept exactly once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'samo-kill-'));
  const log = join(dir, 'run.jsonl');
  const proc = spawn(process.execPath, [child, log, '15'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    proc.on('exit', (_code, signal) => resolve(signal)),
  );
  // Kill once the initial design (20) and a few infill iterations are in the log.
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    if (existsSync(log) && loggedRows(log).length >= 27) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  proc.kill('SIGKILL');
  expect(await exited, stderr).toBe('SIGKILL');
  const before = loggedRows(log);
  expect(before.length).toBeGreaterThanOrEqual(27);
  expect(before.length).toBeLessThan(80);
  // A torn write, as a kill in the middle of appendFile would leave it.
  appendFileSync(log, '{"type":"evaluation","iteration":9,"x":[0.1,0.');

  const base = c2dtlz2({ nObj: 2, nVar: 4 });
  let evaluated = 0;
  const counted = {
    ...base,
    evaluate(X: Matrix, ctx: EvalContext) {
      evaluated += X.rows;
      return base.evaluate(X, ctx);
    },
  };
  const warnings: string[] = [];
  const result = await samo(counted, {
    initialSamples: 20,
    budget: 80,
    surrogates: { knn: () => knnRegressor({ k: 3 }) },
    optimizerTermination: maxGenerations(30),
    resume: log,
    onWarning: (message) => warnings.push(message),
  });
  expect(warnings.some((w) => w.includes('torn'))).toBe(true);
  expect(result.archive.X.rows).toBe(80);
  expect(evaluated).toBe(80 - before.length);
  const archive = Array.from({ length: result.archive.X.rows }, (_, i) =>
    JSON.stringify(Array.from(result.archive.X.data.subarray(i * 4, i * 4 + 4))),
  );
  for (const row of before) expect(archive.filter((r) => r === row)).toHaveLength(1);
  // The archive starts with the logged rows, in their order; the log now holds all 80, once each.
  expect(archive.slice(0, before.length)).toEqual(before);
  expect(loggedRows(log)).toEqual(archive);
}, 60_000);
