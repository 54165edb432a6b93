import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Evaluator } from '@paretokit/problem';
import { MissingPackageError } from '../missing-package-error.js';
import { loadReport, loadWorkers, type ReportModule } from '../optional-packages.js';
import { progressOptions, progressReporter } from '../progress-reporter.js';
import { formatCompressionOutcome } from '../study/compression-outcome.js';
import { ConfigError } from '../study/config-error.js';
import { DEFAULT_STUDY, EMBEDDED_ASSETS, EMBEDDED_MODEL } from '../study/default-study.js';
import { runStudy, type StudySummary } from '../study/run-study.js';
import { loadStudyConfig, parseStudyConfig, problemLabel, type StudyConfig } from '../study/study-config.js';
import { type StudyQueue, workerCommandLine } from '../study/study-queue.js';
import { studyReportInput } from '../study/study-report.js';
import type { StudyTests } from '../study/summarize-study.js';

/** Options of {@link studyCommand}. */
export interface StudyCommandOptions {
  /** The configuration file; the embedded default study when absent. */
  readonly config?: string;
  /** Output folder (overrides the configuration's). */
  readonly out?: string;
  /** Runs at once, each in a worker process. */
  readonly workers?: number;
  /** Send the real evaluations to queue workers on this Redis server (`paretokit worker`). */
  readonly redis?: string;
  /** Prefix of the queue names (default: the study's name); queues are `<prefix>.<problem>`. */
  readonly queue?: string;
  readonly evaluator?: Evaluator;
  /** `false`: no progress; default: a bar when `progressStream` is a terminal, else a line per 10 % or per minute. */
  readonly progress?: boolean;
  /** Where progress goes (default `process.stderr`). */
  readonly progressStream?: NodeJS.WriteStream;
  readonly write: (text: string) => void;
  /** Evaluations done so far in all runs, of `total` (also drawn as progress unless `progress` is false). */
  readonly onProgress?: (done: number, total: number) => void;
}

function testsLine(tests: StudyTests): string {
  if ('skipped' in tests) return `  tests: not run (${tests.skipped})`;
  const { friedman, dunn } = tests;
  const pairs = dunn.pairs
    .filter((p) => p.significant)
    .map((p) => `${tests.methods[p.i]} vs ${tests.methods[p.j]} (p = ${p.adjustedPValue.toPrecision(3)})`);
  return (
    `  Friedman chi2 = ${friedman.statistic.toFixed(3)}, p = ${friedman.pValue.toPrecision(3)}` +
    (friedman.imanDavenport ? `; Iman-Davenport p = ${friedman.imanDavenport.pValue.toPrecision(3)}` : '') +
    `; mean ranks ${tests.methods.map((m, i) => `${m} ${(friedman.meanRanks[i] ?? Number.NaN).toFixed(2)}`).join(', ')}` +
    `\n  Dunn (Holm, alpha ${dunn.alpha}): ${pairs.length === 0 ? 'no pair differs significantly' : pairs.join('; ')}`
  );
}

/**
 * The study's results as the text the `study` command prints.
 *
 * @example
 * const out = mkdtempSync(join(tmpdir(), 'study-'));
 * const config = parseStudyConfig({ name: 'doc', problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }], methods: ['nsga2-20x5'], seeds: 2, budget: 20, out }, 'doc', tmpdir());
 * formatStudy(await runStudy(config)).split('\n')[0] // => 'c3dtlz4-2: hypervolume per method (median [q1, q3] over 2 seeds)'
 */
export function formatStudy(summary: StudySummary): string {
  const lines: string[] = [];
  for (const p of summary.problems) {
    lines.push(`${p.problem}: hypervolume per method (median [q1, q3] over ${summary.seeds.length} seeds)`);
    for (const m of summary.methods) {
      const h = p.hypervolume[m]!;
      lines.push(`  ${m.padEnd(12)} ${h.median.toFixed(4)} [${h.q1.toFixed(4)}, ${h.q3.toFixed(4)}]`);
    }
    lines.push(testsLine(p.tests));
  }
  for (const o of summary.compression ?? []) lines.push(formatCompressionOutcome(o));
  if (summary.overall !== undefined)
    lines.push('all problems together (blocks = problem x seed):', testsLine(summary.overall));
  return lines.join('\n');
}

