// What `npm pack` ships is what n8n installs: only the built package and its documents, no runtime dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

import { parse as parseYaml } from 'yaml';

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

describe('publishing', () => {
	test('package.json names no entry file that the package does not ship', () => {
		// n8n loads the files under "n8n"; a "main" would only be a file npm users could require.
		expect(packageJson.main).toBeUndefined();
	});

	test('npm publish builds and tests first; npm pack builds', () => {
		expect(packageJson.scripts.prepublishOnly).toBe('npm test');
		expect(packageJson.scripts.prepack).toBe('npm run build');
		expect(packageJson.scripts.test).toMatch(/npm run build/);
		// .npmrc turns lifecycle scripts off for installs (n8n's native isolated-vm does not build on Node 20); a
		// publish turns them back on for the pack, so a publish from a clean checkout still builds.
		expect(readFileSync(join(root, '.npmrc'), 'utf8')).toMatch(/^ignore-scripts=true$/m);
		expect(packageJson.publishConfig).toEqual({ 'ignore-scripts': false });
	});

	test('repository, homepage, bugs, author and the codex point at one GitHub repository', () => {
		const repository = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(packageJson.repository.url)?.[1];
		expect(repository).toBeDefined();
		expect(packageJson.homepage).toBe(`${repository}#readme`);
		expect(packageJson.bugs).toEqual({ url: `${repository}/issues` });
		expect(`${repository}/`.startsWith(`${packageJson.author.url}/`)).toBe(true);
		const codex = JSON.parse(readFileSync(join(root, 'nodes/Buildin/Buildin.node.json'), 'utf8'));
		expect(codex.resources.primaryDocumentation).toEqual([{ url: `${repository}#readme` }]);
	});

	test('engines names the oldest Node.js line the README says the package is tested on', () => {
		const readme = readFileSync(join(root, 'README.md'), 'utf8');
		const compatibility = readme.slice(readme.indexOf('## Compatibility'));
		const minimum = /^>=(\d+\.\d+)$/.exec(packageJson.engines.node)?.[1];
		expect(minimum).toBeDefined();
		expect(compatibility).toContain(`Node.js ${minimum}`);
	});
});

describe('n8n Cloud eligibility (n8n-node cloud-support)', () => {
	// Its package exports only the ESLint config, so its files are read from its folder.
	const nodeCli = join(root, 'node_modules/@n8n/node-cli');

	test('strict mode is on in the n8n block', () => {
		expect(packageJson.n8n.strict).toBe(true);
	});

	test('eslint.config.mjs is @n8n/node-cli’s default config, word for word', () => {
		const template = join(nodeCli, 'dist/template/templates/shared/default/eslint.config.mjs');
		const normalized = (path: string) => readFileSync(path, 'utf8').replace(/\s+/g, ' ').trim();
		expect(normalized(join(root, 'eslint.config.mjs'))).toBe(normalized(template));
	});

	test('`n8n-node cloud-support` reports the package eligible', () => {
		const output = stripVTControlCharacters(
			execFileSync(process.execPath, [join(nodeCli, 'bin/n8n-node.mjs'), 'cloud-support'], { cwd: root, encoding: 'utf8' }),
		);
		expect(output).toMatch(/Cloud support is ENABLED/);
		expect(output).toMatch(/Strict mode: enabled/);
		expect(output).toMatch(/ESLint config: using default config/);
		expect(output).toMatch(/Status: eligible for n8n Cloud verification/);
	});

	test('npm run lint applies that default config, adding to it only for tests and the plain Node.js programs', () => {
		expect(packageJson.scripts.lint).toBe(
			'eslint --config eslint.project.config.mjs --max-warnings 0 nodes credentials package.json test sandbox harness bench scripts gulpfile.js jest.config.js jest.e2e.config.js eslint.project.config.mjs',
		);
		expect(readFileSync(join(root, 'eslint.project.config.mjs'), 'utf8')).toMatch(
			/import \{ config \} from '@n8n\/node-cli\/eslint';[\s\S]*export default \[\s*\.\.\.config,/,
		);
	});
});

describe('GitHub Actions workflows', () => {
	const workflow = (name: string) => parseYaml(readFileSync(join(root, '.github/workflows', name), 'utf8'));
	const runs = (steps: Array<{ run?: string }>) => steps.map((step) => step.run).filter(Boolean);

	test('ci.yml runs the README’s test command on Node 20 and Node 24', () => {
		const ci = workflow('ci.yml');
		expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
		const [job] = Object.values(ci.jobs) as any[];
		expect(job.strategy.matrix['node-version'].map(String)).toEqual(['20', '24']);
		expect(job.steps.find((step: any) => step.uses?.startsWith('actions/setup-node')).with['node-version']).toBe(
			'${{ matrix.node-version }}',
		);
		expect(runs(job.steps)).toEqual(['npm ci', 'npm test']);
	});

	test('publish.yml publishes a version tag with provenance: npm ci, npm test, npm publish', () => {
		const publish = workflow('publish.yml');
		expect(publish.on).toEqual({ push: { tags: ['*.*.*'] } });
		const [job] = Object.values(publish.jobs) as any[];
		expect(job.permissions['id-token']).toBe('write');
		expect(runs(job.steps)).toEqual(['npm ci', 'npm test', 'npm publish --provenance --access public']);
	});
});
