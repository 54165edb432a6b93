/**
 * The Node-only part of `@paretokit/problem` (`@paretokit/problem/node`): loading a problem from a
 * module path or package name, for worker threads, processes and queue workers. The main entry
 * imports nothing from `node:` so that it bundles for a browser.
 */
export type { LoadProblemOptions } from './load-problem.js';
export { loadProblem, resolveProblemModule } from './load-problem.js';
