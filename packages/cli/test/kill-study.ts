// Test support: run `paretokit study` in a child process and SIGKILL it mid-run.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** Evaluations logged so far in a run's `evaluations.jsonl` (0 before it exists). */
export function loggedEvaluations(log: string): number {
  return existsSync(log) ? (readFileSync(log, 'utf8').match(/"type":"evaluation"/g) ?? []).length : 0;
}

/**
 * Starts `paretokit study <config>` (with `--workers N` when given) and kills it with SIGKILL once
 * `log` holds at least `count` evaluations; resolves when the process is gone, with what it and
 * its worker processes wrote to stderr until every one of them had closed it (so an orphaned
 * worker makes the caller's timeout fail); rejects if the study ends first.
 */
export async function killStudyAfter(
  config: string,
  log: string,
  count: number,
  options: { readonly workers?: number } = {},
): Promise<{ stderr: string }> {
  const args = ['--import', 'tsx', main, 'study', config];
  if (options.workers !== undefined) args.push('--workers', String(options.workers));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const closed = new Promise((r) => child.stderr.once('close', r));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (loggedEvaluations(log) >= count) {
        clearInterval(timer);
        child.kill('SIGKILL');
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error('the study finished before it could be killed'));
      }
    }, 5);
  });
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
  await closed; // the workers hold the same stderr: closed once the last of them is gone
  return { stderr };
}
