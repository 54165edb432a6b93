import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { BridgeAbortedError } from '../errors/bridge-aborted-error.js';
import { BridgeProcessError } from '../errors/bridge-process-error.js';
import { BridgeTimeoutError } from '../errors/bridge-timeout-error.js';
import { BRIDGE_SERVER_SCRIPT } from './bridge-server-script.js';

/** One request to the Python side: a JSON header and the float64 arrays that follow it. */
export interface BridgeRequest {
  readonly header: Readonly<Record<string, unknown>>;
  readonly arrays: readonly Float64Array[];
}

/** A reply: the JSON header and the bytes after it (model text or float64 predictions). */
export interface BridgeReply {
  readonly header: Record<string, unknown>;
  readonly payload: Buffer;
}

/** Limits of one request. */
export interface RequestLimits {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

const STDERR_KEEP = 64 * 1024;
const live = new Set<ChildProcessWithoutNullStreams>();
let exitHook = false;

/** Kills a bridge process with everything it started (its process group). */
function killGroup(child: ChildProcessWithoutNullStreams): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL'); // the group is gone already; make sure the process is too
  }
}

/** Kills every bridge process still alive when Node exits, however it exits normally. */
function killAllOnExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const child of live) killGroup(child);
  });
}

function tail(text: string): string {
  return text.trimEnd().split('\n').slice(-20).join('\n').slice(-2000);
}

/** The bytes of one frame: lengths, JSON header, arrays. */
function encodeFrame(request: BridgeRequest): Buffer {
  const head = Buffer.from(JSON.stringify(request.header), 'utf8');
  const bodyLength = head.length + request.arrays.reduce((s, a) => s + a.byteLength, 0);
  const prefix = Buffer.allocUnsafe(8);
  prefix.writeUInt32LE(bodyLength, 0);
  prefix.writeUInt32LE(head.length, 4);
  const parts: Uint8Array[] = [prefix, head];
  for (const a of request.arrays) parts.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return Buffer.concat(parts);
}

/**
 * One long-lived Python process serving bridge requests, one at a time. Spawned without a shell;
 * a request that times out or is aborted kills the process (it cannot be interrupted mid-training)
 * and the next request starts a new one. O(bytes) per request besides the library's own work.
 */
export class BridgeProcess {
  private child: ChildProcessWithoutNullStreams | undefined;
  private stderr = '';
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The request in flight: the process it went to and where its reply goes. */
  private inflight:
    | {
        readonly child: ChildProcessWithoutNullStreams;
        readonly deliver: (reply: BridgeReply | Error) => void;
      }
    | undefined;
  private nextId = 1;

  constructor(private readonly python: string) {}

  /** True while a request is in flight. */
  get busy(): boolean {
    return this.inflight !== undefined;
  }

  /** The process id, while a process runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Sends one request and waits for its reply; rejects with a BridgeProcessError subclass on death, timeout or abort. */
  request(request: BridgeRequest, limits: RequestLimits): Promise<BridgeReply> {
    const { signal, timeoutMs } = limits;
    if (signal?.aborted)
      return Promise.reject(new BridgeAbortedError(this.details(null, null), signal.reason));
    const child = this.child ?? this.spawn();
    const id = this.nextId++;
    return new Promise<BridgeReply>((resolve, reject) => {
      const finish = (outcome: BridgeReply | Error) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.inflight = undefined;
        this.setRef(false);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const timer = setTimeout(() => {
        this.kill();
        finish(new BridgeTimeoutError(this.details(null, 'SIGKILL'), timeoutMs));
      }, timeoutMs);
      const onAbort = () => {
        this.kill();
        finish(new BridgeAbortedError(this.details(null, 'SIGKILL'), signal?.reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const deliver = (reply: BridgeReply | Error) => {
        if (!(reply instanceof Error) && reply.header.id !== id) {
          this.kill();
          const what = `reply ${String(reply.header.id)} to request ${id}`;
          finish(new BridgeProcessError(this.details(null, null, what)));
          return;
        }
        finish(reply);
      };
      this.inflight = { child, deliver };
      this.setRef(true);
      child.stdin.write(encodeFrame({ header: { ...request.header, id }, arrays: request.arrays }));
    });
  }

  /** Ends the process: closes its stdin (it exits on end of input), then kills it if it lingers. */
  async close(graceMs = 2000): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    this.child = undefined;
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    child.stdin.end();
    const timer = setTimeout(() => killGroup(child), graceMs);
    await exited;
    clearTimeout(timer);
  }

  private spawn(): ChildProcessWithoutNullStreams {
    killAllOnExit();
    const child = spawn(this.python, ['-u', '-c', BRIDGE_SERVER_SCRIPT], {
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false,
      detached: true, // its own process group, so a kill reaches whatever it started
      env: { ...process.env, PYTHONUNBUFFERED: '1' },
    });
    this.child = child;
    this.stderr = '';
    this.chunks = [];
    this.buffered = 0;
    live.add(child);
    child.stdout.on('data', (chunk: Buffer) => {
      if (this.child === child) this.onData(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      this.stderr = (this.stderr + s).slice(-STDERR_KEEP);
    });
    child.stdin.on('error', () => {
      // EPIPE when the process died: reported by the exit handler below.
    });
    const report = (child: ChildProcessWithoutNullStreams, error: Error) => {
      if (this.inflight?.child === child) this.inflight.deliver(error);
    };
    child.on('error', (error) => {
      live.delete(child);
      if (this.child === child) this.child = undefined;
      report(child, Object.assign(error, { spawnFailed: true }));
    });
    child.on('exit', (code, sig) => {
      live.delete(child);
      if (this.child === child) this.child = undefined;
      // Let stderr drain before reporting, so the crash message carries the library's last words.
      setImmediate(() => report(child, new BridgeProcessError(this.details(code, sig))));
    });
    this.setRef(false);
    return child;
  }

  private kill(): void {
    const child = this.child;
    this.child = undefined;
    if (child !== undefined) killGroup(child);
  }

  /** Keeps Node alive only while a request waits for its reply. */
  private setRef(on: boolean): void {
    const child = this.child;
    if (child === undefined) return;
    for (const handle of [child, child.stdout, child.stderr, child.stdin] as unknown as {
      ref(): void;
      unref(): void;
    }[]) {
      if (on) handle.ref();
      else handle.unref();
    }
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.buffered < 8) return;
      let all: Buffer = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      const bodyLength = all.readUInt32LE(0);
      if (all.length < 8 + bodyLength) {
        this.chunks = [all];
        return;
      }
      const headLength = all.readUInt32LE(4);
      const header = JSON.parse(all.toString('utf8', 8, 8 + headLength)) as Record<string, unknown>;
      const payload = Buffer.from(all.subarray(8 + headLength, 8 + bodyLength));
      all = all.subarray(8 + bodyLength);
      this.chunks = all.length > 0 ? [all] : [];
      this.buffered = all.length;
      this.inflight?.deliver({ header, payload });
    }
  }

  private details(exitCode: number | null, signal: string | null, extra = '') {
    const stderrTail = tail([this.stderr, extra].filter(Boolean).join('\n'));
    return { program: `${this.python} (paretokit surrogate bridge)`, exitCode, signal, stderrTail };
  }
}
