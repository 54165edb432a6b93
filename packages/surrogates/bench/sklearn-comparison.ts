// KNN and random forest against scikit-learn: quality (test-set MAPE on the fixture splits, both
// sides fitted in the same run) and speed (fit and predict on Friedman #1). The measurement behind
// compare-sklearn.ts and the surrogate lines of `pnpm bench:peers`. Needs python3 with scikit-learn.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toMatrix } from '@paretokit/problem';
import { knnRegressor, mape, r2, randomForestRegressor } from '../src/index.js';
import { friedman1 } from '../test/data.js';

const here = new URL('.', import.meta.url);

/** One model of the fixture: MAPE (and R²) per seed of both libraries (KNN: seed 0; forests: 0-4). */
export interface QualityComparison {
  readonly dataset: string;
  readonly model: 'knn' | 'randomForest';
  readonly settings: Record<string, unknown>;
  readonly paretokitMape: number[];
  readonly paretokitR2: number[];
  readonly sklearnMape: number[];
  /** scikit-learn's MAPE stored in the fixture when it was generated. */
  readonly fixtureMape: number;
  readonly fixtureR2: number;
}

export interface QualityComparisons {
  readonly sklearn: string;
  readonly fixtureSklearn: string;
  readonly models: QualityComparison[];
}

interface FixtureCase {
  dataset: string;
  train: { X: number[][]; y: number[] };
  test: { X: number[][]; y: number[] };
  scores: {
    model: 'knn' | 'randomForest';
    settings: Record<string, unknown> & { k?: number };
    mape: number;
    r2: number;
  }[];
}

/**
 * Fits ParetoKit's regressors on the splits of src/fixtures/sklearn-quality.json and
 * scikit-learn's (bench/sklearn_quality.py, same settings and seeds) in the same run.
 */
export function compareQuality(options: { readonly python?: string } = {}): QualityComparisons {
  const fixture = JSON.parse(readFileSync(new URL('../src/fixtures/sklearn-quality.json', here), 'utf8')) as {
    sklearn: string;
    cases: FixtureCase[];
  };
  const peer = JSON.parse(
    execFileSync(options.python ?? 'python3', [fileURLToPath(new URL('sklearn_quality.py', here))], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    }),
  ) as { sklearn: string; scores: { dataset: string; model: string; settings: unknown; mape: number[] }[] };
  const models: QualityComparison[] = [];
  for (const c of fixture.cases) {
    const Xtrain = toMatrix(c.train.X);
    const ytrain = Float64Array.from(c.train.y);
    const Xtest = toMatrix(c.test.X);
    for (const s of c.scores) {
      const seeds = s.model === 'knn' ? [0] : [0, 1, 2, 3, 4];
      const runs = seeds.map((seed) => {
        const model =
          s.model === 'knn'
            ? knnRegressor(s.settings as Parameters<typeof knnRegressor>[0])
            : randomForestRegressor({ ...(s.settings as Parameters<typeof randomForestRegressor>[0]), seed });
        model.fit(Xtrain, ytrain);
        const p = model.predict(Xtest);
        return [mape(c.test.y, p), r2(c.test.y, p)] as const;
      });
      const key = JSON.stringify(s.settings);
      const theirs = peer.scores.find(
        (t) => t.dataset === c.dataset && t.model === s.model && JSON.stringify(t.settings) === key,
      );
      if (theirs === undefined) throw new Error(`sklearn_quality.py has no ${c.dataset} ${s.model} ${key}`);
      models.push({
        dataset: c.dataset,
        model: s.model,
        settings: s.settings,
        paretokitMape: runs.map((r) => r[0]),
        paretokitR2: runs.map((r) => r[1]),
        sklearnMape: theirs.mape,
        fixtureMape: s.mape,
        fixtureR2: s.r2,
      });
    }
  }
  return { sklearn: peer.sklearn, fixtureSklearn: fixture.sklearn, models };
}

/** Seconds of every repeat: fit and predict. */
export interface FitPredictSeconds {
  readonly fit: number[];
  readonly predict: number[];
}