/** The embedded default study, or a ConfigError when its files are not there (e.g. an npm install). */
function embeddedDefault(): StudyConfig {
  const model = join(EMBEDDED_ASSETS, EMBEDDED_MODEL);
  if (!existsSync(model)) {
    throw new ConfigError('the default study', [
      {
        path: 'problems[0].model',
        message: `expected the embedded model at ${model} (it ships with the repository, not with the npm package); give a study file instead, e.g. paretokit study studies/benchmarks.json`,
      },
    ]);
  }
  return parseStudyConfig(DEFAULT_STUDY, 'the default study', process.cwd());
}

/**
 * `report.html` of a finished study in `out`, or `undefined` with the line that says how to get it
 * when @paretokit/report is not installed (the study's results are in `summary.json` all the same).
 */
async function writeReport(
  config: StudyConfig,
  summary: StudySummary,
  write: (text: string) => void,
): Promise<string | undefined> {
  let render: ReportModule['renderStudyReport'];
  try {
    render = (await loadReport('report.html')).renderStudyReport;
  } catch (error) {
    if (!(error instanceof MissingPackageError)) throw error;
    write(`report: not written; ${error.message}, then paretokit report ${config.out}`);
    return undefined;
  }
  const report = join(config.out, 'report.html');
  writeFileSync(report, await render(studyReportInput(config, summary)));
  write(`report: ${report}`);
  return report;
}

/**
 * `paretokit study [study.json]`: runs a study (resumably), writes `summary.json` and
 * `report.html` in its folder, and prints the hypervolume table, the tests and the report's path.
 * Without @paretokit/report installed it writes no report.html and says how to get one (`report`
 * is then undefined); with `redis`, it needs @paretokit/workers, and a compression problem
 * @paretokit/compression (a MissingPackageError before the first run otherwise).
 *
 * @example
 * const file = join(mkdtempSync(join(tmpdir(), 'study-')), 'study.json');
 * writeFileSync(file, JSON.stringify({ name: 'doc', problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }], methods: ['ctaea-20x5', 'nsga2-20x5'], seeds: 2, budget: 20 }));
 * const lines = [];
 * const { report } = await studyCommand({ config: file, write: (line) => lines.push(line) });
 * lines.at(-1) === `report: ${report}` // => true
 */
export async function studyCommand(
  options: StudyCommandOptions,
): Promise<{ config: StudyConfig; summary: StudySummary; report: string | undefined }> {
  if (options.redis !== undefined) await loadWorkers('paretokit study --redis');
  const parsed = options.config === undefined ? embeddedDefault() : await loadStudyConfig(options.config);
  const config: StudyConfig = options.out === undefined ? parsed : { ...parsed, out: resolve(options.out) };
  const cells = config.problems.length * config.methods.length * config.seeds.length;
  options.write(
    `${config.name}: ${config.problems.length} problem(s) x ${config.methods.length} methods x ${config.seeds.length} seeds = ${cells} runs of ${config.budget} evaluations; results in ${config.out}`,
  );
  // The validated configuration, kept with the results (worker processes read it from there).
  mkdirSync(config.out, { recursive: true });
  const configPath = join(config.out, 'study.json');
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  const queue: StudyQueue | undefined =
    options.redis === undefined
      ? undefined
      : { connection: options.redis, prefix: options.queue ?? config.name };
  if (queue !== undefined) {
    options.write('evaluations go to queue workers; start at least one per problem, on any machine:');
    for (const p of config.problems)
      options.write(`  ${workerCommandLine(configPath, problemLabel(p), queue)}`);
  }
  const progress = progressReporter({
    total: cells * config.budget,
    unit: 'evaluations',
    ...progressOptions(options),
  });
  let summary: StudySummary;
  try {
    summary = await runStudy(config, {
      ...(queue === undefined ? {} : { queue }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      configPath,
      ...(options.evaluator ? { evaluator: options.evaluator } : {}),
      onProgress: (done, total) => {
        progress.update(done, '');
        options.onProgress?.(done, total);
      },
      log: options.write,
    });
  } finally {
    progress.stop();
  }
  options.write(formatStudy(summary));
  const report = await writeReport(config, summary, options.write);
  return { config, summary, report };
}
