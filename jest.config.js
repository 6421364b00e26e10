// Native-ESM jest: ts-jest in ESM mode, `.js` import suffixes mapped back to `.ts` sources,
// workspace packages resolved to their TypeScript entry points.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/actions', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/fixtures/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: 'tsconfig.json', useESM: true, diagnostics: { ignoreCodes: [151002] } }
    ]
  },
  moduleNameMapper: {
    '^@secure-pipeline/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^@secure-pipeline/([a-z-]+)/([a-z-]+)$': '<rootDir>/packages/$1/src/$2.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  testTimeout: 60000,
  clearMocks: true
}
