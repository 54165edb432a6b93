// Times the compression pipeline on the RetinaMNIST ResNet50 from ../shared (next to the repository):
// load, save, prune, quantize (with calibration), evaluate fp32 and int8 on the 400-image test split,
// and one full evaluation of the 7-variable problem. 1 intra-op thread, medians of --repeats runs,
// fp32 and int8 inference alternating so that both see the same machine load; wall and CPU time.
// The measurements are in resnet50.ts (shared with `pnpm bench:peers`).
//
//   cd packages/compression && npx tsx bench/compress-resnet50.ts --repeats 5 [--docs ../../docs/benchmarks.md]
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { optimizedOpCounts } from '../src/index.js';
import { loadResnet50, measureFullEvaluations, measureSteps, PRUNE_ALL_HALF } from './resnet50.js';

const { values: args } = parseArgs({
  options: { repeats: { type: 'string', default: '5' }, docs: { type: 'string' } },
});
const repeats = Number(args.repeats);

const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const loadBefore = loadavg()[0]!;
const setup = await loadResnet50();
const sidecar = setup.sidecar;
const {
  steps: rows,
  fp32Accuracy,
  int8Accuracy,
  int8Bytes,
} = await measureSteps(setup, { repeats, plain: true });
const evaluations = await measureFullEvaluations(setup, { repeats });
const { problem } = evaluations;
const full = evaluations.int8.wall;
const fullCpu = evaluations.int8.cpu;
const fullFp32 = evaluations.fp32.wall;
const fullFp32Cpu = evaluations.fp32.cpu;
const int8Config = { ...PRUNE_ALL_HALF, linearLayers: 'none', convLayers: 'none', quantize: true } as const;
const int8Measure = await problem.measure(int8Config);
const counts = await optimizedOpCounts(int8Bytes);
const loadAfter = loadavg()[0]!;

const fmt = (x: number) => (Number.isNaN(x) ? '-' : x < 0.1 ? x.toFixed(3) : x.toFixed(2));
const table = [
  '| step | wall s (median) | wall s (min-max) | CPU s (median) |',
  '|---|---:|---:|---:|',
  ...Object.entries(rows).map(
    ([name, t]) =>
      `| ${name} | ${fmt(median(t.wall))} | ${fmt(Math.min(...t.wall))}-${fmt(Math.max(...t.wall))} | ${fmt(median(t.cpu))} |`,
  ),
  `| full evaluation, int8 (prune 30-34 % + quantize + inference on 400 images) | ${fmt(median(full))} | ${fmt(Math.min(...full))}-${fmt(Math.max(...full))} | ${fmt(median(fullCpu))} |`,
  `| full evaluation, fp32 (prune 30-34 % + inference on 400 images) | ${fmt(median(fullFp32))} | ${fmt(Math.min(...fullFp32))}-${fmt(Math.max(...fullFp32))} | ${fmt(median(fullFp32Cpu))} |`,
];
const speedWall =
  median(rows['fp32 inference, 400 test images']!.wall) /
  median(rows['int8 inference, 400 test images']!.wall);
const speedPlain =
  median(rows['fp32 inference without NCHWc layouts (level extended), 400 images']!.wall) /
  median(rows['int8 inference, 400 test images']!.wall);
const speedCpu =
  median(rows['fp32 inference, 400 test images']!.cpu) / median(rows['int8 inference, 400 test images']!.cpu);
const kernels = Object.entries(counts)
  .map(([k, v]) => `${k.replace(/^:/, '')} ${v}`)
  .join(', ');
const text = `## Compression (RetinaMNIST ResNet50)

The flagship model: ResNet50 trained on RetinaMNIST (\`../shared/models/resnet50_retinamnist.onnx\`,
94 MB, 54 prunable layers), the official 400-image test split, onnxruntime-node 1.30.0 on the CPU with
**1 intra-op thread** (spinning off). Medians of ${repeats} runs after one warm-up round; fp32 and int8
inference alternate so that both see the same load. CPU time is the process's user + system time
(less sensitive to other jobs; for inference it includes creating the session).

Command: \`cd packages/compression && npx tsx bench/compress-resnet50.ts --repeats ${repeats} --docs ../../docs/benchmarks.md\`

Date: ${new Date().toISOString().slice(0, 10)}. Node ${process.version}, ${cpus()[0]?.model ?? 'CPU'} (${cpus().length} cores),
1-minute load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after the run (other engineers' tests
shared the machine).

${table.join('\n')}

- Accuracy on the test split: fp32 ${fp32Accuracy.toFixed(4)} (sidecar: ${sidecar.test_acc}), int8 ${int8Accuracy.toFixed(4)}.
- f1 of the unpruned int8 model: ${int8Measure.f1} (base model: ${problem.base.f1}); size ${(int8Measure.sizeBytes / 1e6).toFixed(1)} MB vs ${(problem.base.sizeBytes / 1e6).toFixed(1)} MB.
- **int8 vs fp32 inference: ${speedWall.toFixed(2)}x faster by wall time, ${speedCpu.toFixed(2)}x by CPU time** (the issue's
  target: 3x). fp32 runs onnxruntime's NCHWc-blocked AVX-512 convolutions (level \`all\`); against its
  plain fp32 kernels (level \`extended\`, row above) the int8 model is ${speedPlain.toFixed(1)}x faster. What it took
  beyond a fully fused graph: the 8 convolutions of the last stage have a 1x1 output (28x28 input),
  and onnxruntime's QLinearConv runs them one example at a time, a 3x3 kernel over all 9 taps
  although only the reachable ones meet data; \`quantizeModel\` runs them as Flatten -> Gemm ->
  Reshape (same function, QGemm over the whole batch), which took int8 inference from about 2.0x to
  about 3.2x (option \`lowerUnitSpatial\`). The batch size does not change the ratio from 16 to 400
  examples; with batch 1 fp32 is 4x slower and the ratio rises for that reason only.
- The optimized int8 graph (from \`optimizedModelFilePath\`) runs: ${kernels}; no float Conv or Gemm is left.
`;
console.log(text);
if (args.docs !== undefined) {
  const docs = readFileSync(args.docs, 'utf8'); // re-read right before writing: others edit this file too
  const heading = '## Compression (RetinaMNIST ResNet50)';
  const start = docs.indexOf(heading);
  let next = start < 0 ? -1 : docs.indexOf('\n## ', start + heading.length);
  if (next >= 0) next += 1;
  const updated =
    start < 0
      ? `${docs.trimEnd()}\n\n${text}`
      : `${docs.slice(0, start)}${text}${next < 0 ? '' : `\n${docs.slice(next)}`}`;
  writeFileSync(args.docs, updated);
  console.log(`wrote ${args.docs}`);
}
