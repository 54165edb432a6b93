import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadDataset } from './commands/datasets.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { runSample } from './commands/sample.js';
import { HELP_EXAMPLES } from './help-examples.js';
import { createProgram } from './program.js';

async function run(...args: string[]): Promise<{ out: string[]; err: string }> {
  const out: string[] = [];
  let err = '';
  const program = createProgram((t) => out.push(t));
  program.exitOverride().configureOutput({ writeErr: (s) => (err += s), writeOut: (s) => out.push(s) });
  const quiet = (command: typeof program) => {
    for (const sub of command.commands) {
      sub.exitOverride().configureOutput({ writeErr: (s) => (err += s), writeOut: (s) => out.push(s) });
      quiet(sub);
    }
  };
  quiet(program);
  try {
    await program.parseAsync(['node', 'paretokit', ...args]);
  } catch {
    // exitOverride turns commander's exits into throws; the message is in err.
  }
  return { out, err };
}

describe('paretokit habits', () => {
  it('prints its version with --version', async () => {
    const version = (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
    expect((await run('--version')).out.join('').trim()).toBe(version);
  });

  it("ends every command's --help with an example", async () => {
    const paths: string[] = [];
    const visit = (c: ReturnType<typeof createProgram>, prefix: string[]) => {
      for (const sub of c.commands) {
        paths.push([...prefix, sub.name()].join(' '));
        visit(sub, [...prefix, sub.name()]);
      }
    };
    visit(createProgram(), []);
    expect(paths.sort()).toEqual(
      Object.keys(HELP_EXAMPLES)
        .filter((p) => p !== 'paretokit')
        .sort(),
    );
    for (const path of ['', ...paths]) {
      const { out } = await run(...(path === '' ? [] : path.split(' ')), '--help');
      expect(out.join(''), path).toMatch(/\nExamples?:\n {2}\$ paretokit /);
    }
  });

  it('exits 2 with the usage on a usage error, 0 for --help', () => {
    const main = new URL('./main.ts', import.meta.url).pathname;
    const bad = spawnSync(process.execPath, ['--import', 'tsx', main, 'sample', '--n', 'abc'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--n: expected an integer >= 1, got "abc"');
    expect(bad.stderr).toContain('Usage: paretokit sample [options]');
    const help = spawnSync(process.execPath, ['--import', 'tsx', main, 'run', '--help'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Example:');
  });
});

describe('paretokit sample', () => {
  it('prints the non-dominated points of the default ZDT1 sample', async () => {
    const { out, err } = await run('sample');
    expect(err).toBe('');
    const text = out.join('\n');
    expect(text).toContain('zdt1: 30 variables, 2 objectives, 0 constraints');
    expect(text).toMatch(/100 Latin-hypercube points \(seed 1\), 100 feasible, \d+ non-dominated:/);
  });

  it('is reproducible and its front is non-dominated', async () => {
    const a = await runSample({ problem: 'dtlz2', n: 200, seed: 3, nObj: 3 });
    const b = await runSample({ problem: 'dtlz2', n: 200, seed: 3, nObj: 3 });
    expect(a.front).toEqual(b.front);
    for (const p of a.front) {
      for (const q of a.front) {
        const dominated = q.f.every((v, k) => v <= p.f[k]!) && q.f.some((v, k) => v < p.f[k]!);
        expect(dominated).toBe(false);
      }
    }
  });

  it('keeps only feasible points of constrained problems, and prints JSON', async () => {
    const { out } = await run('sample', '--problem', 'c1dtlz1', '--n', '300', '--json');
    const parsed = JSON.parse(out.join('')) as { feasible: number; front: { f: number[] }[] };
    expect(parsed.front.length).toBeLessThanOrEqual(parsed.feasible);
  });

  it('rejects bad options with a clear message', async () => {
    expect((await run('sample', '--n', 'abc')).err).toContain('--n: expected an integer >= 1, got "abc".');
    expect((await run('sample', '--problem', 'zdt5')).err).toContain(
      "argument 'zdt5' is invalid. Allowed choices are",
    );
    await expect(runSample({ problem: 'nope', n: 5, seed: 1 })).rejects.toThrow(
      'problem: expected one of zdt1',
    );
  });
});

describe('paretokit run, datasets, report', () => {
  it('runs one method on a benchmark problem and prints its front and hypervolume', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'paretokit-run-')), 'r');
    const { out: lines, err } = await run(
      'run',
      '--problem',
      'c3dtlz4',
      '--n-obj',
      '2',
      '--algorithm',
      'nsga2-20x5',
      '--budget',
      '60',
      '--seed',
      '4',
      '--out',
      out,
    );
    expect(err).toBe('');
    const text = lines.join('\n');
    expect(text).toMatch(/^method,seed,x1,/);
    expect(text).toMatch(
      /c3dtlz4 nsga2-20x5 seed 4: 60 evaluations, \d+ feasible, \d+ non-dominated, hypervolume 0\.\d+/,
    );
    expect(existsSync(join(out, 'result.json'))).toBe(true);
    expect(
      (await run('run', '--problem', 'c3dtlz4', '--algorithm', 'ctaea-20x5', '--budget', '30')).err,
    ).toBe('');
  });

  it('runs the constrained suites: MW, DAS-CMOP with a difficulty, problems without a front with a normalisation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-run-'));
    const mw3 = await run('run', '--problem', 'mw3', '--algorithm', 'ctaea-20x5', '--out', join(dir, 'mw3'));
    expect(mw3.err).toBe('');
    expect(mw3.out.join('\n')).toMatch(/mw3 ctaea-20x5 seed 1: 100 evaluations, \d+ feasible/);
    const das = await run(
      'run',
      '-p',
      'dascmop2',
      '--difficulty',
      '3',
      '-a',
      'random',
      '-b',
      '20',
      '-o',
      join(dir, 'd'),
    );
    expect(das.out.join('\n')).toMatch(/dascmop2 random seed 1: 20 evaluations/);
    const osy = ['run', '-p', 'osy', '-a', 'random', '-b', '20', '-o', join(dir, 'osy')];
    const bare = {
      problem: 'osy',
      method: 'random',
      budget: 20,
      seed: 1,
      out: join(dir, 'osy0'),
      write: () => {},
    } as const;
    await expect(runCommand(bare)).rejects.toThrow(
      /osy has no known Pareto front to normalise its hypervolume by/,
    );
    const given = await run(...osy, '--ideal=-274,4', '--nadir=-40.8,76');
    expect(given.out.join('\n')).toMatch(/normalised by the given ideal and nadir points/);
    expect((await run(...osy, '--ideal', 'x')).err).toMatch(/--ideal: expected comma-separated numbers/);
  });

  it('lists the MedMNIST files and refuses unknown ones', async () => {
    expect((await run('datasets', 'list')).out.join('\n')).toMatch(
      /retinamnist +5 classes, RGB, train\/val\/test 1080\/120\/400/,
    );
    await expect(downloadDataset('cifar10', { dir: tmpdir() })).rejects.toThrow(
      /downloadMedMNIST\(name\): expected one of .*retinamnist.*, got "cifar10"/,
    );
  });

  it('says what is missing when a folder holds no study', async () => {
    await expect(reportCommand(tmpdir())).rejects.toThrow(/no summary\.json: run `paretokit study` first/);
  });
});
