/**
 * Writes src/fixtures/samo-identity.json: what SAMO does, to the bit, on the runs of
 * test/samo-identity-cases.ts (the archive, each iteration's chosen surrogates, infill choices and
 * hypervolume, and the log lines with their times masked). src/samo-identity.test.ts compares every
 * later run with it, so a refactor of the loop that changes any number fails. Regenerate only when
 * a change of behaviour is meant, and say so in the commit. Run from packages/samo:
 *
 *     npx tsx scripts/samo-identity-fixture.ts && npx biome format --write src/fixtures/samo-identity.json
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDENTITY_CASES, runCase } from '../test/samo-identity-cases.js';

const target = fileURLToPath(new URL('../src/fixtures/samo-identity.json', import.meta.url));
const cases: Record<string, unknown> = {};
for (const c of IDENTITY_CASES) {
  cases[c.name] = await runCase(c);
  console.log(`${c.name}: done`);
}
const fixture = { generator: 'scripts/samo-identity-fixture.ts', cases };
writeFileSync(target, `${JSON.stringify(fixture, null, 2)}\n`);
console.log(`wrote ${target}`);
