import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { retinaFiles } from '@paretokit/testing';
import { describe, expect, it } from 'vitest';
import { compressCommand } from './compress.js';

const retina = retinaFiles('paretokit compress on the RetinaMNIST ResNet50');

describe.skipIf(retina === undefined)('paretokit compress', () => {
  it('runs SAMO on the real model and writes the log, the result and the front as CSV', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'paretokit-compress-')), 'run');
    const lines: string[] = [];
    const options = {
      model: retina!.model,
      data: retina!.data,
      budget: 7,
      initial: 5,
      infills: 2,
      seed: 3,
      out,
      selectOn: 'validation' as const,
      threads: 1,
      surrogates: ['randomForest'],
      generations: 10,
      progress: false,
      timingRepeats: 2,
      write: (t: string) => lines.push(t),
    };
    const record = await compressCommand(options);
    expect(record.evaluations).toBe(7);
    expect(lines.join('\n')).toMatch(
      /\n {2}most accurate {1}test accuracy 0\.\d+ \(selection 0\.\d+\), \d+\.\d+ s \(\d+\.\d+x\), \d+\.\d MB, .*\(samo-ctaea, seed 3\)/,
    );
    for (const role of ['most-accurate', 'fastest', 'smallest'])
      expect(existsSync(join(out, `retinamnist-${role}.onnx`))).toBe(true);
    expect(record.base?.test.accuracy).toBeCloseTo(0.455, 3);
    expect(lines[1]).toMatch(
      /^retinamnist: base model accuracy 0\.54\d+ on the val split, tau 0\.5\d+; budget 7/,
    );
    for (const file of ['evaluations.jsonl', 'result.json', 'front.csv'])
      expect(existsSync(join(out, file))).toBe(true);
    const csv = readFileSync(join(out, 'front.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'method,seed,linearLayers,convLayers,linearIntensity,convIntensity,linearTarget,convTarget,quantize,f1,accuracy,g1,test_accuracy,test_macro_f1,test_balanced_accuracy,test_auc,test_inference_seconds,non_zero_rate,size_bytes,test_f1',
    );
    expect(csv).toHaveLength(record.front.length + 1);
    for (const e of record.front)
      expect(e.objectives[1]).toBeGreaterThanOrEqual(0.96 * record.base!.selection.accuracy);
    // Rerunning the same command reads the finished run back.
    const again = await compressCommand({ ...options, write: () => {} });
    expect(again).toEqual(record);
  });

  it('rejects bad flags with the field at fault', async () => {
    await expect(
      compressCommand({
        model: 'm.onnx',
        data: 'd.npz',
        budget: 10,
        initial: 10,
        infills: 2,
        seed: 1,
        out: 'x',
        selectOn: 'validation',
        threads: 1,
        surrogates: ['svm'],
        write: () => {},
      }),
    ).rejects.toThrow(/^compress options: samo\.surrogates\[0\]: Invalid option: expected one of "knn"\|/);
  });
});

describe('paretokit compress --pruning structured', () => {
  it('cuts channels per stage of the shipped small CNN, with latency and accuracy as objectives', async () => {
    const asset = (p: string) =>
      fileURLToPath(new URL(`../../../../assets/retinamnist/${p}`, import.meta.url));
    const out = join(mkdtempSync(join(tmpdir(), 'paretokit-structured-')), 'run');
    const lines: string[] = [];
    const record = await compressCommand({
      model: asset('resnet18-narrow_retinamnist.onnx'),
      data: asset('retinamnist.npz'),
      pruning: 'structured',
      budget: 7,
      initial: 5,
      infills: 2,
      seed: 2,
      out,
      selectOn: 'validation',
      threads: 1,
      surrogates: ['randomForest'],
      generations: 5,
      progress: false,
      timingRepeats: 1,
      write: (t: string) => lines.push(t),
    });
    expect(record.evaluations).toBe(7);
    const log = readFileSync(join(out, 'evaluations.jsonl'), 'utf8').split('\n')[0]!;
    expect(JSON.parse(log)).toMatchObject({
      variables: ['stage1', 'stage2', 'stage3', 'stage4', 'quantize'],
      objectives: [
        { name: 'latency', sense: 'min' },
        { name: 'accuracy', sense: 'max' },
      ],
    });
    // The front may be empty after 7 evaluations (cutting channels of this small CNN costs accuracy).
    expect(readFileSync(join(out, 'front.csv'), 'utf8')).toMatch(/^method,seed,.*latency,accuracy/);
    for (const e of record.front) expect(e.test!.sizeBytes).toBeGreaterThan(0);
    expect(record.base!.test.sizeBytes).toBeGreaterThan(2e6);
  });
});
