import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BridgeAbortedError } from '../errors/bridge-aborted-error.js';
import type { BridgeProcessDetails } from '../errors/bridge-process-error.js';
import { BridgeProcessError } from '../errors/bridge-process-error.js';
import { BridgeTimeoutError } from '../errors/bridge-timeout-error.js';
import type { BridgeUnavailableError } from '../errors/bridge-unavailable-error.js';

/** How a bridge runs its program. */
export interface RunProgramOptions {
  /** Working folder (the bridge's private temp folder); files are passed by relative name. */
  readonly cwd: string;
  /** Kill the program after this many milliseconds. */
  readonly timeoutMs?: number | undefined;
  /** Kill the program when this signal aborts. */
  readonly signal?: AbortSignal | undefined;
  /** The error to throw when the program cannot be started (not installed, not executable). */
  readonly unavailable: (cause: unknown) => BridgeUnavailableError;
}

const KEEP = 64 * 1024; // bytes of output kept for error messages
const TAIL_LINES = 20;

function tail(text: string): string {
  return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n').slice(-2000);
}

/**
 * Runs `program` with an argument array (never through a shell) in its own process group, so a
 * timeout or abort kills it together with anything it started. Resolves with stdout on exit
 * code 0; rejects with BridgeUnavailableError, BridgeProcessError (code and stderr tail),
 * BridgeTimeoutError or BridgeAbortedError.
 */
export function runProgram(
  program: string,
  args: readonly string[],
  options: RunProgramOptions,
): Promise<string> {
  const { signal, timeoutMs } = options;
  const details = (exitCode: number | null, sig: string | null, stderr = ''): BridgeProcessDetails => ({
    program,
    exitCode,
    signal: sig,
    stderrTail: tail(stderr),
  });
  if (signal?.aborted) return Promise.reject(new BridgeAbortedError(details(null, null), signal.reason));
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      shell: false,
    });
    let stdout = '';
    let stderr = '';
    let ended: 'timeout' | 'abort' | undefined;
    let failed = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout = (stdout + s).slice(-KEEP);
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr = (stderr + s).slice(-KEEP);
    });
    const kill = (why: 'timeout' | 'abort') => {
      ended ??= why;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is already gone; make sure the child is too
      }
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => kill('timeout'), timeoutMs);
    const onAbort = () => kill('abort');
    signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (error) => {
      failed = true;
      cleanup();
      reject(options.unavailable(error));
    });
    child.on('close', (code, sig) => {
      cleanup();
      if (failed) return;
      const d = details(code, sig, stderr || stdout);
      if (ended === 'timeout') reject(new BridgeTimeoutError(d, timeoutMs!));
      else if (ended === 'abort') reject(new BridgeAbortedError(d, signal?.reason));
      else if (code === 0) resolve(stdout);
      else reject(new BridgeProcessError(d));
    });
  });
}

/** Runs `body` in a fresh private temp folder (mode 0700) that is removed afterwards, whatever happens. */
export async function withTempDir<T>(prefix: string, body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), `paretokit-${prefix}-`));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
