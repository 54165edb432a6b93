import { InvalidArgumentError } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { parseRedisConnection } from './redis-connection.js';

describe('parseRedisConnection', () => {
  it('reads user, password, host, port and database', () => {
    expect(parseRedisConnection('redis://alice:s%40cret@cache.internal:6380/3')).toEqual({
      host: 'cache.internal',
      port: 6380,
      username: 'alice',
      password: 's@cret',
      db: 3,
    });
    expect(parseRedisConnection('redis://:only-password@10.0.0.5')).toEqual({
      host: '10.0.0.5',
      port: 6379,
      password: 'only-password',
    });
    expect(parseRedisConnection('redis://')).toEqual({ host: '127.0.0.1', port: 6379 });
  });

  it('turns rediss:// into TLS', () => {
    expect(parseRedisConnection('rediss://u:p@redis.example.com:6390/1')).toEqual({
      host: 'redis.example.com',
      port: 6390,
      username: 'u',
      password: 'p',
      db: 1,
      tls: true,
    });
  });

  it('gives an IPv6 host without its brackets', () => {
    expect(parseRedisConnection('redis://[::1]:6381')).toEqual({ host: '::1', port: 6381 });
    expect(parseRedisConnection('rediss://:pw@[2001:db8::7]/0')).toEqual({
      host: '2001:db8::7',
      port: 6379,
      password: 'pw',
      db: 0,
      tls: true,
    });
  });

  it('passes parts through with defaults', () => {
    expect(parseRedisConnection({ host: 'h', db: 2 })).toEqual({ host: 'h', port: 6379, db: 2 });
  });

  it('refuses a bad URL, another scheme, a bad port or database with a typed error', () => {
    for (const bad of [
      'localhost:6379',
      'not a url',
      'http://h:6379',
      'redis://h:99999',
      'redis://[::1',
      'redis://h/x',
    ]) {
      const error = (() => {
        try {
          parseRedisConnection(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(error, bad).toBeInstanceOf(InvalidArgumentError);
      expect(InvalidArgumentError.isInstance(error), bad).toBe(true);
    }
    expect(() => parseRedisConnection('http://h:6379')).toThrow(
      'redis connection: expected a URL redis://host:port or rediss://host:port (or { host, port }), got "http://h:6379".',
    );
    expect(() => parseRedisConnection('redis://h/x')).toThrow(
      'redis connection: database: expected an integer >= 0, got "x".',
    );
  });
});
