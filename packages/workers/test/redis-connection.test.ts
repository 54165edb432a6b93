// The ioredis clients of the queue: URL parsing, the settings BullMQ needs, and (against a real
// redis-server) a command issued while Redis is down that completes once it is back.
import { InvalidArgumentError } from '@paretokit/problem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectRedis, disconnectRedis, parseRedisConnection } from '../src/redis-connection.js';
import { findRedisServer, RedisServer } from './redis-server.js';

const binary = findRedisServer();
if (binary === undefined && process.env.CI)
  throw new Error('redis-server is not installed; these tests need it in CI.');

describe('parseRedisConnection', () => {
  test('URLs with credentials and database; options get default host and port', () => {
    expect(parseRedisConnection('redis://user:p%40ss@example.org:6390/3')).toEqual({
      host: 'example.org',
      port: 6390,
      username: 'user',
      password: 'p@ss',
      db: 3,
    });
    expect(parseRedisConnection('redis://10.0.0.5')).toEqual({ host: '10.0.0.5', port: 6379 });
    expect(parseRedisConnection({ port: 7000, connectionName: 'x' })).toEqual({
      host: '127.0.0.1',
      port: 7000,
      connectionName: 'x',
    });
  });

  test('other schemes, non-URLs and bad databases are rejected', () => {
    expect(() => parseRedisConnection('http://127.0.0.1:6379')).toThrow(InvalidArgumentError);
    expect(() => parseRedisConnection('127.0.0.1:6379')).toThrow(InvalidArgumentError);
    expect(() => parseRedisConnection('redis://127.0.0.1/x')).toThrow(/database/);
  });
});

describe('connectRedis', () => {
  test('commands never give up, wait while offline, reconnection is forever with a bounded back-off', () => {
    const client = connectRedis({ port: 1, maxRetryDelayMs: 300 });
    client.on('error', () => {});
    try {
      expect(client.options.maxRetriesPerRequest).toBeNull();
      expect(client.options.enableOfflineQueue).toBe(true);
      const strategy = client.options.retryStrategy!;
      expect([1, 2, 6, 7, 1000, 1e6].map((n) => strategy(n))).toEqual([50, 100, 300, 300, 300, 300]);
      // BullMQ duplicates the client for a worker's blocking connection: the settings carry over.
      const copy = client.duplicate({ lazyConnect: true });
      expect(copy.options.maxRetriesPerRequest).toBeNull();
      expect(copy.options.retryStrategy!(1e6)).toBe(300);
      copy.disconnect();
    } finally {
      client.disconnect();
    }
    expect(() => connectRedis({ maxRetryDelayMs: -1 })).toThrow(/maxRetryDelayMs/);
  });

  describe.skipIf(binary === undefined)('against redis-server', () => {
    let server: RedisServer;
    beforeAll(async () => {
      server = await RedisServer.start(binary);
    }, 30_000);
    afterAll(async () => {
      await server?.destroy();
    });

    test('a command issued while Redis is down completes once it is back; closing never hangs', async () => {
      const client = connectRedis(server.url);
      client.on('error', () => {});
      expect(await client.set('k', 'v')).toBe('OK');
      await server.stop();
      const pending = client.get('k');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await server.restart();
      expect(await pending).toBe('v');
      expect(client.status).toBe('ready');
      const ended = new Promise((resolve) => client.once('end', resolve));
      await disconnectRedis(client);
      await ended;

      // Closing a client that cannot reach Redis returns at once, and it stops reconnecting.
      await server.stop();
      const offline = connectRedis(server.url);
      offline.on('error', () => {});
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      await disconnectRedis(offline);
      expect(Date.now() - started).toBeLessThan(100);
      await server.restart();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(offline.status).not.toBe('ready');
    }, 30_000);
  });
});
