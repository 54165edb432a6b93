import { checkProblem } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { factories, type Options } from '../test/support.js';

const instances: [string, Options][] = Object.keys(factories).flatMap((name) =>
  name.startsWith('zdt')
    ? [[name, {}] as [string, Options]]
    : [2, 3, 5].map(
        (nObj) => [name, name === 'c1dtlz3' && nObj === 2 ? { nObj, r: 9 } : { nObj }] as [string, Options],
      ),
);

describe('checkProblem(p, { samples: 16, seed: 1 })', () => {
  it.each(
    instances.map(([name, options]) => [`${name}(${JSON.stringify(options)})`, name, options] as const),
  )('%s: no issues', async (_, name, options) => {
    const report = await checkProblem(factories[name]!(options), { samples: 16, seed: 1 });
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
