// Structured channel pruning of the RetinaMNIST ResNet50 from ../shared: the fp32 base model, the
// unpruned int8 model and structured + int8 models timed side by side on the 400-image test split
// (1 onnxruntime thread, rounds alternating between the models), with their accuracies, file sizes
// and the wall time of one structured evaluation. The measurements behind the `structured` section
// of `pnpm bench:peers`.
import { compressionProblem, type StructuredConfig, type StructuredMeasurement } from '../src/index.js';
import { RESNET50_MODEL, RESNET50_SIDECAR, RETINAMNIST_DATA } from './resnet50.js';

/** One timed model: its configuration, test-split times, accuracies and file size. */
export interface TimedStructuredModel {
  readonly label: string;
  readonly config: StructuredConfig;
  /** Test-split wall seconds of every round. */
  readonly seconds: number[];
  readonly validation: StructuredMeasurement;
  readonly test: StructuredMeasurement;
}

/** What {@link measureStructured} returns. */
export interface StructuredBench {
  readonly models: TimedStructuredModel[];
  /** Wall seconds of full structured evaluations (cut, check, quantize, validation inference, latency). */
  readonly evaluationSeconds: number[];
  readonly tau: number;
}

/**
 * Times the base model, the unpruned int8 model and each `candidates` configuration over the test
 * split in `repeats` alternating rounds, measures each on the validation and test splits, and
 * times `evaluations` fresh structured evaluations (new configurations, so nothing is cached).
 */
export async function measureStructured(options: {
  readonly candidates: readonly { readonly label: string; readonly config: StructuredConfig }[];
  readonly repeats: number;
  readonly evaluations: number;
}): Promise<StructuredBench> {
  const problem = await compressionProblem({
    pruning: 'structured',
    model: RESNET50_MODEL,
    sidecar: RESNET50_SIDECAR,
    dataset: RETINAMNIST_DATA,
  });
  const models = [
    { label: 'fp32 base model', config: problem.uncompressed },
    { label: 'int8, nothing cut', config: { fractions: problem.uncompressed.fractions, quantize: true } },
    ...options.candidates,
  ];
  const rounds = await problem.timeInference(
    models.map((m) => m.config),
    { repeats: options.repeats },
  );
  const timed: TimedStructuredModel[] = [];
  for (const [i, m] of models.entries()) {
    timed.push({
      ...m,
      seconds: rounds[i]!,
      validation: await problem.measure(m.config, 'val'),
      test: await problem.measure(m.config, 'test'),
    });
  }
  const evaluationSeconds: number[] = [];
  for (let k = 0; k < options.evaluations; k++) {
    // Fractions no run used before (0.31, 0.32, ...), so each evaluation cuts, quantizes and measures anew.
    const f = 0.31 + 0.01 * k;
    const m = await problem.measure({ fractions: [f / 2, f, f, 2 * f], quantize: true });
    evaluationSeconds.push(m.evaluationSeconds);
  }
  return { models: timed, evaluationSeconds, tau: problem.tau };
}
