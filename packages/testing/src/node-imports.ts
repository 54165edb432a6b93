import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const BUILTINS = new Set(builtinModules);
// Value imports and re-exports (type-only ones are erased by the compiler), and bare `import 'x'`.
const IMPORT =
  /^\s*(?:import|export)\s+(?!type\b)[^'";]*?\bfrom\s+'([^']+)'|^\s*import\s+'([^']+)'|\bimport\('([^']+)'\)/gm;

/** The source file a specifier names: a relative `.js` import or a workspace package `@paretokit/<name>[/<sub>]`. */
function sourceOf(specifier: string, from: string, packagesDir: string): string | undefined {
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier.replace(/\.js$/, '.ts'));
  const m = /^@paretokit\/([^/]+)(?:\/(.+))?$/.exec(specifier);
  return m === null ? undefined : join(packagesDir, m[1]!, 'src', `${m[2] ?? 'index'}.ts`);
}

/**
 * Every import of a Node built-in (`node:fs`, `fs`, ...) or of a `/node` subpath reachable from a
 * TypeScript entry file of this monorepo through value imports: relative files and the workspace
 * packages' sources (`@paretokit/x` is `packages/x/src/index.ts`). Third-party packages are not
 * followed. Each finding is `file: specifier`. O(reachable source size).
 *
 * @example
 * nodeImports(fileURLToPath(new URL('../../indicators/src/index.ts', import.meta.url))) // => []
 */
export function nodeImports(entry: string): string[] {
  const packagesDir = resolve(dirname(entry), '..', '..');
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = (match[1] ?? match[2] ?? match[3])!;
      if (
        specifier.startsWith('node:') ||
        BUILTINS.has(specifier) ||
        /^@paretokit\/[^/]+\/node$/.test(specifier)
      ) {
        found.push(`${file.slice(packagesDir.length + 1)}: ${specifier}`);
        continue;
      }
      const next = sourceOf(specifier, file, packagesDir);
      if (next !== undefined) visit(next);
    }
  };
  visit(entry);
  return found;
}
