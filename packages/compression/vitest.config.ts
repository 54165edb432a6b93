import { defineConfig } from 'vitest/config';

// Real-model tests (ResNet50 on ../shared) take seconds each on a loaded 2-core machine.
export default defineConfig({ test: { testTimeout: 120_000 } });
