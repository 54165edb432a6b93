import * as z from 'zod';

// The report input's shape as zod schemas. Every schema's `error` is the "expected ..." wording of
// the message; `params.hint` adds a hint, and `params.dimension` marks a wrong length, which
// validate.ts turns into a DimensionMismatchError. Schemas that depend on the section's objective
// count `m` are built per `m` and cached.

/** `params` of a custom issue for a list of the wrong length. */
export interface DimensionParams {
  readonly dimension: true;
  readonly expected: number;
  readonly actual: number;
  readonly unit: string;
  readonly hint?: string;
}

const finite = z.number({ error: 'a finite number' });
const text = z.string({ error: 'a string' });
const array = <T extends z.ZodType>(item: T) => z.array(item, { error: 'an array' });

function sized(
  ctx: z.RefinementCtx,
  actual: number,
  expected: number,
  unit: string,
  hint?: string,
  path: PropertyKey[] = [],
): void {
  if (actual !== expected) mismatch(ctx, actual, expected, unit, hint, path);
}

function mismatch(
  ctx: z.RefinementCtx,
  actual: number,
  expected: number,
  unit: string,
  hint: string | undefined,
  path: PropertyKey[],
): void {
  const params: DimensionParams = {
    dimension: true,
    expected,
    actual,
    unit,
    ...(hint === undefined ? {} : { hint }),
  };
  ctx.addIssue({ code: 'custom', message: `${expected} ${unit}`, path, params });
}

const objectiveValues = (m: number) =>
  array(finite).superRefine((values, ctx) =>
    sized(
      ctx,
      values.length,
      m,
      'values (one per objective)',
      'Every front point, marker and solution row lists one value per objective of its section.',
    ),
  );

const settings = z.record(
  z.string(),
  z.union([z.string(), finite, z.boolean()], { error: 'a string, a finite number or a boolean' }),
  { error: 'an object' },
);
const metrics = z.record(z.string(), finite, { error: 'an object' });

export const objectivesSchema = (min = 2) =>
  array(
    z.object(
      { name: text, sense: z.enum(['min', 'max'], { error: '"min" or "max"' }) },
      { error: 'an object { name, sense }' },
    ),
  ).refine((objectives) => objectives.length >= min, {
    error: `at least ${min} objectives`,
    params: { hint: 'The front scatter plots the first two objectives.' },
  });

export const markersSchema = cached((m: number) =>
  array(
    z.object(
      { label: text, objectives: objectiveValues(m) },
      { error: 'a marker object { label, objectives }' },
    ),
  ),
);

export const referenceLinesSchema = cached((m: number) =>
  array(
    z.object(
      {
        label: text,
        objective: z
          .int({ error: `an objective index from 0 to ${m - 1}` })
          .min(0, { error: `an objective index from 0 to ${m - 1}` })
          .max(m - 1, { error: `an objective index from 0 to ${m - 1}` }),
        value: finite,
      },
      { error: 'a reference line object { label, objective, value }' },
    ),
  ),
);

export const latencySchema = array(
  z.object(
    {
      label: text,
      nonZeroRate: finite.refine((rate) => rate >= 0 && rate <= 1, {
        error: 'a fraction from 0 to 1',
        params: { hint: 'Give the share of non-zero weights, not a percentage.' },
      }),
      seconds: finite.min(0, { error: 'a non-negative number' }),
      group: text.optional(),
    },
    { error: 'a latency point object' },
  ),
);

export const confusionMatrixSchema = z
  .object(
    {
      title: text,
      labels: array(text)
        .min(1, { error: 'at least one class label' })
        .superRefine((labels, ctx) => {
          const first = labels.findIndex((l, k) => labels.indexOf(l) !== k);
          if (first >= 0) ctx.addIssue({ code: 'custom', message: 'a label not used before', path: [first] });
        }),
      counts: array(array(finite.min(0, { error: 'a non-negative count' }))),
    },
    { error: 'a confusion matrix object { title, labels, counts }' },
  )
  .superRefine(({ labels, counts }, ctx) => {
    const n = labels.length;
    sized(ctx, counts.length, n, 'rows (one per label; rows are the true class)', undefined, ['counts']);
    if (counts.length !== n) return;
    for (const [i, row] of counts.entries())
      sized(ctx, row.length, n, 'columns (one per label; the matrix must be square)', undefined, [
        'counts',
        i,
      ]);
  });

