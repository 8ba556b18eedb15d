// CONTRIBUTING.md's "Map of the code" says, per folder, what its files may import. This reads the imports of every
// file under nodes/ and credentials/ and checks them against that table, so the map and the code cannot drift apart:
// actions import helpers/, transport/ and the shared modules; trigger/ never imports actions/; helpers/ never imports
// transport/ or actions/; no operation imports another operation or another resource.
import { readdirSync, readFileSync } from 'fs';
import { dirname, join, normalize } from 'path';

const ROOT = join(__dirname, '..');
const NODE_DIR = 'nodes/Buildin/';

interface Row {
	folder: string;
	/** Folders (ending in /) and files the folder's files may import, repository-relative. */
	paths: string[];
	packages: string[];
	/** Packages that may be imported for their types only. */
	typesOnly: string[];
}

/** The table's rows for the folders that hold the package's code, as the last column lists what they may import. */
function mapRows(): Row[] {
	const text = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
	const section = text.slice(text.indexOf('## Map of the code'), text.indexOf('\n## ', text.indexOf('## Map of the code') + 1));
	return section
		.split('\n')
		.filter((line) => /^\| `(nodes|credentials)\//.test(line))
		.map((line) => {
			const cells = line.split('|').map((cell) => cell.trim());
			const folder = /^`([^`]+)`$/.exec(cells[1])?.[1] ?? '';
			const row: Row = { folder, paths: [], packages: [], typesOnly: [] };
			for (const match of cells[cells.length - 2].matchAll(/`([^`]+)`( \(types only\))?/g)) {
				const token = match[1];
				if (/^(nodes|credentials)\//.test(token)) row.paths.push(token);
				else if (token.endsWith('/')) row.paths.push(`${NODE_DIR}${token}`);
				else (match[2] ? row.typesOnly : row.packages).push(token);
			}
			return row;
		});
}

function sourceFiles(folder: string): string[] {
	return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
		const path = `${folder}${entry.name}`;
		if (entry.isDirectory()) return sourceFiles(`${path}/`);
		return path.endsWith('.ts') ? [path] : [];
	});
}

interface Import {
	/** Repository-relative path of a relative import (without extension), or the package name. */
	target: string;
	relative: boolean;
	typesOnly: boolean;
}

function importsOf(file: string): Import[] {
	const text = readFileSync(join(ROOT, file), 'utf8');
	return [...text.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+'([^']+)';/gms)].map(([, typeKeyword, clause, spec]) => {
		const names = /\{([^}]*)\}/.exec(clause)?.[1].split(',').map((name) => name.trim()).filter(Boolean) ?? [];
		const typesOnly = Boolean(typeKeyword) || (names.length > 0 && !clause.replace(/\{[^}]*\}/, '').trim() && names.every((name) => name.startsWith('type ')));
		if (!spec.startsWith('.')) return { target: spec.split('/')[0], relative: false, typesOnly };
		return { target: normalize(join(dirname(file), spec)).replace(/\\/g, '/'), relative: true, typesOnly };
	});
}

const rows = mapRows();
const files = [...sourceFiles(NODE_DIR), ...sourceFiles('credentials/')];
/** The row a file belongs to: the most specific folder that holds it. */
const rowOf = (file: string) =>
	rows.filter((row) => file.startsWith(row.folder)).sort((a, b) => b.folder.length - a.folder.length)[0] as Row | undefined;

function allowed(row: Row, imported: Import): boolean {
	if (!imported.relative) return row.packages.includes(imported.target) || (imported.typesOnly && row.typesOnly.includes(imported.target));
	return row.paths.some((path) => (path.endsWith('/') ? `${imported.target}/`.startsWith(path) : `${imported.target}.ts` === path || imported.target === path));
}

test('the map lists the folders of nodes/Buildin/ and credentials/', () => {
	expect(rows.map((row) => row.folder)).toEqual(
		expect.arrayContaining(['nodes/Buildin/', 'nodes/Buildin/actions/', 'nodes/Buildin/trigger/', 'nodes/Buildin/helpers/', 'credentials/']),
	);
	expect(files.filter((file) => rowOf(file) === undefined)).toEqual([]);
});

test('every import under nodes/ and credentials/ is one the map allows for its folder', () => {
	const violations = files.flatMap((file) => {
		const row = rowOf(file) as Row;
		return importsOf(file)
			.filter((imported) => !allowed(row, imported))
			.map((imported) => `${file} imports ${imported.target}${imported.typesOnly ? ' (types)' : ''}, which ${row.folder} may not import`);
	});
	expect(violations).toEqual([]);
});

test('the map keeps the rules the layout rests on: trigger/ never imports actions/, helpers/ neither transport/ nor actions/', () => {
	const row = (folder: string) => rows.find((candidate) => candidate.folder === folder) as Row;
	expect(row('nodes/Buildin/trigger/').paths).not.toContain('nodes/Buildin/actions/');
	expect(row('nodes/Buildin/helpers/').paths).not.toEqual(expect.arrayContaining(['nodes/Buildin/transport/']));
	expect(row('nodes/Buildin/helpers/').paths).not.toContain('nodes/Buildin/actions/');
	expect(row('nodes/Buildin/actions/').paths).toEqual(
		expect.arrayContaining(['nodes/Buildin/helpers/', 'nodes/Buildin/transport/', 'nodes/Buildin/parameters/', 'nodes/Buildin/requests/']),
	);
});

test('no operation imports another operation or another resource: only actions/types.ts of actions/', () => {
	const operations = files.filter((file) => /^nodes\/Buildin\/actions\/[^/]+\/[^/]+\.operation\.ts$/.test(file));
	expect(operations.length).toBeGreaterThan(25);
	const violations = operations.flatMap((file) =>
		importsOf(file)
			.filter((imported) => imported.relative && imported.target.startsWith('nodes/Buildin/actions/') && imported.target !== 'nodes/Buildin/actions/types')
			.map((imported) => `${file} imports ${imported.target}`),
	);
	expect(violations).toEqual([]);
});

test('the check sees a forbidden import', () => {
	const trigger = rowOf('nodes/Buildin/trigger/poll.ts') as Row;
	expect(allowed(trigger, { target: 'nodes/Buildin/actions/database/query.operation', relative: true, typesOnly: false })).toBe(false);
	expect(allowed(trigger, { target: 'nodes/Buildin/parameters/filter', relative: true, typesOnly: false })).toBe(true);
	const helpers = rowOf('nodes/Buildin/helpers/ids.ts') as Row;
	expect(allowed(helpers, { target: 'n8n-workflow', relative: false, typesOnly: false })).toBe(false);
	expect(allowed(helpers, { target: 'n8n-workflow', relative: false, typesOnly: true })).toBe(true);
});
