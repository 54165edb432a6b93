import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParetokitError } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { DEFAULT_STUDY } from './default-study.js';
import { loadStudyConfig, parseStudyConfig, STUDY_METHODS } from './study-config.js';

const problems = [{ type: 'benchmark', problem: 'c2dtlz2' }];

function issues(value: unknown): string[] {
  try {
    parseStudyConfig(value, 'study.json', '/base');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect(ParetokitError.isInstance(error)).toBe(true);
    return (error as ConfigError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a ConfigError');
}

describe('parseStudyConfig', () => {
  it("fills in the study's defaults", () => {
    const c = parseStudyConfig({ name: 's', problems }, 'study.json', '/base');
    expect(c.methods).toEqual(['samo-ctaea', 'ctaea-20x5', 'ctaea-10x10', 'nsga2-20x5']);
    expect(c.seeds).toEqual([1, 2, 3, 4, 5]);
    expect(c.budget).toBe(100);
    expect(c.samo).toEqual({
      initialSamples: 50,
      infillsPerIteration: 2,
      surrogates: ['knn', 'randomForest', 'xgboost', 'lightgbm'],
      folds: 5,
      populationSize: 50,
      generations: 1000,
    });
    expect(c.out).toBe('/base/runs/s');
    expect(c.alpha).toBe(0.05);
  });

  it('resolves compression paths against the file and finds the sidecar beside the model', () => {
    const base = mkdtempSync(join(tmpdir(), 'study-config-'));
    mkdirSync(join(base, 'm'));
    writeFileSync(join(base, 'm', 'r.json'), '{}');
    const entry = { type: 'compression', name: 'retina', model: 'm/r.onnx', data: 'd/r.npz' };
    const c = parseStudyConfig({ name: 's', problems: [entry] }, 'study.json', base);
    expect(c.problems[0]).toMatchObject({
      model: join(base, 'm/r.onnx'),
      sidecar: join(base, 'm/r.json'),
      data: join(base, 'd/r.npz'),
      selectOn: 'validation',
      tolerance: 0.04,
      threads: 1,
      problemSeed: 0,
    });
  });

  it('a model without a sidecar needs the preprocessing; with it, the rest comes from the graph', () => {
    const entry = { type: 'compression', name: 'retina', model: 'm/r.onnx', data: 'd/r.npz' };
    expect(issues({ name: 's', problems: [entry] })).toEqual([
      expect.stringMatching(/^problems\[0\]\.preprocess: the model has no sidecar \(no r\.json beside it\)/),
    ]);
    const c = parseStudyConfig(
      { name: 's', problems: [{ ...entry, preprocess: 'imagenet' }] },
      's.json',
      '/base',
    );
    expect(c.problems[0]).toMatchObject({ preprocess: 'imagenet' });
    expect(c.problems[0]).not.toHaveProperty('sidecar');
  });

  it('points at every field at fault', () => {
    expect(issues({ name: 's', problems: [{ type: 'benchmark', problem: 'zdt9' }], seeds: 0 })).toEqual([
      expect.stringMatching(/^problems\[0\]\.problem: Invalid option: expected one of "zdt1"/),
      expect.stringMatching(/^seeds: /),
    ]);
    expect(
      issues({ name: 's', problems: [{ type: 'compression', name: 'r', model: 3, data: 'x' }] }),
    ).toEqual(['problems[0].model: Invalid input: expected string, received number']);
    expect(issues({ name: 's', problems, budget: 90 })).toEqual([
      'budget: expected a multiple of 20 (the population of ctaea-20x5, which spends whole generations), got 90',
      'budget: expected a multiple of 20 (the population of nsga2-20x5, which spends whole generations), got 90',
    ]);
    expect(issues({ name: 's', problems, samo: { initialSamples: 100 } })).toEqual([
      'samo.initialSamples: expected fewer than the budget (100), got 100',
    ]);
    expect(issues({ name: 's', problems: [...problems, ...problems], seeds: [1, 1] })).toEqual([
      'problems[1].name: the label "c2dtlz2" is used twice; give each problem a name',
      'seeds: a seed is listed twice',
    ]);
    expect(issues({ name: 's', problems, methods: [] })[0]).toMatch(/^methods: Too small/);
    expect(issues({ name: 's', problems, extra: 1 })[0]).toMatch(/^: Unrecognized key: "extra"/);
  });

  it('lets the baselines take any budget and fills in their settings', () => {
    const c = parseStudyConfig(
      { name: 's', problems, methods: ['random', 'optuna-tpe'], budget: 17 },
      's',
      '/b',
    );
    expect(c.methods).toEqual(['random', 'optuna-tpe']);
    expect(c.budget).toBe(17);
    expect(c.optuna).toEqual({ python: 'python3', timeoutSeconds: 600 });
    expect(issues({ name: 's', problems, methods: ['random', 'ctaea-10x10'], budget: 17 })).toEqual([
      'budget: expected a multiple of 10 (the population of ctaea-10x10, which spends whole generations), got 17',
    ]);
    expect(issues({ name: 's', problems, optuna: { timeoutSeconds: 0 } })[0]).toMatch(
      /^optuna\.timeoutSeconds: /,
    );
  });

  it('reads the comparison study in studies/', async () => {
    const c = await loadStudyConfig(
      fileURLToPath(new URL('../../../../studies/samo-comparison.json', import.meta.url)),
    );
    expect(c.methods).toEqual([...STUDY_METHODS]);
    expect([c.problems.length, c.seeds.length, c.budget]).toEqual([12, 10, 100]);
  });

  it('reads the structured compression study in studies/, and refuses structured settings it does not know', async () => {
    const c = await loadStudyConfig(
      fileURLToPath(new URL('../../../../studies/retinamnist-structured.json', import.meta.url)),
    );
    expect(c.problems[0]).toMatchObject({ type: 'compression', pruning: 'structured', objective: 'latency' });
    const bad = {
      name: 't',
      methods: ['random'],
      problems: [{ type: 'compression', name: 'x', model: 'm.onnx', data: 'd.npz', pruning: 'channels' }],
    };
    expect(() => parseStudyConfig(bad, 'a.json', '/base')).toThrow(/a\.json: problems\[0\]\.pruning/);
  });

  it('scores a problem without a known front only with a normalization, and checks it', () => {
    const base = { name: 't', methods: ['random'], problems: [{ type: 'benchmark', problem: 'osy' }] };
    expect(() => parseStudyConfig(base, 'a.json', '/base')).toThrow(
      'a.json: problems[0].normalization: expected { "ideal": [...], "nadir": [...] }: osy has no known Pareto front',
    );
    const bad = {
      ...base,
      problems: [{ type: 'benchmark', problem: 'osy', normalization: { ideal: [0, 0], nadir: [1, 0] } }],
    };
    expect(() => parseStudyConfig(bad, 'a.json', '/base')).toThrow(
      'with nadir > ideal, got ideal [0,0] and nadir [1,0]',
    );
    const dascmop = { ...base, problems: [{ type: 'benchmark', problem: 'dascmop2', difficulty: 3 }] };
    expect(parseStudyConfig(dascmop, 'a.json', '/base').problems[0]).toMatchObject({ difficulty: 3 });
    const noDifficulty = { ...base, problems: [{ type: 'benchmark', problem: 'dascmop2' }] };
    expect(() => parseStudyConfig(noDifficulty, 'a.json', '/base')).toThrow(
      /difficulty: expected an integer 1-16/,
    );
  });

  it('accepts the embedded default study', () => {
    const c = parseStudyConfig(DEFAULT_STUDY, 'the default study', '/base');
    expect(c.problems.map((p) => p.type)).toEqual(['compression']);
    expect(c.problems[0]).toMatchObject({
      dataMd5: 'bd4c0672f1bba3e3a89f0e4e876791e4',
      selectOn: 'validation',
    });
    expect(c.methods).toEqual(['samo', 'samo-ctaea', 'ctaea-20x5', 'ctaea-10x10', 'nsga2-20x5']);
    expect(c.samo.surrogates).toEqual(['knn', 'randomForest']);
    expect(c.out).toBe(join('/base', 'runs', 'default-study'));
  });
});

describe('loadStudyConfig', () => {
  it('names the file when it is missing or not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-config-'));
    await expect(loadStudyConfig(join(dir, 'none.json'))).rejects.toThrow(/none\.json: cannot read the file/);
    writeFileSync(join(dir, 'bad.json'), '{ "name": ');
    await expect(loadStudyConfig(join(dir, 'bad.json'))).rejects.toThrow(/bad\.json: not valid JSON/);
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ name: 'ok', problems, out: 'here' }));
    expect((await loadStudyConfig(join(dir, 'ok.json'))).out).toBe(join(dir, 'here'));
  });
});
