import { readFileSync } from 'node:fs';
import { Random } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { retinaFiles } from '../test/shared-data.js';
import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { findLayers } from './find-layers.js';
import { initializerMap } from './internal/graph.js';
import { quickselect } from './internal/quickselect.js';
import { readFloat32 } from './internal/tensors.js';
import { loadOnnx } from './load-onnx.js';
import type { OnnxModel, TensorProto } from './onnx-types.js';
import { pruneByMagnitude } from './prune-by-magnitude.js';
import { type PruningConfig, pruneModel } from './prune-model.js';
import { tinyCnn } from './tiny-cnn.js';

const none: PruningConfig = {
  linearLayers: 'none',
  convLayers: 'none',
  linearIntensity: 0.5,
  convIntensity: 0.5,
  linearTarget: 'weights',
  convTarget: 'weights',
};

const tensor = (model: OnnxModel, name: string) => readFloat32(initializerMap(model.proto.graph!).get(name)!);

describe('quickselect', () => {
  it('returns the k-th smallest for random, sorted, constant and duplicate-heavy inputs', () => {
    const rng = Random.fromSeed(3);
    const inputs = [
      Float32Array.from({ length: 1001 }, () => rng.next()),
      Float32Array.from({ length: 500 }, (_, i) => i),
      new Float32Array(300).fill(2),
      Float32Array.from({ length: 777 }, () => rng.int(4)),
    ];
    for (const input of inputs) {
      const sorted = input.slice().sort();
      for (const k of [0, 1, input.length >> 1, input.length - 1]) {
        expect(quickselect(input.slice(), k)).toBe(sorted[k]);
      }
    }
  });
});

describe('pruneByMagnitude', () => {
  it('zeroes exactly the round(f n) smallest |w|, ties in index order', () => {
    const w = Float32Array.from([0.3, -0.2, 0.2, 0.1, -0.2, 0.9]);
    expect(pruneByMagnitude(w, 0.5)).toBe(3);
    expect(Array.from(w)).toEqual([Math.fround(0.3), 0, 0, 0, Math.fround(-0.2), Math.fround(0.9)]);
    const all = Float32Array.from([1, 2]);
    expect(pruneByMagnitude(all, 1)).toBe(2);
    expect(Array.from(all)).toEqual([0, 0]);
    expect(() => pruneByMagnitude(all, 1.5)).toThrow(/\[0, 1\]/);
  });

  it('matches a sort-based reference on random tensors', () => {
    const rng = Random.fromSeed(9);
    for (const fraction of [0.01, 0.37, 0.5, 0.99]) {
      const w = Float32Array.from({ length: 4096 }, () => rng.uniform(-1, 1));
      const order = Array.from(w.keys()).sort((a, b) => Math.abs(w[a]!) - Math.abs(w[b]!) || a - b);
      const expected = w.slice();
      for (const i of order.slice(0, Math.round(fraction * w.length))) expected[i] = 0;
      pruneByMagnitude(w, fraction);
      expect(w).toEqual(expected);
    }
  });
});

