import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createProgram } from './program.js';

// compress needs an ONNX model: its action is checked for what it passes on, not run.
const compressCalls = vi.hoisted((): Record<string, unknown>[] => []);
vi.mock('./commands/compress.js', async (original) => ({
  ...(await original<typeof import('./commands/compress.js')>()),
  compressCommand: async (options: Record<string, unknown>) => {
    compressCalls.push(options);
  },
}));

/** A log that is not a terminal, or one that claims to be. */
function stream(isTTY = false) {
  const lines: string[] = [];
  return { lines, stream: { isTTY, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream };
}

async function paretokit(args: string[], progress: NodeJS.WriteStream): Promise<void> {
  await createProgram(() => {}, progress).parseAsync(['node', 'paretokit', ...args]);
}

const dir = () => mkdtempSync(join(tmpdir(), 'paretokit-progress-'));
const runArgs = () => ['run', '-p', 'c3dtlz4', '--n-obj', '2', '-a', 'ctaea-20x5', '-b', '40', '-o', dir()];

describe('progress of run, study and compress', () => {
  it('run: in a log, a line per 10 %, never one per evaluation; none with --no-progress', async () => {
    const log = stream();
    await paretokit(runArgs(), log.stream);
    expect(log.lines).toHaveLength(10);
    for (const line of log.lines) expect(line).toMatch(/^\d+\/40 evaluations \(\d+ %\), \d+ s\n$/);
    expect(log.lines.at(-1)).toMatch(/^40\/40 evaluations \(100 %\)/);
    const quiet = stream(true);
    await paretokit([...runArgs(), '--no-progress'], quiet.stream);
    expect(quiet.lines).toEqual([]);
  });

  it('study: progress over all runs in a log; none with --no-progress', async () => {
    const file = join(dir(), 'study.json');
    const study = {
      name: 'progress',
      problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }],
      methods: ['nsga2-20x5'],
      seeds: 2,
      budget: 20,
    };
    writeFileSync(file, JSON.stringify(study));
    const log = stream();
    await paretokit(['study', file, '-o', dir()], log.stream);
    expect(log.lines.length).toBeGreaterThan(0);
    expect(log.lines.length).toBeLessThanOrEqual(10);
    expect(log.lines.at(-1)).toMatch(/^40\/40 evaluations \(100 %\)/);
    const quiet = stream(true);
    await paretokit(['study', file, '-o', dir(), '--no-progress'], quiet.stream);
    expect(quiet.lines).toEqual([]);
  });

  it('compress: --no-progress and the stream reach the command', async () => {
    const log = stream();
    const args = ['compress', '-m', 'model.onnx', '-d', 'data.npz'];
    await paretokit(args, log.stream);
    await paretokit([...args, '--no-progress'], log.stream);
    expect(compressCalls.map((c) => [c.progress, c.progressStream === log.stream])).toEqual([
      [true, true],
      [false, true],
    ]);
  });
});
