// Replays the C-TAEA reference traces (one generation of the original code by K. Li, shared in
// ../shared/reference/ctaea, see its README) through associate, updateConvergenceArchive and
// updateDiversityArchive: the archives must come out exactly, as sets of rows.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { c1dtlz1, c1dtlz3 } from '@paretokit/benchmarks';
import { type Matrix, toMatrix } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { associate } from './associate.js';
import { updateConvergenceArchive } from './update-convergence-archive.js';
import { updateDiversityArchive } from './update-diversity-archive.js';

// The repository root is four levels up from this folder; the traces sit beside the repository.
const root = fileURLToPath(new URL('../../../../../shared/reference/ctaea/', import.meta.url));
const present = existsSync(`${root}weights.txt`);

if (!present && process.env.CI) {
  describe('C-TAEA reference traces', () => {
    it('are present', () => {
      throw new Error(
        `C-TAEA reference traces missing: expected them in ${root} (the repository's ../shared/reference/ctaea). CI must have them.`,
      );
    });
  });
} else if (!present) {
  console.warn(`C-TAEA reference traces skipped: ${root} not found (set CI to make this an error).`);
}

function readRows(path: string): number[][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => line.split(/\s+/).map(Number));
}

interface Case {
  readonly name: string;
  readonly dir: string;
  readonly problem: ReturnType<typeof c1dtlz1>;
  readonly hasDA: boolean;
  readonly idsIndexPostCA: boolean;
}

const cases: Case[] = [
  {
    name: 'C1-DTLZ1',
    dir: 'c1dtlz1/',
    problem: c1dtlz1({ nObj: 3, nVar: 9 }),
    hasDA: false,
    idsIndexPostCA: false,
  },
  {
    name: 'C1-DTLZ3 case 1',
    dir: 'c1dtlz3/case1/',
    problem: c1dtlz3({ nObj: 3, nVar: 12 }),
    hasDA: true,
    idsIndexPostCA: true,
  },
  {
    name: 'C1-DTLZ3 case 2',
    dir: 'c1dtlz3/case2/',
    problem: c1dtlz3({ nObj: 3, nVar: 12 }),
    hasDA: true,
    idsIndexPostCA: true,
  },
];

function load(c: Case) {
  const read = (file: string) => toMatrix(readRows(`${root}${c.dir}${file}`));
  const evaluate = (X: Matrix) => ({ X, ...c.problem.evaluate(X, { seed: 0 }) });
  const stack = (a: Matrix, b: Matrix): Matrix => {
    const data = new Float64Array(a.data.length + b.data.length);
    data.set(a.data);
    data.set(b.data, a.data.length);
    return { rows: a.rows + b.rows, cols: a.cols, data };
  };
  const preCA = evaluate(read('preCA.x'));
  const preDA = evaluate(read('preDA.x'));
  const offspring = evaluate(read('offspring.x'));
  const hc = {
    X: stack(preCA.X, offspring.X),
    F: stack(preCA.F, offspring.F),
    G: stack(preCA.G!, offspring.G!),
  };
  const hd = {
    X: stack(preDA.X, offspring.X),
    F: stack(preDA.F, offspring.F),
    G: stack(preDA.G!, offspring.G!),
  };
  const all = stack(preDA.F, hc.F);
  const ideal = Array.from({ length: 3 }, (_, j) => {
    let z = Number.POSITIVE_INFINITY;
    for (let i = 0; i < all.rows; i++) z = Math.min(z, all.data[i * 3 + j]!);
    return z;
  });
  return { read, evaluate, hc, hd, ideal };
}

const rowKey = (X: Matrix, i: number) => Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols)).join(' ');
const rowSet = (X: Matrix, rows: ArrayLike<number>) => Array.from(rows, (i) => rowKey(X, i)).sort();
const allRows = (X: Matrix) =>
  rowSet(
    X,
    Array.from({ length: X.rows }, (_, i) => i),
  );

describe.skipIf(!present)('C-TAEA reference traces (original code by K. Li)', () => {
  const directions = present ? readRows(`${root}weights.txt`) : [];

  for (const c of cases) {
    describe(c.name, () => {
      it('associates the traced solutions with the traced subregions', () => {
        const { read, hc, ideal } = load(c);
        const trace = readRows(`${root}${c.dir}feasible_rank0.txt`);
        const { niche, fitness } = associate({ F: hc.F, directions, ideal });
        // Where each traced id sits in CA ∪ offspring. C1-DTLZ1 numbers CA ∪ offspring as the
        // README says; the C1-DTLZ3 files list the post-update CA instead (ids 0..90 are the rows
        // of postCA.x, in the original code's order), so their ids go through postCA.x.
        const lookup = new Map(Array.from({ length: hc.X.rows }, (_, i) => [rowKey(hc.X, i), i]));
        const postCA = read('postCA.x');
        const row = (id: number) => (c.idsIndexPostCA ? lookup.get(rowKey(postCA, id))! : id);
        expect(trace.length).toBe(c.idsIndexPostCA ? postCA.rows : hc.X.rows);
        let worst = 0;
        for (const [id, traced, fit] of trace) {
          const i = row(id!);
          expect(niche[i], `traced solution ${id}`).toBe(traced);
          worst = Math.max(worst, Math.abs(fitness[i]! - fit!) / fit!);
        }
        // The traced fitness came from the unrounded decision vectors; the .x files keep 6
        // decimals, which moves the (multimodal) objectives a little: 0.13% at most here.
        expect(worst).toBeLessThan(5e-3);
      });

      it('updates the CA to exactly postCA', () => {
        const { read, hc, ideal } = load(c);
        const kept = updateConvergenceArchive({
          F: hc.F,
          G: hc.G,
          directions,
          ideal,
          size: directions.length,
        });
        expect(kept.length).toBe(directions.length);
        expect(rowSet(hc.X, kept)).toEqual(allRows(read('postCA.x')));
      });

      if (c.hasDA)
        it('updates the DA to exactly postDA, given postCA', () => {
          const { read, evaluate, hd, ideal } = load(c);
          const postCA = evaluate(read('postCA.x'));
          const kept = updateDiversityArchive({
            F: hd.F,
            G: hd.G,
            directions,
            ideal,
            size: directions.length,
            convergenceArchive: { F: postCA.F, G: postCA.G! },
          });
          expect(kept.length).toBe(directions.length);
          expect(rowSet(hd.X, kept)).toEqual(allRows(read('postDA.x')));
        });
    });
  }
});
