export type { DocExample, DocExamplesOptions } from './doc-examples.js';
export { collectDocExamples, describeDocExamples, runDocExample } from './doc-examples.js';
export { nodeImports } from './node-imports.js';
export { findRedisServer, RedisServer } from './redis-server.js';
export { retinaFiles, sharedPaths } from './shared-paths.js';
