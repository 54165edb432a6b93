// The package must be installable and useful alone: build it, pack it as it would be published,
// install the tarball into an empty project with npm (offline: there is nothing to fetch, the
// package has no dependencies) and use it from plain Node.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'paretokit-indicators-pack-'));
const consumer = join(work, 'consumer');
let tarball = '';

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
}

beforeAll(() => {
  // Build (incremental: fast when dist is up to date).
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  run(process.execPath, [tsc, '-b', packageDir], packageDir);
  // Pack with pnpm as the release does; npm pack gives the same tarball if pnpm is missing.
  try {
    run('pnpm', ['pack', '--pack-destination', work], packageDir);
  } catch {
    run('npm', ['pack', '--pack-destination', work], packageDir);
  }
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  execFileSync('mkdir', [consumer]);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--offline', '--ignore-scripts', tarball], consumer);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('contains the build and the sources, not the tests', () => {
    const files = run('tar', ['tzf', tarball], work).split('\n');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/src/hypervolume.ts');
    expect(files).toContain('package/README.md');
    expect(files.filter((f) => f.includes('.test.') || f.endsWith('.tsbuildinfo'))).toEqual([]);
  });

  it('installs with no dependencies and computes a hypervolume from plain Node', () => {
    const installed = JSON.parse(
      readFileSync(join(consumer, 'node_modules/@paretokit/indicators/package.json'), 'utf8'),
    );
    expect(installed.dependencies ?? {}).toEqual({});
    const script = [
      "import { hypervolume, igd, DimensionMismatchError } from '@paretokit/indicators';",
      'console.log(hypervolume([[1, 2], [2, 1]], { reference: [3, 3] }));',
      'console.log(igd([[0, 1], [1, 0]], [[0, 1], [1, 0]]));',
      'try { hypervolume([[1, 2, 3]], { reference: [4, 4] }); } catch (e) {',
      "  console.log(e instanceof DimensionMismatchError, e.name, e[Symbol.for('paretokit.error')], e.message);",
      '}',
    ].join('\n');
    const out = run(process.execPath, ['--input-type=module', '-e', script], consumer).trim().split('\n');
    expect(out).toEqual([
      '3',
      '0',
      'true DimensionMismatchError true reference point: expected 3 values (one per objective), got 2.',
    ]);
  });
});
