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
 * Starts `paretokit study <config>` and kills it with SIGKILL once `log` holds at least `count`
 * evaluations; resolves when the process is gone, rejects if the study ends first.
 */
export async function killStudyAfter(config: string, log: string, count: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'study', config], { stdio: 'ignore' });
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
}
