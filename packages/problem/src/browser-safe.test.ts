import { fileURLToPath } from 'node:url';
import { nodeImports } from '@paretokit/testing';
import { describe, expect, it } from 'vitest';

const entry = (pkg: string) => fileURLToPath(new URL(`../../${pkg}/src/index.ts`, import.meta.url));

describe('browser-safe main entries', () => {
  it.each(['problem', 'indicators', 'algorithms', 'benchmarks', 'stats', 'surrogates'])(
    '@paretokit/%s reaches no Node built-in (Node-only parts live behind /node)',
    (pkg) => {
      expect(nodeImports(entry(pkg))).toEqual([]);
    },
  );

  it('finds them where they are: @paretokit/problem/node loads modules from paths', () => {
    const found = nodeImports(entry('problem').replace(/index\.ts$/, 'node.ts'));
    expect(found).toEqual(expect.arrayContaining(['problem/src/load-problem.ts: node:module']));
    expect(nodeImports(entry('workers'))).toContain(
      'workers/src/run-queue-worker.ts: @paretokit/problem/node',
    );
    expect(nodeImports(entry('surrogates').replace(/index\.ts$/, 'node.ts'))).toContain(
      'surrogates/src/internal/bridge-process.ts: node:child_process',
    );
  });
});
