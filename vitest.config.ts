import { defineConfig } from 'vitest/config';

// Test kind by file suffix (see STYLE.md): *.test.ts are pure; *.rules.test.ts, *.emulator.test.ts
// and *.e2e.test.ts need the emulators and run inside `firebase emulators:exec` (scripts/test.mjs).
const emulatorSuffixes = ['**/*.rules.test.ts', '**/*.emulator.test.ts', '**/*.e2e.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['domain/test/**/*.test.ts', 'functions/test/**/*.test.ts', 'web/test/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: emulatorSuffixes,
          // Pure tests wait for nothing, so the limit only catches a hang; the fuzz families (10k cases)
          // and the PDF layouts are CPU work that takes several seconds on a shared two-core machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'emulator',
          include: emulatorSuffixes.map((s) => `tests/${s}`),
          // One emulator suite: files share it, so they run one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
