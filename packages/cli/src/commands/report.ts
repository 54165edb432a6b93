import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReport } from '../optional-packages.js';
import { ConfigError } from '../study/config-error.js';
import type { StudySummary } from '../study/run-study.js';
import { loadStudyConfig } from '../study/study-config.js';
import { studyReportInput } from '../study/study-report.js';

/**
 * `paretokit report <study folder>`: renders `report.html` again from the folder's `study.json`
 * and `summary.json` (for example after upgrading the report package). Returns the path.
 *
 * @throws MissingPackageError when @paretokit/report is not installed.
 * @throws ConfigError when the folder holds no finished study.
 * @example
 * const file = join(mkdtempSync(join(tmpdir(), 'study-')), 'study.json');
 * writeFileSync(file, JSON.stringify({ name: 'doc', problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }], methods: ['nsga2-20x5'], seeds: 2, budget: 20 }));
 * const { config } = await studyCommand({ config: file, write: () => {} });
 * (await reportCommand(config.out)).endsWith('report.html') // => true
 */
export async function reportCommand(folder: string): Promise<string> {
  const { renderStudyReport } = await loadReport('paretokit report');
  const summaryPath = join(folder, 'summary.json');
  if (!existsSync(summaryPath)) {
    throw new ConfigError(folder, [{ path: '', message: 'no summary.json: run `paretokit study` first' }]);
  }
  const config = await loadStudyConfig(join(folder, 'study.json'));
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as StudySummary;
  const path = join(folder, 'report.html');
  writeFileSync(path, await renderStudyReport(studyReportInput(config, summary)));
  return path;
}
