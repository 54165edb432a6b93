// Exact hypervolume, ParetoKit against moocore (C, called from Python), on the same points.
//
//   npx tsx packages/indicators/bench/hypervolume-vs-moocore.ts [--docs] [--reps N] [--rounds R] [--quick]
//
// Points: n random points of a concave front (|z| with z standard Gaussian, normalized to the
// unit sphere, so all lie on the positive orthant of the sphere, like the DTLZ2 front), fixed
// seed, reference point 1.1 in every objective. The script writes them to a temporary directory
// as float64 files, runs bench/moocore_hv.py (moocore.hypervolume, one warm-up then N timed runs)
// and times ParetoKit in the same process run (two warm-ups, then N timed runs), checks that the
// two values agree to 1e-9 relative, and prints a markdown table (medians, ParetoKit min-max).
// The table goes to bench/results/ (git-ignored); with --docs it also replaces the
// "## Hypervolume vs moocore" section of docs/benchmarks.md.
// Requires Python 3 with `pip install moocore` (set PYTHON to choose the interpreter).

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hypervolume } from '../src/index.js';
import { spherePoints } from '../test/sphere-points.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1]) > 0 ? Number(args[args.indexOf('--reps') + 1]) : 7;
const rounds =
  Number(args[args.indexOf('--rounds') + 1]) > 0 ? Number(args[args.indexOf('--rounds') + 1]) : 3;
const quick = args.includes('--quick');

const cases: readonly (readonly [d: number, n: number])[] = quick
  ? [
      [2, 10_000],
      [3, 10_000],
      [4, 1_000],
      [5, 100],
      [6, 100],
    ]
  : [
      [2, 10_000],
      [2, 100_000],
      [3, 10_000],
      [3, 100_000],
      [4, 1_000],
      [4, 10_000],
      [5, 100],
      [5, 1_000],
      [6, 100],
      [6, 1_000],
    ];
const REFERENCE = 1.1;
const SEED = 20_240_601;

