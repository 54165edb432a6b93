import { InvalidArgumentError, type Matrix } from '@paretokit/problem';
import { BridgeLibraryError } from './errors/bridge-library-error.js';
import { BridgeProcessError } from './errors/bridge-process-error.js';
import { BridgeUnavailableError } from './errors/bridge-unavailable-error.js';
import { BridgeProcess, type BridgeReply, type BridgeRequest } from './internal/bridge-process.js';
import { checkInteger, checkNumber } from './internal/check-data.js';

/** The libraries a {@link SurrogateBridge} trains with. */
export type BridgeLibrary = 'lightgbm' | 'xgboost';

/** Options of {@link surrogateBridge}. */
export interface SurrogateBridgeOptions {
  /** The Python 3 interpreter (with numpy, and `lightgbm` / `xgboost` from PyPI). Default `python3`. */
  readonly python?: string;
  /** Python processes at most, started as requests need them. Default 1. */
  readonly processes?: number;
  /** Default limit of one request in milliseconds (start-up included). Default 300,000. */
  readonly timeoutMs?: number;
}

/** Limits of one bridge call. */
export interface BridgeCallOptions {
  /** This call's limit in milliseconds (default: the bridge's). The process is killed when it passes. */
  readonly timeoutMs?: number;
  /** Kills the process doing this call when it aborts. */
  readonly signal?: AbortSignal;
}

