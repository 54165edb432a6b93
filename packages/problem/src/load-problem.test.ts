import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemLoadError } from './errors/problem-load-error.js';
import { loadProblem } from './load-problem.js';

const dir = mkdtempSync(join(tmpdir(), 'load-problem-'));
writeFileSync(
  join(dir, 'problems.mjs'),
  `const make = (name) => ({ name, variables: [], objectives: [], constraints: [], evaluate() {} });
export const fixed = make('fixed');
export const factory = async ({ n }) => make('factory' + n);
export const broken = () => { throw new Error('no data'); };
export const notAProblem = 42;
export default make('default');`,
);

describe('loadProblem', () => {
  it('reads a problem, calls a factory with the options, defaults to the default export', async () => {
    expect((await loadProblem({ module: './problems.mjs', export: 'fixed' }, { baseDir: dir })).name).toBe(
      'fixed',
    );
    const built = await loadProblem({
      module: join(dir, 'problems.mjs'),
      export: 'factory',
      options: { n: 3 },
    });
    expect(built.name).toBe('factory3');
    expect((await loadProblem({ module: './problems.mjs' }, { baseDir: dir })).name).toBe('default');
  });

  it('explains a missing module, a missing export, a throwing factory and a non-problem', async () => {
    const load = (module: string, name: string, options?: number) =>
      loadProblem(
        { module, export: name, ...(options === undefined ? {} : { options }) },
        { baseDir: dir },
      ).then(
        () => new Error('loaded'),
        (e: unknown) => e as Error,
      );
    const missing = await load('./nope.mjs', 'x');
    expect(missing).toBeInstanceOf(ProblemLoadError);
    expect(missing.message).toMatch(/nope\.mjs#x: importing it failed/);
    expect((await load('./problems.mjs', 'zdt9')).message).toMatch(
      /no export "zdt9".*Its exports: .*factory/,
    );
    expect((await load('./problems.mjs', 'broken')).message).toMatch(/threw \(no data\)/);
    expect((await load('./problems.mjs', 'notAProblem')).message).toMatch(/the export is 42, not a Problem/);
    expect((await load('./problems.mjs', 'fixed', 1)).message).toMatch(/options were given/);
    expect((await load('@paretokit/no-such-package', 'p')).message).toMatch(/importing it failed/);
  });
});
