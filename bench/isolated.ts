// Runs one peer comparison in a fresh Node process that loads only the package it measures.
//
// Why: this suite's own process loads every package and their dependencies, and under tsx, once
// a CommonJS module has been required (onnxruntime-node, protobufjs, sharp...), the same
// hypervolume and sorting code ran 20-25 % slower than in a process of its own (measured:
// 5-D hypervolume of 100 points 0.15 -> 0.18 ms, 4-D 0.021 -> 0.026 ms; plain Node on the built
// package shows no such slowdown). A user's process that calls these kernels looks like the fresh
// one, and the peer (moocore, pymoo) is timed in a fresh Python process of its own too.

import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Longest a comparison may take before its process is stopped (the slowest, hv, takes ~6 min). */
const TIMEOUT_MS = 45 * 60 * 1000;

/**
 * Calls `exportName(options)` of the module at `modulePath` (relative to the repository root) in
 * a child Node process (no shell, tsx loader, stderr shared for its progress lines) and returns
 * its JSON result. The options and the result must survive JSON; functions cannot be passed.
 *
 * @example
 * const r = isolated<SortPeers>('packages/problem/bench/nds-peers.ts', 'compareNonDominatedSort', { cases, reps, rounds });
 */
export function isolated<T>(modulePath: string, exportName: string, options: object): T {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'isolated-child.ts'), join(here, '..', modulePath), exportName],
    {
      input: JSON.stringify(options),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'inherit'],
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
      maxBuffer: 1 << 28,
    },
  );
  return JSON.parse(out) as T;
}
