/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/examples'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  // Transpile only: `npm run typecheck` checks types; tests run on what tsc would emit.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
    // openid-client and what it uses, and the codegen plugins' auto-bind, ship only as ES modules, which Jest's module system cannot load.
    '^.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022' }, isolatedModules: true },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|auto-bind)/)(?!jose/dist/webapi/)'],
  moduleNameMapper: {
    '^@app/(domain|event-store|read-models|platform)$': '<rootDir>/libs/$1/src',
    '^@app/(domain|event-store|read-models|platform)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  // A safety net for a hung test, not a speed limit: loading the whole demo on a busy shared 2-core machine
  // has taken more than a minute.
  testTimeout: 240000,
  // A worker left to grow over the whole suite ends near 3 GB resident, and tearing that down takes
  // Jest past the half second it waits for a worker to exit, so it reports a leak where no handle is
  // open. A worker holding more than this after a test file is replaced by a fresh one.
  workerIdleMemoryLimit: '1GB',
};