/** One training job. */
export interface BridgeTrainJob extends BridgeCallOptions {
  readonly library: BridgeLibrary;
  readonly X: Matrix;
  readonly y: Float64Array;
  readonly rounds: number;
  /** The library's parameters, passed as they are to `lgb.train` / `xgb.train`. */
  readonly params: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Long-lived Python processes that train LightGBM and XGBoost models on request and hand back the
 * saved model text (LightGBM's text format, XGBoost's JSON), which the regressors then evaluate
 * in-process. Requests and arrays travel over stdin/stdout in length-prefixed frames (JSON header,
 * raw float64), so the library sees exactly the caller's doubles.
 */
export interface SurrogateBridge {
  /** Trains a model; resolves with the model text. */
  train(job: BridgeTrainJob): Promise<string>;
  /** The library's own prediction of `X` from a model text (for checking the in-process predictors). */
  predict(
    job: BridgeCallOptions & { readonly library: BridgeLibrary; readonly model: string; readonly X: Matrix },
  ): Promise<Float64Array>;
  /** Versions of Python, numpy and the given libraries (null where a library does not import). */
  versions(libraries?: readonly BridgeLibrary[]): Promise<Record<string, string | null>>;
  /** Process ids of the processes running now. */
  readonly pids: readonly number[];
  /** Ends every process; later calls start new ones. */
  close(): Promise<void>;
}

const INSTALL = {
  lightgbm: 'python3 -m pip install lightgbm',
  xgboost: 'python3 -m pip install xgboost',
} as const;
const LABEL = { lightgbm: 'LightGBM', xgboost: 'XGBoost' } as const;

/**
 * Starts nothing yet: returns a bridge whose Python processes start on the first request and live
 * until `close()` (or until Node exits; on Linux they also die with it after a SIGKILL). Spawned
 * without a shell. Every request has a timeout; a request whose process dies is retried once on a
 * fresh process, then rejected with the process's stderr. Requests queue when every process is
 * busy. O(bytes of the arrays and model) per request besides the library's work.
 *
 * @example
 * const bridge = surrogateBridge({ processes: 2 });
 * const model = lightgbmRegressor({ bridge, rounds: 10, minDataInLeaf: 1 });
 * await model.fit(toMatrix([[0], [1], [2], [3]]), Float64Array.of(0, 0, 10, 10));
 * await bridge.close();
 * model.predict(toMatrix([[3]]))[0] > 5 // => true
 */
export function surrogateBridge(options: SurrogateBridgeOptions = {}): SurrogateBridge {
  const python = options.python ?? 'python3';
  if (typeof python !== 'string' || python.length === 0) {
    throw new InvalidArgumentError({
      argument: 'surrogateBridge: python',
      expected: 'a program name or path',
      actual: python,
    });
  }
  const size = checkInteger(options.processes ?? 1, 'surrogateBridge: processes', 1);
  const defaultTimeout = checkNumber(
    options.timeoutMs ?? 300_000,
    'surrogateBridge: timeoutMs',
    0,
    2 ** 31 - 1,
    true,
  );
  const processes: BridgeProcess[] = [];
  const queue: (() => void)[] = [];

  /** An idle process (started lazily), waiting in line when all are busy. */
  const acquire = async (): Promise<BridgeProcess> => {
    for (;;) {
      const idle = processes.find((p) => !p.busy && !claimed.has(p));
      if (idle !== undefined) return claim(idle);
      if (processes.length < size) {
        const fresh = new BridgeProcess(python);
        processes.push(fresh);
        return claim(fresh);
      }
      await new Promise<void>((resolve) => queue.push(resolve));
    }
  };
  const claimed = new Set<BridgeProcess>();
  const claim = (p: BridgeProcess) => {
    claimed.add(p);
    return p;
  };
  const release = (p: BridgeProcess) => {
    claimed.delete(p);
    queue.shift()?.();
  };

  const call = async (
    request: BridgeRequest,
    library: BridgeLibrary | undefined,
    limits: BridgeCallOptions,
  ) => {
    const timeoutMs =
      limits.timeoutMs === undefined
        ? defaultTimeout
        : checkNumber(limits.timeoutMs, 'surrogateBridge: timeoutMs', 0, 2 ** 31 - 1, true);
    const process = await acquire();
    try {
      let reply: BridgeReply;
      try {
        reply = await process.request(request, { timeoutMs, signal: limits.signal });
      } catch (error) {
        if (!isCrash(error)) throw error;
        reply = await process.request(request, { timeoutMs, signal: limits.signal }); // one restart
      }
      return checkReply(reply, library, python);
    } catch (error) {
      throw asUnavailable(error, library, python);
    } finally {
      release(process);
    }
  };

  return {
    async train(job) {
      const { X, y } = job;
      const reply = await call(
        {
          header: {
            op: 'train',
            library: job.library,
            rows: X.rows,
            cols: X.cols,
            rounds: job.rounds,
            params: job.params,
          },
          arrays: [X.data.subarray(0, X.rows * X.cols), y.subarray(0, X.rows)],
        },
        job.library,
        job,
      );
      return reply.payload.toString('utf8');
    },
    async predict(job) {
      const { X } = job;
      const reply = await call(
        {
          header: { op: 'predict', library: job.library, rows: X.rows, cols: X.cols, model: job.model },
          arrays: [X.data.subarray(0, X.rows * X.cols)],
        },
        job.library,
        job,
      );
      const out = new Float64Array(reply.payload.length / 8);
      new Uint8Array(out.buffer).set(reply.payload);
      return out;
    },
    async versions(libraries = ['lightgbm', 'xgboost']) {
      const reply = await call({ header: { op: 'hello', libraries }, arrays: [] }, undefined, {});
      return reply.header.versions as Record<string, string | null>;
    },
    get pids() {
      return processes.map((p) => p.pid).filter((pid): pid is number => pid !== undefined);
    },
    async close() {
      await Promise.all(processes.map((p) => p.close()));
    },
  };
}

/** A death of the process itself (not a timeout, an abort or a failed start), worth one retry. */
function isCrash(error: unknown): boolean {
  return error instanceof BridgeProcessError && error.name === 'BridgeProcessError';
}

function checkReply(reply: BridgeReply, library: BridgeLibrary | undefined, python: string): BridgeReply {
  const h = reply.header;
  if (h.ok === true) return reply;
  const message = String(h.message);
  if (h.kind === 'unavailable') {
    const lib = library ?? 'lightgbm';
    throw new BridgeUnavailableError({
      library: message === 'numpy' ? 'numpy' : LABEL[lib],
      missing: `${python} cannot import ${message}`,
      install: message === 'numpy' ? 'python3 -m pip install numpy' : INSTALL[lib],
    });
  }
  throw new BridgeLibraryError({
    library: library === undefined ? 'bridge' : LABEL[library],
    message,
    trace: String(h.trace ?? ''),
  });
}

/** A process that could not start at all means Python is missing: say what to install. */
function asUnavailable(error: unknown, library: BridgeLibrary | undefined, python: string): unknown {
  if (!(error instanceof Error) || !(error as { spawnFailed?: boolean }).spawnFailed) return error;
  return new BridgeUnavailableError({
    library: library === undefined ? 'Python' : LABEL[library],
    missing: `cannot run ${python} (${(error as { code?: string }).code ?? error.message})`,
    install: `Python 3 with numpy, then ${library === undefined ? 'python3 -m pip install lightgbm xgboost' : INSTALL[library]}`,
    cause: error,
  });
}
