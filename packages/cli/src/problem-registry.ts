import {
  c1dtlz1,
  c1dtlz3,
  c2dtlz2,
  c3dtlz1,
  c3dtlz4,
  dtlz1,
  dtlz2,
  dtlz3,
  dtlz4,
  dtlz5,
  dtlz6,
  dtlz7,
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
}

type Factory = (options: BenchmarkOptions) => Problem;

// Name lookups live here, in the CLI only: the packages export plain factories.
const twoObjectives =
  (make: (o: { nVar?: number }) => Problem): Factory =>
  (o) => {
    if (o.nObj !== undefined && o.nObj !== 2) {
      throw new InvalidArgumentError({
        argument: 'nObj',
        expected: '2 (ZDT problems have two objectives)',
        actual: o.nObj,
      });
    }
    return make(o.nVar === undefined ? {} : { nVar: o.nVar });
  };

/**
 * Benchmark problems the CLI knows by name.
 *
 * @example
 * problemRegistry.c2dtlz2({ nObj: 3 }).objectives.length // => 3
 */
export const problemRegistry: Readonly<Record<string, Factory>> = {
  zdt1: twoObjectives(zdt1),
  zdt2: twoObjectives(zdt2),
  zdt3: twoObjectives(zdt3),
  zdt4: twoObjectives(zdt4),
  zdt6: twoObjectives(zdt6),
  dtlz1,
  dtlz2,
  dtlz3,
  dtlz4,
  dtlz5,
  dtlz6,
  dtlz7,
  c1dtlz1,
  c1dtlz3,
  c2dtlz2,
  c3dtlz1,
  c3dtlz4,
};
