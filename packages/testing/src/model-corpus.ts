// The model corpus of the tests: small classifiers of the shapes users bring, trained briefly on
// the committed RetinaMNIST file by examples/medmnist-train/build_corpus.py into
// .cache/model-corpus/ (about a minute, once; the script skips models already built with the same
// settings). Tests of several packages share it; a lock folder keeps two test processes from
// building it at once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// packages/testing/{src,dist}/ -> the repository root.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = join(ROOT, '.cache', 'model-corpus');
const LOCK = join(ROOT, '.cache', 'model-corpus.lock');
const BUILD = join(ROOT, 'examples', 'medmnist-train', 'build_corpus.py');
/** build_corpus.py's exit status when PyTorch is missing and a model must be built. */
const NO_TORCH = 3;
const BUILD_TIMEOUT_MS = 600_000;

/** One model of the corpus, with absolute paths. */
export interface CorpusModel {
  /** e.g. `keras-nhwc_opset17`. */
  readonly name: string;
  /** train.py's `--arch`. */
  readonly arch: string;
  readonly opset: number;
  /** The `.onnx` file. */
  readonly model: string;
  /** Its JSON sidecar. */
  readonly sidecar: string;
}

/** The committed RetinaMNIST file the corpus is trained on (absolute path). */
export const CORPUS_DATA = join(ROOT, 'assets', 'retinamnist', 'retinamnist.npz');

/** The manifest's models, when every file is there. */
function readCorpus(): CorpusModel[] | undefined {
  const manifest = join(CORPUS, 'manifest.json');
  if (!existsSync(manifest)) return undefined;
  const listed = (JSON.parse(readFileSync(manifest, 'utf8')) as { models: CorpusModel[] }).models;
  const models = listed.map((m) => ({
    ...m,
    model: join(CORPUS, m.model),
    sidecar: join(CORPUS, m.sidecar),
  }));
  return models.every((m) => existsSync(m.model) && existsSync(m.sidecar)) ? models : undefined;
}

/** Runs `fn` holding the corpus lock (a folder; one left by a dead process is taken after the build timeout). */
function withLock<T>(fn: () => T): T {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > BUILD_TIMEOUT_MS) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline)
        throw new Error('model corpus: another process holds its lock too long');
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds (or checks) the corpus with build_corpus.py and returns its models; without a Python with
 * PyTorch to build it, undefined after one line saying why, or an error when `CI` is set. The
 * interpreter is `/usr/bin/python3` (Debian's python3-torch) unless PARETOKIT_TORCH_PYTHON says.
 */
export function modelCorpus(what: string): CorpusModel[] | undefined {
  const python = process.env.PARETOKIT_TORCH_PYTHON || '/usr/bin/python3';
  let why: string | undefined;
  withLock(() => {
    try {
      execFileSync(python, [BUILD], { timeout: BUILD_TIMEOUT_MS, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { status?: number | null; stderr?: string };
      if (e.code === 'ENOENT') why = `${python} not found`;
      else if (e.status === NO_TORCH) why = `${python} cannot import torch and torchvision`;
      else throw new Error(`build_corpus.py failed: ${e.stderr ?? String(error)}`, { cause: error });
    }
  });
  // Without the interpreter, a corpus built earlier is still used as it is.
  const models = why === undefined || why.endsWith('not found') ? readCorpus() : undefined;
  if (models !== undefined) return models;
  const line = `${what}: skipped, ${why ?? 'the corpus is incomplete'} (needed to build .cache/model-corpus with examples/medmnist-train/build_corpus.py)`;
  if (process.env.CI) throw new Error(`${line}; CI needs it.`);
  console.log(line);
  return undefined;
}
