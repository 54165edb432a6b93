// Runs the `@example` of every exported function and class as a doctest: an
// `expression // => value` line (or an expression followed by a `// => value` line) must evaluate
// to that value (deep equality). The names in scope are this package's exports.
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as indicators from './index.js';

const here = new URL('./', import.meta.url);

interface Example {
  readonly file: string;
  readonly name: string;
  readonly lines: readonly string[];
}

function examplesOf(dir: URL, prefix = ''): Example[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      return entry.name === 'internal'
        ? []
        : examplesOf(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`);
    }
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts') || entry.name === 'index.ts')
      return [];
    const text = readFileSync(new URL(entry.name, dir), 'utf8');
    const out: Example[] = [];
    for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*export\s+(?:function|class)\s+(\w+)/g)) {
      const body = m[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const start = body.findIndex((l) => l.startsWith('@example'));
      const end = body.findIndex((l, i) => i > start && l.startsWith('@'));
      const lines =
        start < 0 ? [] : body.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.trim() !== '');
      out.push({ file: `${prefix}${entry.name}`, name: m[2]!, lines });
    }
    return out;
  });
}

/** Turns the example into code calling `__check(actual, expected, line)` for every `// =>`. */
function toCode(lines: readonly string[]): { code: string; checks: number } {
  const out: string[] = [];
  let checks = 0;
  for (const line of lines) {
    const inline = line.lastIndexOf(' // => ');
    if (line.trimStart().startsWith('// => ')) {
      const previous = out.pop() ?? '';
      out.push(
        `__check(${previous.replace(/;\s*$/, '')}, ${line.trimStart().slice(6)}, ${JSON.stringify(previous)});`,
      );
      checks++;
    } else if (inline >= 0) {
      out.push(`__check(${line.slice(0, inline)}, ${line.slice(inline + 7)}, ${JSON.stringify(line)});`);
      checks++;
    } else out.push(line);
  }
  return { code: out.join('\n'), checks };
}

const all = examplesOf(here);

describe('doc examples', () => {
  it('every exported function and class has an @example with a checked value', () => {
    const runtime = Object.keys(indicators);
    const documented = new Set(all.filter((e) => toCode(e.lines).checks > 0).map((e) => e.name));
    expect(runtime.filter((name) => !documented.has(name))).toEqual([]);
  });

  it.each(all.map((e) => [`${e.file}: ${e.name}`, e] as const))('%s', (_, example) => {
    const { code, checks } = toCode(example.lines);
    expect(checks).toBeGreaterThan(0);
    const js = ts.transpileModule(code, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    const check = (actual: unknown, expected: unknown, line: string) =>
      expect(actual, line).toEqual(expected);
    new Function(...Object.keys(indicators), '__check', js)(...Object.values(indicators), check);
  });
});
