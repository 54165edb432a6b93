// Runs every example script in this folder (TypeScript through tsx) and fails if any fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .sort();
let failed = 0;
for (const script of scripts) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: here,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${script} (${seconds} s)`);
  const output = `${run.stdout ?? ''}${ok ? '' : (run.stderr ?? '') + (run.error ? String(run.error) : '')}`;
  console.log(output.replace(/^/gm, '     | ').trimEnd());
}
console.log(`examples: ${scripts.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 && scripts.length > 0 ? 0 : 1);
