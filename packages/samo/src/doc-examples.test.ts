// Every `@example` of the sources runs as a doctest: each `expression // => value` line must
// evaluate to that value. Names in scope: this package's exports, those of its dependencies and
// of @paretokit/benchmarks, and the few node:fs/os/path functions the log examples need.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as algorithms from '@paretokit/algorithms';
import * as benchmarks from '@paretokit/benchmarks';
import * as problem from '@paretokit/problem';
import * as surrogates from '@paretokit/surrogates';
import * as surrogatesNode from '@paretokit/surrogates/node';
import { describeDocExamples } from '@paretokit/testing';
import * as samo from './index.js';

describeDocExamples({
  dirs: [
    new URL('.', import.meta.url),
    new URL('./errors/', import.meta.url),
    new URL('./stages/', import.meta.url),
  ],
  scope: {
    ...problem,
    ...algorithms,
    ...surrogates,
    ...surrogatesNode,
    ...benchmarks,
    ...samo,
    mkdtempSync,
    writeFileSync,
    tmpdir,
    join,
  },
  exports: [...Object.keys(samo), 'SamoAskTell'],
});
