/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Type errors are caught by `npm run typecheck`; isolated transpiling keeps jest fast.
	transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: 'test/tsconfig.json' }] },
	testTimeout: 30000,
};
