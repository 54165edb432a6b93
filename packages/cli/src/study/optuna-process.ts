import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { type OptunaFailure, OptunaProcessError } from './optuna-process-error.js';
import { OPTUNA_SCRIPT } from './optuna-script.js';

/** A message of the protocol (see {@link OPTUNA_SCRIPT}). */
export type OptunaMessage = Record<string, unknown>;

/** Why a wait for a message ended without one. */
interface Ending {
  readonly reason: OptunaFailure | 'spawn';
  readonly detail: string;
  readonly cause?: unknown;
}

const STDERR_KEEP = 64 * 1024;
const MAX_FRAME = 64 * 1024 * 1024;
const live = new Set<ChildProcessWithoutNullStreams>();
let exitHook = false;

/** Kills a process with everything it started (its process group). */
function killGroup(child: ChildProcessWithoutNullStreams): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL'); // the group is gone already; make sure the process is too
  }
}

/** Non-finite numbers as strings: JSON has no NaN or infinities. */
function encode(message: OptunaMessage): Buffer {
  const body = Buffer.from(
    JSON.stringify(message, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)),
    'utf8',
  );
  const prefix = Buffer.allocUnsafe(4);
  prefix.writeUInt32LE(body.length, 0);
  return Buffer.concat([prefix, body]);
}

/**
 * One Python process running {@link OPTUNA_SCRIPT}: spawned without a shell in its own process
 * group, spoken to in length-prefixed JSON frames over stdin/stdout. Every wait for a message has
 * a time limit and can be aborted; a failed wait kills the group and resolves only once the
 * process has exited (so its pid is gone). Processes still alive when Node exits are killed; on
 * Linux they also die with Node after a SIGKILL (the script's PR_SET_PDEATHSIG).
 */
export class OptunaProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly exited: Promise<void>;
  private stderr = '';
  private buffer: Buffer = Buffer.alloc(0);
  private readonly inbox: OptunaMessage[] = [];
  /** Why no more messages will come: the process closed, failed to start, or sent garbage. */
  private ended: Ending | undefined;
  private wake: (() => void) | undefined;

  constructor(readonly python: string) {
    if (!exitHook) {
      exitHook = true;
      process.once('exit', () => {
        for (const child of live) killGroup(child);
      });
    }
    const child = spawn(python, ['-c', OPTUNA_SCRIPT], {
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false,
      detached: true, // its own process group, so a kill reaches whatever it started
      // Optuna's sampling must not depend on Python's per-process hash seed.
      env: { ...process.env, PYTHONHASHSEED: '0', PYTHONUNBUFFERED: '1' },
    });
    this.child = child;
    live.add(child);
    this.exited = new Promise((resolve) => {
      child.once('close', () => resolve());
      child.once('error', () => resolve());
    });
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      this.stderr = (this.stderr + s).slice(-STDERR_KEEP);
    });
    child.stdin.on('error', () => {
      // EPIPE when the process died: the close handler reports it.
    });
    child.once('error', (error) => this.end({ reason: 'spawn', detail: error.message, cause: error }));
    child.once('close', (code, signal) => {
      live.delete(child);
      this.end({ reason: 'exited', detail: `the process exited (${signal ?? `code ${code}`})` });
    });
  }

  /** The process id (undefined when it could not start). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last lines it wrote to stderr. */
  get stderrTail(): string {
    return this.stderr.trimEnd().split('\n').slice(-20).join('\n').slice(-4000);
  }

  /** True when the process could not be started at all (the interpreter is missing). */
  get spawnFailed(): { detail: string; cause?: unknown } | undefined {
    return this.ended?.reason === 'spawn' ? this.ended : undefined;
  }

  send(message: OptunaMessage): void {
    this.child.stdin.write(encode(message));
  }

  /**
   * The next message; rejects with an {@link OptunaProcessError} (the process killed and gone)
   * when none comes within `timeoutMs`, the signal aborts, or the process ends first.
   */
  async next(timeoutMs: number, signal?: AbortSignal): Promise<OptunaMessage> {
    let stop: Ending | undefined;
    const fail = (ending: Ending) => {
      stop ??= ending;
      this.wake?.();
    };
    const timer = setTimeout(
      () => fail({ reason: 'timeout', detail: `no message within ${timeoutMs} ms` }),
      timeoutMs,
    );
    const onAbort = () => fail({ reason: 'aborted', detail: 'the run was aborted', cause: signal?.reason });
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      while (this.inbox.length === 0 && this.ended === undefined && stop === undefined) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
    } finally {
      this.wake = undefined;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    const message = stop === undefined ? this.inbox.shift() : undefined;
    if (message !== undefined) return message;
    await this.kill();
    const { reason, detail, cause } = stop ?? this.ended!;
    throw new OptunaProcessError({
      reason: reason === 'spawn' ? 'exited' : reason,
      detail,
      stderrTail: this.stderrTail,
      ...(cause === undefined ? {} : { cause }),
    });
  }

  /** Closes stdin (the script exits on end of input) and waits; kills the group if it lingers. */
  async close(graceMs = 5000): Promise<void> {
    this.child.stdin.end();
    const timer = setTimeout(() => killGroup(this.child), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Kills the process group and waits until the process has exited. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) killGroup(this.child);
    await this.exited;
  }

  private end(ended: Ending): void {
    this.ended ??= ended;
    this.wake?.();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 4) {
      const length = this.buffer.readUInt32LE(0);
      if (length > MAX_FRAME) {
        this.end({ reason: 'protocol', detail: `a frame of ${length} bytes (at most ${MAX_FRAME})` });
        return;
      }
      if (this.buffer.length < 4 + length) return;
      const text = this.buffer.toString('utf8', 4, 4 + length);
      this.buffer = this.buffer.subarray(4 + length);
      try {
        this.inbox.push(JSON.parse(text) as OptunaMessage);
      } catch {
        this.end({ reason: 'protocol', detail: `a frame that is not JSON: ${text.slice(0, 200)}` });
        return;
      }
      this.wake?.();
    }
  }
}
