// Child process of the kill test: runs SAMO with a log on a benchmark problem made slow by a
// small delay per evaluation, so that the parent's SIGKILL lands in the middle of the run.
import { maxGenerations } from '@paretokit/algorithms';
import { c2dtlz2 } from '@paretokit/benchmarks';
import { samo } from '@paretokit/samo';
import { knnRegressor } from '@paretokit/surrogates';

const [logPath, delayMs] = process.argv.slice(2);
const base = c2dtlz2({ nObj: 2, nVar: 4 });
const slow = {
  ...base,
  name: base.name,
  async evaluate(X, ctx) {
    await new Promise((resolve) => setTimeout(resolve, Number(delayMs)));
    return base.evaluate(X, ctx);
  },
};
await samo(slow, {
  initialSamples: 20,
  budget: 80,
  surrogates: { knn: () => knnRegressor({ k: 3 }) },
  optimizerTermination: maxGenerations(30),
  log: logPath,
  seed: 7,
});
