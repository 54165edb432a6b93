import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRedisServer, RedisServer } from '@paretokit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../study/run-one.js';
import { studyCommand } from './study.js';

const binary = findRedisServer();
if (binary === undefined) {
  if (process.env.CI) throw new Error('redis-server is not installed; the study queue test needs it in CI.');
  console.warn('paretokit study --redis: skipped, redis-server is not installed');
}

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const factory = fileURLToPath(new URL('../index.ts', import.meta.url));

function writeConfig(dir: string, out: string): string {
  const path = join(dir, `${out}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      name: 'queued',
      problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }],
      methods: ['samo-ctaea', 'nsga2-20x5'],
      seeds: [1],
      budget: 40,
      samo: { initialSamples: 20, surrogates: ['knn'], folds: 3, generations: 40 },
      out,
    }),
  );
  return path;
}

const comparable = (records: readonly RunRecord[]) =>
  records.map(({ seconds, replayed, samo, ...rest }) => ({ ...rest, chosen: samo?.chosen }));

describe.skipIf(binary === undefined)('paretokit study --redis', () => {
  let redis: RedisServer;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    redis = await RedisServer.start(binary);
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await redis?.destroy();
  });

  it('sends every evaluation to queue workers in other processes and ends as the in-process study', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paretokit-study-queue-'));
    const lines: string[] = [];
    // Workers build the study's problem from the study file.
    const studyFile = writeConfig(dir, 'queued');
    const options = JSON.stringify({ config: studyFile, problem: 'c3dtlz4-2' });
    for (let i = 0; i < 2; i++) {
      workers.push(
        spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            main,
            'worker',
            '--redis',
            redis.url,
            '--queue',
            'q.c3dtlz4-2',
            '--problem',
            `${factory}#studyProblemFactory`,
            '--options',
            options,
          ],
          { stdio: 'ignore' },
        ),
      );
    }
    const queued = await studyCommand({
      config: studyFile,
      redis: redis.url,
      queue: 'q',
      write: (t) => lines.push(t),
    });
    expect(lines[1]).toBe('evaluations go to queue workers; start at least one per problem, on any machine:');
    expect(lines[2]).toContain(
      `paretokit worker --redis ${redis.url} --queue q.c3dtlz4-2 --problem @paretokit/cli#studyProblemFactory`,
    );
    const local = await studyCommand({ config: writeConfig(dir, 'local'), write: () => {} });
    expect(comparable(queued.summary.records)).toEqual(comparable(local.summary.records));
    expect(queued.summary.records.every((r) => r.evaluations === 40)).toBe(true);
    // Runs in worker processes of the study send their evaluations to the same queue workers.
    const both = await studyCommand({
      config: studyFile,
      out: join(dir, 'both'),
      workers: 2,
      redis: redis.url,
      queue: 'q',
      write: () => {},
    });
    expect(comparable(both.summary.records)).toEqual(comparable(local.summary.records));
  });
});
