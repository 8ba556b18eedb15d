// What `npm pack` ships is what n8n installs: only the built package and its documents, no runtime dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function packedFiles(): string[] {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
	return JSON.parse(output)[0].files.map((file: { path: string }) => file.path);
}

describe('the npm package', () => {
	const files = packedFiles();

	it('contains only dist/, README, LICENSE, CHANGELOG and package.json', () => {
		const outside = files.filter((file) => !file.startsWith('dist/'));
		expect(outside.sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
	});

	it('ships the nodes, the credential, their light and dark icons and the codex files', () => {
		for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) expect(files).toContain(file);
		for (const icon of ['buildin.svg', 'buildin.dark.svg']) {
			expect(files).toContain(`dist/nodes/Buildin/${icon}`);
			expect(files).toContain(`dist/credentials/${icon}`);
		}
		expect(files).toContain('dist/nodes/Buildin/Buildin.node.json');
		expect(files).toContain('dist/nodes/Buildin/BuildinTrigger.node.json');
	});

	it('follows n8n community package rules: no runtime dependencies, n8n-workflow as a * peer, MIT', () => {
		expect(packageJson.dependencies ?? {}).toEqual({});
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(packageJson.license).toBe('MIT');
		expect(packageJson.keywords).toContain('n8n-community-node-package');
		// npm adds README and LICENSE by itself, not CHANGELOG.
		expect(packageJson.files).toEqual(['dist', 'CHANGELOG.md']);
		expect(Object.keys(packageJson.scripts)).not.toEqual(expect.arrayContaining(['install', 'postinstall', 'preinstall']));
	});

	it('points n8n at files the build produced', () => {
		for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) {
			expect(existsSync(join(root, file))).toBe(true);
		}
	});

	it('uses no process, file system or timers in node and credential code', () => {
		const code = files.filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(root, file), 'utf8'));
		for (const source of code) {
			expect(source).not.toMatch(/\bprocess\.|require\("(node:)?fs"\)|\bsetTimeout\(|\bsetInterval\(/);
		}
	});
});
