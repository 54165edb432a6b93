import { defineConfig } from 'vitest/config';

// Rendering a whole report takes about a second; the browser test starts Chromium.
export default defineConfig({ test: { testTimeout: 120_000 } });
