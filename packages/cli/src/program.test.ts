import { describe, expect, it } from 'vitest';
import { runSample } from './commands/sample.js';
import { createProgram } from './program.js';

async function run(...args: string[]): Promise<{ out: string[]; err: string }> {
  const out: string[] = [];
  let err = '';
  const program = createProgram((t) => out.push(t));
  program.exitOverride().configureOutput({ writeErr: (s) => (err += s), writeOut: (s) => out.push(s) });
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeErr: (s) => (err += s) });
  try {
    await program.parseAsync(['node', 'paretokit', ...args]);
  } catch {
    // exitOverride turns commander's exits into throws; the message is in err.
  }
  return { out, err };
}

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
