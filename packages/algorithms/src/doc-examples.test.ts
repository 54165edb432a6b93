// Every `@example` of the sources runs as a doctest: each `expression // => value` line must
// evaluate to that value. Names in scope: this package's exports, @paretokit/problem's and the
// benchmark problems.
import * as benchmarks from '@paretokit/benchmarks';
import * as problem from '@paretokit/problem';
import { describeDocExamples } from '@paretokit/testing';
import * as algorithms from './index.js';

const folders = [
  '.',
  'ctaea',
  'nsga2',
  'operators',
  'operators/crossover',
  'operators/mutation',
  'operators/repair',
  'operators/selection',
  'reference-directions',
  'termination',
];
describeDocExamples({
  dirs: folders.map((f) => new URL(`./${f}/`, import.meta.url)),
  scope: { ...problem, ...benchmarks, ...algorithms },
  exports: Object.keys(algorithms),
});
