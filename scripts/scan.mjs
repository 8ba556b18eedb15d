// n8n's package scanner (@n8n/scan-community-package), called as its analyzePackageByName calls it before n8n
// verifies a package, minus the download: the sources with its SOURCE_FILE_PATTERNS (package.json, nodes/ and
// credentials/), and the packed package (`npm pack`, unpacked) with its tarball patterns. It lints with inline
// configuration off, so an eslint-disable comment counts for nothing. Prints one JSON line per leg; exits 1 on findings.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/** The package as npm packs it (from the current build in dist/), unpacked into a temporary folder. */
function unpackedTarball(folder) {
	execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', folder], { cwd: root, stdio: 'pipe' });
	const tarball = readdirSync(folder).find((file) => file.endsWith('.tgz'));
	const packageDir = join(folder, 'package');
	execFileSync('tar', ['-xzf', tarball, '-C', folder], { cwd: folder });
	return packageDir;
}

const folder = mkdtempSync(join(tmpdir(), 'buildin-scan-'));
try {
	const legs = [
		{ leg: 'sources', ...(await analyzePackage(root, SOURCE_FILE_PATTERNS)) },
		{ leg: 'tarball', ...(await analyzePackage(unpackedTarball(folder), TARBALL_FILE_PATTERNS)) },
	];
	for (const { leg, passed, message, details } of legs) console.log(JSON.stringify({ leg, passed, message, details }));
	process.exitCode = legs.every((leg) => leg.passed) ? 0 : 1;
} finally {
	rmSync(folder, { recursive: true, force: true });
}
