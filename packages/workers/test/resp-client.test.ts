// The built-in Redis client against a real redis-server: commands, scripts, transactions,
// pipelines, scans, and commands issued while the server is down.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RespClient } from '../src/internal/resp-client.js';
import { parseRedisConnection } from '../src/redis-connection.js';
import { findRedisServer, RedisServer } from './redis-server.js';

const binary = findRedisServer();
if (binary === undefined && process.env.CI)
  throw new Error('redis-server is not installed; these tests need it in CI.');

describe.skipIf(binary === undefined)('RespClient', () => {
  let server: RedisServer;
  let client: RespClient;
  beforeAll(async () => {
    server = await RedisServer.start(binary);
    client = new RespClient(parseRedisConnection(server.url));
  }, 30_000);
  afterAll(async () => {
    await client?.quit();
    await server?.destroy();
  });

  test('commands, binary values and hashes', async () => {
    expect(await client.set('k', 'v é')).toBe('OK');
    expect(await client.get('k')).toBe('v é');
    expect(await client.hset('h', { a: 1, b: 'two' })).toBe(2);
    expect(await client.hgetall('h')).toEqual({ a: '1', b: 'two' });
    expect(await client.call(['SET', 'bin', Buffer.from([0, 255, 10, 13])])).toBe('OK');
    expect(await client.call(['STRLEN', 'bin'])).toBe(4);
    expect(await client.hget('missing', 'x')).toBeNull();
  });

  test('scripts fall back from EVALSHA to EVAL; MULTI and pipelines settle each command', async () => {
    client.defineCommand('sum', { numberOfKeys: 1, lua: 'return redis.call("INCRBY", KEYS[1], ARGV[1])' });
    expect(await client.runCommand('sum', ['n', 5])).toBe(5);
    const tx = await client.multi().runCommand('sum', ['n', 2]).hgetall('h').del('nothing').exec();
    expect(tx).toEqual([
      [null, 7],
      [null, { a: '1', b: 'two' }],
      [null, 0],
    ]);
    const pipe = await client.pipeline().llen('k').smembers('set').exec();
    expect(pipe![0]![0]).toBeInstanceOf(Error);
    expect(pipe![1]).toEqual([null, []]);
    await expect(client.call(['NOSUCHCOMMAND'])).rejects.toThrow(/unknown command/);
  });

  test('scanStream yields every key; commands wait through a restart', async () => {
    for (let i = 0; i < 30; i++) await client.set(`scan:${i}`, i);
    const keys: string[] = [];
    for await (const batch of client.scanStream({ match: 'scan:*', count: 7 }))
      keys.push(...(batch as string[]));
    expect(new Set(keys).size).toBe(30);
    await server.stop();
    const pending = client.get('scan:3');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await server.restart();
    expect(await pending).toBe('3');
    expect(client.status).toBe('ready');
  }, 30_000);
});
