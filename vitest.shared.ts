import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Test settings of every package (each package's vitest.config.ts re-exports this): a 2-minute
 * timeout (real-model tests take seconds each on a loaded 2-core machine; the report's browser test
 * starts Chromium) and a scratch temporary folder per run, removed at the end (scripts/test-tmpdir.ts).
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    globalSetup: [fileURLToPath(new URL('./scripts/test-tmpdir.ts', import.meta.url))],
  },
});
