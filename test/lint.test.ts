// `npm run lint` covers every folder with code: the node and credential, the tests, and the plain Node.js programs
// beside them (sandbox/, harness/, bench/, scripts/) and the configuration files at the top.
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');

test('npm run lint names every folder and top-level file with code that git tracks', () => {
	const lint = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.lint;
	const linted = new Set(lint.split(/\s+/));
	const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
	const withCode = new Set(tracked.filter((path) => /\.(ts|js|mjs|cjs)$/.test(path)).map((path) => path.split('/')[0]));
	// eslint.config.mjs is n8n's default config word for word; the project's lint uses eslint.project.config.mjs.
	withCode.delete('eslint.config.mjs');
	expect([...withCode].filter((entry) => !linted.has(entry)).sort()).toEqual([]);
	expect([...withCode].length).toBeGreaterThan(8);
});
