// Runs train.py (tiny CNN and resnet18-narrow, 1-3 epochs, seconds) on small generated .npz files and checks that
// the exported ONNX and its sidecar work with @paretokit/compression: onnxruntime-node runs the model,
// it scores the right number of classes, and the accuracies the sidecar records (measured by PyTorch)
// are the ones onnxruntime measures on the same splits. Also checks the script's error messages.
// Needs a python with torch and torchvision: $PARETOKIT_TORCH_PYTHON, else python3, else /usr/bin/python3.
// Without one the tests are skipped (with one line saying so), or fail when CI is set.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  encodeMedMNIST,
  evaluateModel,
  loadMedMNIST,
  loadOnnx,
  type MedMNISTArrays,
  type ModelSidecar,
  prepareInputs,
  readSidecar,
} from '@paretokit/compression';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../train.py', import.meta.url));
const CLASSES = 3;
const SPLITS = ['train', 'val', 'test'] as const;
/** The keys of the base models' sidecars in ../shared/models, in their order. */
const SIDECAR_KEYS = [
  'arch',
  'dataset',
  'classes',
  'epochs',
  'best_epoch',
  'val_acc',
  'train_acc',
  'test_acc',
  'input',
  'output',
  'torch',
  'seed',
  'optimizer',
];

function findTorchPython(): string | undefined {
  const candidates = [process.env.PARETOKIT_TORCH_PYTHON, 'python3', '/usr/bin/python3'];
  for (const python of candidates) {
    if (python === undefined || python === '') continue;
    const probe = spawnSync(python, ['-c', 'import numpy, torch, torchvision'], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    if (probe.status === 0) return python;
  }
  return undefined;
}

const python = findTorchPython();
if (python === undefined && !process.env.CI) {
  console.warn(
    'medmnist-train: tests skipped, no python with torch and torchvision (tried $PARETOKIT_TORCH_PYTHON, python3, /usr/bin/python3)',
  );
}

/** Small integer hash, for deterministic pixel noise. */
function hash(i: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * `counts` images per split, labels 0, 1, 2, 0, ...; class 0 has horizontal stripes, class 1
 * vertical stripes, class 2 a bright square in the middle (each in its own colour when RGB), plus noise.
 */
function patterned(size: number, channels: 1 | 3, counts: readonly [number, number, number]): MedMNISTArrays {
  let seed = 0;
  const split = (count: number) => {
    const images = new Uint8Array(count * size * size * channels);
    const labels = Int32Array.from({ length: count }, (_, n) => n % CLASSES);
    for (let n = 0; n < count; n++) {
      const label = labels[n]!;
      const shift = n % 4;
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const middle = Math.abs(y - size / 2) < size / 4 && Math.abs(x - size / 2) < size / 4;
          const on =
            label === 0 ? (y + shift) % 4 < 2 : label === 1 ? (x + shift) % 4 < 2 : middle && shift !== 3;
          for (let c = 0; c < channels; c++) {
            const lit = on && (channels === 1 || c === label);
            images[((n * size + y) * size + x) * channels + c] = (lit ? 170 : 20) + (hash(seed++) % 64);
          }
        }
      }
    }
    return { count, images, labels };
  };
  const [train, val, test] = counts;
  return { height: size, width: size, channels, train: split(train), val: split(val), test: split(test) };
}

function train(args: readonly string[], env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  return spawnSync(python!, [SCRIPT, ...args], { encoding: 'utf8', env, timeout: 120_000 });
}

/** Same-length rename of a zip entry (names are stored uncompressed, outside the CRC). */
function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length);
  const text = Buffer.from(zip).toString('latin1');
  expect(text.includes(from)).toBe(true);
  return Uint8Array.from(Buffer.from(text.split(from).join(to), 'latin1'));
}

async function expectAgreement(
  model: string,
  data: string,
  keys: readonly string[] = SIDECAR_KEYS,
): Promise<ModelSidecar> {
  const sidecar = await readSidecar(model.replace(/\.onnx$/, '.json'));
  expect(Object.keys(sidecar)).toEqual(keys);
  expect(sidecar.classes).toBe(CLASSES);
  const onnx = await loadOnnx(model);
  const inputs = onnx.proto.graph?.input ?? [];
  const outputs = onnx.proto.graph?.output ?? [];
  expect(inputs.map((v) => v.name)).toEqual([sidecar.input.name]);
  expect(outputs.map((v) => v.name)).toEqual([sidecar.output.name]);
  const dims = outputs[0]!.type!.tensor_type!.shape!.dim!;
  expect(dims[0]!.dim_param).toBe('batch');
  expect(Number(dims[1]!.dim_value)).toBe(CLASSES);
  const dataset = await loadMedMNIST(data);
  for (const split of SPLITS) {
    // batchSize 7 runs batches of several sizes through the dynamic batch axis.
    const result = await evaluateModel(onnx, prepareInputs(dataset, split, sidecar), { batchSize: 7 });
    expect(result.predictions.length).toBe(dataset[split].count);
    expect(result.confusion.length).toBe(CLASSES);
    expect(Math.max(...result.predictions)).toBeLessThan(CLASSES);
    const recorded = sidecar[`${split}_acc`] as number;
    expect(Math.abs(result.accuracy - recorded), `${split} accuracy`).toBeLessThanOrEqual(1e-6);
  }
  return sidecar;
}

