// `paretokit compress` on every model of the corpus (packages/testing's modelCorpus: a ResNet, a
// MobileNetV2, a VGG chain and a Keras-converted NHWC graph, opsets 13 and 17) from an image
// folder written here from real RetinaMNIST images, the way a user brings a classifier and a
// folder of PNG files. Half the models come without their sidecar (the preprocessing given as
// --preprocess would be), so both paths run on every architecture family.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMedMNIST, type MedMNISTSplit, writeImageFolder } from '@paretokit/compression';
import { CORPUS_DATA, modelCorpus } from '@paretokit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { compressCommand } from './compress.js';
import { studyCommand } from './study.js';

const CLASS_NAMES = ['grade-0', 'grade-1', 'grade-2', 'grade-3', 'grade-4'];
const models = modelCorpus('paretokit compress on the model corpus');

/** The first `n` images of a split. */
function head(split: MedMNISTSplit, n: number, pixels: number): MedMNISTSplit {
  return { count: n, images: split.images.subarray(0, n * pixels), labels: split.labels.subarray(0, n) };
}

describe.skipIf(models === undefined)('paretokit compress on the model corpus, from an image folder', () => {
  let images: string;
  beforeAll(async () => {
    const full = await loadMedMNIST(CORPUS_DATA);
    const pixels = full.height * full.width * full.channels;
    images = join(mkdtempSync(join(tmpdir(), 'paretokit-corpus-')), 'images');
    // No val/ folder: the validation split is drawn from train/ (seeded, stratified) and said so.
    await writeImageFolder(
      {
        ...full,
        train: head(full.train, 400, pixels),
        val: { count: 0, images: new Uint8Array(0), labels: new Int32Array(0) },
        test: head(full.test, 200, pixels),
      },
      images,
      { classNames: CLASS_NAMES },
    );
  });

  it.each(models ?? [])('$name', async (entry) => {
    const dir = mkdtempSync(join(tmpdir(), `paretokit-corpus-${entry.name}-`));
    const sidecar = JSON.parse(readFileSync(entry.sidecar, 'utf8')) as { input: { preprocess: string } };
    const bare = entry.opset === 17 || entry.arch === 'vgg-small';
    const model = join(dir, 'model.onnx');
    copyFileSync(entry.model, model);
    if (!bare) copyFileSync(entry.sidecar, join(dir, 'model.json'));
    const lines: string[] = [];
    const out = join(dir, 'run');
    const record = await compressCommand({
      model,
      data: images,
      ...(bare ? { preprocess: sidecar.input.preprocess } : {}),
      budget: 9,
      initial: 7,
      infills: 2,
      seed: 1,
      out,
      selectOn: 'validation',
      threads: 1,
      surrogates: ['knn'],
      generations: 3,
      progress: false,
      timingRepeats: 1,
      write: (t) => lines.push(t),
    });
    const text = lines.join('\n');
    if (process.env.SHOW_CORPUS_RUN) console.log(text);
    expect(record.evaluations).toBe(9);
    expect(text).toMatch(/images: val: no val\/ folder, drew 40 of 400 train images/);
    expect(record.base!.classNames).toEqual(CLASS_NAMES);
    expect(record.base!.test.accuracy).toBeGreaterThan(0.3);
    if (record.front.length > 0) {
      expect(text).toMatch(/\n {2}classes {7}0 grade-0, 1 grade-1, 2 grade-2, 3 grade-3, 4 grade-4\n/);
      expect(text).toMatch(/recall per class: grade-0 \d\.\d\d, grade-1/);
      for (const role of ['most-accurate', 'fastest', 'smallest'])
        expect(existsSync(join(out, `images-${role}.onnx`))).toBe(true);
    }
    // Keras's Softmax stays float, and the terminal says so for the front models that are int8.
    if (entry.arch === 'keras-nhwc' && record.front.some((e) => e.settings.quantize === true))
      expect(text).toMatch(/left as they were in the front models:\n {2}.*Softmax/);
  });

  it('paretokit study on a corpus model from the same folder says how its data was read', async () => {
    const entry = models![0]!;
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-corpus-study-'));
    const sidecar = JSON.parse(readFileSync(entry.sidecar, 'utf8')) as { input: { preprocess: string } };
    const config = join(dir, 'study.json');
    writeFileSync(
      config,
      JSON.stringify({
        name: 'corpus-study',
        problems: [
          {
            type: 'compression',
            name: 'corpus',
            model: entry.model,
            data: images,
            preprocess: sidecar.input.preprocess,
            selectOn: 'validation',
            threads: 1,
          },
        ],
        methods: ['random'],
        seeds: 1,
        budget: 4,
        out: join(dir, 'run'),
      }),
    );
    const lines: string[] = [];
    await studyCommand({ config, workers: 2, progress: false, write: (t) => lines.push(t) });
    expect(lines.join('\n')).toMatch(/\ncorpus: val: no val\/ folder, drew 40 of 400 train images/);
  });
});
