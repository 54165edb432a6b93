// Every published package as a user gets it: packed by `pnpm pack` (its prepack builds), installed
// from the tarballs with npm into a fresh project outside the workspace (third-party dependencies
// from the registry, or npm's cache), then every entry point imported (ESM) and required (Node
// >= 20.19 requires ES modules without top-level await). `@paretokit/indicators` also installs
// alone, offline: it has no dependency. `@paretokit/cli` also installs without its optional peers
// (compression, workers, report): under 30 MB, `run` and `study` on benchmark problems work, and
// the commands that need a missing peer name it. The temporary directory is removed afterwards.
// About two minutes, most of it npm.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly exports: Record<string, string | Record<string, string>>;
  readonly bin?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

interface Packed {
  readonly dir: string;
  readonly tarball: string;
  /** The package.json inside the tarball. */
  readonly manifest: Manifest;
  /** Paths inside the tarball, without the leading `package/`. */
  readonly files: readonly string[];
}

/**
 * Entry points whose require() fails with ERR_REQUIRE_ASYNC_MODULE: vega-canvas (through vega,
 * which the report renders with) loads `canvas` with a top-level await, and the CLI looks for its
 * optional `@paretokit/compression/presets` with one. Import them instead.
 */
const ESM_ONLY = new Set(['@paretokit/report', '@paretokit/cli']);

const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('..', import.meta.url));
const publishable = readdirSync(packagesDir)
  .filter((dir) => existsSync(join(packagesDir, dir, 'package.json')))
  .map((dir) => ({ dir, manifest: readJson<Manifest>(join(packagesDir, dir, 'package.json')) }))
  .filter(({ manifest }) => manifest.private !== true);
const work = mkdtempSync(join(tmpdir(), 'paretokit-release-pack-'));
const packed: Packed[] = [];

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

// npm runs outside the workspace: no npm_* / pnpm_* settings of the pnpm script that started us.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)),
) as NodeJS.ProcessEnv;
env.ONNXRUNTIME_NODE_INSTALL = 'skip';

