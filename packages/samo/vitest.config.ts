// The shared test settings: timeout and a scratch temporary folder per run.
export { default } from '../../vitest.shared.js';
