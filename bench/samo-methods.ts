/**
 * The comparison of issue 17: every method of `studies/samo-comparison.json` (`samo`, `samo-ctaea`,
 * C-TAEA 20x5 and 10x10, NSGA-II 20x5, random search, Optuna's TPE) with 100 real evaluations, 10
 * seeds, on its 12 constrained problems, summarised from the study's run records: per problem the
 * hypervolume median [q1, q3] (the best method in bold: by median score, see below), the seeds that reached a feasible point, the
 * median smallest violation, and Mann-Whitney p of `samo` against each method; over every
 * problem x seed block, Friedman and Dunn (Holm). Runs are compared by a score: the hypervolume
 * when a feasible point was found, else -1 - v / (1 + v) for the smallest violation v, so a run
 * that found a feasible point beats one that did not, and less violation beats more.
 *
 * With `run`, the study is run first (resumable: finished runs are read back; the whole study is
 * hours on 2 cores); without, only finished runs are summarised and the table says how many.
 */
import {
  cellDir,
  loadStudyConfig,
  problemLabel,
  type RunRecord,
  readRunRecord,
  runStudy,
} from '../packages/cli/dist/index.js';
import { dunn, friedman, mannWhitney } from '../packages/stats/src/index.js';

export interface MethodsComparison {
  readonly markdown: string;
  /** Per complete problem, every method's hypervolumes over the seeds. */
  readonly hypervolumes: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  readonly finished: number;
  readonly total: number;
  readonly problemsComplete: number;
}

const score = (r: RunRecord) =>
  r.feasible > 0 ? r.hypervolume : -1 - r.smallestViolation / (1 + r.smallestViolation);

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
const fmt = (v: number) => (Math.abs(v) >= 0.01 || v === 0 ? v.toFixed(4) : v.toExponential(2));
const pText = (p: number) => (p < 0.001 ? p.toExponential(1) : p.toFixed(3));

/** One problem's table, from its complete runs (every method, every seed). */
function problemTable(label: string, methods: readonly string[], runs: Map<string, RunRecord[]>): string {
  const rows = methods.map((method) => {
    const records = runs.get(method)!;
    const hv = records.map((r) => r.hypervolume).sort((a, b) => a - b);
    const violations = records.map((r) => r.smallestViolation).sort((a, b) => a - b);
    const scores = records.map(score).sort((a, b) => a - b);
    return { method, records, hv, median: quantile(hv, 0.5), violations, score: quantile(scores, 0.5) };
  });
  // Best by the median score: the hypervolume, or where it ties at 0, feasibility and violation.
  const best = Math.max(...rows.map((r) => r.score));
  const ours = runs.get('samo')?.map(score);
  const lines = rows.map((r) => {
    const median = `${fmt(r.median)} [${fmt(quantile(r.hv, 0.25))}, ${fmt(quantile(r.hv, 0.75))}]`;
    const feasible = r.records.filter((x) => x.feasible > 0).length;
    const p =
      ours === undefined || r.method === 'samo'
        ? '-'
        : pText(mannWhitney(ours, r.records.map(score), { alternative: 'two-sided' }).pValue);
    const cell = r.score === best ? `**${median}**` : median;
    return `| ${r.method} | ${cell} | ${feasible}/${r.records.length} | ${fmt(quantile(r.violations, 0.5))} | ${p} |`;
  });
  return [
    `**${label}**`,
    '',
    '| method | hypervolume median [q1, q3] | seeds feasible | smallest violation (median) | Mann-Whitney p, samo vs |',
    '|---|---|---:|---:|---:|',
    ...lines,
  ].join('\n');
}

/** Summarises (after running, with `run`) the comparison study. */
export async function compareMethods(options: {
  readonly run: boolean;
  readonly workers?: number;
  readonly log?: (line: string) => void;
}): Promise<MethodsComparison> {
  const path = new URL('../studies/samo-comparison.json', import.meta.url).pathname;
  const config = await loadStudyConfig(path);
  if (options.run)
    await runStudy(config, {
      workers: options.workers ?? 2,
      configPath: path,
      log: options.log ?? (() => {}),
    });
  const tables: string[] = [];
  const blocks: number[][] = [];
  const hypervolumes = new Map<string, Map<string, number[]>>();
  let finished = 0;
  let problemsComplete = 0;
  for (const problem of config.problems) {
    const runs = new Map<string, RunRecord[]>();
    const bySeed = config.seeds.map(() => [] as number[]);
    let complete = true;
    for (const method of config.methods) {
      const records: RunRecord[] = [];
      for (const [s, seed] of config.seeds.entries()) {
        const dir = cellDir(config, { problem: problemLabel(problem), method, seed });
        const record = readRunRecord(dir);
        if (record === undefined) complete = false;
        else {
          records.push(record);
          bySeed[s]!.push(score(record));
          finished++;
        }
      }
      runs.set(method, records);
    }
    if (!complete) continue;
    problemsComplete++;
    hypervolumes.set(
      problemLabel(problem),
      new Map([...runs].map(([m, rs]) => [m, rs.map((r) => r.hypervolume)])),
    );
    blocks.push(...bySeed);
    tables.push(problemTable(problemLabel(problem), config.methods, runs));
  }
  const total = config.problems.length * config.methods.length * config.seeds.length;
  const overall =
    blocks.length >= 2
      ? overallTests(blocks, config.methods)
      : 'Not enough complete problems for the overall test.';
  const markdown = [
    `${finished} of ${total} runs finished; ${problemsComplete} of ${config.problems.length} problems complete (every method, every seed) and shown.`,
    '',
    ...tables.flatMap((t) => [t, '']),
    overall,
  ].join('\n');
  return { markdown, hypervolumes, finished, total, problemsComplete };
}

/** Friedman over problem x seed blocks and Dunn's pairs of samo (Holm). */
function overallTests(blocks: readonly number[][], methods: readonly string[]): string {
  const f = friedman(blocks, { imanDavenport: true });
  const d = dunn(blocks, { design: 'friedman', adjust: 'holm' });
  const s = methods.indexOf('samo');
  const ranks = methods.map((m, i) => `${m} ${f.meanRanks[i]!.toFixed(2)}`).join(', ');
  const pairs = d.pairs
    .filter((p) => p.i === s || p.j === s)
    .map((p) => {
      const other = methods[p.i === s ? p.j : p.i]!;
      const better = f.meanRanks[s]! > f.meanRanks[p.i === s ? p.j : p.i]! ? 'samo better' : 'samo worse';
      return `| ${other} | ${pText(p.adjustedPValue)} | ${p.significant ? `yes (${better})` : 'no'} |`;
    });
  return [
    `Over all ${blocks.length} problem x seed blocks: Friedman chi2 = ${f.statistic.toFixed(2)}, p = ${pText(f.pValue)}; mean ranks (higher = better) ${ranks}.`,
    '',
    '| samo vs | Dunn p (Holm) | significant at 0.05 |',
    '|---|---:|---|',
    ...pairs,
  ].join('\n');
}

if (process.argv[1]?.endsWith('samo-methods.ts')) {
  const result = await compareMethods({
    run: process.argv.includes('--run'),
    log: (l) => process.stderr.write(`${l}\n`),
  });
  process.stdout.write(`${result.markdown}\n`);
}
