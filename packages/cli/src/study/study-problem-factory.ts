import type { Problem } from '@paretokit/problem';
import { ConfigError } from './config-error.js';
import { loadStudyConfig, problemLabel } from './study-config.js';
import { buildStudyProblem } from './study-problem.js';

/** Options of {@link studyProblemFactory}: a study file and the label of one of its problems. */
export interface StudyProblemFactoryOptions {
  readonly config: string;
  readonly problem: string;
}

/**
 * Builds one problem of a study file, for queue workers on any machine:
 * `paretokit worker --problem @paretokit/cli#studyProblemFactory --options
 * '{"config":"runs/x/study.json","problem":"retinamnist"}'`. Cost: loading the problem (a
 * compression problem reads its model and data and measures the base model).
 *
 * @example
 * const file = join(mkdtempSync(join(tmpdir(), 'study-')), 'study.json');
 * writeFileSync(file, JSON.stringify({ name: 'doc', problems: [{ type: 'benchmark', problem: 'c2dtlz2', nObj: 3 }] }));
 * (await studyProblemFactory({ config: file, problem: 'c2dtlz2-3' })).objectives.length // => 3
 */
export async function studyProblemFactory(options: StudyProblemFactoryOptions): Promise<Problem> {
  const config = await loadStudyConfig(options.config);
  const spec = config.problems.find((p) => problemLabel(p) === options.problem);
  if (spec === undefined) {
    throw new ConfigError(options.config, [
      {
        path: 'problems',
        message: `no problem labelled ${JSON.stringify(options.problem)}; labels: ${config.problems.map(problemLabel).join(', ')}`,
      },
    ]);
  }
  return (await buildStudyProblem(spec)).problem;
}
