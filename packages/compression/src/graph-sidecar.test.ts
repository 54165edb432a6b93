import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { retinaFiles } from '../test/shared-data.js';
import { tinyDataset, tinySidecar } from '../test/tiny-data.js';
import { compressionProblem } from './compression-problem.js';
import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { graphSidecar } from './graph-sidecar.js';
import { inspectModel } from './inspect-model.js';
import type { OnnxModel } from './onnx-types.js';
import { tinyCnn } from './tiny-cnn.js';

/** `model` with the output's class dimension made symbolic, as some converters leave it. */
function symbolicOutput(model: OnnxModel): OnnxModel {
  const graph = model.proto.graph!;
  const output = graph.output!.map((o) => ({
    ...o,
    type: {
      tensor_type: { elem_type: 1, shape: { dim: [{ dim_param: 'batch' }, { dim_param: 'classes' }] } },
    },
  }));
  return { proto: { ...model.proto, graph: { ...graph, output } } };
}

describe('graphSidecar', () => {
  it('reads input, layout, shape, output and classes from the graph', async () => {
    const g = await graphSidecar(tinyCnn({ classes: 4 }));
    expect(g.classes).toBe(4);
    expect(g.input).toMatchObject({ name: 'input', layout: 'NCHW', shape: [3, 8, 8] });
    expect(g.output).toEqual({ name: 'logits', softmax: false });
    expect(g.evidence.join('\n')).toMatch(/Conv directly/);
  });

  it('runs the model once when the class dimension is symbolic', async () => {
    const g = await graphSidecar(symbolicOutput(tinyCnn({ classes: 4 })));
    expect(g.classes).toBe(4);
    expect(g.evidence.join('\n')).toMatch(/one run on a zero example/);
  });
});

describe('compressionProblem without a sidecar', () => {
  it('measures exactly what it measures with the equivalent sidecar', async () => {
    const dataset = await tinyDataset(3, [24, 12, 12]);
    const withSidecar = await compressionProblem({ model: tinyCnn(), sidecar: tinySidecar, dataset });
    const without = await compressionProblem({ model: tinyCnn(), dataset, preprocess: 'minus-one-to-one' });
    expect(without.base.accuracy).toBe(withSidecar.base.accuracy);
  });

  it('names the missing preprocessing and the flag that gives it', async () => {
    const dataset = await tinyDataset(3, [4, 4, 4]);
    const failure = compressionProblem({ model: tinyCnn(), dataset });
    await expect(failure).rejects.toThrow(UnsupportedModelError);
    await expect(failure).rejects.toThrow(/--preprocess/);
  });

  it('says what a sidecar path that does not exist is, without a stack of ENOENT', async () => {
    const dataset = await tinyDataset(3, [4, 4, 4]);
    await expect(
      compressionProblem({ model: tinyCnn(), dataset, sidecar: 'no-such-sidecar.json' }),
    ).rejects.toThrow(/no-such-sidecar.json: expected a readable JSON sidecar file, got no such file/);
  });

  it('takes the class count from the model: data using fewer classes is fine, more is refused', async () => {
    const three = await tinyDataset(3, [12, 6, 6]);
    const p = await compressionProblem({
      model: tinyCnn({ classes: 4 }),
      dataset: three,
      preprocess: 'zero-to-one',
    });
    expect(p.base.confusion.length).toBe(4);
    await expect(
      compressionProblem({ model: tinyCnn({ classes: 2 }), dataset: three, preprocess: 'zero-to-one' }),
    ).rejects.toThrow(/at least 3 classes/);
    await expect(
      compressionProblem({ model: tinyCnn({ classes: 4 }), dataset: three, sidecar: tinySidecar }),
    ).rejects.toThrow(/expected 4 classes \(the size of output "logits"\), got 3 in the sidecar/);
  });
});

const retina = retinaFiles('inspectModel on the ResNet50');
describe.skipIf(retina === undefined)('inspectModel on the RetinaMNIST ResNet50', () => {
  it('infers the sidecar the training script wrote', async () => {
    const report = await inspectModel(retina!.model);
    const written = JSON.parse(readFileSync(retina!.sidecar, 'utf8'));
    expect(report.sidecar.input).toMatchObject({
      name: written.input.name,
      layout: written.input.layout,
      shape: written.input.shape,
    });
    expect([report.sidecar.classes, report.sidecar.output.name]).toEqual([
      written.classes,
      written.output.name,
    ]);
    expect([report.opset, report.layers, report.channels.sets, report.channels.stages]).toEqual([
      13,
      { conv: 53, linear: 1 },
      33,
      4,
    ]);
    expect(report.bytes).toBe(statSync(retina!.model).size);
  });
});
