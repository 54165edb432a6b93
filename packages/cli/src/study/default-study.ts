/**
 * The study the README's first command runs when no configuration file is given: the study's
 * protocol (SAMO-C-TAEA vs plain C-TAEA 20x5 and 10x10 vs NSGA-II 20x5, 100 real evaluations per
 * run, 5 seeds, C-TAEA 50 x 1000 on the surrogate problem, 2 infills per iteration) on two
 * constrained benchmark problems, so that it needs no download: C3-DTLZ4 (2 objectives), whose
 * feasible region is bounded by one constraint per objective, and C2-DTLZ2 (2 objectives, 6
 * variables), whose feasible region is a thin band along the front. One deviation keeps it within
 * minutes on two cores: SAMO's pool holds the in-process KNN and random forest only (the study's
 * pool adds XGBoost and LightGBM, each fit a process of its own; a study file can ask for them).
 *
 * @example
 * DEFAULT_STUDY.problems.map((p) => p.problem) // => ['c3dtlz4', 'c2dtlz2']
 */
export const DEFAULT_STUDY = {
  name: 'default-study',
  problems: [
    { type: 'benchmark', problem: 'c3dtlz4', nObj: 2 },
    { type: 'benchmark', problem: 'c2dtlz2', nObj: 2, nVar: 6 },
  ],
  methods: ['samo-ctaea', 'ctaea-20x5', 'ctaea-10x10', 'nsga2-20x5'],
  seeds: 5,
  budget: 100,
  samo: { surrogates: ['knn', 'randomForest'] },
} as const;
