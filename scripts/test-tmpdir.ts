// Vitest global setup of every package (see vitest.shared.ts): one scratch folder per test run
// for everything the tests, the examples they run and their child processes write to the system's
// temporary folder (os.tmpdir() and Python's tempfile read TMPDIR, Windows reads TEMP and TMP), and
// removed when the run ends. Without it, each `pnpm test` left a few hundred folders behind, some
// of them tens of MB (compressed models), since most tests do not clean up after themselves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NAMES = ['TMPDIR', 'TEMP', 'TMP'] as const;

/** Points the temporary folder of this run (and the test workers it starts) at a fresh folder. */
export default function setup(): () => void {
  const scratch = mkdtempSync(join(tmpdir(), 'paretokit-test-'));
  const saved = NAMES.map((name) => process.env[name]);
  for (const name of NAMES) process.env[name] = scratch;
  return () => {
    NAMES.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  };
}
