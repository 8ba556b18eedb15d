/** @type {import('jest').Config} The end-to-end tier: a real n8n per pinned line (test/e2e/n8n-versions.json). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
	// The first run installs n8n (minutes); n8n CLI calls take seconds each.
	testTimeout: 600_000,
	maxWorkers: 1,
};