const frontPoint = (m: number) =>
  z.object(
    {
      objectives: objectiveValues(m),
      settings,
      metrics: metrics.optional(),
      confusionMatrix: confusionMatrixSchema.optional(),
    },
    { error: 'a front point object' },
  );

/** Runs; with `m`, also every front point's objectives (one value per objective). */
export const runsSchema = cached((m?: number) =>
  array(
    z.object(
      {
        method: text,
        seed: finite,
        hypervolume: finite,
        evaluations: z.int({ error: 'a non-negative integer' }).min(0, { error: 'a non-negative integer' }),
        front: m === undefined ? array(z.unknown()) : array(frontPoint(m)),
      },
      { error: 'a run summary object' },
    ),
  ),
);

export const solutionRowsSchema = cached((m: number) =>
  array(
    z.object(
      { method: text, seed: finite, objectives: objectiveValues(m), settings, metrics: metrics.optional() },
      { error: 'a solution row object' },
    ),
  ),
);

// Statistic values may legitimately be NaN (a Friedman test on all-tied data); they are shown as
// "n/a". Only the shape is checked: one mean rank per method, pairs indexing existing methods.
export const statisticsSchema = z
  .object(
    {
      friedman: z.object({ meanRanks: z.unknown() }, { error: 'a Friedman result' }),
      dunn: z.object({ meanRanks: z.unknown(), pairs: array(z.unknown()) }, { error: 'a Dunn result' }),
      methods: array(text),
    },
    { error: 'an object { friedman, dunn, methods }' },
  )
  .superRefine(({ friedman, dunn, methods }, ctx) => {
    const n = methods.length;
    for (const [name, ranks] of [
      ['friedman', friedman.meanRanks],
      ['dunn', dunn.meanRanks],
    ] as const) {
      const length = (ranks as ArrayLike<number> | undefined)?.length;
      if (typeof length !== 'number' || length !== n) {
        const actual = typeof length === 'number' ? length : 0;
        mismatch(ctx, actual, n, 'mean ranks (one per entry of methods)', undefined, [name, 'meanRanks']);
      }
    }
    const index = z
      .int({ error: `a method index from 0 to ${n - 1}` })
      .min(0, { error: `a method index from 0 to ${n - 1}` })
      .max(n - 1, { error: `a method index from 0 to ${n - 1}` });
    const pair = z.object({ i: index, j: index }, { error: 'a Dunn pair { i, j }' });
    for (const [k, p] of dunn.pairs.entries()) {
      const result = pair.safeParse(p);
      for (const issue of result.error?.issues ?? [])
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['dunn', 'pairs', k, ...issue.path] });
    }
  });

/** The section's own fields that do not depend on its objective count. */
export const sectionHeadSchema = z.object(
  { name: text, description: text.optional(), objectives: objectivesSchema() },
  { error: 'a section object' },
);

/** The rest of a section, once its objective count `m` is known. */
export const sectionBodySchema = cached((m: number) =>
  z.object({
    runs: runsSchema(m).min(1, { error: 'at least one run' }),
    markers: markersSchema(m).optional(),
    referenceLines: referenceLinesSchema(m).optional(),
    latency: latencySchema.optional(),
    confusionMatrices: array(confusionMatrixSchema).optional(),
    nonDominated: solutionRowsSchema(m).optional(),
    statistics: statisticsSchema.optional(),
  }),
);

/** The top level; each section is checked on its own (its schemas depend on its objectives). */
export const studyReportInputSchema = z.object(
  {
    title: text,
    subtitle: text.optional(),
    hypervolumeReference: text,
    sections: array(z.unknown()).refine((sections) => sections.length > 0, {
      error: 'at least one section',
      params: { hint: 'Give one section per dataset or problem.' },
    }),
    overall: statisticsSchema.optional(),
    notes: array(text).optional(),
  },
  { error: 'a study report input object' },
);

function cached<K, S>(make: (key: K) => S): (key: K) => S {
  const cache = new Map<K, S>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const schema = make(key);
    cache.set(key, schema);
    return schema;
  };
}