function run(command: string, args: readonly string[], cwd: string, timeout = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, timeout, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) failed: ${error.message}\n${stderr}`));
    });
  });
}

/** Runs a command that may fail: its exit code and output (a timeout still rejects). */
function exitOf(
  command: string,
  args: readonly string[],
  cwd: string,
  timeout = 120_000,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, timeout, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') reject(error);
      else resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
    });
  });
}

/** A fresh npm project in `work/name` with `tarballs` installed. */
async function consumer(
  name: string,
  tarballs: readonly string[],
  flags: readonly string[],
): Promise<string> {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', ...flags, ...tarballs], dir, 540_000);
  return dir;
}

/** Entry specifiers of a manifest: `name` for ".", `name/node` for "./node"; not package.json. */
function entries(manifest: Manifest): string[] {
  return Object.keys(manifest.exports)
    .filter((key) => key !== './package.json')
    .map((key) => manifest.name + key.slice(1));
}

/** Files an exports map or bin points at, without the leading `./`. */
function targets(manifest: Manifest): string[] {
  const out: string[] = [];
  for (const target of Object.values(manifest.exports)) {
    out.push(...(typeof target === 'string' ? [target] : Object.values(target)));
  }
  out.push(...Object.values(manifest.bin ?? {}));
  return out.map((file) => file.replace(/^\.\//, ''));
}

// Run in a project directory (`node -e` resolves from the working directory): each entry's export
// names by import() and by require(), or the error code instead.
const ENTRY_CHECK = `
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/');
const out = {};
for (const spec of JSON.parse(process.argv[1])) {
  const names = (m) => Object.keys(m).sort();
  const entry = {};
  try { entry.esm = names(await import(spec)); } catch (e) { entry.esm = e.code ?? String(e); }
  try { entry.require = names(require(spec)); } catch (e) { entry.require = e.code ?? String(e); }
  out[spec] = entry;
}
console.log(JSON.stringify(out));
`;

type EntryNames = Record<string, { esm: string[] | string; require: string[] | string }>;

async function entryNames(cwd: string, specs: readonly string[]): Promise<EntryNames> {
  const out = await run(
    process.execPath,
    ['--input-type=module', '-e', ENTRY_CHECK, JSON.stringify(specs)],
    cwd,
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as EntryNames;
}

beforeAll(async () => {
  const destination = join(work, 'tarballs');
  mkdirSync(destination);
  // One at a time: each prepack runs `tsc -b`, which reads (and may write) its references' dist.
  for (const { dir, manifest } of publishable) {
    await run('pnpm', ['pack', '--pack-destination', destination], join(packagesDir, dir), 300_000);
    const base = `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`;
    const tarball = join(destination, base);
    const inside = await run('tar', ['-xzOf', tarball, 'package/package.json'], work);
    const list = await run('tar', ['-tzf', tarball], work);
    packed.push({
      dir,
      tarball,
      manifest: JSON.parse(inside) as Manifest,
      files: list
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.replace(/^package\//, '')),
    });
  }
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('every publishable package, packed', () => {
  it('is every non-private workspace package', () => {
    expect(packed.map((p) => p.manifest.name)).toEqual(publishable.map((p) => p.manifest.name));
    expect(packed.map((p) => p.manifest.name)).toEqual(
      expect.arrayContaining(['@paretokit/problem', '@paretokit/indicators', '@paretokit/cli']),
    );
  });

  it('keeps no workspace: range; its own packages at ^version', () => {
    const versions = new Map(publishable.map(({ manifest }) => [manifest.name, manifest.version]));
    for (const { manifest } of packed) {
      for (const field of [
        'dependencies',
        'devDependencies',
        'peerDependencies',
        'optionalDependencies',
      ] as const) {
        for (const [name, range] of Object.entries(manifest[field] ?? {})) {
          expect(range, `${manifest.name} ${field}.${name}`).not.toMatch(/^workspace:/);
          const version = versions.get(name);
          if (field === 'dependencies' && version !== undefined) {
            expect(range, `${manifest.name} ${field}.${name}`).toBe(`^${version}`);
          }
        }
      }
    }
  });

  it('holds its build, sources, README and LICENSE, and no tests', () => {
    for (const { manifest, files } of packed) {
      const wanted = ['package.json', 'README.md', 'LICENSE', 'src/index.ts', ...targets(manifest)];
      expect(files, manifest.name).toEqual(expect.arrayContaining(wanted));
      expect(
        files.filter((f) => /\.test\.|\.test-d\.|\.bench\.|tsbuildinfo|(^|\/)fixtures\//.test(f)),
        manifest.name,
      ).toEqual([]);
    }
  });
});

describe('@paretokit/indicators installed alone, offline', () => {
  let dir = '';
  beforeAll(async () => {
    const { tarball } = packed.find((p) => p.manifest.name === '@paretokit/indicators')!;
    dir = await consumer('indicators-alone', [tarball], ['--offline']);
  }, 600_000);

  it('has no dependencies and computes a hypervolume from plain Node (ESM and require)', async () => {
    expect(readdirSync(join(dir, 'node_modules'))).toEqual(['.package-lock.json', '@paretokit']);
    expect(readdirSync(join(dir, 'node_modules/@paretokit'))).toEqual(['indicators']);
    const script = [
      "import { createRequire } from 'node:module';",
      "import { hypervolume, igd, DimensionMismatchError } from '@paretokit/indicators';",
      "const required = createRequire(process.cwd() + '/')('@paretokit/indicators');",
      'console.log(hypervolume([[1, 2], [2, 1]], { reference: [3, 3] }));',
      'console.log(required.hypervolume === hypervolume, igd([[0, 1], [1, 0]], [[0, 1], [1, 0]]));',
      'try { hypervolume([[1, 2, 3]], { reference: [4, 4] }); } catch (e) {',
      "  console.log(e instanceof DimensionMismatchError, e.name, e[Symbol.for('paretokit.error')], e.message);",
      '}',
    ].join('\n');
    const out = await run(process.execPath, ['--input-type=module', '-e', script], dir);
    expect(out.trim().split('\n')).toEqual([
      '3',
      'true 0',
      'true DimensionMismatchError true reference point: expected 3 values (one per objective), got 2.',
    ]);
  });
});

describe('every package installed together from its tarball', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await consumer(
      'all',
      packed.map((p) => p.tarball),
      ['--prefer-offline'],
    );
  }, 600_000);

  it('installs the tarballs themselves (no @paretokit package from the registry)', () => {
    for (const { manifest } of packed) {
      const installed = readJson<Manifest>(join(dir, 'node_modules', manifest.name, 'package.json'));
      expect(installed.version, manifest.name).toBe(manifest.version);
    }
    const lock = readJson<{ packages: Record<string, { resolved?: string }> }>(
      join(dir, 'package-lock.json'),
    );
    const fromRegistry = Object.entries(lock.packages)
      .filter(
        ([path, entry]) => path.includes('node_modules/@paretokit/') && !entry.resolved?.startsWith('file:'),
      )
      .map(([path]) => path);
    expect(fromRegistry).toEqual([]);
  });

  it('imports every entry point, and requires each but those with a top-level await', async () => {
    const specs = packed.flatMap((p) => entries(p.manifest));
    expect(specs).toEqual(expect.arrayContaining(['@paretokit/problem/node', '@paretokit/surrogates/node']));
    const installed = await entryNames(dir, specs);
    // The same names as the workspace's own build: the tarball holds all of it.
    const workspace = await entryNames(here, specs);
    for (const spec of specs) {
      const { esm, require } = installed[spec]!;
      expect(Array.isArray(esm) ? esm.length : esm, spec).toBeGreaterThan(0);
      expect(esm, spec).toEqual(workspace[spec]!.esm);
      if (ESM_ONLY.has(spec)) expect(require, spec).toBe('ERR_REQUIRE_ASYNC_MODULE');
      else expect(require, spec).toEqual(esm);
    }
  });

  it('runs the paretokit command from node_modules/.bin', async () => {
    const cli = packed.find((p) => p.manifest.name === '@paretokit/cli')!;
    const out = await run(join(dir, 'node_modules/.bin/paretokit'), ['--version'], dir);
    expect(out.trim()).toBe(cli.manifest.version);
  });
});

/** `name` and the @paretokit packages it depends on (not its peers), by their tarballs. */
function withDependencies(name: string): Packed[] {
  const byName = new Map(packed.map((p) => [p.manifest.name, p]));
  const out = new Map<string, Packed>();
  const visit = (n: string) => {
    const p = byName.get(n);
    if (p === undefined || out.has(n)) return;
    out.set(n, p);
    for (const dependency of Object.keys(p.manifest.dependencies ?? {})) visit(dependency);
  };
  visit(name);
  return [...out.values()];
}

/** Bytes of every file under `dir` (what `du --apparent-size` counts), not following links. */
function fileBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const OPTIONAL_PEERS = ['@paretokit/compression', '@paretokit/workers', '@paretokit/report'];

describe('@paretokit/cli installed without its optional peers (run and study only)', () => {
  let dir = '';
  let bin = '';
  beforeAll(async () => {
    const tarballs = withDependencies('@paretokit/cli').map((p) => p.tarball);
    dir = await consumer('cli-alone', tarballs, ['--prefer-offline']);
    bin = join(dir, 'node_modules/.bin/paretokit');
  }, 600_000);

  it('declares compression, workers and report as optional peers, and npm leaves them out', () => {
    const cli = packed.find((p) => p.manifest.name === '@paretokit/cli')!.manifest as Manifest & {
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    expect(Object.keys(cli.peerDependencies ?? {}).sort()).toEqual([...OPTIONAL_PEERS].sort());
    for (const peer of OPTIONAL_PEERS) {
      expect(cli.peerDependenciesMeta?.[peer]?.optional, peer).toBe(true);
      expect(Object.keys(cli.dependencies ?? {}), peer).not.toContain(peer);
      expect(existsSync(join(dir, 'node_modules', peer)), peer).toBe(false);
    }
    for (const heavy of [
      'onnxruntime-node',
      'sharp',
      'protobufjs',
      'bullmq',
      'ioredis',
      'vega',
      'vega-lite',
    ]) {
      expect(existsSync(join(dir, 'node_modules', heavy)), heavy).toBe(false);
    }
  });

  it('takes under 30 MB on disk', async () => {
    const human = (await run('du', ['-sh', 'node_modules'], dir)).trim().split(/\s+/)[0];
    const kib = Number((await run('du', ['-sk', 'node_modules'], dir)).trim().split(/\s+/)[0]);
    const bytes = fileBytes(join(dir, 'node_modules'));
    const packages = readdirSync(join(dir, 'node_modules')).filter((n) => !n.startsWith('.')).length;
    console.log(
      `@paretokit/cli without optional peers: du -sh node_modules = ${human} (${kib} KiB on disk, ` +
        `${(bytes / 1e6).toFixed(1)} MB in files, ${packages} top-level entries)`,
    );
    expect(kib).toBeGreaterThan(1024);
    expect(kib).toBeLessThan(30 * 1024);
  });

  it('runs a benchmark problem', async () => {
    const out = await run(
      bin,
      [
        'run',
        '--problem',
        'zdt1',
        '--algorithm',
        'nsga2-20x5',
        '--budget',
        '200',
        '--seed',
        '1',
        '--no-progress',
      ],
      dir,
    );
    expect(out).toContain('zdt1 nsga2-20x5 seed 1: 200 evaluations, 200 feasible');
    const result = readJson<{ evaluations: number }>(join(dir, 'runs/zdt1-nsga2-20x5-seed1/result.json'));
    expect(result.evaluations).toBe(200);
  });

  it('runs a study of benchmark problems, and says how to get its report', async () => {
    writeFileSync(
      join(dir, 'study.json'),
      JSON.stringify({
        name: 'tiny',
        problems: [
          { type: 'benchmark', problem: 'zdt1' },
          { type: 'benchmark', problem: 'c2dtlz2', nObj: 2 },
        ],
        methods: ['nsga2-20x5', 'random'],
        seeds: 3,
        budget: 40,
      }),
    );
    const { code, stdout, stderr } = await exitOf(bin, ['study', 'study.json', '--no-progress'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('zdt1: hypervolume per method (median [q1, q3] over 3 seeds)');
    expect(stdout).toContain('c2dtlz2-2: hypervolume per method');
    expect(stdout).toContain(
      'report: not written; report.html needs @paretokit/report: npm install @paretokit/report, then paretokit report ',
    );
    const summary = readJson<{ methods: string[] }>(join(dir, 'runs/tiny/summary.json'));
    expect(summary.methods).toEqual(['nsga2-20x5', 'random']);
    expect(existsSync(join(dir, 'runs/tiny/report.html'))).toBe(false);
  });

  it('names the package to install for compress, inspect, datasets, worker, report, study --redis and a compression study', async () => {
    const cases: [string[], string, string][] = [
      [['compress', '--model', 'm.onnx', '--data', 'd.npz'], 'paretokit compress', '@paretokit/compression'],
      [['inspect', '--model', 'm.onnx'], 'paretokit inspect', '@paretokit/compression'],
      [['datasets', 'list'], 'paretokit datasets list', '@paretokit/compression'],
      [['worker', '--queue', 'q', '--problem', './p.js#p'], 'paretokit worker', '@paretokit/workers'],
      [['report', 'runs/tiny'], 'paretokit report', '@paretokit/report'],
      [
        ['study', 'study.json', '--redis', 'redis://127.0.0.1:1'],
        'paretokit study --redis',
        '@paretokit/workers',
      ],
    ];
    writeFileSync(
      join(dir, 'compression-study.json'),
      JSON.stringify({
        name: 'retina',
        problems: [
          { type: 'compression', name: 'retina', model: 'm.onnx', data: 'd.npz', preprocess: 'raw' },
        ],
      }),
    );
    cases.push([
      ['study', 'compression-study.json'],
      'the compression problem "retina" of compression-study.json',
      '@paretokit/compression',
    ]);
    for (const [args, needs, peer] of cases) {
      const { code, stdout, stderr } = await exitOf(bin, args, dir);
      expect(stderr, args.join(' ')).toBe(`paretokit: ${needs} needs ${peer}: npm install ${peer}\n`);
      expect(code, args.join(' ')).toBe(1);
      expect(stdout, args.join(' ')).toBe('');
    }
  });

  it('prints the help, presets named as coming with @paretokit/compression', async () => {
    expect(await run(bin, ['--help'], dir)).toContain('Usage: paretokit [options] [command]');
    const help = (await run(bin, ['compress', '--help'], dir)).replace(/\s+/g, ' ');
    expect(help).toContain('or a preset (the presets come with @paretokit/compression)');
  });
});
