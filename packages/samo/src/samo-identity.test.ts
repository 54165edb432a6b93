// Bit identity of SAMO with src/fixtures/samo-identity.json (scripts/samo-identity-fixture.ts):
// the archive, every iteration's chosen surrogates, infill choices and hypervolume, and the log,
// number for number. A change that is meant to alter what SAMO does regenerates the fixture.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { IDENTITY_CASES, logLines, runCase, snapshot, tempLog } from '../test/samo-identity-cases.js';
import { samo } from './samo.js';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/samo-identity.json', import.meta.url), 'utf8'),
) as {
  cases: Record<string, unknown>;
};

describe('samo is bit-identical with its fixture', () => {
  test.each(IDENTITY_CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    expect(fixture.cases[name]).toBeDefined();
    expect(await runCase(c)).toEqual(fixture.cases[name]);
  });

  test('a run stopped after iteration 2 and resumed ends bit-identical, log included', async () => {
    const c = IDENTITY_CASES[0]!;
    const log = tempLog();
    const stop = new AbortController();
    await expect(
      samo(c.problem(), {
        ...c.options,
        log,
        signal: stop.signal,
        onIteration: (d) => {
          if (d.iteration === 2) stop.abort(new Error('stop'));
        },
      }),
    ).rejects.toThrow('stop');
    expect(logLines(log).at(-1)).toMatch(/"type":"iteration","iteration":2/);
    const resumed = await samo(c.problem(), { ...c.options, resume: log });
    expect(snapshot(resumed, log)).toEqual(fixture.cases[c.name]);
  });
});
