// Quality and speed of the KNN and random forest regressors against scikit-learn.
//
//   cd packages/surrogates && npx tsx bench/compare-sklearn.ts [--repeats 3] [--rows 50000] [--write]
//
// Quality: test-set MAPE and R² on the splits of src/fixtures/sklearn-quality.json (scikit-learn's
// MAPE refitted in this run by bench/sklearn_quality.py; its R² as stored in the fixture by
// scripts/sklearn-fixtures.py). Speed: random forest (100 trees, scikit-learn's defaults) fit on
// `rows` rows of Friedman #1 and predict on the same rows, median of `repeats` runs, against
// scikit-learn with n_jobs=1 and n_jobs=2 (needs python3 with scikit-learn). The measurements are
// in sklearn-comparison.ts. With --write, replaces the "## Surrogates vs scikit-learn" section of
// docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { compareQuality, compareSpeed } from './sklearn-comparison.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const repeats = arg('repeats', 3);
const rows = arg('rows', 50_000);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const here = new URL('.', import.meta.url);

const { fixtureSklearn, models } = compareQuality();
const f = (v: number) => v.toFixed(4);
const quality: string[] = [
  '| data set | model | settings | MAPE ours | MAPE sklearn | R² ours | R² sklearn |',
  '|---|---|---|---|---|---|---|',
  ...models.map(
    (m) =>
      `| ${m.dataset} | ${m.model} | ${JSON.stringify(m.settings).replaceAll('"', '')} | ${f(median(m.paretokitMape))} | ${f(median(m.sklearnMape))} | ${f(median(m.paretokitR2))} | ${f(m.fixtureR2)} |`,
  ),
];
console.log(quality.join('\n'));

// Speed.
const speedRun = compareSpeed({ rows, repeats, knnQueries: Math.min(rows, 2000), onProgress: console.log });
const ours = {
  fit: median(speedRun.randomForest.paretokit.fit),
  predict: median(speedRun.randomForest.paretokit.predict),
};
const total = (r: { fit: number; predict: number }) => r.fit + r.predict;
const speed = [
  '| implementation | fit (s) | predict (s) | fit + predict (s) | ratio to ours |',
  '|---|---|---|---|---|',
  `| @paretokit/surrogates randomForestRegressor (1 thread) | ${ours.fit.toFixed(2)} | ${ours.predict.toFixed(2)} | ${total(ours).toFixed(2)} | 1.00 |`,
  ...[2, 1].map((j) => {
    const t = speedRun.randomForest.sklearn[j]!;
    const s = { fit: median(t.fit), predict: median(t.predict) };
    return `| scikit-learn ${speedRun.sklearn} RandomForestRegressor n_jobs=${j} | ${s.fit.toFixed(2)} | ${s.predict.toFixed(2)} | ${total(s).toFixed(2)} | ${(total(s) / total(ours)).toFixed(2)} |`;
  }),
];
console.log(speed.join('\n'));

if (process.argv.includes('--write')) {
  const doc = new URL('../../../docs/benchmarks.md', here);
  const section = [
    '## Surrogates vs scikit-learn',
    '',
    `Command: \`cd packages/surrogates && npx tsx bench/compare-sklearn.ts --repeats ${repeats} --rows ${rows} --write\``,
    `(date ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'CPU'}, ${availableParallelism()} cores shared with other work: medians of ${repeats} runs).`,
    '',
    'Quality on the train/test splits of `packages/surrogates/src/fixtures/sklearn-quality.json`',
    `(scikit-learn ${speedRun.sklearn}, R² from the fixture's scikit-learn ${fixtureSklearn}; random forests: median over seeds 0-4 on both sides, since their random streams differ):`,
    '',
    ...quality,
    '',
    `Speed: random forest, 100 trees, scikit-learn's defaults (all features, bootstrap, leaves of 1 row), fit on ${rows} rows of Friedman #1 (10 columns) and predict the same rows:`,
    '',
    ...speed,
    '',
  ].join('\n');
  const old = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
  const start = old.indexOf('## Surrogates vs scikit-learn');
  let next = start < 0 ? -1 : old.indexOf('\n## ', start + 1);
  if (next >= 0) next += 1;
  const updated =
    start < 0
      ? `${old.trimEnd()}\n\n${section}`
      : `${old.slice(0, start)}${section}${next < 0 ? '' : `\n${old.slice(next)}`}`;
  writeFileSync(doc, updated.endsWith('\n') ? updated : `${updated}\n`);
  console.log('wrote docs/benchmarks.md');
}
