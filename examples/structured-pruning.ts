// Structured channel pruning of the small RetinaMNIST CNN shipped in assets/retinamnist: find the
// channels a graph rewrite can cut, then measure one configuration of the structured problem (a
// fraction of channels cut per stage, int8) against the base model: latency, accuracy, file size.
import { fileURLToPath } from 'node:url';
import { compressionProblem, findChannelSets, loadOnnx } from '@paretokit/compression';

const asset = (p: string) => fileURLToPath(new URL(`../assets/retinamnist/${p}`, import.meta.url));
const model = await loadOnnx(asset('resnet18-narrow_retinamnist.onnx'));
const found = findChannelSets(model);
console.log(
  `${found.sets.length} Convs whose channels can be cut, in ${found.stages} stages; ` +
    `${found.skipped.filter((s) => s.reason === 'residual').length} feed residual joins and stay`,
);

const options = {
  pruning: 'structured',
  model,
  sidecar: asset('resnet18-narrow_retinamnist.json'),
  dataset: asset('retinamnist.npz'),
  seed: 1,
} as const;
const problem = await compressionProblem(options);
const fractions = problem.variables.slice(0, -1).map((_, stage) => (stage < 2 ? 0.25 : 0.5));
const m = await problem.measure({ fractions, quantize: true });
const base = problem.base;
console.log(`variables: ${problem.variables.map((v) => v.name).join(', ')}`);
console.log(
  `base: validation accuracy ${base.accuracy.toFixed(4)}, ${(base.latency.seconds * 1000).toFixed(1)} ms per batch of ${base.latency.batchSize}, ${(base.sizeBytes / 1e6).toFixed(2)} MB`,
);
console.log(
  `cut [${fractions.join(', ')}] + int8: accuracy ${m.accuracy.toFixed(4)} (constraint ${problem.tau.toFixed(4)}), ` +
    `latency ${m.f1.toFixed(2)} x base, FLOPs ${m.relativeFlops.toFixed(3)} x base, ${(m.sizeBytes / 1e6).toFixed(2)} MB, ` +
    `channels ${m.channels.map((c) => `${c.after}/${c.before}`).join(' ')}`,
);

// The same cut with sequential repair: each consumer refitted toward the base model's output from
// what the cut model gives it (more accurate at deep cuts; one calibration pass per cut set).
const sequential = await compressionProblem({ ...options, repair: 'sequential' });
const s = await sequential.measure({ fractions, quantize: true });
console.log(
  `with repair 'sequential': accuracy ${s.accuracy.toFixed(4)}, cut in ${s.pruneSeconds.toFixed(2)} s ` +
    `(least-squares: ${m.accuracy.toFixed(4)}, ${m.pruneSeconds.toFixed(2)} s)`,
);
