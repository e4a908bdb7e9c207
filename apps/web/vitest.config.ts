// Two projects: `unit` (client logic and components, in happy-dom where a file asks for it) and
// `e2e` (real Chromium against the whole platform started once, as `npm start` starts it).
import react from '@vitejs/plugin-react';
import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          plugins: [react()],
          // mergeConfig concatenates include lists, so each project also excludes the other's.
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
            exclude: ['e2e/**', '**/node_modules/**'],
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['e2e/**/*.test.ts'],
            exclude: ['src/**', '**/node_modules/**'],
            globalSetup: ['e2e/support/global-setup.ts'],
            // One browser test at a time: they share one platform and two cores.
            fileParallelism: false,
            testTimeout: 120_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  }),
);
