// The shared-data lookups live in @paretokit/testing; this module keeps the tests' import path.
export { retinaFiles, sharedPaths } from '@paretokit/testing';
