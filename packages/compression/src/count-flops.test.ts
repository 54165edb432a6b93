import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { retinaFiles } from '../test/shared-data.js';
import { countFlops } from './count-flops.js';
import { loadOnnx } from './load-onnx.js';
import { modelSize } from './model-size.js';
import { pruneModel } from './prune-model.js';
import { relativeFlops } from './relative-flops.js';
import { tinyCnn } from './tiny-cnn.js';

describe('countFlops', () => {
  it('equals hand-computed FLOPs of a residual model with a 1x1 convolution', async () => {
    // 5x10x10 input, 6 filters: conv 3x3 pad 1 -> [6, 10, 10]; conv2 1x1 -> [6, 10, 10];
    // pool -> [6, 5, 5] -> 150 -> Gemm to 4 classes.
    const report = await countFlops(
      tinyCnn({ channels: 5, size: 10, filters: 6, classes: 4, residual: true }),
    );
    expect(report.layers.map((l) => [l.name, l.weightFlops, l.biasFlops])).toEqual([
      ['conv', 2 * 600 * 45, 600],
      ['conv2', 2 * 600 * 6, 600],
      ['fc', 2 * 4 * 150, 4],
    ]);
    expect(report.total).toBe(54000 + 600 + 7200 + 600 + 1200 + 4);
  });

  it('takes the example shape when the graph leaves it unknown, and says so when missing', async () => {
    const model = tinyCnn();
    const input = model.proto.graph!.input![0]!;
    const open = {
      proto: {
        ...model.proto,
        graph: {
          ...model.proto.graph,
          input: [
            {
              ...input,
              type: {
                tensor_type: {
                  elem_type: 1,
                  shape: {
                    dim: [{ dim_param: 'n' }, { dim_param: 'c' }, { dim_param: 'h' }, { dim_param: 'w' }],
                  },
                },
              },
            },
          ],
        },
      },
    };
    await expect(countFlops(open)).rejects.toThrow(/exampleShape/);
    expect((await countFlops(open, { exampleShape: [3, 8, 8] })).total).toBe((await countFlops(model)).total);
  });
});

const retina = retinaFiles('ResNet50 FLOPs');
describe.skipIf(retina === undefined)('FLOPs of the RetinaMNIST ResNet50', () => {
  it('counts the stem from its traced 14x14 output and scores f1 = 1 dense, 0.25 at 8 bits', async () => {
    const model = await loadOnnx(readFileSync(retina!.model));
    const flops = await countFlops(model);
    expect(flops.layers[0]!.outputShape).toEqual([64, 14, 14]);
    expect(flops.layers[0]!.weightFlops).toBe(2 * 64 * 14 * 14 * 3 * 7 * 7);
    expect(flops.layers.at(-1)!.weightFlops).toBe(2 * 5 * 2048);
    const dense = pruneModel(model, {
      linearLayers: 'none',
      convLayers: 'none',
      linearIntensity: 1,
      convIntensity: 1,
      linearTarget: 'both',
      convTarget: 'both',
    }).layers; // nothing selected: intensities and targets have no effect
    expect(relativeFlops(flops, dense, dense, 32)).toBe(1);
    expect(relativeFlops(flops, dense, dense, 8)).toBe(0.25);
    const size = modelSize(model);
    expect(size.bytes).toBe(readFileSync(retina!.model).length);
    expect(size.nonZeroRate).toBeGreaterThan(0.99);
    console.log(
      `ResNet50 at 3x28x28: ${(flops.total / 1e6).toFixed(1)} MFLOPs per image (prunable layers), ${size.parameters} parameters`,
    );
  });
});
