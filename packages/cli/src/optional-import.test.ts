import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError, ParetokitError } from '@paretokit/problem';
import { afterAll, describe, expect, it } from 'vitest';
import { MissingPackageError } from './missing-package-error.js';
import { importIfInstalled, importOptional, isMissingPackage, packageNameOf } from './optional-import.js';

const dir = mkdtempSync(join(tmpdir(), 'paretokit-optional-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real error of importing a module file with `source`. */
async function importError(name: string, source: string): Promise<unknown> {
  const file = join(dir, name);
  writeFileSync(file, source);
  return import(pathToFileURL(file).href).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('importOptional', () => {
  it('gives the module of an installed package', async () => {
    const problem = await importOptional<typeof import('@paretokit/problem')>('@paretokit/problem', 'x');
    expect(problem.ParetokitError).toBe(ParetokitError);
  });

  it('turns a package that is not installed into a MissingPackageError naming it', async () => {
    const error = (await importOptional('@paretokit/not-installed/sub', 'paretokit compress').catch(
      (e: unknown) => e,
    )) as MissingPackageError;
    expect(error).toBeInstanceOf(MissingPackageError);
    expect(ParetokitError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'paretokit compress needs @paretokit/not-installed: npm install @paretokit/not-installed',
    );
    expect(error.package).toBe('@paretokit/not-installed');
    expect(isMissingPackage(error.cause, '@paretokit/not-installed')).toBe(true);
  });

  it('refuses a specifier that names no package', async () => {
    await expect(importOptional('./local.js', 'x')).rejects.toThrow(InvalidArgumentError);
    await expect(importOptional('node:fs', 'x')).rejects.toThrow(/expected a bare package specifier/);
  });
});

describe('importIfInstalled', () => {
  it('gives undefined for a package that is not installed, the module for one that is', async () => {
    expect(await importIfInstalled('paretokit-not-installed')).toBeUndefined();
    expect(await importIfInstalled<typeof import('commander')>('commander')).toHaveProperty('Command');
  });
});

describe('isMissingPackage', () => {
  it('recognises the package itself missing, from a real import error', async () => {
    const error = await importError('imports-missing.mjs', "import 'paretokit-absent-dependency';\n");
    expect((error as { code?: string }).code).toBe('ERR_MODULE_NOT_FOUND');
    expect(isMissingPackage(error, 'paretokit-absent-dependency')).toBe(true);
  });

  it('does not take a missing dependency of an installed package for the package missing', async () => {
    // What @paretokit/compression throws when it is there but onnxruntime-node is not.
    const error = await importError('dependency-missing.mjs', "import 'onnxruntime-node-absent';\n");
    expect(isMissingPackage(error, '@paretokit/compression')).toBe(false);
  });

  it('does not take a missing file, a subpath or any other error for the package missing', async () => {
    const file = await importError('file-missing.mjs', "import './no-such-file.js';\n");
    expect((file as { code?: string }).code).toBe('ERR_MODULE_NOT_FOUND');
    expect(isMissingPackage(file, 'no-such-file.js')).toBe(false);
    const subpath = await importError('subpath-missing.mjs', "import '@paretokit/problem/no-such-entry';\n");
    expect(isMissingPackage(subpath, '@paretokit/problem')).toBe(false);
    const thrown = await importError('throws.mjs', "throw new Error('broken on load');\n");
    expect(isMissingPackage(thrown, 'throws')).toBe(false);
    expect(isMissingPackage(undefined, 'x')).toBe(false);
    expect(isMissingPackage('Cannot find package', 'x')).toBe(false);
  });
});

describe('packageNameOf', () => {
  it('keeps the scope and drops the subpath', () => {
    expect(packageNameOf('@paretokit/workers')).toBe('@paretokit/workers');
    expect(packageNameOf('@paretokit/compression/presets')).toBe('@paretokit/compression');
    expect(packageNameOf('vega-lite/build/index.js')).toBe('vega-lite');
    expect(() => packageNameOf('/abs/path.js')).toThrow(InvalidArgumentError);
    expect(() => packageNameOf('file:///x.js')).toThrow(InvalidArgumentError);
  });
});
