// Runs every `@example` of the sources as a doctest: each `expression // => value` line must
// evaluate to that value (deep equality). Names in scope: this package's and @paretokit/problem's exports.
import { readdirSync, readFileSync } from 'node:fs';
import * as problem from '@paretokit/problem';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as benchmarks from './index.js';

const here = new URL('.', import.meta.url);
const scope: Record<string, unknown> = { ...problem, ...benchmarks };

interface Example {
  readonly file: string;
  readonly owner: string;
  readonly lines: readonly string[];
}

function examples(file: string): Example[] {
  const text = readFileSync(new URL(file, here), 'utf8');
  const out: Example[] = [];
  for (const match of text.matchAll(
    /\/\*\*([\s\S]*?)\*\/\s*export\s+(?:function|interface|const|type)\s+(\w+)/g,
  )) {
    const body = match[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    const start = body.findIndex((l) => l.startsWith('@example'));
    if (start < 0) {
      out.push({ file, owner: match[2]!, lines: [] });
      continue;
    }
    const end = body.findIndex((l, i) => i > start && l.startsWith('@'));
    out.push({
      file,
      owner: match[2]!,
      lines: body.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.trim()),
    });
  }
  return out;
}

function run(example: Example): number {
  let checks = 0;
  const code = example.lines
    .map((line) => {
      const at = line.lastIndexOf(' // => ');
      if (at < 0) return line;
      checks++;
      return `__check(${line.slice(0, at)}, ${line.slice(at + 7)}, ${JSON.stringify(line)});`;
    })
    .join('\n');
  const js = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const check = (actual: unknown, expected: unknown, line: string) => expect(actual, line).toEqual(expected);
  new Function(...Object.keys(scope), '__check', js)(...Object.values(scope), check);
  return checks;
}

const all = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
  .flatMap(examples);

describe('doc examples', () => {
  it('every public export has an @example with a checked value', () => {
    const documented = new Set(
      all.filter((e) => e.lines.some((l) => l.includes(' // => '))).map((e) => e.owner),
    );
    expect(Object.keys(benchmarks).filter((name) => !documented.has(name))).toEqual([]);
    for (const name of [
      'BenchmarkProblem',
      'ZdtOptions',
      'DtlzOptions',
      'C1Dtlz3Options',
      'C2Dtlz2Options',
    ]) {
      expect(documented.has(name), name).toBe(true);
    }
  });

  it.each(all.filter((e) => e.lines.length > 0).map((e) => [`${e.file}: ${e.owner}`, e] as const))(
    '%s',
    (_, example) => {
      expect(run(example)).toBeGreaterThan(0);
    },
  );
});
