import {
  bnh,
  c1dtlz1,
  c1dtlz3,
  c2dtlz2,
  c3dtlz1,
  c3dtlz4,
  ctp1,
  ctp2,
  ctp3,
  ctp4,
  ctp5,
  ctp6,
  ctp7,
  ctp8,
  dascmop1,
  dascmop2,
  dascmop3,
  dascmop4,
  dascmop5,
  dascmop6,
  dascmop7,
  dascmop8,
  dascmop9,
  dtlz1,
  dtlz2,
  dtlz3,
  dtlz4,
  dtlz5,
  dtlz6,
  dtlz7,
  mw1,
  mw2,
  mw3,
  mw4,
  mw5,
  mw6,
  mw7,
  mw8,
  mw9,
  mw10,
  mw11,
  mw12,
  mw13,
  mw14,
  osy,
  srn,
  tnk,
  truss2d,
  weldedBeam,
  zdt1,
  zdt2,
  zdt3,
  zdt4,
  zdt6,
} from '@paretokit/benchmarks';
import { InvalidArgumentError, type Problem } from '@paretokit/problem';

/** Options the command line passes to a benchmark factory. */
export interface BenchmarkOptions {
  readonly nVar?: number;
  readonly nObj?: number;
  /** DAS-CMOP's difficulty (1-16, pymoo's table); no other problem takes it. */
  readonly difficulty?: number;
}

type Factory = (options: BenchmarkOptions) => Problem;

/** Refuses an option the problem does not take, naming what it has instead. */
function refuse(o: BenchmarkOptions, key: keyof BenchmarkOptions, expected: string): void {
  if (o[key] !== undefined) throw new InvalidArgumentError({ argument: key, expected, actual: o[key] });
}

// Name lookups live here, in the CLI only: the packages export plain factories.
/** A problem with two objectives and an optional `nVar` (ZDT, CTP, most MW). */
const twoObjectives =
  (make: (o: { nVar?: number }) => Problem, family: string): Factory =>
  (o) => {
    if (o.nObj !== 2) refuse(o, 'nObj', `2 (${family} problems have two objectives)`);
    refuse(o, 'difficulty', 'none (only DAS-CMOP problems take a difficulty)');
    return make(o.nVar === undefined ? {} : { nVar: o.nVar });
  };

/** A problem of fixed size (the engineering problems). */
const fixedSize =
  (make: () => Problem): Factory =>
  (o) => {
    const problem = make();
    refuse(o, 'nVar', `none (${problem.name} has ${problem.variables.length} variables)`);
    if (o.nObj !== problem.objectives.length)
      refuse(o, 'nObj', `none (${problem.name} has ${problem.objectives.length} objectives)`);
    refuse(o, 'difficulty', 'none (only DAS-CMOP problems take a difficulty)');
    return problem;
  };

/** A DAS-CMOP problem: a difficulty and nothing else (30 variables). */
const withDifficulty =
  (make: (o: { difficulty: number }) => Problem): Factory =>
  (o) => {
    refuse(o, 'nVar', 'none (DAS-CMOP problems have 30 variables)');
    if (o.difficulty === undefined) {
      throw new InvalidArgumentError({
        argument: 'difficulty',
        expected: 'an integer 1-16 (a row of the DAS-CMOP difficulty table): DAS-CMOP problems need one',
        actual: undefined,
      });
    }
    const problem = make({ difficulty: o.difficulty });
    if (o.nObj !== problem.objectives.length)
      refuse(o, 'nObj', `none (${problem.name} has ${problem.objectives.length} objectives)`);
    return problem;
  };

/** A problem scalable in objectives (DTLZ, C-DTLZ, MW4/8/14): `nObj` and `nVar`, no difficulty. */
const scalable =
  (make: (o: { nObj?: number; nVar?: number }) => Problem): Factory =>
  (o) => {
    refuse(o, 'difficulty', 'none (only DAS-CMOP problems take a difficulty)');
    return make({
      ...(o.nObj === undefined ? {} : { nObj: o.nObj }),
      ...(o.nVar === undefined ? {} : { nVar: o.nVar }),
    });
  };

/** The same wrapper around each factory of a record, under its key. */
function each<F>(factories: Readonly<Record<string, F>>, wrap: (f: F) => Factory): Record<string, Factory> {
  return Object.fromEntries(Object.entries(factories).map(([name, f]) => [name, wrap(f)]));
}

/**
 * Benchmark problems the CLI knows by name.
 *
 * @example
 * problemRegistry.c2dtlz2({ nObj: 3 }).objectives.length // => 3
 */
export const problemRegistry: Readonly<Record<string, Factory>> = {
  zdt1: twoObjectives(zdt1, 'ZDT'),
  zdt2: twoObjectives(zdt2, 'ZDT'),
  zdt3: twoObjectives(zdt3, 'ZDT'),
  zdt4: twoObjectives(zdt4, 'ZDT'),
  zdt6: twoObjectives(zdt6, 'ZDT'),
  dtlz1: scalable(dtlz1),
  dtlz2: scalable(dtlz2),
  dtlz3: scalable(dtlz3),
  dtlz4: scalable(dtlz4),
  dtlz5: scalable(dtlz5),
  dtlz6: scalable(dtlz6),
  dtlz7: scalable(dtlz7),
  c1dtlz1: scalable(c1dtlz1),
  c1dtlz3: scalable(c1dtlz3),
  c2dtlz2: scalable(c2dtlz2),
  c3dtlz1: scalable(c3dtlz1),
  c3dtlz4: scalable(c3dtlz4),
  ...each({ mw1, mw2, mw3, mw5, mw6, mw7, mw9, mw10, mw11, mw12, mw13 }, (f) => twoObjectives(f, 'this MW')),
  ...each({ mw4, mw8, mw14 }, scalable),
  ...each(
    { dascmop1, dascmop2, dascmop3, dascmop4, dascmop5, dascmop6, dascmop7, dascmop8, dascmop9 },
    withDifficulty,
  ),
  ...each({ ctp1, ctp2, ctp3, ctp4, ctp5, ctp6, ctp7, ctp8 }, (f) => twoObjectives(f, 'CTP')),
  ...each({ bnh, osy, srn, tnk, weldedBeam, truss2d }, fixedSize),
};
