// The surrogate bridge's processes for real: python3 with LightGBM and XGBoost from PyPI, and
// stand-ins that crash, hang or exit (test/fault-programs.ts). No orphan may survive anything.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { InvalidArgumentError } from '@paretokit/problem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { friedman1 } from '../test/data.js';
import { type FaultPrograms, faultPrograms } from '../test/fault-programs.js';
import { BridgeAbortedError, BridgeProcessError, BridgeTimeoutError } from './index.js';
import { type BridgeTrainJob, surrogateBridge } from './node.js';

let faults: FaultPrograms;
beforeAll(() => {
  faults = faultPrograms();
});
const { X, y } = friedman1(60, 1);
const job = (library: 'lightgbm' | 'xgboost' = 'lightgbm'): BridgeTrainJob => ({
  library,
  X,
  y,
  rounds: 10,
  params: library === 'lightgbm' ? { min_data_in_leaf: 3, verbosity: -1 } : { tree_method: 'exact' },
});

/** True while a process with this pid exists (zombies of our own children count as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function gone(pids: readonly number[], withinMs = 5000): Promise<boolean> {
  const end = Date.now() + withinMs;
  while (Date.now() < end) {
    if (pids.every((p) => !alive(p))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('surrogateBridge', () => {
  const bridge = surrogateBridge({ processes: 2 });
  afterAll(() => bridge.close());

  it('one long-lived process serves many fits of both libraries', async () => {
    await bridge.train(job());
    const [pid] = bridge.pids;
    for (let i = 0; i < 4; i++) {
      expect(await bridge.train(job(i % 2 ? 'xgboost' : 'lightgbm'))).toMatch(/^(tree\n|\{)/);
    }
    expect(bridge.pids).toEqual([pid]);
    const versions = await bridge.versions();
    expect(versions).toMatchObject({
      lightgbm: expect.stringMatching(/^\d/),
      xgboost: expect.stringMatching(/^\d/),
    });
  });

  it('runs up to `processes` requests at once, and queues the rest', async () => {
    const models = await Promise.all([1, 2, 3, 4, 5].map(() => bridge.train(job())));
    expect(new Set(models).size).toBe(1);
    expect(bridge.pids).toHaveLength(2);
  });

  it('close() ends every process; the next request starts a new one', async () => {
    const before = bridge.pids;
    await bridge.close();
    expect(bridge.pids).toEqual([]);
    expect(await gone(before)).toBe(true);
    await bridge.train(job());
    expect(bridge.pids).toHaveLength(1);
    expect(before).not.toContain(bridge.pids[0]);
  });

  it('restarts once after a crash and answers', async () => {
    const crashing = surrogateBridge({ python: faults.crashOnce });
    try {
      expect(await crashing.train(job())).toMatch(/^tree\n/);
      expect(existsSync(faults.crashMarker)).toBe(true); // it did crash first
    } finally {
      await crashing.close();
    }
  });

  it('a process that dies twice: BridgeProcessError with its stderr', async () => {
    const failing = surrogateBridge({ python: faults.fail });
    const error = await failing.train(job()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeProcessError);
    expect(error).toMatchObject({ name: 'BridgeProcessError', exitCode: 1 });
    expect((error as BridgeProcessError).stderrTail).toMatch(/fatal: the model file is corrupt$/);
  });

  it('a hanging process: the timeout kills it and what it started', async () => {
    const hanging = surrogateBridge({ python: faults.hang, timeoutMs: 400 });
    const started = performance.now();
    const error = await hanging.train(job()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeTimeoutError);
    expect(performance.now() - started).toBeLessThan(5000);
    const pids = readFileSync(faults.hangPids, 'utf8').trim().split(' ').map(Number);
    expect(await gone(pids)).toBe(true);
  });

  it('an AbortSignal kills the process doing the request', async () => {
    const hanging = surrogateBridge({ python: faults.hang });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user stop')), 300);
    const error = await hanging.train({ ...job(), signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeAbortedError);
    expect((error as Error).cause).toEqual(new Error('user stop'));
    const pids = readFileSync(faults.hangPids, 'utf8').trim().split(' ').map(Number);
    expect(await gone(pids)).toBe(true);
  });

  it('no orphans: Python processes end when their Node process is SIGKILLed', async () => {
    const child = spawn(process.execPath, [new URL('../test/bridge-child.mjs', import.meta.url).pathname], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (s: string) => {
        text += s;
        if (text.includes('\n')) resolve(text.trim());
      });
      child.on('exit', (code) => reject(new Error(`bridge-child exited with ${code}`)));
    });
    const pids = JSON.parse(line) as number[];
    expect(pids).toHaveLength(2);
    expect(pids.every(alive)).toBe(true);
    child.kill('SIGKILL');
    expect(await gone(pids)).toBe(true);
  });

  it('checks its options', () => {
    expect(() => surrogateBridge({ processes: 0 })).toThrow(InvalidArgumentError);
    expect(() => surrogateBridge({ timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => surrogateBridge({ python: '' })).toThrow(/python: expected a program name or path/);
  });
});
