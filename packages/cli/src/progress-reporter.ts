import { SingleBar } from 'cli-progress';

/** Where progress goes: a bar on a terminal, sparse lines in a log, or nowhere. */
export interface ProgressReporter {
  /** `done` of the total so far, with a short status (e.g. the best feasible accuracy). */
  update(done: number, status: string): void;
  stop(): void;
}

/** Options of {@link progressReporter}. */
export interface ProgressReporterOptions {
  readonly total: number;
  /** What is counted, e.g. `evaluations`. */
  readonly unit: string;
  /** `false`: nothing (`--no-progress`); default: a bar when `stream` is a terminal, else lines. */
  readonly enabled?: boolean;
  readonly stream?: NodeJS.WriteStream;
  /** Seconds between two lines in a log at the most (default 60); a line also at every 10 %. */
  readonly intervalSeconds?: number;
  /** Clock in ms (tests). */
  readonly now?: () => number;
}

/** The `progress` and `progressStream` options of a command, as {@link progressReporter} takes them. */
export function progressOptions(options: {
  readonly progress?: boolean;
  readonly progressStream?: NodeJS.WriteStream;
}): Pick<ProgressReporterOptions, 'enabled' | 'stream'> {
  return {
    ...(options.progress === undefined ? {} : { enabled: options.progress }),
    ...(options.progressStream === undefined ? {} : { stream: options.progressStream }),
  };
}

/**
 * Progress of a long command: on a terminal a redrawn bar (cli-progress); in a log (not a TTY) one
 * line at every 10 % and at least once a minute, never a line per update; with `enabled: false`,
 * nothing. O(1) per update.
 *
 * @example
 * const lines = [];
 * const stream = { isTTY: false, write: (s) => lines.push(s) };
 * const p = progressReporter({ total: 100, unit: 'evaluations', stream, now: () => 0 });
 * for (let i = 1; i <= 100; i++) p.update(i, 'best 0.5');
 * p.stop();
 * [lines.length, lines[0]] // => [10, '10/100 evaluations (10 %), best 0.5, 0 s\n']
 */
export function progressReporter(options: ProgressReporterOptions): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (options.enabled === false) return { update: () => {}, stop: () => {} };
  if (stream.isTTY === true) {
    const bar = new SingleBar({
      format: `{bar} {value}/{total} ${options.unit} | {status} | {duration_formatted} elapsed | ETA {eta_formatted}`,
      stream,
      hideCursor: false,
      etaBuffer: 20,
    });
    bar.start(options.total, 0, { status: '' });
    return { update: (done, status) => bar.update(done, { status }), stop: () => bar.stop() };
  }
  const now = options.now ?? (() => performance.now());
  const interval = (options.intervalSeconds ?? 60) * 1000;
  const started = now();
  let lastTime = started;
  let lastTenth = 0;
  return {
    update(done, status) {
      const tenth = Math.floor((10 * done) / options.total);
      const t = now();
      if (tenth <= lastTenth && t - lastTime < interval) return;
      lastTenth = Math.max(lastTenth, tenth);
      lastTime = t;
      const percent = Math.floor((100 * done) / options.total);
      stream.write(
        `${done}/${options.total} ${options.unit} (${percent} %)${status === '' ? '' : `, ${status}`}, ${Math.round((t - started) / 1000)} s\n`,
      );
    },
    stop: () => {},
  };
}