describe.skipIf(python === undefined)('train.py', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'medmnist-train-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('trains on an RGB .npz; onnxruntime measures the accuracies the sidecar records', async () => {
    const data = join(dir, 'rgb.npz');
    writeFileSync(data, encodeMedMNIST(patterned(28, 3, [60, 20, 20])));
    const model = join(dir, 'out', 'small.onnx');
    const run = train(['--data', data, '--out', model, '--arch', 'small', '--epochs', '1']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/best epoch 0: train/);
    const sidecar = await expectAgreement(model, data);
    expect(sidecar).toMatchObject({
      arch: 'small',
      dataset: 'rgb.npz',
      epochs: 1,
      best_epoch: 0,
      seed: 0,
      input: {
        name: 'input',
        layout: 'NCHW',
        shape: [3, 28, 28],
        dtype: 'float32',
        preprocess: 'x/255, then (x-0.5)/0.5 per channel; grayscale repeated to 3 channels',
      },
      output: { name: 'logits' },
      optimizer: 'Adam lr 1e-3 wd 1e-3 batch 128, MultiStepLR 50%/75% x0.1',
    });
    const log = JSON.parse(readFileSync(join(dir, 'out', 'small.log.json'), 'utf8')) as unknown[];
    expect(log).toEqual([
      { epoch: 0, loss: expect.any(Number), val_acc: sidecar.val_acc, s: expect.any(Number) },
    ]);
  }, 120_000);

  it('trains on a grey .npz (repeated to 3 channels) and keeps the best validation epoch', async () => {
    const data = join(dir, 'grey.npz');
    writeFileSync(data, encodeMedMNIST(patterned(16, 1, [45, 15, 15])));
    const model = join(dir, 'grey.onnx');
    const run = train([
      '--data',
      data,
      '--out',
      model,
      '--arch',
      'small',
      '--epochs',
      '3',
      '--batch-size',
      '8',
      '--lr',
      '0.01',
      '--seed',
      '3',
      '--quiet',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const sidecar = await expectAgreement(model, data);
    expect(sidecar.input.shape).toEqual([3, 16, 16]);
    expect(sidecar.optimizer).toBe('Adam lr 0.01 wd 1e-3 batch 8, MultiStepLR 50%/75% x0.1');
    const log = JSON.parse(readFileSync(join(dir, 'grey.log.json'), 'utf8')) as { val_acc: number }[];
    const accs = log.map((e) => e.val_acc);
    expect(accs.length).toBe(3);
    expect(sidecar.best_epoch).toBe(accs.indexOf(Math.max(...accs)));
    expect(sidecar.val_acc).toBe(Math.max(...accs));
    // 15 steps of Adam on colourless stripes and squares: better than chance.
    expect(sidecar.train_acc).toBeGreaterThan(0.5);
  }, 120_000);

  it('trains the small residual network (resnet18-narrow, width 16) with flips; under 5 MB, onnxruntime agrees', async () => {
    const data = join(dir, 'narrow.npz');
    writeFileSync(data, encodeMedMNIST(patterned(28, 3, [24, 9, 9])));
    const model = join(dir, 'narrow.onnx');
    const run = train([
      '--data',
      data,
      '--out',
      model,
      ...'--arch resnet18-narrow --flip --epochs 2'.split(' '),
    ]);
    expect(run.status, run.stderr).toBe(0);
    const sidecar = await expectAgreement(model, data, [...SIDECAR_KEYS, 'width', 'augmentation']);
    expect(sidecar).toMatchObject({
      arch: 'resnet18-narrow',
      width: 16,
      augmentation: 'random horizontal flips',
    });
    const onnx = await loadOnnx(model);
    const convs = (onnx.proto.graph?.node ?? []).filter((n) => n.op_type === 'Conv').length;
    expect(convs).toBe(20); // stem, 16 in the blocks, 3 projection shortcuts
    expect(readFileSync(model).length).toBeLessThan(5e6);
  }, 120_000);

  it('names the missing array of a bad .npz and writes nothing', () => {
    const data = join(dir, 'no-val-labels.npz');
    const good = encodeMedMNIST(patterned(28, 3, [6, 3, 3]));
    writeFileSync(data, renameEntry(good, 'val_labels.npy', 'val_lAbels.npy'));
    const model = join(dir, 'bad', 'm.onnx');
    const run = train(['--data', data, '--out', model, '--arch', 'small', '--epochs', '1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('train.py: error:');
    expect(run.stderr).toContain('missing array(s) val_labels (found: ');
    expect(run.stderr).toContain('val_lAbels');
    expect(run.stderr).not.toContain('Traceback');
    const missing = train(['--data', join(dir, 'nowhere.npz'), '--out', model]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere.npz: no such file');
  }, 60_000);

  it('tells how to install PyTorch when it cannot be imported', () => {
    const data = join(dir, 'tiny.npz');
    writeFileSync(data, encodeMedMNIST(patterned(8, 3, [6, 3, 3])));
    const fake = join(dir, 'no-torch');
    mkdirSync(fake);
    writeFileSync(join(fake, 'torch.py'), 'raise ImportError("No module named \'torch\'")\n');
    const run = train(['--data', data, '--out', join(dir, 'm.onnx')], {
      ...process.env,
      PYTHONPATH: fake,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('apt-get install python3-torch python3-torchvision');
    expect(run.stderr).toContain('pip install torch torchvision');
    expect(run.stderr).not.toContain('Traceback');
  }, 60_000);
});

describe.skipIf(python === undefined)('test_train.py', () => {
  it('passes (the Python unit checks of train.py, resnet18-narrow included)', () => {
    const run = spawnSync(python!, ['-m', 'unittest', 'discover', '-s', 'test'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^OK$/m);
  }, 60_000);
});

describe.runIf(python === undefined && Boolean(process.env.CI))('train.py on CI', () => {
  it('finds a python with torch and torchvision', () => {
    throw new Error(
      'No python with torch and torchvision: set PARETOKIT_TORCH_PYTHON, or install them (see README.md).',
    );
  });
});
