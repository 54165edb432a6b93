// Every `@example` of the sources runs as a doctest: each `expression // => value` line must
// evaluate to that value. Names in scope: this package's and @paretokit/problem's exports.
import * as problem from '@paretokit/problem';
import { describeDocExamples } from '@paretokit/testing';
import * as benchmarks from './index.js';

describeDocExamples({
  dirs: [new URL('.', import.meta.url), new URL('./engineering/', import.meta.url)],
  scope: { ...problem, ...benchmarks },
  exports: [
    ...Object.keys(benchmarks),
    'BenchmarkProblem',
    'KnownFrontProblem',
    'ZdtOptions',
    'DtlzOptions',
    'C1Dtlz3Options',
    'C2Dtlz2Options',
    'DascmopOptions',
    'CtpOptions',
    'Ctp1Options',
    'MwOptions',
    'MwScalableOptions',
  ],
});
