// Real Python, real Optuna: every test starts the interpreter the CLI would.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { c2dtlz2 } from '@paretokit/benchmarks';
import {
  binary,
  choice,
  defineProblem,
  type Evaluator,
  integer,
  type Matrix,
  ParetokitError,
  type Problem,
  real,
  serialEvaluator,
  toArrays,
} from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { OptunaProcessError } from './optuna-process-error.js';
import { runOptunaTpe } from './optuna-tpe.js';
import { OptunaUnavailableError } from './optuna-unavailable-error.js';
import { runStudy } from './run-study.js';
import { parseStudyConfig } from './study-config.js';

/** A serial evaluator that keeps every row it is asked, and can act before each call. */
function recording(before?: (calls: number) => void | Promise<void>) {
  const rows: Matrix[] = [];
  const inner = serialEvaluator({ batchSize: 1 });
  const evaluator: Evaluator = {
    async evaluate(problem, X, options) {
      await before?.(rows.length);
      rows.push(X);
      return inner.evaluate(problem, X, options);
    },
  };
  return { evaluator, rows };
}

/** True when no process has this pid (our own children are reaped before a run returns). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Waits until a grandchild is gone; its zombie counts as gone (reaping it is init's job, not ours). */
async function goneSoon(pid: number, withinMs = 5000): Promise<boolean> {
  const zombie = () => {
    try {
      return /^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return true;
    }
  };
  for (const end = Date.now() + withinMs; Date.now() < end; ) {
    if (gone(pid) || zombie()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Programs that stand in for python3: one without Optuna, one that never answers. */
function programs() {
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-optuna-'));
  const write = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const pids = join(dir, 'hang.pids');
  return {
    pids,
    // Runs the real script (argv: -c SCRIPT) with `import optuna` failing.
    withoutOptuna: write(
      'python-without-optuna.sh',
      `exec python3 -c 'import sys\nsys.modules["optuna"] = None\nexec(compile(sys.argv[1], "optuna-tpe", "exec"))' "$2"`,
    ),
    hang: write('hang.sh', `sleep 1000 &\necho "$$ $!" > '${pids}'\nwait`),
  };
}

const mixed = defineProblem({
  name: 'mixed',
  variables: {
    rate: real(0, 1),
    layers: integer(1, 6),
    target: choice(['weights', 'biases', 'both']),
    quantize: binary(),
  },
  objectives: [
    { name: 'accuracy', sense: 'max' },
    { name: 'cost', sense: 'min' },
  ],
  constraints: ['budget'],
  evaluateOne: ({ rate, layers, target, quantize }) => ({
    F: [rate * (target === 'both' ? 1 : 0.8), layers / 6 + (quantize ? 0 : 0.5)],
    G: [rate + layers / 6 - 1.5],
  }),
});

describe('runOptunaTpe', () => {
  it('evaluates exactly the budget, one row per call, and the process is gone afterwards', async () => {
    const { evaluator, rows } = recording();
    let pid = 0;
    const run = await runOptunaTpe(c2dtlz2({ nObj: 2, nVar: 6 }), {
      seed: 3,
      budget: 12,
      evaluator,
      onStart: (start) => {
        pid = start.pid;
        expect(start.optuna).toMatch(/^\d+\.\d+/);
      },
    });
    expect(rows.map((X) => X.rows)).toEqual(new Array(12).fill(1));
    expect([run.X.rows, run.F.rows, run.G?.rows]).toEqual([12, 12, 12]);
    expect(toArrays(run.X)).toEqual(rows.map((X) => Array.from(X.data)));
    expect(pid).toBeGreaterThan(0);
    expect(gone(pid)).toBe(true);
  });

  it('asks bit-identical rows for the same seed, other rows for another', async () => {
    const problem = c2dtlz2({ nObj: 2, nVar: 6 });
    const [a, b, c] = await Promise.all([5, 5, 6].map((seed) => runOptunaTpe(problem, { seed, budget: 15 })));
    expect(Buffer.from(a!.X.data.buffer).equals(Buffer.from(b!.X.data.buffer))).toBe(true);
    expect(Buffer.from(a!.F.data.buffer).equals(Buffer.from(b!.F.data.buffer))).toBe(true);
    expect(Buffer.from(a!.X.data.buffer).equals(Buffer.from(c!.X.data.buffer))).toBe(false);
  });

  it('maps real, integer, choice and binary variables to Optuna distributions', async () => {
    const run = await runOptunaTpe(mixed, { seed: 1, budget: 20 });
    for (const [rate, layers, target, quantize] of toArrays(run.X)) {
      expect(rate).toBeGreaterThanOrEqual(0);
      expect(rate).toBeLessThanOrEqual(1);
      expect(Number.isInteger(layers) && layers! >= 1 && layers! <= 6).toBe(true);
      expect([0, 1, 2]).toContain(target);
      expect([0, 1]).toContain(quantize);
    }
    const columns = (j: number) => new Set(toArrays(run.X).map((x) => x[j]));
    expect(columns(2).size).toBe(3);
    expect(columns(3).size).toBe(2);
    expect(run.G?.rows).toBe(20);
  });

  it('maximizes a max objective and minimizes a min objective', async () => {
    const problem = defineProblem({
      name: 'directions',
      variables: { up: real(0, 1), down: real(0, 1) },
      objectives: [
        { name: 'gain', sense: 'max' },
        { name: 'loss', sense: 'min' },
      ],
      evaluateOne: ({ up, down }) => ({ F: [up, down] }),
    });
    const run = await runOptunaTpe(problem, { seed: 2, budget: 40 });
    // After Optuna's 10 random start-up trials, TPE samples where the good trials were.
    const late = toArrays(run.X).slice(20);
    const mean = (j: number) => late.reduce((s, x) => s + x[j]!, 0) / late.length;
    expect(mean(0)).toBeGreaterThan(0.6);
    expect(mean(1)).toBeLessThan(0.4);
  });

  it('tells a failed evaluation (NaN) as a failed trial and goes on', async () => {
    const problem: Problem = {
      ...c2dtlz2({ nObj: 2, nVar: 6 }),
      evaluate: () => ({
        F: { rows: 1, cols: 2, data: Float64Array.of(Number.NaN, Number.NaN) },
        G: { rows: 1, cols: 1, data: Float64Array.of(Number.NaN) },
      }),
    };
    const run = await runOptunaTpe(problem, { seed: 1, budget: 12 });
    expect(run.X.rows).toBe(12);
    expect(Number.isNaN(run.F.data[0])).toBe(true);
  });

  it('kills the process when the run is aborted, and says so', async () => {
    const controller = new AbortController();
    let pid = 0;
    const { evaluator, rows } = recording((calls) => {
      if (calls === 3) controller.abort();
    });
    const run = runOptunaTpe(c2dtlz2({ nObj: 2, nVar: 6 }), {
      seed: 1,
      budget: 12,
      evaluator,
      signal: controller.signal,
      onStart: (start) => {
        pid = start.pid;
      },
    });
    await expect(run).rejects.toThrow(OptunaProcessError);
    await expect(run).rejects.toMatchObject({ reason: 'aborted' });
    expect(rows.length).toBe(4);
    expect(gone(pid)).toBe(true);
  });

  it('kills a process (and its process group) that does not answer in time', async () => {
    const p = programs();
    const started = performance.now();
    const run = runOptunaTpe(c2dtlz2({ nObj: 2 }), { seed: 1, budget: 5, python: p.hang, timeoutMs: 500 });
    await expect(run).rejects.toMatchObject({ name: 'OptunaProcessError', reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(10_000);
    const [shell, sleep] = readFileSync(p.pids, 'utf8').trim().split(' ').map(Number);
    expect(gone(shell!)).toBe(true);
    expect(await goneSoon(sleep!)).toBe(true);
  });

  it('kills a process that hangs when the run is aborted', async () => {
    const p = programs();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const run = runOptunaTpe(c2dtlz2({ nObj: 2 }), {
      seed: 1,
      budget: 5,
      python: p.hang,
      signal: controller.signal,
    });
    await expect(run).rejects.toMatchObject({ name: 'OptunaProcessError', reason: 'aborted' });
    const [shell, sleep] = readFileSync(p.pids, 'utf8').trim().split(' ').map(Number);
    expect(gone(shell!)).toBe(true);
    expect(await goneSoon(sleep!)).toBe(true);
  });

  it.runIf(process.platform === 'linux')('dies with Node after a SIGKILL of Node', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-optuna-orphan-'));
    const script = join(dir, 'run.mts');
    // A run whose first evaluation never ends; it prints the Optuna process's pid.
    writeFileSync(
      script,
      `const { runOptunaTpe } = await import(${JSON.stringify(new URL('./optuna-tpe.ts', import.meta.url).href)});
const problem = { name: 'p', variables: [{ kind: 'real', name: 'x', lower: 0, upper: 1 }],
  objectives: [{ name: 'f', sense: 'min' }], constraints: [], evaluate: (X) => ({ F: X }) };
await runOptunaTpe(problem, { seed: 1, budget: 5, evaluator: { evaluate: () => new Promise(() => {}) },
  onStart: (s) => console.log(s.pid) });
`,
    );
    const node = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      node.stdout.setEncoding('utf8').once('data', (line: string) => resolve(Number(line.trim())));
      node.once('exit', (code) => reject(new Error(`node exited (${code}) before printing a pid`)));
    });
    expect(gone(pid)).toBe(false);
    node.kill('SIGKILL');
    expect(await goneSoon(pid)).toBe(true);
  });

  it('without Optuna, says what to install before any evaluation', async () => {
    const p = programs();
    const { evaluator, rows } = recording();
    const error = await runOptunaTpe(c2dtlz2({ nObj: 2 }), {
      seed: 1,
      budget: 5,
      evaluator,
      python: p.withoutOptuna,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptunaUnavailableError);
    expect(ParetokitError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /cannot import optuna.*Install it with: python3 -m pip install optuna$/,
    );
    expect(rows).toEqual([]);
  });

  it('without Python, says what to install', async () => {
    const error = await runOptunaTpe(c2dtlz2({ nObj: 2 }), {
      seed: 1,
      budget: 5,
      python: join(tmpdir(), 'no-such-python3'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptunaUnavailableError);
    expect((error as Error).message).toMatch(/cannot run .*no-such-python3 \(ENOENT\)/);
  });

  it('checks its arguments at the edge', async () => {
    const problem = c2dtlz2({ nObj: 2 });
    await expect(runOptunaTpe(problem, { seed: -1, budget: 5 })).rejects.toThrow(
      'runOptunaTpe: seed: expected an integer in 0 .. 2^32 - 1 (numpy seeds Optuna), got -1.',
    );
    await expect(runOptunaTpe(problem, { seed: 1, budget: 0 })).rejects.toThrow(
      'runOptunaTpe: budget: expected a positive integer, got 0.',
    );
    await expect(runOptunaTpe(problem, { seed: 1, budget: 5, timeoutMs: 0 })).rejects.toThrow(
      'runOptunaTpe: timeoutMs: expected a positive number of milliseconds, got 0.',
    );
  });
});

describe('runStudy with the baselines', () => {
  const study = (out: string, python = 'python3') =>
    parseStudyConfig(
      {
        name: 'baselines',
        problems: [{ type: 'benchmark', problem: 'c2dtlz2', nObj: 2, nVar: 6 }],
        methods: ['random', 'optuna-tpe'],
        seeds: 2,
        budget: 10,
        optuna: { python },
        out,
      },
      'baselines',
      tmpdir(),
    );

  it('summarizes random and optuna-tpe like any method', async () => {
    const summary = await runStudy(study(mkdtempSync(join(tmpdir(), 'paretokit-baselines-'))));
    expect(summary.records.map((r) => [r.method, r.seed, r.evaluations])).toEqual([
      ['random', 1, 10],
      ['optuna-tpe', 1, 10],
      ['random', 2, 10],
      ['optuna-tpe', 2, 10],
    ]);
    expect(Object.keys(summary.problems[0]!.hypervolume)).toEqual(['random', 'optuna-tpe']);
  });

  it('stops before any run when Optuna is missing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'paretokit-baselines-'));
    await expect(runStudy(study(out, programs().withoutOptuna))).rejects.toThrow(OptunaUnavailableError);
    expect(existsSync(join(out, 'runs'))).toBe(false);
  });
});
