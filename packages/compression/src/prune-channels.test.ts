import { InvalidArgumentError, Random } from '@paretokit/problem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retinaFiles } from '../test/shared-data.js';
import { tinyDataset, tinySidecar } from '../test/tiny-data.js';
import { channelStatistics } from './channel-statistics.js';
import { findChannelSets } from './find-channel-sets.js';
import { initializerMap } from './internal/graph.js';
import { runProbe } from './internal/probe-run.js';
import { createSession, ort } from './internal/session.js';
import { intAttr, makeTensor, readFloat32, tensorDims, withFloat32 } from './internal/tensors.js';
import { loadMedMNIST } from './load-medmnist.js';
import { loadOnnx } from './load-onnx.js';
import { readSidecar } from './model-sidecar.js';
import { DataType, type OnnxModel } from './onnx-types.js';
import { prepareInputs } from './prepare-inputs.js';
import { keptChannels, pruneChannels } from './prune-channels.js';
import { saveOnnxSync } from './save-onnx.js';
import { tinyCnn } from './tiny-cnn.js';

/** Logits of a model on a fixed seeded batch of `n` 3x8x8 examples. */
async function logits(model: OnnxModel, n = 5, seed = 4): Promise<Float32Array> {
  const rng = Random.fromSeed(seed);
  const x = Float32Array.from({ length: n * 3 * 64 }, () => rng.uniform(-1, 1));
  const session = await createSession(saveOnnxSync(model));
  const out = await session.run({ input: new ort.Tensor('float32', x, [n, 3, 8, 8]) });
  await session.release();
  return out.logits!.data as Float32Array;
}

/**
 * The channel sets of the Conv chains these tests are about (the flatten into the dense layer, and
 * its own oracle, are tested in find-channel-sets.test.ts).
 */
const convChains = (model: OnnxModel) => findChannelSets(model, { spatialFlatten: false });

/** The oracle of a cut: the original model with the consumers' weights on every cut channel set to 0. */
function zeroedConsumers(model: OnnxModel, kept: Map<string, readonly number[]>): OnnxModel {
  const graph = model.proto.graph!;
  const initializer = [...graph.initializer!];
  const index = new Map(initializer.map((t, i) => [t.name!, i]));
  for (const set of convChains(model).sets) {
    const keep = new Set(kept.get(set.producer)!);
    for (const consumer of set.consumers) {
      const t = initializer[index.get(consumer.weight)!]!;
      const w = readFloat32(t);
      const [outs, ins, ...kernel] = tensorDims(t);
      const per = kernel.reduce((a, b) => a * b, 1);
      for (let o = 0; o < outs!; o++) {
        for (let c = 0; c < ins!; c++)
          if (!keep.has(c)) w.fill(0, (o * ins! + c) * per, (o * ins! + c + 1) * per);
      }
      initializer[index.get(consumer.weight)!] = withFloat32(t, w);
    }
  }
  return { proto: { ...model.proto, graph: { ...graph, initializer } } };
}

