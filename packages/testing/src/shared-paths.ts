// Real data and models live in ../shared next to the repository (not in git). Tests that need
// them call sharedPaths(): missing files fail loudly on CI and skip elsewhere with one line.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// packages/testing/{src,dist}/ -> the repository root's sibling folder `shared`.
const root = new URL('../../../../shared/', import.meta.url);

/**
 * Absolute paths of `../shared/<relative>` files (relative to the repository root), or undefined
 * when one is missing outside CI (after printing why). Throws on CI when a file is missing.
 */
export function sharedPaths(what: string, ...relative: string[]): string[] | undefined {
  const paths = relative.map((r) => fileURLToPath(new URL(r, root)));
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return paths;
  const why = `${what}: skipped, ../shared/${relative.join(', ../shared/')} not found (${missing.length} missing)`;
  if (process.env.CI) throw new Error(`${why}; CI needs these files.`);
  console.log(why);
  return undefined;
}

/** The RetinaMNIST ResNet50, its sidecar and the RetinaMNIST file, or undefined (see sharedPaths). */
export function retinaFiles(what: string): { model: string; sidecar: string; data: string } | undefined {
  const p = sharedPaths(
    what,
    'models/resnet50_retinamnist.onnx',
    'models/resnet50_retinamnist.json',
    'data/medmnist/retinamnist.npz',
  );
  return p === undefined ? undefined : { model: p[0]!, sidecar: p[1]!, data: p[2]! };
}
