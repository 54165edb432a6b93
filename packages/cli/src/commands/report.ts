import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderStudyReport } from '@paretokit/report';
import { ConfigError } from '../study/config-error.js';
import type { StudySummary } from '../study/run-study.js';
import { loadStudyConfig } from '../study/study-config.js';
import { studyReportInput } from '../study/study-report.js';

/**
 * `paretokit report <study folder>`: renders `report.html` again from the folder's `study.json`
 * and `summary.json` (for example after upgrading the report package). Returns the path.
 */
export async function reportCommand(folder: string): Promise<string> {
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
