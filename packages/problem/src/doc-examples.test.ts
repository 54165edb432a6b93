// Every `@example` of the sources runs as a doctest: each `expression // => value` line must
// evaluate to that value.
import { describeDocExamples } from '@paretokit/testing';
import * as problem from './index.js';
import * as node from './node.js';

const scope = { ...problem, ...node };
const exported = Object.keys(scope).filter(
  (name) => !['isThenable', 'inputIssues', 'resultIssues'].includes(name),
);

describeDocExamples({
  dirs: [new URL('.', import.meta.url), new URL('./errors/', import.meta.url)],
  scope,
  exports: exported,
});
