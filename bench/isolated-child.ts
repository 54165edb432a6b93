// The child side of isolated.ts: reads the options (JSON) from stdin, calls the named export of
// the module given on the command line, prints one progress line per finished case to stderr and
// the result as JSON to stdout.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [modulePath, exportName] = process.argv.slice(2);
if (modulePath === undefined || exportName === undefined) {
  throw new Error('usage: isolated-child.ts MODULE EXPORT < options.json');
}
const options = JSON.parse(readFileSync(0, 'utf8')) as Record<string, unknown>;
const module = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
const compare = module[exportName];
if (typeof compare !== 'function') throw new Error(`${modulePath} has no function ${exportName}`);
const started = performance.now();
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
const onCase = (c: Record<string, unknown>) => {
  const what = ['indicator', 'n', 'm', 'd', 'concave']
    .filter((k) => c[k] !== undefined)
    .map((k) => `${k}=${String(c[k])}`)
    .join(' ');
  const ours = Array.isArray(c.paretokitMs) ? median(c.paretokitMs as number[]) : Number.NaN;
  const peer = Array.isArray(c.moocoreMs) ? median(c.moocoreMs as number[]) : Number.NaN;
  const clock = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(
    `[isolated ${clock} s] ${exportName} ${what}: ${ours.toPrecision(3)} ms vs ${peer.toPrecision(3)} ms\n`,
  );
};
const result: unknown = await compare({ ...options, onCase });
process.stdout.write(JSON.stringify(result));
