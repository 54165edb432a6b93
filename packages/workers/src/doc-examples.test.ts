// Every `@example` with a checked value (`// => value`) runs as a doctest. The examples of the
// queue need a Redis server and are shown, not run; test/queue-faults.test.ts covers them.
import * as benchmarks from '@paretokit/benchmarks';
import * as problem from '@paretokit/problem';
import { collectDocExamples, runDocExample } from '@paretokit/testing';
import { describe, expect, it } from 'vitest';
import * as workers from './index.js';

const scope = { ...problem, ...benchmarks, ...workers };
const examples = collectDocExamples(new URL('.', import.meta.url));
const checked = examples.filter((e) => e.lines.some((l) => l.includes(' // => ')));

describe('doc examples', () => {
  it('every public function has an @example; all but the queue ones check a value', () => {
    const functions = Object.keys(workers).filter(
      (name) => typeof (workers as Record<string, unknown>)[name] === 'function',
    );
    const documented = new Set(examples.filter((e) => e.lines.length > 0).map((e) => e.owner));
    expect(functions.filter((name) => !documented.has(name))).toEqual([]);
    const unchecked = ['queueEvaluator', 'runQueueWorker'];
    const withChecks = new Set(checked.map((e) => e.owner));
    expect(functions.filter((name) => !unchecked.includes(name) && !withChecks.has(name))).toEqual([]);
  });
  it.each(checked.map((e) => [`${e.file}: ${e.owner}`, e] as const))('%s', async (_, example) => {
    expect(await runDocExample(example, scope)).toBeGreaterThan(0);
  });
});
