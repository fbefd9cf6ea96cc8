// One runner for every suite: unit (pure), integration (real Postgres, real HTTP) and e2e (real chromium).
/** Packages published only as ES modules; swc turns them into CommonJS for jest. */
const esmPackages = [
  'feelin',
  'lezer-feel',
  '@lezer',
  'min-dash',
  'luxon',
  'temporal-polyfill',
  'temporal-spec',
  'temporal-utils',
  // file-type (attachments' magic-byte check) and its ES-module dependencies
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
];
const transform = {
  '^.+\\.(t|j|mj)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
};
const base = {
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
  // TypeScript sources import siblings as './x.js' (NodeNext style, e.g. Prisma's generated client).
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
module.exports = {
  ...base,
  maxWorkers: 2,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      testEnvironment: '<rootDir>/tests/support/e2e-environment.ts',
    },
  ],
};
