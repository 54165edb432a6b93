// Real programs that misbehave, for the bridges' fault tests: one exits 1 with a message on
// stderr, one sleeps forever (through a child `sleep`, so killing must reach the process group),
// and a python3 that cannot see site-packages (so `import lightgbm` fails).
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FaultPrograms {
  readonly dir: string;
  readonly fail: string;
  readonly hang: string;
  readonly pythonWithoutPackages: string;
}

export function faultPrograms(): FaultPrograms {
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-faults-'));
  const write = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  return {
    dir,
    fail: write('fail.sh', 'echo "starting" >&2\necho "fatal: the model file is corrupt" >&2\nexit 1'),
    hang: write('hang.sh', 'sleep 1000\necho never'),
    pythonWithoutPackages: write('python-bare.sh', 'exec python3 -S "$@"'),
  };
}
