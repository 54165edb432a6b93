// Seeded, splittable random streams: the same seed gives the same numbers, and split() hands
// out independent streams (non-overlapping blocks of 2^64 outputs) for parallel work.
import { Random } from '@paretokit/problem';

const root = Random.fromSeed(2026);
const streams = Array.from({ length: 3 }, () => root.split());
for (const [k, stream] of streams.entries()) {
  console.log(`stream ${k}:`, Array.from({ length: 4 }, () => stream.next().toFixed(6)).join(' '));
}
const replay = Random.fromSeed(2026).split();
console.log('same seed, same first stream:', replay.next() === Random.fromSeed(2026).split().next());
const die = Random.fromSeed(7);
console.log('ten rolls of one die:', Array.from({ length: 10 }, () => 1 + die.int(6)).join(''));
