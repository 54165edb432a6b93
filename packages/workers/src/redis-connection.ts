import { InvalidArgumentError } from '@paretokit/problem';
import { RespClient, type RespClientOptions } from './internal/resp-client.js';

/**
 * Where Redis is: a URL `redis://[[user]:password@]host[:port][/db]`, or its parts. The queue talks
 * to Redis through a small built-in client (no `ioredis` needed) that reconnects forever and
 * re-sends unanswered commands, so a restarted Redis only pauses a run.
 */
export type RedisConnection = string | RedisConnectionOptions;

/** The parts of a {@link RedisConnection}: host, port, credentials, database, client name. */
export type RedisConnectionOptions = RespClientOptions;

/**
 * The connection's parts: host, port, credentials, database. O(length of the URL).
 *
 * @example
 * parseRedisConnection('redis://:secret@10.0.0.5:6380/2') // => { host: '10.0.0.5', port: 6380, password: 'secret', db: 2 }
 * parseRedisConnection({ port: 6390 }) // => { host: '127.0.0.1', port: 6390 }
 */
export function parseRedisConnection(connection: RedisConnection): RedisConnectionOptions {
  if (typeof connection === 'object' && connection !== null) {
    return { host: '127.0.0.1', port: 6379, ...connection };
  }
  let url: URL;
  try {
    url = new URL(String(connection));
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'redis:') {
    throw new InvalidArgumentError({
      argument: 'redis connection',
      expected: 'a URL redis://host:port (or { host, port })',
      actual: connection,
    });
  }
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
  if (db !== undefined && !(Number.isSafeInteger(db) && db >= 0)) {
    throw new InvalidArgumentError({
      argument: 'redis connection: database',
      expected: 'an integer >= 0',
      actual: url.pathname.slice(1),
    });
  }
  return {
    host: url.hostname === '' ? '127.0.0.1' : url.hostname,
    port: url.port === '' ? 6379 : Number(url.port),
    ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
    ...(db === undefined ? {} : { db }),
  };
}

/** A new client for the connection (it connects at once). */
export function connectRedis(connection: RedisConnection): RespClient {
  return new RespClient(parseRedisConnection(connection));
}
