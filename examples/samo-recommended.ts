// ParetoKit's own surrogate-assisted method next to the study's, on C2-DTLZ2 (2 objectives, 6
// variables), 60 real evaluations each: recommendedSamo() (Gaussian processes, NSGA-II on their
// means warm-started from the archive, infill by hypervolume improvement x probability of
// feasibility) against the study's SAMO-C-TAEA with an in-process pool. Every ingredient of the
// preset is an ordinary samo() option and can be swapped.
import { c2dtlz2 } from '@paretokit/benchmarks';
import { defaultSurrogatePool, recommendedSamo, type SamoOptions, samo } from '@paretokit/samo';

const problem = c2dtlz2({ nObj: 2, nVar: 6 });
const { knn, randomForest } = defaultSurrogatePool();
const runs: Record<string, SamoOptions> = {
  samo: { ...recommendedSamo(), budget: 60, seed: 1 },
  'samo-ctaea': {
    initialSamples: 40,
    budget: 60,
    surrogates: { knn: knn!, randomForest: randomForest! },
    seed: 1,
  },
};
for (const [name, options] of Object.entries(runs)) {
  const started = performance.now();
  const result = await samo(problem, options);
  const last = result.iterations.at(-1)!;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${name}: HV ${last.hypervolume.toFixed(4)}, ${result.X.rows} feasible non-dominated points (${seconds} s)`,
  );
}
