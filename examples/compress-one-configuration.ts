// Compress the RetinaMNIST ResNet50 with one configuration of the study's 7 variables (prune a quarter of
// every convolution's weights, quantize to int8) and compare it with the base model on the test split.
// Needs ../shared/models and ../shared/data/medmnist next to the repository; without them it says so
// and stops (on CI, where they must be present, it fails).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compressionProblem } from '@paretokit/compression';
import { toMatrix } from '@paretokit/problem';

const shared = (p: string) => fileURLToPath(new URL(`../../shared/${p}`, import.meta.url));
const files = {
  model: shared('models/resnet50_retinamnist.onnx'),
  sidecar: shared('models/resnet50_retinamnist.json'),
  dataset: shared('data/medmnist/retinamnist.npz'),
};
const missing = Object.values(files).filter((p) => !existsSync(p));
if (missing.length > 0) {
  console.log(`skipped: ${missing.length} file(s) of ../shared not found (model and RetinaMNIST)`);
  process.exit(process.env.CI ? 1 : 0);
}

// selectOn: 'test' reproduces the study; the default, 'validation', keeps the test split for the end.
const problem = await compressionProblem({ ...files, selectOn: 'test', seed: 1 });
console.log(
  `base: accuracy ${problem.base.accuracy.toFixed(4)}, f1 ${problem.base.f1}, tau ${problem.tau.toFixed(4)}`,
);

// x1 none (linear), x2 all (conv), x3 - (unused), x4 0.25, x5 - (unused), x6 weights, x7 int8.
const result = await problem.evaluate(toMatrix([[0, 1, 0.5, 0.25, 0, 0, 1]]), { seed: 1 });
const m = result.measurements[0]!;
console.log(
  `compressed: accuracy ${m.accuracy.toFixed(4)}, f1 ${m.f1.toFixed(4)}, feasible ${result.G.data[0]! <= 0}, ` +
    `non-zero rate ${m.nonZeroRate.toFixed(3)}, ${(m.sizeBytes / 1e6).toFixed(1)} MB, ` +
    `inference ${m.inferenceSeconds.toFixed(2)} s vs ${problem.base.inferenceSeconds.toFixed(2)} s (400 images, 1 thread)`,
);
