export type { DocExample, DocExamplesOptions } from './doc-examples.js';
export { collectDocExamples, describeDocExamples, runDocExample } from './doc-examples.js';
export type { CorpusModel } from './model-corpus.js';
export { CORPUS_DATA, modelCorpus } from './model-corpus.js';
export { nodeImports } from './node-imports.js';
export { findRedisServer, RedisServer } from './redis-server.js';
export { RESOLVE_HOOK, resolvedPackages } from './resolved-packages.js';
export { retinaFiles, sharedPaths } from './shared-paths.js';
