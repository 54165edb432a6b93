// Every `@example` of the sources runs as a doctest: each `expression // => value` line must
// evaluate to that value. Names in scope: this package's exports, the problem and benchmarks
// packages', and the node:fs/os/path functions the examples use for temporary folders.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as benchmarks from '@paretokit/benchmarks';
import * as problem from '@paretokit/problem';
import { describeDocExamples } from '@paretokit/testing';
import * as cli from './index.js';
import { integerOption } from './integer-option.js';
import { numbersOption } from './numbers-option.js';
import { importIfInstalled, importOptional, isMissingPackage, packageNameOf } from './optional-import.js';
import {
  compressionPresets,
  compressionPresetsIfInstalled,
  loadCompression,
  loadReport,
  loadWorkers,
} from './optional-packages.js';
import { uniqueBy } from './study/unique-by.js';

describeDocExamples({
  dirs: [
    new URL('.', import.meta.url),
    new URL('./study/', import.meta.url),
    new URL('./commands/', import.meta.url),
  ],
  scope: {
    ...problem,
    ...benchmarks,
    ...cli,
    integerOption,
    numbersOption,
    importOptional,
    importIfInstalled,
    isMissingPackage,
    packageNameOf,
    compressionPresets,
    compressionPresetsIfInstalled,
    loadCompression,
    loadWorkers,
    loadReport,
    uniqueBy,
    mkdtempSync,
    writeFileSync,
    tmpdir,
    join,
  },
  // These need a trained model and a MedMNIST file, or the network: their docs show the call;
  // compress.test.ts and compress-preflight.test.ts run the model ones on real files,
  // download-medmnist's tests the last.
  exports: Object.keys(cli).filter(
    (name) => !['compressCommand', 'inspectCommand', 'downloadDataset'].includes(name),
  ),
});
