import { InvalidArgumentError } from '@paretokit/problem';
import { createSession, ort } from './internal/session.js';
import type { ModelInputs } from './prepare-inputs.js';

/** Options of {@link measureLatency}. */
export interface MeasureLatencyOptions {
  /** Examples in the fixed batch (the first of `inputs`). Default 100. */
  readonly batchSize?: number;
  /** Untimed runs first. Default 1. */
  readonly warmup?: number;
  /** Timed runs. Default 5. */
  readonly runs?: number;
  /** Noise guard: while (q3 - q1) / median exceeds this, `runs` more are timed, up to `maxRuns`. Default 0.1. */
  readonly noise?: number;
  /** Default 3 x runs. */
  readonly maxRuns?: number;
  /** onnxruntime intra-op threads. Default 1. */
  readonly threads?: number;
  /** Input name; default the model's first input. */
  readonly inputName?: string;
}

/** A latency measurement: the median of repeated timed runs and how much they spread. */
export interface LatencyMeasurement {
  /** Median wall time of one run over the batch, seconds. */
  readonly seconds: number;
  /** Every timed run, seconds, in order. */
  readonly runs: readonly number[];
  /** (q3 - q1) / median of the runs. */
  readonly spread: number;
  /** True when the spread stayed above the noise guard after `maxRuns` runs. */
  readonly noisy: boolean;
  readonly batchSize: number;
  readonly warmup: number;
}

const quantile = (sorted: readonly number[], q: number) => {
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (at - lo);
};

function positiveInt(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidArgumentError({
      argument: `measureLatency: ${name}`,
      expected: `an integer >= ${min}`,
      actual: value,
    });
  }
  return value;
}

/**
 * Measures a model's inference latency on a fixed batch with onnxruntime-node: one session
 * (1 intra-op thread by default), `warmup` untimed runs, then `runs` timed runs of the same batch,
 * more while their interquartile spread exceeds the noise guard. Returns the median, every run,
 * the spread and whether it stayed noisy. O((warmup + runs) inferences of the batch).
 *
 * @example
 * const sidecar = { classes: 3, input: { name: 'input', layout: 'NCHW', shape: [3, 2, 2], dtype: 'float32', preprocess: 'x/255' }, output: { name: 'logits' } };
 * const inputs = prepareInputs(await loadMedMNIST(tinyNpz()), 'train', sidecar);
 * const latency = await measureLatency(saveOnnxSync(tinyCnn({ size: 2 })), inputs, { runs: 5 });
 * [latency.runs.length >= 5, latency.seconds > 0, latency.batchSize] // => [true, true, 4]
 */
export async function measureLatency(
  model: Uint8Array,
  inputs: ModelInputs,
  options: MeasureLatencyOptions = {},
): Promise<LatencyMeasurement> {
  const runs = positiveInt('runs', options.runs ?? 5, 1);
  const warmup = positiveInt('warmup', options.warmup ?? 1, 0);
  const maxRuns = positiveInt('maxRuns', options.maxRuns ?? 3 * runs, runs);
  const batchSize = Math.min(positiveInt('batchSize', options.batchSize ?? 100, 1), inputs.count);
  const noise = options.noise ?? 0.1;
  if (!(noise > 0)) {
    throw new InvalidArgumentError({
      argument: 'measureLatency: noise',
      expected: 'a number > 0',
      actual: noise,
    });
  }
  const session = await createSession(model, { threads: options.threads ?? 1 });
  try {
    const per = inputs.exampleShape.reduce((a, b) => a * b, 1);
    const feed = {
      [options.inputName ?? session.inputNames[0]!]: new ort.Tensor(
        'float32',
        inputs.data.subarray(0, batchSize * per),
        [batchSize, ...inputs.exampleShape],
      ),
    };
    const once = async () => {
      const started = performance.now();
      const out = await session.run(feed);
      const seconds = (performance.now() - started) / 1000;
      for (const t of Object.values(out)) t.dispose();
      return seconds;
    };
    for (let i = 0; i < warmup; i++) await once();
    const times: number[] = [];
    let spread = Number.POSITIVE_INFINITY;
    while (times.length < maxRuns && (times.length < runs || spread > noise)) {
      for (let i = 0; i < runs && times.length < maxRuns; i++) times.push(await once());
      const sorted = [...times].sort((a, b) => a - b);
      spread = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / quantile(sorted, 0.5);
    }
    const seconds = quantile(
      [...times].sort((a, b) => a - b),
      0.5,
    );
    return { seconds, runs: times, spread, noisy: spread > noise, batchSize, warmup };
  } finally {
    await session.release();
  }
}
