import { fileURLToPath } from 'node:url';
import { compressionPresetsIfInstalled } from '../optional-packages.js';

/**
 * The folder of the embedded default: the official RetinaMNIST file and the small model trained
 * on it (`assets/retinamnist/` of the repository; see its NOTICE.md). Absolute path.
 *
 * @example
 * EMBEDDED_ASSETS.endsWith('retinamnist') // => true
 */
export const EMBEDDED_ASSETS = fileURLToPath(new URL('../../../../assets/retinamnist', import.meta.url));

/**
 * The embedded model's file name in {@link EMBEDDED_ASSETS} (its sidecar: `.json` in place of `.onnx`).
 *
 * @example
 * EMBEDDED_MODEL.endsWith('.onnx') // => true
 */
export const EMBEDDED_MODEL = 'resnet18-narrow_retinamnist.onnx';

/** The official RetinaMNIST file's entry; undefined without @paretokit/compression. */
const retinamnist = compressionPresetsIfInstalled()?.MEDMNIST_FILES.retinamnist;

/**
 * The study the README's first command runs when no configuration file is given: compress the
 * small RetinaMNIST CNN shipped in the repository (a ResNet-18-style network for 28x28 input,
 * trained here on the official file by `examples/medmnist-train/train.py`) with the study's
 * 7-variable problem (pruning x1..x6, int8 quantization x7; f1 = FLOPs x density x bits/32 and
 * validation accuracy, constraint accuracy >= 0.96 x the base model's). Methods: ParetoKit's
 * `samo`, the study's SAMO-C-TAEA, plain C-TAEA 20x5 and 10x10, NSGA-II 20x5; 5 seeds x 100 real
 * evaluations. The validation split selects; the fronts are measured again on the test split.
 * One deviation keeps it within minutes on two cores: SAMO-C-TAEA's pool holds the in-process KNN
 * and random forest only (the study's pool adds XGBoost and LightGBM, each fit in a Python
 * process; a study file can ask for them). The study on constrained benchmark problems that was
 * the default before is `studies/benchmarks.json`. The data's MD5 is the official file's (from
 * `@paretokit/compression`; without it installed the entry has none, and the study cannot run).
 *
 * @example
 * DEFAULT_STUDY.problems.map((p) => p.name) // => ['retinamnist']
 * DEFAULT_STUDY.methods.length // => 5
 * DEFAULT_STUDY.problems[0].dataMd5 // => 'bd4c0672f1bba3e3a89f0e4e876791e4'
 */
export const DEFAULT_STUDY = {
  name: 'default-study',
  problems: [
    {
      type: 'compression',
      name: 'retinamnist',
      model: `${EMBEDDED_ASSETS}/${EMBEDDED_MODEL}`,
      data: `${EMBEDDED_ASSETS}/retinamnist.npz`,
      ...(retinamnist === undefined ? {} : { dataMd5: retinamnist.md5 }),
      selectOn: 'validation',
      threads: 1,
    },
  ],
  methods: ['samo', 'samo-ctaea', 'ctaea-20x5', 'ctaea-10x10', 'nsga2-20x5'],
  seeds: 5,
  budget: 100,
  samo: { surrogates: ['knn', 'randomForest'] },
  out: 'runs/default-study',
} as const;
