import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The `@example` block of one documented export. */
export interface DocExample {
  readonly file: string;
  readonly owner: string;
  readonly lines: readonly string[];
}

/** Options of {@link describeDocExamples}. */
export interface DocExamplesOptions {
  /** Folders of the sources (`new URL('.', import.meta.url)` from a test beside them). */
  readonly dirs: readonly URL[];
  /** Names the examples may use (usually the package's exports and its dependencies'). */
  readonly scope: Readonly<Record<string, unknown>>;
  /** Exports that must each have an example with a checked value (`// => value`). */
  readonly exports?: readonly string[];
}

/**
 * The `@example` blocks of the TSDoc comments directly above exported declarations of every
 * non-test `.ts` file in `dir` (not recursive). O(size of the sources).
 */
export function collectDocExamples(dir: URL): DocExample[] {
  const out: DocExample[] = [];
  const files = readdirSync(dir).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts',
  );
  for (const file of files) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const pattern =
      /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export\s+(?:async\s+)?(?:function|interface|const|type|class)\s+(\w+)/g;
    for (const match of text.matchAll(pattern)) {
      const body = match[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const start = body.findIndex((l) => l.startsWith('@example'));
      const end = body.findIndex((l, i) => i > start && l.startsWith('@'));
      const lines = start < 0 ? [] : body.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.trim());
      out.push({ file, owner: match[2]!, lines });
    }
  }
  return out;
}

/**
 * Runs one example: every `expression // => value` line must deep-equal the value. Returns the
 * number of checked lines. Examples may use `await`.
 */
export async function runDocExample(
  example: DocExample,
  scope: Readonly<Record<string, unknown>>,
): Promise<number> {
  let checks = 0;
  const code = example.lines
    .map((line) => {
      const at = line.lastIndexOf(' // => ');
      if (at < 0) return line;
      checks++;
      // `Float64Array [1, 2]` is how typed arrays print; read it as Float64Array.from([1, 2]).
      const expected = line
        .slice(at + 7)
        .replace(/\b((?:Float64|Float32|Int32|Uint32|Uint8)Array) \[/g, '$1.from([');
      const closed = expected.replace(
        /((?:Float64|Float32|Int32|Uint32|Uint8)Array\.from\(\[[^\]]*\])/g,
        '$1)',
      );
      return `__check(${line.slice(0, at)}, ${closed}, ${JSON.stringify(line)});`;
    })
    .join('\n');
  const js = ts.transpileModule(`(async () => {\n${code}\n})()`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const check = (actual: unknown, expected: unknown, line: string) => expect(actual, line).toEqual(expected);
  await new Function(...Object.keys(scope), '__check', `return ${js}`)(...Object.values(scope), check);
  return checks;
}

/**
 * Registers vitest tests that run every `@example` in `dir` as a doctest, and one test that every
 * name in `exports` has an example with at least one checked value.
 */
export function describeDocExamples(options: DocExamplesOptions): void {
  const all = options.dirs.flatMap((dir) => collectDocExamples(dir));
  describe('doc examples', () => {
    if (options.exports !== undefined) {
      it('every public export has an @example with a checked value', () => {
        const documented = new Set(
          all.filter((e) => e.lines.some((l) => l.includes(' // => '))).map((e) => e.owner),
        );
        expect(options.exports!.filter((name) => !documented.has(name))).toEqual([]);
      });
    }
    const runnable = all.filter((e) => e.lines.length > 0);
    it.each(runnable.map((e) => [`${e.file}: ${e.owner}`, e] as const))('%s', async (_, example) => {
      expect(await runDocExample(example, options.scope)).toBeGreaterThan(0);
    });
  });
}
