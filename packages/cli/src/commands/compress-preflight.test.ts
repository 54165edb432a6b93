import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeMedMNIST, loadMedMNIST } from '@paretokit/compression';
import { describe, expect, it } from 'vitest';
import { type CompressOptions, compressCommand } from './compress.js';
import { inspectCommand } from './inspect.js';

const asset = (p: string) => fileURLToPath(new URL(`../../../../assets/retinamnist/${p}`, import.meta.url));

/** The shipped small model copied alone (no sidecar beside it) into a fresh folder. */
function bareModel(): { dir: string; model: string } {
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-preflight-'));
  const model = join(dir, 'model.onnx');
  copyFileSync(asset('resnet18-narrow_retinamnist.onnx'), model);
  return { dir, model };
}

function options(extra: Partial<CompressOptions> & { out: string }): CompressOptions {
  return {
    model: asset('resnet18-narrow_retinamnist.onnx'),
    data: asset('retinamnist.npz'),
    budget: 9,
    initial: 7,
    infills: 2,
    seed: 1,
    selectOn: 'validation',
    threads: 1,
    surrogates: ['knn'],
    generations: 3,
    progress: false,
    timingRepeats: 1,
    write: () => {},
    ...extra,
  };
}

/** No evaluation was logged in `out`. */
function nothingEvaluated(out: string): boolean {
  const log = join(out, 'evaluations.jsonl');
  return !existsSync(log) || !readFileSync(log, 'utf8').includes('"result"');
}

describe('paretokit compress refuses, before the first evaluation, what could only fail later', () => {
  it('a model without a sidecar and no --preprocess: the message names the flag', async () => {
    const { dir, model } = bareModel();
    const out = join(dir, 'run');
    await expect(compressCommand(options({ model, out }))).rejects.toThrow(
      /problems\[0\]\.preprocess: the model has no sidecar \(no model\.json beside it\): give the preprocessing it was trained with \(CLI: --preprocess\)/,
    );
    expect(nothingEvaluated(out)).toBe(true);
  });

  it('an initial design whose folds are too small for KNN (the issue: --budget 8 --initial 6)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'paretokit-preflight-')), 'run');
    await expect(compressCommand(options({ budget: 8, initial: 6, out }))).rejects.toThrow(
      /expected at least 7: with 5-fold cross-validation the smallest fold trains on 4 of 6 rows, and surrogate "knn" needs 5.*--initial/,
    );
    expect(nothingEvaluated(out)).toBe(true);
  });

  it('more infills per iteration than the budget leaves', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'paretokit-preflight-')), 'run');
    await expect(compressCommand(options({ budget: 9, initial: 7, infills: 3, out }))).rejects.toThrow(
      /infillsPerIteration: expected at most the evaluations left after the initial design \(9 - 7 = 2\), got 3.*--infills/,
    );
    expect(nothingEvaluated(out)).toBe(true);
  });

  it('a validation split too small to measure accuracy on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-preflight-'));
    const full = await loadMedMNIST(asset('retinamnist.npz'));
    const pixels = full.height * full.width * full.channels;
    const cut = (s: typeof full.val, n: number) => ({
      count: n,
      images: s.images.subarray(0, n * pixels),
      labels: s.labels.subarray(0, n),
    });
    const data = join(dir, 'small-val.npz');
    writeFileSync(
      data,
      encodeMedMNIST({ ...full, train: full.train, val: cut(full.val, 12), test: cut(full.test, 40) }),
    );
    const out = join(dir, 'run');
    await expect(compressCommand(options({ data, out }))).rejects.toThrow(
      /expected at least 20 image\(s\) in the validation split \(with fewer, one image moves the accuracy by more than 5\.0 %\), got 12/,
    );
    expect(nothingEvaluated(out)).toBe(true);
  });
});

describe('paretokit inspect', () => {
  it('reads the sidecar the training script wrote from the graph alone, and --write saves it', async () => {
    const { dir, model } = bareModel();
    const lines: string[] = [];
    await inspectCommand({ model, preprocess: 'minus-one-to-one', write: true, print: (t) => lines.push(t) });
    const text = lines.join('\n');
    expect(text).toMatch(/^input {6}input {2}NCHW {2}\[batch, 3, 28, 28\] {2}float32$/m);
    expect(text).toMatch(/^output {5}logits {2}5 classes \(scores\)$/m);
    expect(text).toMatch(/^layers {5}20 Conv \+ 1 Gemm\/MatMul/m);
    const written = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    const trained = JSON.parse(readFileSync(asset('resnet18-narrow_retinamnist.json'), 'utf8'));
    expect(written.input).toEqual({ ...trained.input, preprocess: 'minus-one-to-one' });
    expect([written.classes, written.output]).toEqual([trained.classes, trained.output]);
  });

  it('--write without --preprocess is refused with what to add', async () => {
    const { model } = bareModel();
    await expect(inspectCommand({ model, write: true, print: () => {} })).rejects.toThrow(
      /--write: expected --preprocess too/,
    );
  });
});

describe('paretokit compress without a sidecar', () => {
  it('a model without a sidecar runs with --preprocess and measures what it measures with the sidecar', async () => {
    const { dir, model } = bareModel();
    const lines: string[] = [];
    const write = (t: string) => lines.push(t);
    await compressCommand(options({ model, preprocess: 'minus-one-to-one', out: join(dir, 'a'), write }));
    await compressCommand(options({ out: join(dir, 'b'), write }));
    const bases = lines.filter((l) => l.includes('base model accuracy')).map((l) => l.replace(/^\S+/, ''));
    expect(bases).toHaveLength(2);
    expect(bases[0]).toBe(bases[1]);
  });
});
