import { describe, expect, it } from 'vitest';
import { progressReporter } from './progress-reporter.js';

function log() {
  const lines: string[] = [];
  return {
    lines,
    stream: { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream,
  };
}

describe('progressReporter', () => {
  it('in a log: a line per 10 %, never one per update', () => {
    const { lines, stream } = log();
    const p = progressReporter({ total: 37, unit: 'evaluations', stream, now: () => 0 });
    for (let i = 1; i <= 37; i++) p.update(i, '');
    expect(lines).toHaveLength(10);
    expect(lines.at(-1)).toBe('37/37 evaluations (100 %), 0 s\n');
  });

  it('in a log: also a line once the interval has passed without a new tenth', () => {
    const { lines, stream } = log();
    let t = 0;
    const p = progressReporter({ total: 1000, unit: 'rows', stream, now: () => t, intervalSeconds: 60 });
    p.update(1, 'a');
    t = 59_000;
    p.update(2, 'b');
    t = 61_000;
    p.update(3, 'c');
    expect(lines).toEqual(['3/1000 rows (0 %), c, 61 s\n']);
  });

  it('with enabled: false writes nothing, even on a terminal', () => {
    const { lines, stream } = log();
    (stream as { isTTY: boolean }).isTTY = true;
    const p = progressReporter({ total: 10, unit: 'x', stream, enabled: false });
    for (let i = 1; i <= 10; i++) p.update(i, '');
    p.stop();
    expect(lines).toEqual([]);
  });
});
