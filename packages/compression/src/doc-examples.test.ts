// Every `@example` of the sources runs as a doctest: each `expression // => value` line must
// evaluate to that value. Names in scope: this package's and @paretokit/problem's exports, and
// node's `join` and `tmpdir` for examples that write files.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as problem from '@paretokit/problem';
import { describeDocExamples } from '@paretokit/testing';
import * as compression from './index.js';

describeDocExamples({
  dirs: [new URL('.', import.meta.url), new URL('./errors/', import.meta.url)],
  scope: { ...problem, ...compression, join, tmpdir },
  exports: Object.keys(compression).filter((name) => name !== 'DataType'),
});
