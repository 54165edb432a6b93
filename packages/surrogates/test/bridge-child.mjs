// A Node process that starts a surrogate bridge with two Python processes, trains once on each,
// prints their pids as one JSON line and then waits to be killed: the orphan test's subject.
import { surrogateBridge } from '../dist/node.js';

const bridge = surrogateBridge({ processes: 2 });
const X = { rows: 4, cols: 1, data: Float64Array.of(0, 1, 2, 3) };
const y = Float64Array.of(0, 0, 10, 10);
const job = { library: 'lightgbm', X, y, rounds: 5, params: { min_data_in_leaf: 1, verbosity: -1 } };
await Promise.all([bridge.train(job), bridge.train(job)]);
process.stdout.write(`${JSON.stringify(bridge.pids)}\n`);
setInterval(() => {}, 1000);
