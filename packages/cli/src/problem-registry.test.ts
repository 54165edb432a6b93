import * as benchmarks from '@paretokit/benchmarks';
import { checkProblem } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { problemRegistry } from './problem-registry.js';

const factories = Object.keys(benchmarks).filter(
  (name) => typeof (benchmarks as Record<string, unknown>)[name] === 'function',
);

describe('problemRegistry', () => {
  it('knows every benchmark factory of @paretokit/benchmarks, under its export name', () => {
    expect(Object.keys(problemRegistry).sort()).toEqual([...factories].sort());
  });

  it.each(Object.keys(problemRegistry))('%s builds a problem that evaluates', async (name) => {
    const options = name.startsWith('dascmop') ? { difficulty: 5 } : {};
    const problem = problemRegistry[name]!(options);
    expect(problem.name).toBe(name);
    const report = await checkProblem(problem, { samples: 4, seed: 1 });
    expect(report.summary).toBe(`problem ${name}: no issues found`);
  });

  it('passes the options each family takes and refuses the others, saying what it has', () => {
    expect(problemRegistry.mw3!({ nVar: 6 }).variables).toHaveLength(6);
    expect(problemRegistry.mw8!({ nObj: 3 }).objectives).toHaveLength(3);
    expect(problemRegistry.ctp1!({ nVar: 4 }).variables).toHaveLength(4);
    expect(problemRegistry.dascmop7!({ difficulty: 2 }).objectives).toHaveLength(3);
    expect(() => problemRegistry.mw3!({ nObj: 3 })).toThrow(
      'nObj: expected 2 (this MW problems have two objectives), got 3',
    );
    expect(() => problemRegistry.bnh!({ nVar: 3 })).toThrow(
      'nVar: expected none (bnh has 2 variables), got 3',
    );
    expect(() => problemRegistry.dascmop1!({})).toThrow(/difficulty: expected an integer 1-16/);
    expect(() => problemRegistry.dascmop1!({ difficulty: 17 })).toThrow(/difficulty/);
    expect(() => problemRegistry.zdt1!({ difficulty: 3 })).toThrow(
      'difficulty: expected none (only DAS-CMOP problems take a difficulty), got 3',
    );
  });
});
