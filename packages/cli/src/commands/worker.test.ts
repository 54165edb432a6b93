import { EventEmitter } from 'node:events';
import type { QueueWorkerOptions } from '@paretokit/workers';
import { describe, expect, it, vi } from 'vitest';
import { workerCommand } from './worker.js';

function harness() {
  const lines: string[] = [];
  const signals = new EventEmitter();
  const started: QueueWorkerOptions[] = [];
  let closed = 0;
  const command = workerCommand({
    write: (line) => lines.push(line),
    signals,
    run: async (options) => {
      started.push(options);
      return {
        problem: {
          name: 'zdt1',
          variables: [],
          objectives: [],
          constraints: [],
          evaluate: () => ({ F: { rows: 0, cols: 0, data: new Float64Array() } }),
        },
        close: async () => void closed++,
        [Symbol.asyncDispose]: async () => {},
      };
    },
  });
  command.exitOverride().configureOutput({ writeErr: (s) => lines.push(s) });
  return { command, lines, signals, started, closed: () => closed };
}

describe('paretokit worker', () => {
  it('starts a queue worker with the parsed options and stops it on SIGTERM', async () => {
    const h = harness();
    const running = h.command.parseAsync(
      [
        '--redis',
        'redis://10.0.0.5:6380',
        '--queue',
        'study',
        '--problem',
        '@paretokit/benchmarks#dtlz2',
        '--options',
        '{"nObj":3}',
        '--concurrency',
        '2',
      ],
      { from: 'user' },
    );
    // The action loads @paretokit/workers first (a dynamic import), then starts the worker.
    await vi.waitFor(() => expect(h.lines.join('\n')).toMatch(/evaluating zdt1 from queue study/), {
      timeout: 10_000,
    });
    expect(h.started).toHaveLength(1);
    expect(h.started[0]).toMatchObject({
      connection: 'redis://10.0.0.5:6380',
      queue: 'study',
      problem: { module: '@paretokit/benchmarks', export: 'dtlz2', options: { nObj: 3 } },
      concurrency: 2,
      lockDurationMs: 30_000,
    });
    expect(h.lines.join('\n')).toMatch(/evaluating zdt1 from queue study/);
    h.signals.emit('SIGTERM', 'SIGTERM');
    await running;
    expect(h.closed()).toBe(1);
    expect(h.lines.at(-1)).toBe('paretokit worker: stopped.');
  });

  it('refuses a missing problem, bad JSON options and a bad concurrency', async () => {
    const missing = harness();
    await expect(missing.command.parseAsync(['--queue', 'q'], { from: 'user' })).rejects.toThrow(/--problem/);
    const json = harness();
    await expect(
      json.command.parseAsync(['--queue', 'q', '--problem', './p.js#p', '--options', '{nope'], {
        from: 'user',
      }),
    ).rejects.toThrow(/--options: expected JSON/);
    const concurrency = harness();
    await expect(
      concurrency.command.parseAsync(['--queue', 'q', '--problem', './p.js', '--concurrency', '0'], {
        from: 'user',
      }),
    ).rejects.toThrow(/--concurrency: expected an integer >= 1/);
  });
});
