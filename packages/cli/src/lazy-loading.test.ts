// The heavy optional packages load only for the commands that need them: `paretokit --help`, `run`
// and `study` on a benchmark problem resolve none of onnxruntime-node, sharp, BullMQ or ioredis
// (`run` not vega either), while `inspect` does load onnxruntime-node. A module hook (registered
// with --import) lists every bare specifier the process resolves.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESOLVE_HOOK, resolvedPackages } from '@paretokit/testing';
import { afterAll, describe, expect, it } from 'vitest';

const main = new URL('./main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'paretokit-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `paretokit ...args` from the sources; its exit status, output and the bare specifiers it resolved. */
function paretokit(...args: string[]) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--import', RESOLVE_HOOK, main, ...args], {
    cwd: new URL('..', import.meta.url).pathname,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const { resolved: names, stderr } = resolvedPackages(child.stderr);
  const resolved = new Set(names);
  return { status: child.status, stdout: child.stdout, stderr, resolved };
}

const COMPRESSION = ['onnxruntime-node', 'sharp', 'protobufjs'];
const QUEUE = ['bullmq', 'ioredis'];
const PLOTS = ['vega', 'vega-lite'];
const loaded = (resolved: Set<string>, names: readonly string[]) =>
  names.filter((n) => [...resolved].some((s) => s === n || s.startsWith(`${n}/`)));

describe('what each command loads', () => {
  it('--help and run on a benchmark problem load no compression, queue or plotting package', () => {
    const help = paretokit('--help');
    expect(help.status).toBe(0);
    expect(help.resolved.has('commander')).toBe(true);
    expect(loaded(help.resolved, [...COMPRESSION, ...QUEUE, ...PLOTS])).toEqual([]);
    const run = paretokit(
      'run',
      '--problem',
      'zdt1',
      '--algorithm',
      'nsga2-20x5',
      '--budget',
      '40',
      '--out',
      join(dir, 'run'),
      '--no-progress',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('zdt1 nsga2-20x5 seed 1: 40 evaluations');
    expect(loaded(run.resolved, [...COMPRESSION, ...QUEUE, ...PLOTS])).toEqual([]);
  });

  it('study on a benchmark problem loads no compression or queue package', () => {
    const file = join(dir, 'study.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'lazy',
        problems: [{ type: 'benchmark', problem: 'zdt1' }],
        methods: ['nsga2-20x5', 'random'],
        seeds: 2,
        budget: 40,
        out: join(dir, 'study'),
      }),
    );
    const study = paretokit('study', file, '--no-progress');
    expect(study.status).toBe(0);
    expect(study.stdout).toContain(`report: ${join(dir, 'study', 'report.html')}`);
    expect(loaded(study.resolved, [...COMPRESSION, ...QUEUE])).toEqual([]);
    // The report is drawn with vega: the hook does see what a command loads.
    expect(loaded(study.resolved, PLOTS)).toEqual(PLOTS);
  });

  it('inspect loads onnxruntime-node', () => {
    const inspect = paretokit('inspect', '--model', 'missing.onnx');
    expect(inspect.status).toBe(1);
    expect(inspect.stderr).toMatch(/^paretokit: .*missing\.onnx/);
    expect(loaded(inspect.resolved, ['onnxruntime-node'])).toEqual(['onnxruntime-node']);
  });
});
