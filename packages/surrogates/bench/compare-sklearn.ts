// Quality and speed of the KNN and random forest regressors against scikit-learn.
//
//   cd packages/surrogates && npx tsx bench/compare-sklearn.ts [--repeats 3] [--rows 50000] [--write]
//
// Quality: test-set MAPE and R² on the splits of src/fixtures/sklearn-quality.json (scikit-learn's
// scores were computed on the same splits by scripts/sklearn-fixtures.py). Speed: random forest
// (100 trees, scikit-learn's defaults) fit on `rows` rows of Friedman #1 and predict on the same
// rows, median of `repeats` runs, against scikit-learn with n_jobs=1 and n_jobs=2 (needs python3
// with scikit-learn). With --write, replaces the "## Surrogates vs scikit-learn" section of
// docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { toMatrix } from '@paretokit/problem';
import { knnRegressor, mape, r2, randomForestRegressor } from '../src/index.js';
import { friedman1 } from '../test/data.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const repeats = arg('repeats', 3);
const rows = arg('rows', 50_000);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const here = new URL('.', import.meta.url);

const fixture = JSON.parse(readFileSync(new URL('../src/fixtures/sklearn-quality.json', here), 'utf8'));
const quality: string[] = [
  '| data set | model | settings | MAPE ours | MAPE sklearn | R² ours | R² sklearn |',
  '|---|---|---|---|---|---|---|',
];
for (const c of fixture.cases) {
  const Xtrain = toMatrix(c.train.X);
  const ytrain = Float64Array.from(c.train.y);
  const Xtest = toMatrix(c.test.X);
  for (const s of c.scores) {
    const seeds = s.model === 'knn' ? [0] : [0, 1, 2, 3, 4];
    const runs = seeds.map((seed) => {
      const model =
        s.model === 'knn' ? knnRegressor(s.settings) : randomForestRegressor({ ...s.settings, seed });
      model.fit(Xtrain, ytrain);
      const p = model.predict(Xtest);
      return [mape(c.test.y, p), r2(c.test.y, p)] as const;
    });
    const f = (v: number) => v.toFixed(4);
    quality.push(
      `| ${c.dataset} | ${s.model} | ${JSON.stringify(s.settings).replaceAll('"', '')} | ${f(median(runs.map((r) => r[0])))} | ${f(s.mape)} | ${f(median(runs.map((r) => r[1])))} | ${f(s.r2)} |`,
    );
  }
}
console.log(quality.join('\n'));

// Speed.
const { X, y } = friedman1(rows, 42);
const fits: number[] = [];
const predicts: number[] = [];
for (let seed = 0; seed < repeats; seed++) {
  const model = randomForestRegressor({ trees: 100, seed });
  const t0 = performance.now();
  model.fit(X, y);
  const t1 = performance.now();
  model.predict(X);
  const t2 = performance.now();
  fits.push((t1 - t0) / 1000);
  predicts.push((t2 - t1) / 1000);
  console.log(`ours run ${seed}: fit ${fits.at(-1)!.toFixed(2)} s, predict ${predicts.at(-1)!.toFixed(2)} s`);
}
const dir = mkdtempSync(join(tmpdir(), 'paretokit-bench-'));
const sklearn: Record<number, { sklearn: string; fit: number; predict: number; fits: number[] }> = {};
try {
  writeFileSync(join(dir, 'X.f64'), new Uint8Array(X.data.buffer));
  writeFileSync(join(dir, 'y.f64'), new Uint8Array(y.buffer));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ rows, cols: X.cols, trees: 100 }));
  for (const jobs of [2, 1]) {
    const script = new URL('sklearn-timing.py', here).pathname;
    const out = execFileSync(
      'python3',
      [script, dir, String(jobs === 1 ? Math.max(1, repeats - 2) : repeats), String(jobs)],
      {
        encoding: 'utf8',
      },
    );
    sklearn[jobs] = JSON.parse(out);
    console.log(`sklearn n_jobs=${jobs}: fit ${sklearn[jobs]!.fits.map((v) => v.toFixed(2)).join(', ')} s`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const ours = { fit: median(fits), predict: median(predicts) };
const total = (r: { fit: number; predict: number }) => r.fit + r.predict;
const speed = [
  '| implementation | fit (s) | predict (s) | fit + predict (s) | ratio to ours |',
  '|---|---|---|---|---|',
  `| @paretokit/surrogates randomForestRegressor (1 thread) | ${ours.fit.toFixed(2)} | ${ours.predict.toFixed(2)} | ${total(ours).toFixed(2)} | 1.00 |`,
  ...[2, 1].map((j) => {
    const s = sklearn[j]!;
    return `| scikit-learn ${s.sklearn} RandomForestRegressor n_jobs=${j} | ${s.fit.toFixed(2)} | ${s.predict.toFixed(2)} | ${total(s).toFixed(2)} | ${(total(s) / total(ours)).toFixed(2)} |`;
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
    `(scikit-learn ${fixture.sklearn}; random forests: median over seeds 0-4 on both sides, since their random streams differ):`,
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
