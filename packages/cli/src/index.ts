export type { SampleOptions, SampleResult } from './commands/sample.js';
export { formatSample, runSample } from './commands/sample.js';
export type { BenchmarkOptions } from './problem-registry.js';
export { problemRegistry } from './problem-registry.js';
export { createProgram } from './program.js';