/** SplitMix32-seeded xorshift128+-like stream in [0, 1): enough for test data, and reproducible. */
function uniform(seed: number): () => number {
  let a = seed | 0;
  let b = (seed ^ 0x9e3779b9) | 0;
  let c = 0x6a09e667;
  let d = 0xbb67ae85;
  return () => {
    // sfc32 (Doty-Humphrey's small fast counting generator)
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

function concaveFront(n: number, d: number, seed: number): Float64Array {
  const u = uniform(seed);
  for (let i = 0; i < 20; i++) u();
  return spherePoints(n, d, u);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Greedy line wrap of a paragraph at `width` characters. */
const wrap = (text: string, width: number): string => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(line);
  return lines.join('\n');
};
const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

const loadBefore = loadavg()[0]!;
const dir = mkdtempSync(join(tmpdir(), 'paretokit-hv-'));
try {
  const sets = cases.map(([d, n], i) => {
    const data = concaveFront(n, d, SEED + i);
    const file = join(dir, `front-${d}d-${n}.f64`);
    writeFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return { n, d, data, file };
  });
  const python = process.env.PYTHON ?? 'python3';
  type Peer = {
    moocore: string;
    python: string;
    cases: { n: number; d: number; value: number; times_ms: number[] }[];
  };
  /** Times moocore on one point set in a fresh Python process (median of `reps` after a warm-up). */
  const timeMoocore = (set: { n: number; d: number; file: string }): Peer => {
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ reference: REFERENCE, cases: [set] }));
    return JSON.parse(
      execFileSync(python, [join(here, 'moocore_hv.py'), manifest, String(reps)], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      }),
    ) as Peer;
  };
  let peerInfo: Peer | undefined;
  const rows: string[] = [];
  let disagreements = 0;
  // Case by case, and in alternating rounds (moocore, then ParetoKit, `rounds` times), so that
  // both see the same machine load; each side's time is the median of all its runs.
  for (const { n, d, data, file } of sets) {
    const reference = new Array<number>(d).fill(REFERENCE);
    const points = { rows: n, cols: d, data };
    const theirTimes: number[] = [];
    const times: number[] = [];
    let theirs = { value: Number.NaN };
    let value = Number.NaN;
    let first = Number.NaN;
    for (let round = 0; round < rounds; round++) {
      const peer = timeMoocore({ n, d, file });
      peerInfo = peer;
      theirs = peer.cases[0]!;
      theirTimes.push(...peer.cases[0]!.times_ms);
      let start = performance.now();
      value = hypervolume(points, { reference });
      if (round === 0) first = performance.now() - start;
      // Warm-up: V8 compiles the hot loops with its optimizing compiler (on a background thread)
      // only after they have run a while, so repeat (at least twice, up to 200 times) for 1 s.
      const warm = performance.now();
      for (let w = 1; w < 200 && (w < 3 || performance.now() - warm < 1000); w++) {
        value = hypervolume(points, { reference });
      }
      for (let r = 0; r < reps; r++) {
        start = performance.now();
        value = hypervolume(points, { reference });
        times.push(performance.now() - start);
      }
    }
    const relative = Math.abs(value - theirs.value) / Math.abs(theirs.value);
    if (!(relative <= 1e-9)) disagreements++;
    const ours = median(times);
    const them = median(theirTimes);
    rows.push(
      `| ${n.toLocaleString('en-US')} | ${d} | ${fmt(ours)} (${fmt(Math.min(...times))}-${fmt(Math.max(...times))}) | ${fmt(them)} | ${(ours / them).toFixed(2)} | ${fmt(first)} | ${relative.toExponential(1)} |`,
    );
    process.stderr.write(`${rows.at(-1)}\n`);
  }

  const date = new Date().toISOString().slice(0, 10);
  const table = [
    '| n | d | ParetoKit ms (min-max) | moocore ms | ratio | ParetoKit first call ms | relative difference |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  const about = [
    'Exact hypervolume of the same random points of a concave front (|Gaussian| vectors normalized to',
    'the unit sphere, fixed seed), reference point 1.1 in every objective. Times are in milliseconds:',
    `medians of ${rounds * reps} runs after warm-up, measured case by case in ${rounds} alternating rounds of`,
    `${reps} runs (moocore in a fresh Python process, then ParetoKit in this Node process) so that both`,
    'see the same machine load. "ratio" is ParetoKit / moocore (below 1: ParetoKit is faster).',
    'ParetoKit is warmed up by repeating the call (at least twice, for 1 s or 200 calls), because V8',
    'compiles hot loops with its optimizing compiler only after they have run for a while; the very',
    'first call, cold, is shown apart. moocore (compiled C) gets one warm-up call. The last column is',
    'the relative difference between the two hypervolume values.',
  ].join(' ');
  const environment = [
    `Date: ${date}. Node ${process.version}, Python ${peerInfo?.python}, moocore ${peerInfo?.moocore},`,
    `${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${cpus().length} cores), 1-minute load average`,
    `${loadBefore.toFixed(1)} before the run and ${loadavg()[0]!.toFixed(1)} after it`,
    loadBefore > 0.5 * cpus().length
      ? '(other jobs shared the machine: this widens the min-max ranges; both libraries ran under the same conditions).'
      : '.',
  ].join(' ');
  const section = `## Hypervolume vs moocore

${wrap(about, 100)}

Command (from the repository root; needs \`pip install moocore\`):
\`npx tsx packages/indicators/bench/hypervolume-vs-moocore.ts${args.length > 0 ? ` ${args.join(' ')}` : ''}\`

${wrap(environment, 100)}

${table}
`;
  process.stdout.write(`${section}\n`);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'hypervolume-vs-moocore.md'), section);
  if (args.includes('--docs')) {
    const docs = join(here, '..', '..', '..', 'docs', 'benchmarks.md');
    let text: string;
    try {
      text = readFileSync(docs, 'utf8');
    } catch {
      text = '# Benchmarks\n';
    }
    const start = text.indexOf('## Hypervolume vs moocore');
    if (start < 0) text = `${text.trimEnd()}\n\n${section}`;
    else {
      const end = text.indexOf('\n## ', start + 1);
      text = `${text.slice(0, start)}${section}${end < 0 ? '' : text.slice(end)}`;
    }
    writeFileSync(docs, text);
  }
  if (disagreements > 0) {
    process.stderr.write(`${disagreements} case(s) differ from moocore by more than 1e-9 (relative)\n`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
