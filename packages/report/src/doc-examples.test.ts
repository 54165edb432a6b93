// Every `@example` of the sources runs as a doctest: each `expression // => value` line must
// evaluate to that value. Names in scope: this package's exports.
import { describeDocExamples } from '@paretokit/testing';
import * as report from './index.js';

describeDocExamples({
  dirs: [new URL('./', import.meta.url), new URL('./errors/', import.meta.url)],
  scope: { ...report },
  exports: Object.keys(report),
});
