// The manual's links stay alive: every link from the documents into this repository, relative or absolute, resolves
// to a file, and one with a #fragment to a heading of that file, by GitHub's anchor rules. README.md and docs/ link
// absolutely, since n8n's node panel opens them outside the repository.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const root = join(__dirname, '..');
const repositoryUrl = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(
	JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).repository.url,
)?.[1] as string;
const slug = repositoryUrl.replace('https://github.com/', '');

const documents = [
	'README.md',
	'CONTRIBUTING.md',
	'CHANGELOG.md',
	'bench/README.md',
	...readdirSync(join(root, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`),
];

const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** The text outside fenced code blocks and inline code, where Markdown links and headings live. */
function prose(markdown: string): string {
	return markdown.replace(/^(```|~~~)[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, (code) => (code.includes('](') ? '' : code));
}

/** GitHub's anchors for a document's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	const withoutFences = markdown.replace(/^(```|~~~)[\s\S]*?^\1[^\n]*$/gm, '');
	for (const [, text] of withoutFences.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
		const base = text
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/<[^>]+>/g, '')
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count === 0 ? base : `${base}-${count}`);
	}
	return anchors;
}

interface Link {
	from: string;
	target: string;
}

function links(file: string): Link[] {
	return [...prose(read(file)).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => ({ from: file, target: match[1] }));
}

/**
 * The repository file (and fragment) a link points at, or undefined for a link out of the repository. Relative links
 * resolve from the linking file; absolute ones are GitHub's blob, tree and raw addresses of the main branch.
 */
function resolve(link: Link): { path: string; fragment?: string } | undefined {
	const [address, fragment] = link.target.split('#', 2) as [string, string | undefined];
	if (address === '') return { path: link.from, fragment };
	for (const prefix of [`${repositoryUrl}/blob/main/`, `${repositoryUrl}/tree/main/`, `https://raw.githubusercontent.com/${slug}/main/`]) {
		if (address.startsWith(prefix)) return { path: decodeURIComponent(address.slice(prefix.length)).replace(/\/$/, ''), fragment };
	}
	if (address === repositoryUrl) return { path: 'README.md', fragment };
	if (/^[a-z][a-z0-9+.-]*:/i.test(address)) return undefined;
	return { path: relative(root, normalize(join(root, dirname(link.from), decodeURIComponent(address)))), fragment };
}

const all = documents.flatMap(links);

describe('links into the repository', () => {
	it('are found (the test reads them): in README.md, in every page of docs/, many in all', () => {
		for (const document of documents.filter((file) => file === 'README.md' || file.startsWith('docs/'))) {
			expect([document, links(document).some((link) => resolve(link) !== undefined)]).toEqual([document, true]);
		}
		expect(all.filter((link) => resolve(link) !== undefined).length).toBeGreaterThan(50);
	});

	it('resolve to a file or folder that exists', () => {
		const broken = all.filter((link) => {
			const target = resolve(link);
			return target !== undefined && !existsSync(join(root, target.path));
		});
		expect(broken).toEqual([]);
	});

	it('with a #fragment, resolve to a heading of that Markdown file', () => {
		const broken = all.filter((link) => {
			const target = resolve(link);
			if (target?.fragment === undefined || !existsSync(join(root, target.path))) return false;
			if (statSync(join(root, target.path)).isDirectory() || !target.path.endsWith('.md')) return true;
			return !headingAnchors(read(target.path)).has(target.fragment);
		});
		expect(broken).toEqual([]);
	});

	it('into this repository on GitHub are its main branch’s blob, tree or raw addresses', () => {
		const stray = all.filter(
			(link) => link.target.includes(`github.com/${slug}/`) && resolve(link) === undefined && !/\/(issues|pulls|releases)\b/.test(link.target),
		);
		expect(stray).toEqual([]);
	});

	it('are absolute in README.md and docs/, which n8n’s node panel opens outside the repository', () => {
		const manual = all.filter((link) => link.from === 'README.md' || link.from.startsWith('docs/'));
		expect(manual.filter((link) => !/^(https?:\/\/|#)/.test(link.target))).toEqual([]);
	});
});

describe('the manual', () => {
	const readme = read('README.md');

	it('README.md stays under 25 kB', () => {
		expect(Buffer.byteLength(readme)).toBeLessThan(25_000);
	});

	it('links every page of docs/ from README.md', () => {
		const linked = new Set(links('README.md').map((link) => resolve(link)?.path));
		const pages = documents.filter((document) => document.startsWith('docs/'));
		expect(pages.filter((page) => !linked.has(page))).toEqual([]);
	});

	it('CONTRIBUTING.md opens with the two set-up commands and the main job', () => {
		const contributing = read('CONTRIBUTING.md');
		const firstBlock = /```bash\n([\s\S]*?)```/.exec(contributing)?.[1] ?? '';
		expect(firstBlock.split('\n').map((line) => line.split('#')[0].trim()).filter(Boolean)).toEqual(['npm ci', 'npm test', 'npm run demo']);
		expect(contributing.indexOf('```bash')).toBeLessThan(contributing.indexOf('\n## '));
	});
});

describe('GitHub anchors, as the link check computes them', () => {
	it('follow GitHub’s rules for punctuation, arrows, code and repeated headings', () => {
		expect([...headingAnchors('## Page → Get\n### `size` or `content_length`?\n## Use as an AI agent\'s tool\n## Errors\n## Errors\n')]).toEqual([
			'page--get',
			'size-or-content_length',
			'use-as-an-ai-agents-tool',
			'errors',
			'errors-1',
		]);
	});

	it('ignore headings inside code blocks', () => {
		expect([...headingAnchors('```bash\n# not a heading\n```\n## Real\n')]).toEqual(['real']);
	});
});
