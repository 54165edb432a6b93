// Times the compression pipeline on the RetinaMNIST ResNet50 from ../shared (next to the repository):
// load, save, prune, quantize (with calibration), evaluate fp32 and int8 on the 400-image test split,
// and one full evaluation of the 7-variable problem. 1 intra-op thread, medians of --repeats runs,
// fp32 and int8 inference alternating so that both see the same machine load; wall and CPU time.
//
//   cd packages/compression && npx tsx bench/compress-resnet50.ts --repeats 5 [--docs ../../docs/benchmarks.md]
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  compressionProblem,
  evaluateModel,
  loadMedMNIST,
  loadOnnx,
  optimizedOpCounts,
  prepareInputs,
  pruneModel,
  quantizeModel,
  readSidecar,
  saveOnnxSync,
} from '../src/index.js';

const { values: args } = parseArgs({
  options: { repeats: { type: 'string', default: '5' }, docs: { type: 'string' } },
});
const repeats = Number(args.repeats);
const shared = (p: string) => fileURLToPath(new URL(`../../../../shared/${p}`, import.meta.url));
const modelPath = shared('models/resnet50_retinamnist.onnx');
const sidecarPath = shared('models/resnet50_retinamnist.json');
const dataPath = shared('data/medmnist/retinamnist.npz');

const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
async function time<T>(f: () => T | Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  const d = process.cpuUsage(c);
  return { value, wall: (performance.now() - t) / 1000, cpu: (d.user + d.system) / 1e6 };
}

const loadBefore = loadavg()[0]!;
const bytes = readFileSync(modelPath);
const sidecar = await readSidecar(sidecarPath);
const dataset = await loadMedMNIST(dataPath);
const test = prepareInputs(dataset, 'test', sidecar);
const calibration = prepareInputs(dataset, 'train', sidecar, { limit: 100 });
const pruning = {
  linearLayers: 'all',
  convLayers: 'all',
  linearIntensity: 0.5,
  convIntensity: 0.5,
  linearTarget: 'weights',
  convTarget: 'weights',
} as const;

const rows: Record<string, { wall: number[]; cpu: number[] }> = {};
const record = (name: string, t: { wall: number; cpu: number }) => {
  rows[name] ??= { wall: [], cpu: [] };
  rows[name].wall.push(t.wall);
  rows[name].cpu.push(t.cpu);
};
let fp32Accuracy = 0;
let int8Accuracy = 0;
let fp32Bytes: Uint8Array = new Uint8Array();
let int8Bytes: Uint8Array = new Uint8Array();
for (let r = 0; r < repeats + 1; r++) {
  const warm = r === 0; // the first round warms up V8 and onnxruntime; not counted
  const loaded = await time(() => loadOnnx(bytes));
  const saved = await time(() => saveOnnxSync(loaded.value));
  const pruned = await time(() => pruneModel(loaded.value, pruning));
  const quantized = await time(() => quantizeModel(loaded.value, { calibration }));
  fp32Bytes = saved.value;
  int8Bytes = saveOnnxSync(quantized.value.model);
  const fp32 = await time(() => evaluateModel(fp32Bytes, test, { threads: 1 }));
  const int8 = await time(() => evaluateModel(int8Bytes, test, { threads: 1 }));
  const plain = await time(() =>
    evaluateModel(fp32Bytes, test, { threads: 1, optimizationLevel: 'extended' }),
  );
  fp32Accuracy = fp32.value.accuracy;
  int8Accuracy = int8.value.accuracy;
  if (warm) continue;
  record('load (decode 94 MB)', loaded);
  record('save (encode)', saved);
  record('prune all 54 layers (50 %)', pruned);
  record('quantize int8 (with calibration on 100 train images)', quantized);
  // Inference only: evaluateModel's own wall clock around the batches; CPU time includes session creation.
  record('fp32 inference, 400 test images', { wall: fp32.value.seconds, cpu: fp32.cpu });
  record('int8 inference, 400 test images', { wall: int8.value.seconds, cpu: int8.cpu });
  record('fp32 inference without NCHWc layouts (level extended), 400 images', {
    wall: plain.value.seconds,
    cpu: plain.cpu,
  });
  record('fp32 session creation', { wall: fp32.value.sessionSeconds, cpu: Number.NaN });
  record('int8 session creation', { wall: int8.value.sessionSeconds, cpu: Number.NaN });
}

// Full evaluations of the problem (prune + quantize + session + inference on the test split), each
// with another intensity so that none is a cache hit.
const problem = await compressionProblem({
  model: modelPath,
  sidecar: sidecarPath,
  dataset,
  selectOn: 'test',
});
const full: number[] = [];
const fullFp32: number[] = [];
const fullCpu: number[] = [];
const fullFp32Cpu: number[] = [];
for (let r = 0; r < repeats; r++) {
  const config = {
    ...pruning,
    linearIntensity: 0.3 + 0.01 * r,
    convIntensity: 0.3 + 0.01 * r,
    quantize: true,
  };
  const a = await time(() => problem.measure(config));
  const b = await time(() => problem.measure({ ...config, quantize: false }));
  full.push(a.value.evaluationSeconds);
  fullCpu.push(a.cpu);
  fullFp32.push(b.value.evaluationSeconds);
  fullFp32Cpu.push(b.cpu);
}
const int8Config = { ...pruning, linearLayers: 'none', convLayers: 'none', quantize: true } as const;
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
