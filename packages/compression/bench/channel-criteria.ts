// Which channel criterion and repair keep accuracy best on the RetinaMNIST ResNet50 (from ../shared)?
// For `--configs` random fraction vectors (one fraction per stage, uniform in [0, --max], seeded), cuts
// the model with every criterion x repair and measures fp32 validation accuracy. Prints median, mean and
// how many configurations meet the study's constraint (0.96 x the base model's validation accuracy).
//
//   npx tsx bench/channel-criteria.ts [--configs 24] [--max 0.4] [--seed 7] [--allocation uniform|stage]
//     [--criteria l1,l2,activation,contribution,reconstruction] [--repairs none,mean,least-squares]
import { Random } from '@paretokit/problem';
import {
  type ChannelCriterion,
  type ChannelRepair,
  channelStatistics,
  evaluateModel,
  findChannelSets,
  loadMedMNIST,
  loadOnnx,
  prepareInputs,
  pruneChannels,
  readSidecar,
  saveOnnxSync,
} from '../src/index.js';
import { RESNET50_MODEL, RESNET50_SIDECAR, RETINAMNIST_DATA } from './resnet50.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const [configs, max, seed] = [arg('configs', 24), arg('max', 0.4), arg('seed', 7)];
const list = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return (at < 0 ? fallback : process.argv[at + 1]!).split(',');
};
const allocation = list('allocation', 'uniform')[0] as 'uniform' | 'stage';
const criteria = list('criteria', 'l1,l2,activation,contribution,reconstruction') as ChannelCriterion[];
const repairs = list('repairs', 'none,mean,least-squares') as ChannelRepair[];
const model = await loadOnnx(RESNET50_MODEL);
const sidecar = await readSidecar(RESNET50_SIDECAR);
const data = await loadMedMNIST(RETINAMNIST_DATA);
const analysis = findChannelSets(model);
const val = prepareInputs(data, 'val', sidecar);
const statistics = await channelStatistics(
  model,
  prepareInputs(data, 'train', sidecar, { limit: 100 }),
  analysis.sets,
);
const tau = 0.96 * (await evaluateModel(model, val)).accuracy;
const rng = Random.fromSeed(seed);
const accuracy = new Map<string, number[]>();
for (let k = 0; k < configs; k++) {
  const fractions = Array.from({ length: analysis.stages }, () => rng.uniform(0, max));
  for (const criterion of criteria) {
    for (const repair of repairs) {
      const cut = await pruneChannels(model, {
        fractions,
        criterion,
        repair,
        statistics,
        analysis,
        multiple: 8,
        allocation,
      });
      const key = `${criterion} + ${repair}`;
      accuracy.set(key, [
        ...(accuracy.get(key) ?? []),
        (await evaluateModel(saveOnnxSync(cut.model), val)).accuracy,
      ]);
    }
  }
}
console.log(`| criterion + repair | median accuracy | mean accuracy | meet ${tau.toFixed(4)} |`);
console.log('|---|---:|---:|---:|');
for (const [key, v] of accuracy) {
  const sorted = [...v].sort((a, b) => a - b);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  console.log(
    `| ${key} | ${sorted[sorted.length >> 1]!.toFixed(3)} | ${mean.toFixed(3)} | ${v.filter((a) => a >= tau).length} / ${v.length} |`,
  );
}
