import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killStudyAfter, loggedEvaluations } from '../../test/kill-study.js';
import type { RunRecord } from '../study/run-one.js';
import type { StudySummary } from '../study/run-study.js';
import { studyCommand } from './study.js';

/** A study small enough for a test: 2 methods x 2 seeds on C3-DTLZ4, 40 evaluations per run. */
function writeConfig(dir: string, out: string): string {
  const path = join(dir, 'study.json');
  writeFileSync(
    path,
    JSON.stringify({
      name: 'tiny',
      problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }],
      methods: ['samo-ctaea', 'ctaea-10x10'],
      seeds: [1, 2],
      budget: 40,
      samo: {
        initialSamples: 20,
        infillsPerIteration: 2,
        surrogates: ['knn', 'randomForest'],
        folds: 3,
        generations: 60,
      },
      out,
    }),
  );
  return path;
}

/** Records without what legitimately differs between an interrupted and an uninterrupted run. */
const comparable = (records: readonly RunRecord[]) =>
  records.map(({ seconds, replayed, samo, ...rest }) => ({ ...rest, chosen: samo?.chosen }));

describe('paretokit study', () => {
  it('runs every cell, writes summary.json and report.html, and prints the tests', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-study-'));
    const lines: string[] = [];
    const { summary, report } = await studyCommand({
      config: writeConfig(dir, 'out'),
      write: (t) => lines.push(t),
    });
    expect(summary.records).toHaveLength(4);
    expect(summary.records.every((r) => r.evaluations === 40 && r.replayed === 0)).toBe(true);
    expect(existsSync(join(dir, 'out', 'summary.json'))).toBe(true);
    const html = readFileSync(report!, 'utf8');
    expect(html).toContain('<figure class="plot" data-plot="hypervolume"');
    expect(html).toContain('c3dtlz4-2');
    const text = lines.join('\n');
    expect(text).toMatch(/\[4\/4\] c3dtlz4-2 ctaea-10x10 seed 2: hypervolume /);
    expect(text).toMatch(/samo-ctaea +\d\.\d{4} \[/);
    expect(text).toContain(`report: ${report}`);
    // A finished study is read back, not run again.
    const again = await studyCommand({ config: join(dir, 'study.json'), write: () => {} });
    expect(comparable(again.summary.records)).toEqual(comparable(summary.records));
    expect(again.summary.records.map((r) => r.seconds)).toEqual(summary.records.map((r) => r.seconds));
  });

  it('continues after the process is killed mid-run, evaluating nothing twice, and ends as an uninterrupted study', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-study-kill-'));
    const config = writeConfig(dir, 'killed');
    const log = join(dir, 'killed', 'runs', 'c3dtlz4-2', 'samo-ctaea', 'seed-1', 'evaluations.jsonl');
    // Kill once SAMO has logged part of its infill evaluations (the initial design holds 20).
    await killStudyAfter(config, log, 26);
    const evaluations = () => loggedEvaluations(log);
    const before = evaluations();
    expect(before).toBeGreaterThanOrEqual(26);
    expect(before).toBeLessThan(40);
    const resumed = await studyCommand({ config, write: () => {} });
    const samo = resumed.summary.records.find((r) => r.method === 'samo-ctaea' && r.seed === 1)!;
    expect(samo.replayed).toBe(before);
    expect(evaluations()).toBe(40);

    writeConfig(dir, 'whole');
    const whole = await studyCommand({ config: join(dir, 'study.json'), write: () => {} });
    expect(comparable(resumed.summary.records)).toEqual(comparable(whole.summary.records));
    const summary = JSON.parse(readFileSync(join(dir, 'killed', 'summary.json'), 'utf8')) as StudySummary;
    expect(summary.problems[0]!.hypervolume).toEqual(whole.summary.problems[0]!.hypervolume);
  });

  it('runs cells in worker processes with --workers and gets the same results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-study-workers-'));
    const serial = await studyCommand({ config: writeConfig(dir, 'serial'), write: () => {} });
    const parallel = await studyCommand({
      config: writeConfig(dir, 'parallel'),
      workers: 2,
      write: () => {},
    });
    expect(comparable(parallel.summary.records)).toEqual(comparable(serial.summary.records));
  });

  it('its worker processes stop quietly when the study process is killed, and the study resumes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-study-workers-kill-'));
    const config = writeConfig(dir, 'killed');
    const log = join(dir, 'killed', 'runs', 'c3dtlz4-2', 'samo-ctaea', 'seed-1', 'evaluations.jsonl');
    const { stderr } = await killStudyAfter(config, log, 26, { workers: 2 });
    // Every worker gone (the stderr they share closed) and none died loudly: a worker that sent
    // progress to the dead parent once crashed on an unhandled EPIPE (seen on a study killed by hand).
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    const resumed = await studyCommand({ config, workers: 2, write: () => {} });
    expect(resumed.summary.records).toHaveLength(4);
    expect(loggedEvaluations(log)).toBe(40);
  });

  it('rejects a configuration with a message naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-study-bad-'));
    const path = join(dir, 'bad.json');
    writeFileSync(
      path,
      JSON.stringify({ name: 'x', problems: [{ type: 'benchmark', problem: 'c3dtlz4' }], budget: 30 }),
    );
    await expect(studyCommand({ config: path, write: () => {} })).rejects.toThrow(
      /bad\.json: budget: expected a multiple of 20 \(the population of ctaea-20x5/,
    );
  });
});
