// n8n's package scanner (@n8n/scan-community-package) over this package, as n8n runs it before verifying a package:
// the sources (package.json, nodes/, credentials/) and the unpacked `npm pack` tarball, inline configuration off.
// scripts/scan.mjs calls the scanner's own analyzePackage and patterns; it runs in a child process because the
// scanner is an ES module. `npm test` builds dist/ first, so the tarball holds the current build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = join(__dirname, '..', '..');

interface Leg {
	leg: string;
	passed: boolean;
	message?: string;
	details?: string;
}

describe('n8n’s community package scanner', () => {
	let legs: Leg[];
	let exitCode: number | null;

	beforeAll(() => {
		// Without jest's NODE_ENV=test, under which eslint-plugin-n8n-nodes-base swaps in test file names.
		const env = { ...process.env };
		delete env.NODE_ENV;
		const run = spawnSync(process.execPath, [join(root, 'scripts', 'scan.mjs')], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
		exitCode = run.status;
		legs = run.stdout
			.split('\n')
			.filter((line) => line.startsWith('{'))
			.map((line) => JSON.parse(line) as Leg);
	}, 150_000);

	test.each(['sources', 'tarball'])('%s: no findings', (name) => {
		const leg = legs.find((candidate) => candidate.leg === name);
		// The formatted findings, when there are any, are the failure message.
		expect({ leg: name, passed: leg?.passed, details: leg?.details === undefined ? undefined : stripVTControlCharacters(leg.details) }).toEqual({
			leg: name,
			passed: true,
			details: undefined,
		});
	});

	test('the script exits 0 only when both legs pass', () => {
		expect(exitCode).toBe(0);
	});
});
