// The runs of the SAMO bit-identity test (src/samo-identity.test.ts) and of the script that writes
// its fixture (scripts/samo-identity-fixture.ts), and what of each run is compared: the whole
// archive, every iteration's chosen surrogates, infill choices and hypervolume, and the log lines
// (times masked), with every number kept to the bit.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maxGenerations } from '@paretokit/algorithms';
import { c2dtlz2 } from '@paretokit/benchmarks';
import {
  choice,
  defineProblem,
  integer,
  type Matrix,
  type Problem,
  real,
  toArrays,
} from '@paretokit/problem';
import { knnRegressor, randomForestRegressor } from '@paretokit/surrogates';
import { type SamoOptions, type SamoResult, samo } from '../src/index.js';

/** One run of the identity test. */
export interface IdentityCase {
  readonly name: string;
  readonly problem: () => Problem;
  readonly options: SamoOptions;
}

/** The study's defaults but for a small budget, a short optimizer run and an in-process pool. */
const settings: SamoOptions = {
  initialSamples: 20,
  budget: 30,
  optimizerTermination: maxGenerations(100),
  surrogates: {
    knn: () => knnRegressor({ k: 5 }),
    randomForest: ({ seed }) => randomForestRegressor({ trees: 30, seed }),
  },
};

/** Integer, choice and real variables, a maximized objective and a constraint; no known front. */
const mixed = (): Problem =>
  defineProblem({
    name: 'mixed',
    variables: {
      depth: integer(1, 8),
      act: choice(['relu', 'tanh', 'gelu']),
      rate: real(0, 1),
      width: real(0, 2),
    },
    objectives: [{ name: 'cost' }, { name: 'score', sense: 'max' }],
    constraints: ['budget'],
    evaluateOne: ({ depth, act, rate, width }) => ({
      F: [
        depth * (1 + rate) + width * width,
        depth * (act === 'gelu' ? 1.2 : act === 'tanh' ? 1.1 : 1) - rate - (width - 1) ** 2,
      ],
      G: [depth + 2 * width - 9],
    }),
  });

const c2 = () => c2dtlz2({ nObj: 2, nVar: 6 });

/** The runs compared with the fixture. */
export const IDENTITY_CASES: readonly IdentityCase[] = [
  { name: 'c2dtlz2 seed 1', problem: c2, options: { ...settings, seed: 1 } },
  { name: 'c2dtlz2 seed 2', problem: c2, options: { ...settings, seed: 2 } },
  {
    name: 'c2dtlz2 seed 1 max-min-distance',
    problem: c2,
    options: { ...settings, seed: 1, infill: 'max-min-distance' },
  },
  { name: 'mixed seed 1', problem: mixed, options: { ...settings, seed: 1 } },
];

/** Numbers JSON cannot hold (-0, NaN, infinities) become strings; all others round-trip exactly. */
function exactJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))
        ? `number:${Object.is(v, -0) ? '-0' : String(v)}`
        : v,
    ),
  );
}

const rows = (M: Matrix | undefined) => (M === undefined ? null : toArrays(M));

/** A fresh log path in the temporary folder. */
export const tempLog = (): string => join(mkdtempSync(join(tmpdir(), 'samo-identity-')), 'run.jsonl');

/** The log's lines with their wall-clock times masked: everything else must stay as it was. */
export function logLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/"(selectionMs|fitMs|optimizeMs|evaluateMs)":[^,}]+/g, '"$1":"*"'));
}

/** What the identity test compares of a run: the result (times left out) and its log. */
export function snapshot(result: SamoResult, log: string): unknown {
  const { archive } = result;
  return exactJson({
    archive: {
      X: rows(archive.X),
      F: rows(archive.F),
      G: rows(archive.G),
      CV: Array.from(archive.CV),
      iteration: Array.from(archive.iteration),
    },
    front: { X: rows(result.X), F: rows(result.F), G: rows(result.G) },
    iterations: result.iterations.map((d) => ({
      iteration: d.iteration,
      evaluations: d.evaluations,
      targets: d.targets,
      infill: d.infill,
      hypervolume: d.hypervolume,
      referencePoint: d.referencePoint,
      frontSize: d.frontSize,
    })),
    log: logLines(log),
  });
}

/** Runs one case with a log (and `extra` options) and returns its snapshot. */
export async function runCase(c: IdentityCase, extra: SamoOptions = {}): Promise<unknown> {
  const log = tempLog();
  const result = await samo(c.problem(), { ...c.options, log, ...extra });
  return snapshot(result, log);
}
