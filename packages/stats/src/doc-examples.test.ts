// Every `@example` of the sources runs as a doctest: each `expression // => value` line must
// evaluate to that value. The names in scope are this package's exports.
import { describeDocExamples } from '@paretokit/testing';
import * as stats from './index.js';

describeDocExamples({
  dirs: [new URL('.', import.meta.url), new URL('./errors/', import.meta.url)],
  scope: { ...stats },
  exports: Object.keys(stats),
});
