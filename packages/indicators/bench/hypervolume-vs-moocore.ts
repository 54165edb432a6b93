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

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareHypervolume, HYPERVOLUME_CASES, HYPERVOLUME_QUICK_CASES } from './hypervolume-peer.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1]) > 0 ? Number(args[args.indexOf('--reps') + 1]) : 7;
const rounds =
  Number(args[args.indexOf('--rounds') + 1]) > 0 ? Number(args[args.indexOf('--rounds') + 1]) : 3;
const quick = args.includes('--quick');
const cases = quick ? HYPERVOLUME_QUICK_CASES : HYPERVOLUME_CASES;

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
{
  let disagreements = 0;
  const rows: string[] = [];
  const peerInfo = compareHypervolume({
    cases,
    reps,
    rounds,
    onCase: ({ n, d, paretokitMs: times, moocoreMs, firstCallMs, relativeDifference: relative }) => {
      if (!(relative <= 1e-9)) disagreements++;
      const ours = median(times);
      const them = median(moocoreMs);
      rows.push(
        `| ${n.toLocaleString('en-US')} | ${d} | ${fmt(ours)} (${fmt(Math.min(...times))}-${fmt(Math.max(...times))}) | ${fmt(them)} | ${(ours / them).toFixed(2)} | ${fmt(firstCallMs)} | ${relative.toExponential(1)} |`,
      );
      process.stderr.write(`${rows.at(-1)}\n`);
    },
  });

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
    'ParetoKit is warmed up by repeating the call for at least 1 s (and at least twice), because V8',
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
}
