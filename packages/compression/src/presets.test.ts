// `@paretokit/compression/presets` (dist/presets.js, what the package exports) gives the same
// values as the main entry and loads none of the heavy dependencies: a module hook lists every
// bare specifier a fresh Node process resolves while importing it.
import { spawnSync } from 'node:child_process';
import { RESOLVE_HOOK, resolvedPackages } from '@paretokit/testing';
import { describe, expect, it } from 'vitest';
import * as main from './index.js';
import * as presets from './presets.js';

/** The bare specifiers Node resolves while importing `file` (a path of this package). */
function resolvedBy(file: string): string[] {
  const child = spawnSync(
    process.execPath,
    ['--import', RESOLVE_HOOK, '--input-type=module', '-e', `await import(${JSON.stringify(file)});`],
    { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8', timeout: 60_000 },
  );
  expect(child.status, child.stderr).toBe(0);
  return resolvedPackages(child.stderr).resolved;
}

describe('@paretokit/compression/presets', () => {
  it('exports the main entry’s values', () => {
    expect(Object.keys(presets).sort()).toEqual([
      'MEDMNIST_FILES',
      'PREPROCESS_PRESETS',
      'preprocessText',
      'sidecarPathOf',
    ]);
    expect(presets.MEDMNIST_FILES).toBe(main.MEDMNIST_FILES);
    expect(presets.PREPROCESS_PRESETS).toBe(main.PREPROCESS_PRESETS);
    expect(presets.preprocessText).toBe(main.preprocessText);
    expect(presets.sidecarPathOf).toBe(main.sidecarPathOf);
  });

  it('loads @paretokit/problem only, where the main entry loads onnxruntime-node and protobufjs', () => {
    expect([...new Set(resolvedBy('./dist/presets.js'))]).toEqual(['@paretokit/problem']);
    const heavy = resolvedBy('./dist/index.js');
    for (const name of ['onnxruntime-node', 'protobufjs']) {
      expect(
        heavy.some((s) => s === name || s.startsWith(`${name}/`)),
        name,
      ).toBe(true);
    }
  });
});
