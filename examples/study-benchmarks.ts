// A small study, as `paretokit study` runs it: SAMO-C-TAEA vs plain C-TAEA vs NSGA-II on C3-DTLZ4,
// 3 seeds x 40 real evaluations, then Friedman + Dunn on the hypervolumes and the HTML report.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatStudy, parseStudyConfig, runStudy, studyReportInput } from '@paretokit/cli';
import { renderStudyReport } from '@paretokit/report';

const out = mkdtempSync(join(tmpdir(), 'paretokit-example-study-'));
const config = parseStudyConfig(
  {
    name: 'example-study',
    problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }],
    methods: ['samo-ctaea', 'ctaea-20x5', 'ctaea-10x10', 'nsga2-20x5'],
    seeds: 3,
    budget: 40,
    samo: { initialSamples: 20, surrogates: ['knn', 'randomForest'], generations: 100 },
    out,
  },
  'example',
  process.cwd(),
);
const summary = await runStudy(config);
const report = join(out, 'report.html');
writeFileSync(report, await renderStudyReport(studyReportInput(config, summary)));
console.log(formatStudy(summary));
console.log(`${summary.records.length} runs; report: ${report}`);
