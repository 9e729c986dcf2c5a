/**
 * One jest run for the whole suite. TypeScript is transpiled per file (ts-jest, isolatedModules);
 * `npm run typecheck` does the type checking once for the whole project.
 * Page tests under test/weapp declare `@jest-environment jsdom` themselves.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/domain', '<rootDir>/usecases', '<rootDir>/miniprogram'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', isolatedModules: true } }],
  },
  testTimeout: 30000,
}
