import {
  type Evaluator,
  InvalidArgumentError,
  type Matrix,
  type Problem,
  serialEvaluator,
  toMatrix,
  type Variable,
  variableSpace,
} from '@paretokit/problem';
import { type OptunaMessage, OptunaProcess } from './optuna-process.js';
import { OptunaProcessError } from './optuna-process-error.js';
import { OptunaUnavailableError } from './optuna-unavailable-error.js';

/** Versions the Optuna process reported. */
export interface OptunaVersions {
  readonly python: string;
  readonly optuna: string;
}

/** Where Optuna runs. */
export interface OptunaProcessOptions {
  /** The Python 3 interpreter, with `optuna` from PyPI. Default `python3`. */
  readonly python?: string;
  /** Limit of every wait for the process's next message (start-up, one trial's sampling), in ms. Default 600,000. */
  readonly timeoutMs?: number;
  /** Kills the process and rejects when it aborts. */
  readonly signal?: AbortSignal;
}

/** Options of {@link runOptunaTpe}. */
export interface OptunaTpeOptions extends OptunaProcessOptions {
  /** Seed of Optuna's sampler (0 .. 2^32 - 1): the same seed asks the same rows for the same answers. */
  readonly seed: number;
  /** Trials, i.e. real evaluations. */
  readonly budget: number;
  /** Evaluates each asked row, one row per call (default: serial, in this process). */
  readonly evaluator?: Evaluator;
  /** Called once the process runs and has reported its versions, before the first evaluation. */
  readonly onStart?: (start: OptunaVersions & { readonly pid: number }) => void;
}

/** What an Optuna TPE run evaluated, in trial order (objectives in their natural sense). */
export interface OptunaTpeResult {
  readonly X: Matrix;
  readonly F: Matrix;
  /** Present when the problem has constraints. */
  readonly G?: Matrix;
  readonly versions: OptunaVersions;
}

const DEFAULT_TIMEOUT_MS = 600_000;

function checkProcessOptions(options: OptunaProcessOptions, what: string) {
  const python = options.python ?? 'python3';
  if (typeof python !== 'string' || python.length === 0) {
    throw new InvalidArgumentError({
      argument: `${what}: python`,
      expected: 'a non-empty string',
      actual: python,
    });
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new InvalidArgumentError({
      argument: `${what}: timeoutMs`,
      expected: 'a positive number of milliseconds',
      actual: timeoutMs,
    });
  }
  return { python, timeoutMs, signal: options.signal };
}

/** Starts the process and waits for its versions; a missing Python or Optuna is an {@link OptunaUnavailableError}. */
async function startOptuna(
  python: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<{ child: OptunaProcess; versions: OptunaVersions }> {
  const child = new OptunaProcess(python);
  let hello: OptunaMessage;
  try {
    hello = await child.next(timeoutMs, signal);
  } catch (error) {
    const failed = child.spawnFailed;
    if (failed === undefined) throw error;
    const code = (failed.cause as { code?: string } | undefined)?.code ?? failed.detail;
    throw new OptunaUnavailableError({
      python,
      missing: `cannot run ${python} (${code})`,
      cause: failed.cause,
    });
  }
  if (typeof hello.unavailable === 'string') {
    await child.kill();
    throw new OptunaUnavailableError({
      python,
      missing: `${python} cannot import ${hello.unavailable}: ${String(hello.message)}`,
    });
  }
  const v = hello.hello as Partial<OptunaVersions> | undefined;
  if (typeof v?.python !== 'string' || typeof v.optuna !== 'string') {
    await child.kill();
    throw new OptunaProcessError({
      reason: 'protocol',
      detail: `expected a hello message, got ${JSON.stringify(hello).slice(0, 200)}`,
      stderrTail: child.stderrTail,
    });
  }
  return { child, versions: { python: v.python, optuna: v.optuna } };
}

/**
 * The versions of Python and Optuna of an interpreter: starts the Optuna process once and ends it.
 * Throws an {@link OptunaUnavailableError} (naming `python3 -m pip install optuna`) when Python
 * does not start or has no Optuna. O(one interpreter start and `import optuna`, about a second).
 *
 * @example
 * const versions = await optunaVersions();
 * /^\d+\.\d+/.test(versions.optuna) // => true
 */
export async function optunaVersions(options: OptunaProcessOptions = {}): Promise<OptunaVersions> {
  const { python, timeoutMs, signal } = checkProcessOptions(options, 'optunaVersions');
  const { child, versions } = await startOptuna(python, timeoutMs, signal);
  await child.close();
  return versions;
}

/** Optuna's distribution of each variable; a choice's encoded value is its index. */
function optunaVariable(v: Variable): Record<string, unknown> {
  switch (v.kind) {
    case 'real':
      return { name: v.name, type: 'float', low: v.lower, high: v.upper };
    case 'integer':
      return { name: v.name, type: 'int', low: v.lower, high: v.upper };
    case 'choice':
      return { name: v.name, type: 'categorical', choices: v.values.map((_, i) => i) };
    case 'binary':
      return { name: v.name, type: 'categorical', choices: [0, 1] };
  }
}

/** The start message of a run: variables, directions from the senses, constraint names (made unique). */
function startMessage(problem: Problem, seed: number, budget: number): OptunaMessage {
  const names = problem.constraints.map((c) => c.name);
  return {
    start: {
      seed,
      trials: budget,
      directions: problem.objectives.map((o) => (o.sense === 'max' ? 'maximize' : 'minimize')),
      variables: problem.variables.map(optunaVariable),
      constraints: new Set(names).size === names.length ? names : names.map((n, j) => `${j + 1}:${n}`),
    },
  };
}

function checkRunOptions(problem: Problem, options: OptunaTpeOptions) {
  const { seed, budget } = options;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    throw new InvalidArgumentError({
      argument: 'runOptunaTpe: seed',
      expected: 'an integer in 0 .. 2^32 - 1 (numpy seeds Optuna)',
      actual: seed,
    });
  }
  if (!Number.isSafeInteger(budget) || budget < 1) {
    throw new InvalidArgumentError({
      argument: 'runOptunaTpe: budget',
      expected: 'a positive integer',
      actual: budget,
    });
  }
  // Unique names, valid bounds: Optuna names its parameters after the variables.
  variableSpace(problem.variables);
  return checkProcessOptions(options, 'runOptunaTpe');
}

