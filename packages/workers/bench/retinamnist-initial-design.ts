// The RetinaMNIST compression problem's initial design (50 Latin-hypercube points, as SAMO's),
// evaluated serially, on a pool of 2 worker threads, and through a Redis queue with 2 worker
// processes (its own redis-server); 1 onnxruntime intra-op thread per evaluation. Wall times
// include building the problem where the evaluations run (model load, base-model measurement),
// medians of --repeats runs; all three must give the same objective and constraint values.
//
//   cd packages/workers && npx tsx bench/retinamnist-initial-design.ts [--repeats 1] [--points 50]
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type EvalResult, latinHypercube, type ProblemReference, serialEvaluator } from '@paretokit/problem';
import { loadProblem } from '@paretokit/problem/node';
import { queueEvaluator, workerPoolEvaluator } from '../src/index.js';
import { findRedisServer, RedisServer } from '../test/redis-server.js';

const { values: args } = parseArgs({
  options: {
    repeats: { type: 'string', default: '1' },
    points: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
  },
});
const repeats = Number(args.repeats);
const points = Number(args.points);
const seed = Number(args.seed);
const shared = (p: string) => fileURLToPath(new URL(`../../../../shared/${p}`, import.meta.url));
// The built compression package, by path: @paretokit/workers does not depend on it.
const reference: ProblemReference = {
  module: new URL('../../compression/dist/index.js', import.meta.url).href,
  export: 'compressionProblem',
  options: {
    model: shared('models/resnet50_retinamnist.onnx'),
    sidecar: shared('models/resnet50_retinamnist.json'),
    dataset: shared('data/medmnist/retinamnist.npz'),
    threads: 1,
  },
};
const workerChild = fileURLToPath(new URL('../test/fixtures/queue-worker-child.mjs', import.meta.url));

const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const seconds = (t: number) => (performance.now() - t) / 1000;

const loadBefore = loadavg();
const problem = await loadProblem(reference);
const X = latinHypercube(problem, points, { seed });

async function serial(): Promise<{ wall: number; result: EvalResult }> {
  const t = performance.now();
  const fresh = await loadProblem(reference); // a fresh cache, built inside the timing like the others
  const result = await serialEvaluator({ batchSize: 1 }).evaluate(fresh, X, { seed });
  return { wall: seconds(t), result };
}

async function pool(): Promise<{ wall: number; result: EvalResult }> {
  const t = performance.now();
  const evaluator = workerPoolEvaluator({ problem: reference, size: 2 });
  try {
    const result = await evaluator.evaluate(problem, X, { seed });
    return { wall: seconds(t), result };
  } finally {
    await evaluator.close();
  }
}

function startWorker(url: string, queue: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      workerChild,
      url,
      queue,
      String(reference.module),
      String(reference.export),
      JSON.stringify(reference.options),
      '60000',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    child.stdout!.once('data', () => resolve(child));
  });
}

async function queue(run: number): Promise<{ wall: number; result: EvalResult }> {
  const server = await RedisServer.start();
  const workers: ChildProcess[] = [];
  try {
    const t = performance.now();
    const evaluator = queueEvaluator({ connection: server.url, queue: 'bench', runId: `bench-${run}` });
    const started = Promise.all([startWorker(server.url, 'bench'), startWorker(server.url, 'bench')]).then(
      (w) => workers.push(...w),
    );
    const result = await evaluator.evaluate(problem, X, { seed });
    const wall = seconds(t);
    await started;
    await evaluator.close();
    return { wall, result };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('exit', resolve))));
    await server.destroy();
  }
}

if (findRedisServer() === undefined)
  throw new Error('redis-server is not installed (apt-get install redis-server).');
const modes = { serial, 'pool of 2 threads': pool, 'queue, 2 worker processes': queue } as const;
const walls: Record<string, number[]> = {};
const results: Record<string, EvalResult> = {};
for (let r = 0; r < repeats; r++) {
  for (const [name, run] of Object.entries(modes)) {
    const { wall, result } = await run(r);
    walls[name] = [...(walls[name] ?? []), wall];
    results[name] = result;
    process.stderr.write(`${name}, run ${r + 1}: ${wall.toFixed(1)} s\n`);
  }
}
const loadAfter = loadavg();

const bytes = (r: EvalResult) => Buffer.concat([Buffer.from(r.F.data.buffer), Buffer.from(r.G!.data.buffer)]);
const reference0 = bytes(results.serial!);
const same = Object.values(results).every((r) => bytes(r).equals(reference0));
const failed = Object.values(results).some((r) => (r.errors?.length ?? 0) > 0);
const base = median(walls.serial!);
console.log(
  `RetinaMNIST ResNet50 compression problem, initial design of ${points} LHS points (seed ${seed}), 1 onnxruntime thread per evaluation`,
);
console.log(
  `${availableParallelism()} cores; load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}; median of ${repeats} run(s)\n`,
);
console.log('| evaluator | wall time (s) | speed-up |');
console.log('|---|---:|---:|');
for (const [name, w] of Object.entries(walls)) {
  console.log(`| ${name} | ${median(w).toFixed(1)} | ${(base / median(w)).toFixed(2)}x |`);
}
console.log(
  `\nsame objective and constraint values in all three: ${same ? 'yes' : 'NO'}${failed ? ' (some rows failed)' : ''}`,
);
if (!same || failed) process.exitCode = 1;
