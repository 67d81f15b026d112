// ESLint 9 flat config: `npm run lint` (zero warnings), run by `npm test` right after the typecheck.
// typescript-eslint's recommended rules everywhere, plus the type-aware rules that catch real bugs
// cheaply (promises nobody awaits, awaits of non-promises); Lit and Lit a11y rules on the web app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'functions/lib/**',
      '.data/**',
      '.cache/**',
      'coverage/**',
      'tests/docs/out/**',
      'bench/.out/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc already reports unused locals and parameters (noUnusedLocals/Parameters); `_x` marks the deliberate ones.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // The codebase uses `!` after a checked index (noUncheckedIndexedAccess); it is a reviewed choice.
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'smart'],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // The workspaces' own tsconfigs (the ones `npm run typecheck` uses) give the type-aware rules their types.
    files: ['**/*.ts'],
    ignores: ['scripts/**'],
    languageOptions: {
      parserOptions: {
        project: [
          'domain/tsconfig.json',
          'functions/tsconfig.json',
          'web/tsconfig.json',
          'web/src/sw/tsconfig.json',
          'tests/tsconfig.json',
          'bench/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
    },
  },
  {
    // No import circle in the shipped code: layers import downwards only (domain ← functions, web).
    files: ['domain/src/**/*.ts', 'functions/src/**/*.ts', 'web/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['domain/tsconfig.json', 'functions/tsconfig.json', 'web/tsconfig.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['web/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { lit, 'lit-a11y': litA11y },
    rules: { ...lit.configs.recommended.rules, ...litA11y.configs.recommended.rules },
  },
  {
    // The service worker (web/src/sw/, bundled by vite-plugin-pwa) runs in a worker, not a page.
    files: ['web/src/sw/**/*.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
);
