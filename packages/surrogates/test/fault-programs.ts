// Real programs that stand in for python3 in the bridge's fault tests. The bridge runs
// `PYTHON -u -c SCRIPT`; each of these misbehaves in its own way: exits 1 with a message on stderr,
// hangs (through a child `sleep`, so killing must reach the process group; both pids go to a file),
// crashes on its first start only, or is a python3 whose lightgbm and xgboost do not import.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FaultPrograms {
  readonly dir: string;
  readonly fail: string;
  readonly hang: string;
  /** Where `hang` writes "shell-pid sleep-pid". */
  readonly hangPids: string;
  /** Dies with SIGSEGV on its first start (creating `crashMarker`), then runs the real python3. */
  readonly crashOnce: string;
  readonly crashMarker: string;
  readonly pythonWithoutLibraries: string;
}

export function faultPrograms(): FaultPrograms {
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-faults-'));
  const write = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const hangPids = join(dir, 'hang.pids');
  const marker = join(dir, 'crashed-once');
  return {
    dir,
    hangPids,
    crashMarker: marker,
    fail: write('fail.sh', 'echo "starting" >&2\necho "fatal: the model file is corrupt" >&2\nexit 1'),
    hang: write('hang.sh', `sleep 1000 &\necho "$$ $!" > '${hangPids}'\nwait`),
    crashOnce: write(
      'crash-once.sh',
      `if [ ! -e '${marker}' ]; then touch '${marker}'; echo "Segmentation fault in the library" >&2; kill -SEGV $$; fi\nexec python3 "$@"`,
    ),
    pythonWithoutLibraries: write(
      'python-no-libraries.sh',
      `exec python3 -u -c 'import sys\nsys.modules["lightgbm"] = None\nsys.modules["xgboost"] = None\nexec(compile(sys.argv[1], "bridge", "exec"))' "$3"`,
    ),
  };
}
