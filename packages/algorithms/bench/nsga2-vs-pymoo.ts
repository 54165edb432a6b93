/**
 * Peer benchmark: pymoo and ParetoKit on the same configurations (bench/configurations.ts), in one
 * go. Prints per configuration the median wall time and median hypervolume of both libraries, the
 * time ratio, and a two-sided Mann-Whitney U test on the hypervolumes of the 10 seeds.
 *
 *   npx tsx bench/nsga2-vs-pymoo.ts [--seeds 10] [--configs nsga2-zdt1,...] [--docs ../../docs/benchmarks.md]
 *
 * pymoo runs in a Python child process (scripts/pymoo-runs.py; `$PYTHON` or python3 with pymoo
 * installed), timed around its `minimize` call. ParetoKit is timed around `minimize` with the
 * default serial evaluator, after one untimed warm-up run per configuration (JIT compilation).
 * Both sides measure the final feasible non-dominated set with the same hypervolume code.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { mannWhitney } from '@paretokit/stats';
import { median } from '../scripts/pymoo-runs.js';
import { comparePymoo } from './pymoo-comparison.js';

const SECTION = '## NSGA-II and C-TAEA vs pymoo';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

const seeds = Number(option('seeds') ?? 10);
const wanted = option('configs')?.split(',');
const docs = option('docs');

const pymoo = await comparePymoo({ seeds, ...(wanted === undefined ? {} : { ids: wanted }) });
const rows = pymoo.configurations.map((c) => {
  const { pValue: p } = mannWhitney(c.paretokit.hypervolume, c.pymoo.hypervolume, { method: 'asymptotic' });
  const better = median(c.paretokit.hypervolume) > median(c.pymoo.hypervolume);
  return {
    id: c.id,
    budget: c.setting,
    pkSeconds: median(c.paretokit.seconds),
    pySeconds: median(c.pymoo.seconds),
    pkCpu: median(c.paretokit.cpuSeconds),
    pyCpu: median(c.pymoo.cpuSeconds),
    pkHv: median(c.paretokit.hypervolume),
    pyHv: median(c.pymoo.hypervolume),
    p,
    verdict: p >= 0.05 ? 'equal (p >= 0.05)' : better ? 'ParetoKit better' : 'ParetoKit worse',
  };
});

const table = [
  '| configuration | setting | pymoo wall (s) | ParetoKit wall (s) | speed-up (wall) | pymoo CPU (s) | ParetoKit CPU (s) | speed-up (CPU) | pymoo HV | ParetoKit HV | Mann-Whitney p | hypervolume |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.id} | ${r.budget} | ${r.pySeconds.toFixed(3)} | ${r.pkSeconds.toFixed(4)} | ${(r.pySeconds / r.pkSeconds).toFixed(1)}x | ${r.pyCpu.toFixed(3)} | ${r.pkCpu.toFixed(4)} | ${(r.pyCpu / r.pkCpu).toFixed(1)}x | ${r.pyHv.toFixed(6)} | ${r.pkHv.toFixed(6)} | ${r.p.toFixed(3)} | ${r.verdict} |`,
  ),
].join('\n');
console.log(table);

if (docs !== undefined) {
  const date = new Date().toISOString().slice(0, 10);
  const body = [
    SECTION,
    '',
    `Measured ${date} on ${process.platform}/${process.arch} (${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end: other jobs shared the machine), Node ${process.version}, pymoo ${pymoo.pymoo} (Python ${pymoo.python}); ${seeds} seeds each (1..${seeds}), medians.`,
    'Command, from `packages/algorithms`:',
    '',
    '```sh',
    `npx tsx bench/nsga2-vs-pymoo.ts --seeds ${seeds}${wanted ? ` --configs ${wanted.join(',')}` : ''} --docs ../../docs/benchmarks.md`,
    '```',
    '',
    'Times are medians over seeds of one whole run (`minimize`, evaluations included): wall-clock seconds, and CPU seconds of the process (less sensitive to other load on the machine; includes V8 garbage-collector threads). ParetoKit runs after one untimed warm-up run per configuration; pymoo runs in a fresh Python process whose imports are not timed.',
    'Hypervolume of the final feasible non-dominated set, computed by `@paretokit/indicators` for both libraries with the reference point shown.',
    'Mann-Whitney U: two-sided, normal approximation with tie and continuity correction (as scipy\'s `mannwhitneyu(method="asymptotic")`); "equal" means no significant difference at 5%.',
    "Settings are pymoo's NSGA-II defaults on both sides: SBX (probability 0.9, eta 15, 0.5 per variable), polynomial mutation (eta 20), duplicate elimination. One difference: pymoo mutates an offspring with probability 0.9 and then each variable with probability 1/n; ParetoKit mutates each variable of every offspring with probability 1/n.",
    "C-TAEA settings are pymoo's `CTAEA` defaults on both sides: the 91 Das-Dennis directions of 12 partitions, SBX (probability 1, eta 30, 0.5 per variable), polynomial mutation (eta 20, 1/n per variable), duplicate elimination, and the variable counts of pymoo's `get_problem(name, n_obj=3)`. Differences: ParetoKit keeps both children of an SBX pair (as the original C-TAEA code) where pymoo keeps one, starts from a Latin hypercube where pymoo samples uniformly, and uses the original rho_c = nd_CA / (nd_CA + nd_DA) in mating where pymoo divides by |CA| + |DA|.",
    '',
    table,
    '',
  ].join('\n');
  const current = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(SECTION);
  let next: string;
  if (start < 0) next = `${current.trimEnd()}\n\n${body}`;
  else {
    const end = current.indexOf('\n## ', start + SECTION.length);
    next = current.slice(0, start) + body + (end < 0 ? '' : current.slice(end + 1));
  }
  writeFileSync(docs, next.endsWith('\n') ? next : `${next}\n`);
  console.log(`wrote ${SECTION} to ${docs}`);
}
