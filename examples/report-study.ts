// Render a study report: three methods x five seeds on one dataset, with the base model, the
// MedMNIST reference accuracy, inference times and a confusion matrix. Fixed numbers, public
// imports only; writes one self-contained HTML file to a temp directory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunSummary, renderStudyReport } from '@paretokit/report';
import { dunn, friedman } from '@paretokit/stats';

const methods = ['surrogate C-TAEA', 'C-TAEA 20x5', 'C-TAEA 10x10'];
const seeds = [1, 2, 3, 4, 5];
// Rows: seeds; columns: methods. Normalised hypervolume, higher is better.
const hypervolumes = [
  [0.631, 0.598, 0.571],
  [0.627, 0.589, 0.566],
  [0.636, 0.602, 0.559],
  [0.625, 0.585, 0.574],
  [0.629, 0.593, 0.563],
];

// Each run's front: three (non-zero rate, accuracy) trade-offs, shifted a little per method and seed.
const runs: RunSummary[] = seeds.flatMap((seed, s) =>
  methods.map((method, m) => ({
    method,
    seed,
    hypervolume: hypervolumes[s]![m]!,
    evaluations: 100,
    front: [0.3, 0.45, 0.6].map((rate, k) => ({
      objectives: [rate + 0.01 * s, 0.43 + 0.02 * k - 0.006 * m + 0.002 * s],
      settings: { pruneRate: Number((1 - rate).toFixed(2)), quantize: k !== 2 },
      metrics: { testSeconds: 4 + 24 * rate },
    })),
  })),
);

// Friedman ranks ascending (rank 1 = smallest), so negate to make rank 1 the best method.
const table = hypervolumes.map((row) => row.map((v) => -v));

const html = await renderStudyReport({
  title: 'Compressing ResNet50 on RetinaMNIST',
  subtitle: 'Surrogate-assisted C-TAEA against plain C-TAEA, 100 evaluations per run',
  hypervolumeReference: 'Objectives (non-zero rate, 1 − accuracy) in [0, 1]; reference point (1.1, 1.1).',
  sections: [
    {
      name: 'RetinaMNIST',
      objectives: [
        { name: 'non-zero rate', sense: 'min' },
        { name: 'accuracy', sense: 'max' },
      ],
      runs,
      markers: [{ label: 'base model', objectives: [1, 0.455] }],
      referenceLines: [{ label: 'MedMNIST ResNet-50 (28)', objective: 1, value: 0.528 }],
      latency: [
        { label: 'base', nonZeroRate: 1, seconds: 30.2, group: 'base' },
        { label: 'most accurate', nonZeroRate: 0.64, seconds: 19.8, group: 'compressed' },
        { label: 'fastest', nonZeroRate: 0.34, seconds: 12.6, group: 'compressed' },
      ],
      confusionMatrices: [
        {
          title: 'base model',
          labels: ['0', '1', '2', '3', '4'],
          counts: [
            [142, 8, 17, 3, 4],
            [19, 9, 14, 2, 2],
            [28, 6, 38, 14, 6],
            [12, 2, 18, 31, 5],
            [4, 1, 5, 8, 2],
          ],
        },
      ],
      nonDominated: runs.slice(0, 3).map((r) => ({ method: r.method, seed: r.seed, ...r.front[1]! })),
      statistics: {
        friedman: friedman(table, { imanDavenport: true }),
        dunn: dunn(table, { design: 'friedman', adjust: 'holm', alpha: 0.05 }),
        methods,
      },
    },
  ],
  notes: ['Numbers are illustrative, not measured.'],
});

const file = join(mkdtempSync(join(tmpdir(), 'paretokit-report-')), 'report.html');
writeFileSync(file, html);
console.log(`wrote ${file}`);
// Four figures: hypervolume box plot, front scatter, latency scatter, confusion matrix.
console.log(`figures: ${html.match(/<figure class="plot"/g)?.length ?? 0}`);