export interface SpeedComparison {
  readonly sklearn: string;
  readonly rows: number;
  readonly knnQueries: number;
  /** Random forest, 100 trees, fit on `rows` rows, predict the same rows. */
  readonly randomForest: {
    readonly paretokit: FitPredictSeconds;
    readonly sklearn: Record<number, FitPredictSeconds>;
  };
  /** KNN, k = 5, fit on `rows` rows, predict the first `knnQueries` rows. */
  readonly knn: {
    readonly paretokit: FitPredictSeconds;
    readonly sklearn: Record<number, FitPredictSeconds>;
  };
}

/**
 * Random forest (100 trees, scikit-learn's defaults: all features, bootstrap, leaves of 1 row) and
 * KNN (k = 5) on `rows` rows of Friedman #1 (10 columns): ParetoKit (one thread) `repeats` times,
 * then scikit-learn (bench/sklearn-timing.py) with each n_jobs of `jobs`, `repeats` times.
 */
export function compareSpeed(options: {
  readonly rows: number;
  readonly repeats: number;
  readonly knnQueries: number;
  readonly jobs?: readonly number[];
  readonly python?: string;
  readonly onProgress?: (line: string) => void;
}): SpeedComparison {
  const { rows, repeats, knnQueries } = options;
  const jobs = options.jobs ?? [1, 2];
  const log = options.onProgress ?? (() => {});
  const { X, y } = friedman1(rows, 42);
  const queries = { rows: knnQueries, cols: X.cols, data: X.data.subarray(0, knnQueries * X.cols) };
  const forest: FitPredictSeconds = { fit: [], predict: [] };
  const knn: FitPredictSeconds = { fit: [], predict: [] };
  for (let seed = 0; seed < repeats; seed++) {
    const model = randomForestRegressor({ trees: 100, seed });
    const t0 = performance.now();
    model.fit(X, y);
    const t1 = performance.now();
    model.predict(X);
    const t2 = performance.now();
    forest.fit.push((t1 - t0) / 1000);
    forest.predict.push((t2 - t1) / 1000);
    const neighbours = knnRegressor({ k: 5 });
    const t3 = performance.now();
    neighbours.fit(X, y);
    const t4 = performance.now();
    neighbours.predict(queries);
    const t5 = performance.now();
    knn.fit.push((t4 - t3) / 1000);
    knn.predict.push((t5 - t4) / 1000);
    log(
      `ours run ${seed}: forest fit ${forest.fit.at(-1)!.toFixed(2)} s, predict ${forest.predict.at(-1)!.toFixed(2)} s; knn ${(knn.fit.at(-1)! + knn.predict.at(-1)!).toFixed(3)} s`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-bench-'));
  const sklearnForest: Record<number, FitPredictSeconds> = {};
  const sklearnKnn: Record<number, FitPredictSeconds> = {};
  let version = '';
  try {
    writeFileSync(join(dir, 'X.f64'), new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
    writeFileSync(join(dir, 'y.f64'), new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
    writeFileSync(
      join(dir, 'meta.json'),
      JSON.stringify({ rows, cols: X.cols, trees: 100, queries: knnQueries }),
    );
    const script = fileURLToPath(new URL('sklearn-timing.py', here));
    const run = (n: number, kind: 'rf' | 'knn') => {
      const out = JSON.parse(
        execFileSync(options.python ?? 'python3', [script, dir, String(repeats), String(n), kind], {
          encoding: 'utf8',
        }),
      ) as { sklearn: string; fits: number[]; predicts: number[] };
      version = out.sklearn;
      log(`sklearn ${kind} n_jobs=${n}: fit ${out.fits.map((v) => v.toFixed(2)).join(', ')} s`);
      return { fit: out.fits, predict: out.predicts };
    };
    for (const n of jobs) {
      sklearnForest[n] = run(n, 'rf');
      sklearnKnn[n] = run(n, 'knn');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    sklearn: version,
    rows,
    knnQueries,
    randomForest: { paretokit: forest, sklearn: sklearnForest },
    knn: { paretokit: knn, sklearn: sklearnKnn },
  };
}
