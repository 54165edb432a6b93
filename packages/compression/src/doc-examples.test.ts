// Every `@example` of the sources runs as a doctest: each `expression // => value` line must
// evaluate to that value. Names in scope: this package's and @paretokit/problem's exports, and
// node's `join` and `tmpdir` for examples that write files, and `tinyNpz()`: a 3-class RGB 2x2
// dataset (4 train, 2 val, 2 test images) in the official .npz layout, and `tinySidecar`, a sidecar
// for `tinyCnn({ size: 2 })` on it.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as problem from '@paretokit/problem';
import { describeDocExamples } from '@paretokit/testing';
import * as compression from './index.js';

const split = (count: number, labels: number[]) => ({
  count,
  images: Uint8Array.from({ length: count * 12 }, (_, i) => (i * 37) % 256),
  labels: Int32Array.from(labels),
});
const tinyNpz = () =>
  compression.encodeMedMNIST({
    height: 2,
    width: 2,
    channels: 3,
    train: split(4, [0, 1, 2, 1]),
    val: split(2, [1, 0]),
    test: split(2, [2, 0]),
  });

const tinySidecar = {
  classes: 3,
  input: { name: 'input', layout: 'NCHW', shape: [3, 2, 2], dtype: 'float32', preprocess: 'x/255' },
  output: { name: 'logits' },
};

describeDocExamples({
  dirs: [new URL('.', import.meta.url), new URL('./errors/', import.meta.url)],
  scope: { ...problem, ...compression, join, tmpdir, tinyNpz, tinySidecar },
  exports: Object.keys(compression).filter((name) => name !== 'DataType'),
});