describe('findChannelSets', () => {
  it('finds the Conv -> Relu -> Conv chains, and leaves residual joins alone without a warning', async () => {
    const chain = convChains(tinyCnn({ hidden: 8 }));
    expect(
      chain.sets.map((s) => [s.producer, s.channels, s.consumed, s.consumers.map((c) => c.node)]),
    ).toEqual([
      ['conv', 4, 'relu_out', ['hidden']],
      ['hidden', 8, 'hidden_relu', ['back']],
    ]);
    expect(chain.stages).toBe(1);
    expect(chain.skipped.map((s) => [s.producer, s.reason, s.at])).toEqual([
      ['back', 'unsupported-op', 'flatten'],
    ]);
    const residual = findChannelSets(tinyCnn({ residual: true, hidden: 8 }));
    expect(residual.skipped.filter((s) => s.reason === 'residual').map((s) => s.producer)).toEqual([
      'conv',
      'conv2',
    ]);
    // back's channels reach the dense layer through the flatten (followed by default).
    expect(residual.sets.map((s) => s.producer)).toEqual(['hidden', 'back']);
    // Residual joins are left alone without a warning; other stops are warned about.
    expect(
      (await pruneChannels(tinyCnn({ residual: true, hidden: 8 }), { fractions: 0.5 })).warnings,
    ).toEqual([]);
    const chains = tinyCnn({ residual: true, hidden: 8 });
    expect((await pruneChannels(chains, { fractions: 0.5, analysis: convChains(chains) })).warnings).toEqual([
      'Conv "back": channels left uncut at "flatten", an op or value the channel rewrite does not follow',
    ]);
  });

  it('leaves a grouped Conv and an unknown op between Convs unpruned, naming the node', async () => {
    const grouped = tinyCnn({ hidden: 8 });
    const graph = grouped.proto.graph!;
    const i = graph.initializer!.findIndex((t) => t.name === 'hidden.weight');
    graph.initializer![i] = makeTensor(
      'hidden.weight',
      DataType.FLOAT,
      [8, 1, 1, 1],
      new Float32Array(8).fill(0.5),
    );
    const node = graph.node!.find((n) => n.name === 'hidden')!;
    node.attribute = [...(node.attribute ?? []), intAttr('group', 4)];
    const found = findChannelSets(grouped);
    expect(found.skipped.map((s) => [s.producer, s.reason, s.at])).toContainEqual([
      'conv',
      'grouped-conv',
      'hidden',
    ]);
    expect(found.skipped.map((s) => [s.producer, s.reason])).toContainEqual(['hidden', 'grouped-conv']);
    const unknown = tinyCnn({ hidden: 8 });
    unknown.proto.graph!.node!.find((n) => n.name === 'relu')!.op_type = 'Softsign';
    const r = await pruneChannels(unknown, { fractions: 0.5, analysis: convChains(unknown) });
    expect(r.warnings[0]).toBe(
      'Conv "conv": channels left uncut at "relu", an op or value the channel rewrite does not follow',
    );
    expect(r.cuts.map((c) => [c.producer, c.after])).toEqual([['hidden', 4]]);
    expect((await logits(r.model)).length).toBe(15);
  });
});

