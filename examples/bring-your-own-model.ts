// A classifier without a sidecar: inspectModel reads what the compression problem needs from the
// graph (input, layout, shape, output, classes, prunable layers, FLOPs); only the preprocessing is
// given, here as a preset. The problem then measures the model and one int8 configuration on the
// RetinaMNIST file shipped in assets/retinamnist (an image folder works the same: see
// image-folder.ts and `paretokit compress --data <folder>`).
import { fileURLToPath } from 'node:url';
import { compressionProblem, inspectModel, UNCOMPRESSED } from '@paretokit/compression';

const asset = (name: string) => fileURLToPath(new URL(`../assets/retinamnist/${name}`, import.meta.url));
const model = asset('resnet18-narrow_retinamnist.onnx');

const report = await inspectModel(model);
const { input, output, classes } = report.sidecar;
console.log(
  `input ${input.name} ${input.layout} [${input.shape.join(', ')}], output ${output.name}, ${classes} classes`,
);
console.log(
  `opset ${report.opset}, ${report.layers.conv} Conv + ${report.layers.linear} linear layers, ${(report.flops / 1e6).toFixed(1)} MFLOPs`,
);
for (const line of report.sidecar.evidence) console.log(`  ${line}`);

const problem = await compressionProblem({
  model,
  dataset: asset('retinamnist.npz'),
  preprocess: 'minus-one-to-one',
  seed: 1,
});
const int8 = await problem.measure({ ...UNCOMPRESSED, quantize: true });
console.log(`base validation accuracy ${problem.base.accuracy.toFixed(4)}, int8 ${int8.accuracy.toFixed(4)}`);
console.log(
  `size ${(problem.base.sizeBytes / 1e6).toFixed(2)} MB -> ${(int8.sizeBytes / 1e6).toFixed(2)} MB`,
);