/** The row of an `ask` message, checked against the problem's width. */
function askedRow(message: OptunaMessage, width: number, stderrTail: string): number[] {
  const x = message.ask;
  if (
    !Array.isArray(x) ||
    x.length !== width ||
    !x.every((v) => typeof v === 'number' && Number.isFinite(v))
  ) {
    const detail =
      typeof message.error === 'string'
        ? String(message.error)
        : `expected an ask of ${width} numbers, got ${JSON.stringify(message).slice(0, 200)}`;
    throw new OptunaProcessError({
      reason: typeof message.error === 'string' ? 'library' : 'protocol',
      detail,
      stderrTail: typeof message.trace === 'string' ? message.trace.trimEnd() : stderrTail,
    });
  }
  return x as number[];
}

/**
 * Runs Optuna's multi-objective TPE (`TPESampler(multivariate=True, seed=seed)`, directions from
 * the objectives' senses, constraints g <= 0 feasible) on a problem for `budget` trials, in a
 * Python child process that asks Node for every evaluation: Node evaluates each asked row through
 * `evaluator`, one row per call, and answers. With a journaling evaluator a killed run resumes
 * without evaluating again: the same seed makes Optuna ask the same rows, which the journal
 * answers. Real variables map to `suggest_float`, integers to `suggest_int`, choices (by index)
 * and binaries to `suggest_categorical`. Missing Python or Optuna: an {@link OptunaUnavailableError}
 * before any evaluation. The process is gone when this returns or throws. Cost: the evaluations,
 * plus Optuna's sampling (milliseconds per trial at 100 trials) and one interpreter start.
 *
 * @example
 * const run = await runOptunaTpe(c2dtlz2({ nObj: 2, nVar: 6 }), { seed: 1, budget: 5 });
 * run.X.rows // => 5
 */
export async function runOptunaTpe(problem: Problem, options: OptunaTpeOptions): Promise<OptunaTpeResult> {
  const { python, timeoutMs, signal } = checkRunOptions(problem, options);
  const { seed, budget } = options;
  const evaluator = options.evaluator ?? serialEvaluator({ batchSize: 1 });
  const { child, versions } = await startOptuna(python, timeoutMs, signal);
  const X: number[][] = [];
  const F: number[][] = [];
  const G: number[][] = [];
  try {
    options.onStart?.({ ...versions, pid: child.pid! });
    child.send(startMessage(problem, seed, budget));
    for (;;) {
      const message = await child.next(timeoutMs, signal);
      if (message.done !== undefined && X.length === budget) break;
      const x = askedRow(message, problem.variables.length, child.stderrTail);
      const result = await evaluator.evaluate(problem, toMatrix([x]), signal ? { seed, signal } : { seed });
      const f = Array.from(result.F.data);
      const g = result.G === undefined ? [] : Array.from(result.G.data);
      X.push(x);
      F.push(f);
      G.push(g);
      child.send({ f, g });
    }
  } catch (error) {
    await child.kill();
    if (!signal?.aborted || error instanceof OptunaProcessError) throw error;
    // The evaluator saw the abort first: report it as the run's abort, its error as the cause.
    throw new OptunaProcessError({
      reason: 'aborted',
      detail: 'the run was aborted during an evaluation',
      stderrTail: child.stderrTail,
      cause: error,
    });
  }
  await child.close();
  const m = problem.objectives.length;
  return {
    X: toMatrix(X, 'X', problem.variables.length),
    F: toMatrix(F, 'F', m),
    ...(problem.constraints.length === 0 ? {} : { G: toMatrix(G, 'G', problem.constraints.length) }),
    versions,
  };
}