describe('pruneChannels', () => {
  it('equals the original model with the consumers blind to the cut channels (oracle), any fractions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.constantFrom('l1', 'l2') as fc.Arbitrary<'l1' | 'l2'>,
        fc.integer({ min: 1, max: 20 }),
        async (fraction, criterion, seed) => {
          const model = tinyCnn({ hidden: 8, filters: 6, seed });
          const r = await pruneChannels(model, {
            fractions: fraction,
            criterion,
            analysis: convChains(model),
          });
          const oracle = zeroedConsumers(model, new Map(r.cuts.map((c) => [c.producer, c.kept])));
          const [a, b] = [await logits(r.model), await logits(oracle)];
          for (let k = 0; k < a.length; k++) expect(a[k]).toBeCloseTo(b[k]!, 4);
          expect(r.cuts.map((c) => c.after)).toEqual([keptChannels(6, fraction), keptChannels(8, fraction)]);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('keeps the channels of largest norm and shrinks the file; the input model is untouched', async () => {
    const model = tinyCnn({ hidden: 8 });
    const before = saveOnnxSync(model).length;
    const r = await pruneChannels(model, { fractions: 0.5, criterion: 'l1' });
    // hidden's filters are ranked over the input channels conv kept.
    const inputs = r.cuts[0]!.kept;
    const w = readFloat32(initializerMap(model.proto.graph!).get('hidden.weight')!);
    const norms = Array.from({ length: 8 }, (_, c) =>
      inputs.reduce((s, i) => s + Math.abs(w[c * 4 + i]!), 0),
    );
    const expected = [...norms.keys()]
      .sort((a, b) => norms[b]! - norms[a]!)
      .slice(0, 4)
      .sort((a, b) => a - b);
    expect(r.cuts[1]!.kept).toEqual(expected);
    expect(saveOnnxSync(r.model).length).toBeLessThan(before);
    expect(saveOnnxSync(model).length).toBe(before);
  });

  it('least-squares and sequential repair are exact when a cut channel is a copy of a kept one; mean repair when it is constant', async () => {
    const copy = tinyCnn({ hidden: 2, filters: 4, size: 8 }); // multiple 2: only conv's 4 channels are cut
    const graph = copy.proto.graph!;
    const wi = graph.initializer!.findIndex((t) => t.name === 'conv.weight');
    const bi = graph.initializer!.findIndex((t) => t.name === 'conv.bias');
    const w = readFloat32(graph.initializer![wi]!);
    const b = readFloat32(graph.initializer![bi]!);
    for (let k = 0; k < 27; k++) w[k] = w[k]! * 10; // channel 0 (and its copy 3) rank high by L2
    w.copyWithin(3 * 27, 0, 27); // filter 3 = filter 0 (same bias below): channel 3 copies channel 0
    w.fill(0, 2 * 27, 3 * 27); // filter 2 = 0: channel 2 is the constant relu(bias)
    b[3] = b[0]!;
    b[2] = 0.7;
    w[27] = 50; // channel 1 too
    graph.initializer![wi] = withFloat32(graph.initializer![wi]!, w);
    graph.initializer![bi] = withFloat32(graph.initializer![bi]!, b);
    const calibration = prepareInputs(await tinyDataset(2, [40, 4, 4]), 'train', tinySidecar);
    const analysis = convChains(copy);
    const statistics = await channelStatistics(copy, calibration, analysis.sets);
    const reference = await logits(copy);
    for (const repair of ['least-squares', 'sequential'] as const) {
      const r = await pruneChannels(copy, {
        fractions: [0.5],
        criterion: 'l2',
        repair,
        statistics,
        calibration,
        multiple: 2,
        analysis,
      });
      expect(r.cuts[0]!.kept).toEqual([0, 1]);
      const repaired = await logits(r.model);
      for (let k = 0; k < reference.length; k++) {
        expect(Math.abs(repaired[k]! - reference[k]!)).toBeLessThan(
          1e-3 * Math.max(1, Math.abs(reference[k]!)),
        );
      }
    }
    const plain = await logits(
      (await pruneChannels(copy, { fractions: [0.5], criterion: 'l2', multiple: 2, analysis })).model,
    );
    expect(plain.some((v, k) => Math.abs(v - reference[k]!) > 1e-2)).toBe(true);
  });

  it('reconstruction keeps one channel of each redundant pair, so least-squares repair is exact', async () => {
    // Channels 0 and 3 are copies, and so are 1 and 2: each is predicted exactly by its twin, so
    // ranking by Var(a_c | every other channel) alone scores all four near zero and keeps the pair of
    // higher variance (0 and 3), losing 1 and 2 altogether; backward elimination keeps one of each.
    const model = tinyCnn({ hidden: 2, filters: 4, size: 8 });
    const graph = model.proto.graph!;
    const wi = graph.initializer!.findIndex((t) => t.name === 'conv.weight');
    const bi = graph.initializer!.findIndex((t) => t.name === 'conv.bias');
    const w = readFloat32(graph.initializer![wi]!);
    const b = readFloat32(graph.initializer![bi]!);
    for (let k = 0; k < 27; k++) w[k] = w[k]! * 10;
    w.copyWithin(3 * 27, 0, 27);
    w.copyWithin(2 * 27, 27, 2 * 27);
    [b[3], b[2]] = [b[0]!, b[1]!];
    graph.initializer![wi] = withFloat32(graph.initializer![wi]!, w);
    graph.initializer![bi] = withFloat32(graph.initializer![bi]!, b);
    const calibration = prepareInputs(await tinyDataset(2, [40, 4, 4]), 'train', tinySidecar);
    const analysis = convChains(model);
    const statistics = await channelStatistics(model, calibration, analysis.sets);
    const reference = await logits(model);
    const r = await pruneChannels(model, {
      fractions: [0.5],
      criterion: 'reconstruction',
      repair: 'least-squares',
      statistics,
      multiple: 2,
      analysis,
    });
    const kept = r.cuts[0]!.kept;
    expect([kept.filter((c) => c === 0 || c === 3).length, kept.length]).toEqual([1, 2]);
    const repaired = await logits(r.model);
    for (let k = 0; k < reference.length; k++) {
      expect(Math.abs(repaired[k]! - reference[k]!)).toBeLessThan(
        1e-3 * Math.max(1, Math.abs(reference[k]!)),
      );
    }
  });

  it('refuses bad options with what it expected', async () => {
    const model = tinyCnn({ hidden: 8 });
    for (const fractions of [1, -0.1, [0.5, 0.5], Number.NaN]) {
      await expect(pruneChannels(model, { fractions })).rejects.toThrow(InvalidArgumentError);
    }
    await expect(pruneChannels(model, { fractions: 0.5, criterion: 'activation' })).rejects.toThrow(
      /channelStatistics/,
    );
    await expect(pruneChannels(model, { fractions: 0.5, repair: 'mean' })).rejects.toThrow(/statistics/);
    await expect(pruneChannels(model, { fractions: 0.5, criterion: 'l3' as never })).rejects.toThrow(
      /"l1", "l2"/,
    );
    await expect(pruneChannels(model, { fractions: 0.5, multiple: 0 })).rejects.toThrow(/integer >= 1/);
    await expect(pruneChannels(model, { fractions: 0.5, repair: 'sequential' })).rejects.toThrow(
      /calibration/,
    );
    await expect(pruneChannels(model, { fractions: 0.5, repair: 'lsq' as never })).rejects.toThrow(
      /"none", "mean", "least-squares", "sequential"/,
    );
  });

  it('sequential repair fits the last consumer of a 2-set chain to the original at least as well as least-squares (calibration)', async () => {
    // Both cut the same channels (l2 ranking); the last consumer is a 1x1 Conv, so sequential's
    // weights are the least-squares fit of its original output from what the cut model gives it:
    // on the calibration examples, no other repair of that consumer can come closer.
    const calibration = prepareInputs(await tinyDataset(3, [60, 4, 4]), 'train', tinySidecar);
    const errorOf = async (model: OnnxModel, reference?: Float32Array) => {
      const parts: number[] = [];
      const probe = { nodes: [], outputs: [{ name: 'back_out' }], fetch: ['back_out'] };
      await runProbe(model, probe, calibration, {}, (out) =>
        parts.push(...(out.back_out!.data as Float32Array)),
      );
      const values = Float32Array.from(parts);
      return {
        values,
        error: reference === undefined ? 0 : values.reduce((e, v, i) => e + (v - reference[i]!) ** 2, 0),
      };
    };
    const gains: number[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(0.25, 0.5, 0.75),
        async (seed, fraction) => {
          const model = tinyCnn({ hidden: 8, seed });
          const analysis = convChains(model);
          expect(analysis.sets.map((s) => s.producer)).toEqual(['conv', 'hidden']);
          const statistics = await channelStatistics(model, calibration, analysis.sets);
          const reference = (await errorOf(model)).values;
          const cut = (repair: 'least-squares' | 'sequential') =>
            pruneChannels(model, {
              fractions: fraction,
              criterion: 'l2',
              repair,
              statistics,
              calibration,
              analysis,
            });
          const [ls, seq] = [await cut('least-squares'), await cut('sequential')];
          expect(seq.cuts.map((c) => c.kept)).toEqual(ls.cuts.map((c) => c.kept));
          const [lsError, seqError] = [
            (await errorOf(ls.model, reference)).error,
            (await errorOf(seq.model, reference)).error,
          ];
          expect(seqError).toBeLessThanOrEqual(lsError * (1 + 1e-3) + 1e-6);
          gains.push(seqError / lsError);
        },
      ),
      { numRuns: 8, seed: 11 },
    );
    // Not merely as well: the second set's cut model differs from the original, and sequential sees it.
    expect(Math.min(...gains)).toBeLessThan(0.97);
  });
});

const retina = retinaFiles('structured channel pruning of the ResNet50');
describe.skipIf(retina === undefined)('structured pruning of the RetinaMNIST ResNet50', () => {
  it('cuts the inner channels of every bottleneck by stage, and the cut model runs with the same signature', async () => {
    const model = await loadOnnx(retina!.model);
    const found = findChannelSets(model);
    expect(found.stages).toBe(4);
    expect(found.sets.length).toBe(33); // the stem and conv1, conv2 of each of the 16 blocks
    expect(found.skipped.every((s) => s.reason === 'residual')).toBe(true);
    const sidecar = await readSidecar(retina!.sidecar);
    const ds = await loadMedMNIST(retina!.data);
    const calibration = prepareInputs(ds, 'train', sidecar, { limit: 100 });
    const statistics = await channelStatistics(model, calibration, found.sets);
    const r = await pruneChannels(model, {
      fractions: [0, 0.25, 0.25, 0.5],
      repair: 'least-squares',
      statistics,
      multiple: 8,
    });
    expect(r.warnings).toEqual([]);
    const session = await createSession(saveOnnxSync(r.model));
    expect(session.inputNames).toEqual(['input']);
    expect(session.outputNames).toEqual([sidecar.output.name]);
    const out = await session.run({
      input: new ort.Tensor('float32', calibration.data.subarray(0, 2 * 3 * 28 * 28), [2, 3, 28, 28]),
    });
    expect(out[sidecar.output.name]!.dims).toEqual([2, 5]);
    await session.release();
    expect(saveOnnxSync(r.model).length).toBeLessThan(0.8 * saveOnnxSync(model).length);
  });
});
