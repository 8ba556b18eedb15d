// What `npm publish` ships from a clean checkout: a fresh clone of the committed HEAD, `npm ci` alone (install
// scripts off, as .npmrc has it), then a dry-run publish. Its pack runs `prepack` (the build) because package.json's
// publishConfig turns lifecycle scripts back on for publishing, so the tarball holds the built node and credential
// although dist/ is not in git. About two minutes: npm ci of the whole dev tree, from npm's cache when it is warm.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

describe('npm publish from a fresh clone after npm ci alone', () => {
	const folder = mkdtempSync(join(tmpdir(), 'buildin-clone-'));
	const clone = join(folder, 'n8n-nodes-buildin');
	let files: string[];

	beforeAll(() => {
		const env = { ...process.env };
		delete env.NODE_ENV;
		const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: clone, env, encoding: 'utf8', stdio: 'pipe' });
		execFileSync('git', ['clone', '--quiet', root, clone], { stdio: 'pipe' });
		run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
		// --force skips only npm's check of the registry's published versions: the test needs no network, and still
		// passes on main after this version is published.
		const output = run('npm', ['publish', '--dry-run', '--force', '--json']);
		// The build's own lines come first, then npm's JSON report, keyed by package name.
		const report = JSON.parse(output.slice(output.search(/^\{/m)));
		files = report['n8n-nodes-buildin'].files.map((file: { path: string }) => file.path);
	}, 600_000);

	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	test('the clone has no dist/ of its own: git does not hold the build', () => {
		expect(execFileSync('git', ['ls-files', 'dist'], { cwd: clone, encoding: 'utf8' })).toBe('');
	});

	test('the package holds the built node, its credential and their icons', () => {
		expect(files).toEqual(
			expect.arrayContaining([
				'dist/nodes/Buildin/Buildin.node.js',
				'dist/nodes/Buildin/Buildin.node.json',
				'dist/nodes/Buildin/buildin.svg',
				'dist/credentials/BuildinApi.credentials.js',
				'dist/credentials/buildin.svg',
				'package.json',
			]),
		);
	});
});
