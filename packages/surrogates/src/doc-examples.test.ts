// Every `@example` of the sources runs as a doctest: each `expression // => value` line must
// evaluate to that value. Names in scope: this package's and @paretokit/problem's exports.
import * as problem from '@paretokit/problem';
import { describeDocExamples } from '@paretokit/testing';
import * as surrogates from './index.js';
import * as node from './node.js';

describeDocExamples({
  dirs: [new URL('.', import.meta.url), new URL('./errors/', import.meta.url)],
  scope: { ...problem, ...surrogates, ...node },
  exports: [
    ...Object.keys({ ...surrogates, ...node }).filter((name) => name !== 'MAPE_EPSILON'),
    'Regressor',
    'RegressorFactory',
    'BridgeRegressor',
    'GaussianProcessRegressor',
  ],
});
