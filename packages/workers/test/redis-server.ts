// The redis-server the queue tests and the benchmark start lives in @paretokit/testing; this
// module keeps their import path.
export { findRedisServer, RedisServer } from '@paretokit/testing';