describe('pruneModel', () => {
  it('prunes only the selected kinds and targets, and leaves the input model unchanged', () => {
    const base = tinyCnn({ residual: true });
    const convWeight = tensor(base, 'conv.weight');
    const { model, layers } = pruneModel(base, {
      ...none,
      convLayers: 'all',
      convIntensity: 0.25,
      convTarget: 'both',
    });
    expect(tensor(base, 'conv.weight')).toEqual(convWeight);
    const expected = convWeight.slice();
    pruneByMagnitude(expected, 0.25);
    expect(tensor(model, 'conv.weight')).toEqual(expected);
    expect(tensor(model, 'fc.weight')).toEqual(tensor(base, 'fc.weight'));
    expect(layers.map((l) => [l.name, l.selected, l.weightDensity, l.biasDensity])).toEqual([
      ['conv', true, 81 / 108, 3 / 4],
      ['conv2', true, 12 / 16, 3 / 4],
      ['fc', false, 1, 1],
    ]);
    const biases = pruneModel(base, { ...none, linearLayers: 'all', linearTarget: 'biases' });
    expect(biases.layers.map((l) => [l.weightDensity, l.biasDensity])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1 / 3],
    ]);
  });

  it('draws the same non-empty random subset for the same seed', () => {
    const base = tinyCnn({ residual: true });
    const config: PruningConfig = { ...none, convLayers: 'random' };
    const picks = Array.from({ length: 20 }, (_, s) =>
      pruneModel(base, config, { random: s })
        .layers.filter((l) => l.selected)
        .map((l) => l.name),
    );
    expect(picks.every((p) => p.length >= 1 && !p.includes('fc'))).toBe(true);
    expect(new Set(picks.map((p) => p.join())).size).toBe(3);
    expect(pruneModel(base, config, { random: 7 }).layers).toEqual(
      pruneModel(base, config, { random: 7 }).layers,
    );
    expect(() => pruneModel(base, config)).toThrow(/random/);
  });

  it('reads weights stored in float_data as well as raw_data, and writes raw_data', () => {
    const base = tinyCnn();
    const graph = base.proto.graph!;
    const asFloatData = (t: TensorProto): TensorProto => {
      if (t.name !== 'fc.weight') return t;
      const { raw_data: _raw, ...rest } = t;
      return { ...rest, float_data: Array.from(readFloat32(t)) };
    };
    const typed: OnnxModel = {
      proto: { ...base.proto, graph: { ...graph, initializer: graph.initializer!.map(asFloatData) } },
    };
    const a = pruneModel(base, { ...none, linearLayers: 'all' }).model;
    const b = pruneModel(typed, { ...none, linearLayers: 'all' }).model;
    expect(tensor(b, 'fc.weight')).toEqual(tensor(a, 'fc.weight'));
    expect(initializerMap(b.proto.graph!).get('fc.weight')!.float_data).toBeUndefined();
  });

  it('prunes a weight shared through an Identity node once', () => {
    const base = tinyCnn({ identityWeight: true });
    const { layers } = pruneModel(base, { ...none, linearLayers: 'all', linearIntensity: 0.75 });
    expect(layers[1]!.weightDensity).toBe(0.25);
  });

  it('rejects models without prunable layers and bad configurations', () => {
    const base = tinyCnn();
    const graph = base.proto.graph!;
    const empty: OnnxModel = {
      proto: { ...base.proto, graph: { ...graph, node: graph.node!.filter((n) => n.op_type === 'Relu') } },
    };
    expect(() => pruneModel(empty, none)).toThrow(UnsupportedModelError);
    expect(() => pruneModel(base, { ...none, convIntensity: 2 })).toThrow(
      /convIntensity: expected a number in \[0, 1\]/,
    );
    expect(() => pruneModel(base, { ...none, convLayers: 'some' as 'all' })).toThrow(/convLayers/);
  });
});

const retina = retinaFiles('ResNet50 pruning');
describe.skipIf(retina === undefined)('pruning the RetinaMNIST ResNet50', () => {
  it('prunes every layer to the requested density', async () => {
    const model = await loadOnnx(readFileSync(retina!.model));
    const t0 = performance.now();
    const { layers } = pruneModel(model, {
      linearLayers: 'all',
      convLayers: 'all',
      linearIntensity: 0.3,
      convIntensity: 0.6,
      linearTarget: 'both',
      convTarget: 'both',
    });
    const ms = performance.now() - t0;
    expect(layers).toHaveLength(findLayers(model).length);
    for (const l of layers) {
      const n = l.kind === 'conv' ? 0.4 : 0.7;
      expect(Math.abs(l.weightDensity - n)).toBeLessThan(0.01);
    }
    console.log(`pruned ResNet50 (all layers) in ${ms.toFixed(0)} ms`);
  });
});
