import { InvalidArgumentError } from '@paretokit/problem';
import { Redis } from 'ioredis';

/**
 * Where Redis is: a URL `redis://[[user]:password@]host[:port][/db]` (`rediss://` for TLS; an
 * IPv6 host in brackets, `redis://[::1]:6379`), or its parts. The queue talks
 * to Redis through `ioredis`, configured as BullMQ needs it: commands wait while the connection is
 * down (offline queue, no retry limit) and it reconnects forever with a bounded back-off, so a
 * restarted Redis only pauses a run.
 */
export type RedisConnection = string | RedisConnectionOptions;

/** The parts of a {@link RedisConnection}: host, port, credentials, database, client name. */
export interface RedisConnectionOptions {
  readonly host?: string;
  readonly port?: number;
  readonly username?: string;
  readonly password?: string;
  readonly db?: number;
  /** Connect over TLS (a `rediss://` URL), verifying the server's certificate. */
  readonly tls?: boolean;
  /** Name shown by `CLIENT LIST`. */
  readonly connectionName?: string;
  /** Longest wait between reconnection attempts, ms (default 1000). */
  readonly maxRetryDelayMs?: number;
}

/**
 * The connection's parts: host, port, credentials, database, TLS. The URL is read by WHATWG `URL`
 * (percent-decoding, IPv6 brackets, port range); a string it cannot read, another scheme or a
 * database that is not a non-negative integer is an `InvalidArgumentError`. O(length of the URL).
 *
 * @example
 * parseRedisConnection('redis://:secret@10.0.0.5:6380/2') // => { host: '10.0.0.5', port: 6380, password: 'secret', db: 2 }
 * parseRedisConnection('rediss://[::1]') // => { host: '::1', port: 6379, tls: true }
 * parseRedisConnection({ port: 6390 }) // => { host: '127.0.0.1', port: 6390 }
 */
export function parseRedisConnection(connection: RedisConnection): RedisConnectionOptions {
  if (typeof connection === 'object' && connection !== null) {
    return { host: '127.0.0.1', port: 6379, ...connection };
  }
  const text = String(connection);
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined || (url.protocol !== 'redis:' && url.protocol !== 'rediss:')) {
    throw new InvalidArgumentError({
      argument: 'redis connection',
      expected: 'a URL redis://host:port or rediss://host:port (or { host, port })',
      actual: connection,
      hint: 'Write an IPv6 host in brackets (redis://[::1]:6379) and percent-encode @ : / in a password.',
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
    // `URL` keeps an IPv6 host's brackets; sockets want the bare address.
    host: url.hostname === '' ? '127.0.0.1' : url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? 6379 : Number(url.port),
    ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
    ...(db === undefined ? {} : { db }),
    ...(url.protocol === 'rediss:' ? { tls: true } : {}),
  };
}

/**
 * A new ioredis client for the connection, set up as BullMQ wants one for queues and workers alike:
 * `maxRetriesPerRequest: null` (a command waits through any number of reconnections instead of
 * failing; required for a worker's blocking connection, which BullMQ duplicates from this one),
 * `enableOfflineQueue` (commands issued while disconnected wait for the connection), and a retry
 * strategy that never gives up, waiting 50 ms more per attempt up to `maxRetryDelayMs`. Commands
 * in flight when the connection drops are sent again on reconnection (ioredis's default). It
 * connects at once; the caller owns it and must `quit()` it.
 */
export function connectRedis(connection: RedisConnection): Redis {
  const { maxRetryDelayMs = 1000, tls, ...where } = parseRedisConnection(connection);
  if (!(Number.isFinite(maxRetryDelayMs) && maxRetryDelayMs >= 0)) {
    throw new InvalidArgumentError({
      argument: 'redis connection: maxRetryDelayMs',
      expected: 'a number >= 0',
      actual: maxRetryDelayMs,
    });
  }
  return new Redis({
    ...where,
    ...(tls === true ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times: number) => Math.min(50 * times, maxRetryDelayMs),
  });
}

/**
 * Closes a client of {@link connectRedis}: `QUIT` when connected (replies already asked for still
 * arrive), at once otherwise (a `QUIT` would wait in the offline queue for a Redis that is down).
 */
export async function disconnectRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // The connection dropped meanwhile: close it below.
    }
  }
  client.disconnect();
}
