import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compressionProblem, MEDMNIST_FILES, UNCOMPRESSED } from '@paretokit/compression';
import { describe, expect, it } from 'vitest';
import { killStudyAfter, loggedEvaluations } from '../../test/kill-study.js';
import { DEFAULT_STUDY, EMBEDDED_ASSETS, EMBEDDED_MODEL } from '../study/default-study.js';
import type { RunRecord } from '../study/run-one.js';
import { studyCommand } from './study.js';

const model = join(EMBEDDED_ASSETS, EMBEDDED_MODEL);
const sidecarPath = model.replace(/\.onnx$/, '.json');
const data = join(EMBEDDED_ASSETS, 'retinamnist.npz');
const RETINAMNIST_MD5 = MEDMNIST_FILES.retinamnist.md5;

/** The embedded default's problem in a study small enough for a test: `samo`, 1 seed, 40 evaluations. */
function writeConfig(dir: string, out: string): string {
  const path = join(dir, 'study.json');
  writeFileSync(
    path,
    JSON.stringify({ ...DEFAULT_STUDY, name: 'embedded', methods: ['samo'], seeds: [1], budget: 40, out }),
  );
  return path;
}

/** Records without what legitimately differs between an interrupted and an uninterrupted run: times. */
const TIMES = new Set([
  'seconds',
  'replayed',
  'inferenceSeconds',
  'selectionSeconds',
  'fitSeconds',
  'optimizeSeconds',
  'evaluateSeconds',
]);
const comparable = (records: readonly RunRecord[]) =>
  JSON.parse(JSON.stringify(records, (key, value) => (TIMES.has(key) ? undefined : value))) as unknown;

describe('the embedded default (assets/retinamnist)', () => {
  it('ships the official RetinaMNIST file and a model as accurate as its sidecar says', async () => {
    const bytes = readFileSync(data);
    expect(createHash('md5').update(bytes).digest('hex')).toBe(RETINAMNIST_MD5);
    expect(readFileSync(model).length).toBeLessThanOrEqual(5e6);
    const sidecar = JSON.parse(readFileSync(sidecarPath, 'utf8')) as { test_acc: number; val_acc: number };
    const problem = await compressionProblem({
      model,
      sidecar: sidecarPath,
      dataset: data,
      datasetMd5: RETINAMNIST_MD5,
      selectOn: 'validation',
    });
    expect(problem.base.accuracy).toBeCloseTo(sidecar.val_acc, 12);
    expect((await problem.measure(UNCOMPRESSED, 'test')).accuracy).toBeCloseTo(sidecar.test_acc, 12);
    // One real evaluation of each kind: pruning only, quantization only.
    const pruned = await problem.measure({ ...UNCOMPRESSED, convLayers: 'all', convIntensity: 0.3 }, 'val');
    expect(pruned.nonZeroRate).toBeLessThan(0.8);
    expect(pruned.f1).toBeLessThan(1);
    const quantized = await problem.measure({ ...UNCOMPRESSED, quantize: true }, 'val');
    expect(quantized.sizeBytes).toBeLessThan(0.35 * problem.base.sizeBytes);
    expect(quantized.accuracy).toBeGreaterThan(0.9 * problem.base.accuracy);
  });

  it('refuses a data file whose MD5 is not the official one', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'paretokit-md5-')), 'retinamnist.npz');
    const bytes = readFileSync(data);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(copy, bytes);
    await expect(
      compressionProblem({ model, sidecar: sidecarPath, dataset: copy, datasetMd5: RETINAMNIST_MD5 }),
    ).rejects.toThrow(new RegExp(`expected MD5 ${RETINAMNIST_MD5}, got MD5 [0-9a-f]{32}`));
  });

  it('continues a study killed mid-run (SIGKILL) without evaluating anything twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-embedded-kill-'));
    const config = writeConfig(dir, 'killed');
    const log = join(dir, 'killed', 'runs', 'retinamnist', 'samo', 'seed-1', 'evaluations.jsonl');
    // Kill once samo has logged part of its infills (its initial design holds 20).
    await killStudyAfter(config, log, 24);
    const evaluations = () => loggedEvaluations(log);
    const before = evaluations();
    expect(before).toBeGreaterThanOrEqual(24);
    expect(before).toBeLessThan(40);
    const resumed = await studyCommand({ config, write: () => {} });
    expect(resumed.summary.records[0]!.replayed).toBe(before);
    expect(evaluations()).toBe(40);
    // The outcome: the most accurate, fastest and smallest feasible model, each written as ONNX.
    const outcome = resumed.summary.compression[0]!;
    for (const pick of Object.values(outcome.picks)) {
      expect(existsSync(pick.model)).toBe(true);
      expect(pick.selectionAccuracy).toBeGreaterThanOrEqual(0.96 * outcome.base.selectionAccuracy - 1e-12);
    }
    expect(outcome.picks.smallest.sizeBytes).toBeLessThanOrEqual(outcome.picks.mostAccurate.sizeBytes);
    writeConfig(dir, 'whole');
    const whole = await studyCommand({ config: join(dir, 'study.json'), write: () => {} });
    expect(comparable(resumed.summary.records)).toEqual(comparable(whole.summary.records));
  });
});
