/**
 * Writes src/pymoo-reference.json: pymoo's median IGD (10 seeds) per configuration, from which the
 * conformance suite sets its thresholds. Run: `npx tsx scripts/pymoo-reference.ts [config ...]`
 * (default: every configuration of bench/configurations.ts); existing entries for other
 * configurations are kept.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIGURATIONS } from '../bench/configurations.js';
import { igd } from '../src/internal/igd.js';
import { median, runPymoo } from './pymoo-runs.js';

const SEEDS = 10;
const target = fileURLToPath(new URL('../src/pymoo-reference.json', import.meta.url));
const wanted = process.argv.slice(2);
const configs = CONFIGURATIONS.filter((c) => wanted.length === 0 || wanted.includes(c.id));
const { pymoo, python, runs } = runPymoo(
  configs.map((c) => c.id),
  SEEDS,
);
const previous = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : { configurations: {} };
const entries: Record<string, unknown> = { ...previous.configurations };
for (const c of configs) {
  const front = c.problem().paretoFront(c.frontPoints);
  const mine = runs.filter((r) => r.config === c.id);
  const igds = mine.map((r) => igd(r.F, front));
  entries[c.id] = {
    pymoo,
    python,
    date: new Date().toISOString().slice(0, 10),
    seeds: SEEDS,
    generations: c.generations,
    frontPoints: c.frontPoints,
    medianIgd: median(igds),
    igd: igds,
    medianSeconds: median(mine.map((r) => r.seconds)),
  };
  console.log(c.id, 'median IGD', median(igds));
}
writeFileSync(target, `${JSON.stringify({ configurations: entries }, null, 2)}\n`);
