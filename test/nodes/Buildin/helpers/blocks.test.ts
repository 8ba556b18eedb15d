import type { IDataObject } from 'n8n-workflow';

import {
	APPEND_BATCH_SIZE,
	blockIdFromLocator,
	blockIdFromUrl,
	blocksFromJson,
	chunk,
	fragmentBlockId,
	requireTextBlockType,
	TEXT_BLOCK_TYPES,
	textToBlocks,
	updateFromJson,
	validateBlockInputs,
	walkBlocks,
	WRITABLE_BLOCK_TYPES,
	type ChildrenPage,
} from '../../../../nodes/Buildin/helpers/blocks';
import { invalidInput as inputError } from '../../../support/invalidInput';

const PAGE = '11111111-1111-4111-8111-111111111111';
const BLOCK = '55555555-5555-4555-8555-555555555555';
const compact = (id: string) => id.replace(/-/g, '');

const paragraph = (content: string): IDataObject => ({
	type: 'paragraph',
	paragraph: { rich_text: [{ type: 'text', text: { content } }] },
});

describe('constants', () => {
	test('the writable list is the 20 BlockInput variants of Buildin’s V2 spec', () => {
		expect(WRITABLE_BLOCK_TYPES).toHaveLength(20);
		expect(new Set(WRITABLE_BLOCK_TYPES).size).toBe(20);
		expect(WRITABLE_BLOCK_TYPES).not.toContain('child_page');
		expect(APPEND_BATCH_SIZE).toBe(100);
	});

	test('every text block type is writable', () => {
		for (const type of TEXT_BLOCK_TYPES) expect(WRITABLE_BLOCK_TYPES).toContain(type);
	});
});

describe('chunk', () => {
	test('250 items in runs of 100, 100, 50, order kept', () => {
		const items = Array.from({ length: 250 }, (_, i) => i);
		const runs = chunk(items, 100);
		expect(runs.map((run) => run.length)).toEqual([100, 100, 50]);
		expect(runs.flat()).toEqual(items);
		expect(runs[1][0]).toBe(100);
	});

	test('exactly 100 is one run; none is no run', () => {
		expect(chunk(Array.from({ length: 100 }, (_, i) => i), 100)).toHaveLength(1);
		expect(chunk([], 100)).toEqual([]);
	});
});

describe('blockIdFromUrl / fragmentBlockId', () => {
	test.each([
		['compact fragment', `https://buildin.ai/docs/${compact(PAGE)}#${compact(BLOCK)}`],
		['dashed fragment', `https://buildin.ai/docs/${PAGE}#${BLOCK}`],
		['upper-case fragment', `https://buildin.ai/docs/${compact(PAGE)}#${compact(BLOCK).toUpperCase()}`],
		['prefixed fragment', `https://buildin.ai/docs/${compact(PAGE)}#block-${compact(BLOCK)}`],
		['slug, query and fragment', `https://buildin.ai/docs/Release-Checklist-${compact(PAGE)}?pvs=4#${compact(BLOCK)}`],
		['other host', `https://wiki.example.com/docs/${compact(PAGE)}/#${BLOCK}`],
	])('a block id in the fragment is the block (%s)', (_variant, url) => {
		expect(blockIdFromUrl(url)).toBe(BLOCK);
		expect(fragmentBlockId(url)).toBe(BLOCK);
	});

	test.each([
		['no fragment', `https://buildin.ai/docs/${compact(PAGE)}`],
		['a heading fragment', `https://buildin.ai/docs/${compact(PAGE)}#heading`],
		['an empty fragment', `https://buildin.ai/docs/${compact(PAGE)}#`],
		['a too short id in the fragment', `https://buildin.ai/docs/${compact(PAGE)}#${compact(BLOCK).slice(1)}`],
	])('without a block id in the fragment it is the page (%s)', (_variant, url) => {
		expect(blockIdFromUrl(url)).toBe(PAGE);
		expect(fragmentBlockId(url)).toBeUndefined();
	});

	test.each([['not a URL'], [BLOCK], ['ftp://buildin.ai/docs/' + compact(PAGE)], ['https://buildin.ai/docs/#' + compact(BLOCK)]])(
		'%s is no block URL',
		(value) => {
			expect(blockIdFromUrl(value)).toBeUndefined();
			expect(fragmentBlockId(value)).toBeUndefined();
		},
	);
});

describe('blockIdFromLocator', () => {
	test('By ID: dashed or compact, normalised to dashed lower case', () => {
		expect(blockIdFromLocator('Block', { mode: 'id', value: BLOCK })).toBe(BLOCK);
		expect(blockIdFromLocator('Block', { mode: 'id', value: ` ${compact(BLOCK).toUpperCase()} ` })).toBe(BLOCK);
		expect(blockIdFromLocator('Block', BLOCK)).toBe(BLOCK);
	});

	test('By URL: the fragment block, else the page', () => {
		expect(blockIdFromLocator('Block', { mode: 'url', value: `https://buildin.ai/docs/${compact(PAGE)}#${compact(BLOCK)}` })).toBe(BLOCK);
		expect(blockIdFromLocator('Block', { mode: 'url', value: `https://buildin.ai/docs/${compact(PAGE)}` })).toBe(PAGE);
	});

	test('a URL pasted into By ID is read as a URL, fragment included', () => {
		expect(blockIdFromLocator('Block', { mode: 'id', value: `https://buildin.ai/docs/${compact(PAGE)}#${compact(BLOCK)}` })).toBe(BLOCK);
	});

	test('requireFragment refuses a page URL, naming the field, but accepts an id', () => {
		const error = inputError(() =>
			blockIdFromLocator('Block', { mode: 'url', value: `https://buildin.ai/docs/${compact(PAGE)}` }, { requireFragment: true }),
		);
		expect(error.field).toBe('Block');
		expect(error.message).toMatch(/URL of a page, not of a block/);
		expect(blockIdFromLocator('Block', { mode: 'id', value: PAGE }, { requireFragment: true })).toBe(PAGE);
	});

	test.each([
		['url', 'https://buildin.ai/docs/nothing-here', /is not a Buildin URL/],
		['url', '', /an empty value/],
		['id', 'abc', /is not a Buildin ID or URL/],
		['id', '', /an empty value/],
	])('refuses %s %j naming the field', (mode, value, message) => {
		const error = inputError(() => blockIdFromLocator('Sibling Block', { mode, value }));
		expect(error.field).toBe('Sibling Block');
		expect(error.message).toMatch(message);
	});
});

describe('textToBlocks', () => {
	test('one paragraph per line; blank lines skipped; CRLF and CR handled', () => {
		const blocks = textToBlocks('First\r\n\r\nSecond\n   \nThird\rFourth\n', 'paragraph');
		expect(blocks).toEqual(['First', 'Second', 'Third', 'Fourth'].map((text) => ({ object: 'block', ...paragraph(text) })));
	});

	test('the chosen type is used for every line, with extra content fields', () => {
		const blocks = textToBlocks('a\nb', 'to_do', { checked: false });
		expect(blocks).toEqual([
			{ object: 'block', type: 'to_do', to_do: { rich_text: [{ type: 'text', text: { content: 'a' } }], checked: false } },
			{ object: 'block', type: 'to_do', to_do: { rich_text: [{ type: 'text', text: { content: 'b' } }], checked: false } },
		]);
	});

	test('code takes the whole text as one block, lines and indentation kept, trailing newlines dropped', () => {
		const code = 'function f() {\n\n  return 1;\n}\n\n';
		expect(textToBlocks(code, 'code', { language: 'javascript' })).toEqual([
			{
				object: 'block',
				type: 'code',
				code: { rich_text: [{ type: 'text', text: { content: 'function f() {\n\n  return 1;\n}' } }], language: 'javascript' },
			},
		]);
	});

	test('a 4500-character line becomes one block with rich text items of 2000, 2000 and 500', () => {
		const line = Array.from({ length: 4500 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
		const [block, ...rest] = textToBlocks(`${line}\nshort`, 'quote');
		const items = (block.quote as IDataObject).rich_text as Array<{ text: { content: string } }>;
		expect(items.map((item) => item.text.content.length)).toEqual([2000, 2000, 500]);
		expect(items.map((item) => item.text.content).join('')).toBe(line);
		expect(rest).toHaveLength(1);
	});

	test.each([[''], ['\n \n'], ['   ']])('refuses text without any line (%j), naming Text', (text) => {
		expect(inputError(() => textToBlocks(text, 'paragraph')).field).toBe('Text');
		expect(inputError(() => textToBlocks(text, 'code')).field).toBe('Text');
	});
});

describe('requireTextBlockType', () => {
	test('accepts the text types and refuses others, naming the field', () => {
		expect(requireTextBlockType('Block Type', 'heading_2')).toBe('heading_2');
		for (const bad of ['divider', 'image', 'child_page', undefined]) {
			const error = inputError(() => requireTextBlockType('Block Type', bad));
			expect(error.field).toBe('Block Type');
		}
	});
});

describe('blocksFromJson / validateBlockInputs', () => {
	test('a JSON array of blocks is returned as given when valid', () => {
		const blocks = [paragraph('a'), { object: 'block', type: 'divider', divider: {} }];
		expect(blocksFromJson('Blocks (JSON)', JSON.stringify(blocks))).toEqual(blocks);
	});

	test('an array from an expression, one block object, and a request body {children} are accepted', () => {
		expect(blocksFromJson('Blocks (JSON)', [paragraph('a')])).toEqual([paragraph('a')]);
		expect(blocksFromJson('Blocks (JSON)', paragraph('a'))).toEqual([paragraph('a')]);
		expect(blocksFromJson('Blocks (JSON)', { children: [paragraph('a'), paragraph('b')] })).toEqual([paragraph('a'), paragraph('b')]);
	});

	test('type is filled in from the content key, and a divider gets its empty content', () => {
		expect(validateBlockInputs('Blocks', [{ paragraph: { rich_text: [] } }, { type: 'divider' }])).toEqual([
			{ type: 'paragraph', paragraph: { rich_text: [] } },
			{ type: 'divider', divider: {} },
		]);
	});

	test('nested children are checked and normalised too', () => {
		const [toggle] = validateBlockInputs('Blocks', [
			{ type: 'toggle', toggle: { rich_text: [] }, children: [{ type: 'divider' }, paragraph('inner')] },
		]);
		expect(toggle.children).toEqual([{ type: 'divider', divider: {} }, paragraph('inner')]);
	});

	test.each([
		['a read-only type', [{ type: 'child_page', child_page: { title: 'x' } }], /block \[0\]: the type "child_page" can only be read/],
		['an unknown type', [paragraph('a'), { type: 'banner', banner: {} }], /block \[1\]: the type "banner" is not a Buildin block type/],
		['a bad nested type', [{ ...paragraph('a'), children: [paragraph('b'), { type: 'column_list', column_list: {} }] }], /block \[0\]\.children\[1\]: the type "column_list"/],
		['no type', [{ rich_text: [] }], /block \[0\] has no type/],
		['no content', [{ type: 'heading_1' }], /block \[0\]: the heading_1 block has no "heading_1" content object/],
		['content not an object', [{ type: 'quote', quote: 'text' }], /has no "quote" content object/],
		['not an object', ['paragraph'], /block \[0\] is not a block object/],
		['children not an array', [{ ...paragraph('a'), children: {} }], /block \[0\]\.children is not an array/],
		['a wrong object', [{ ...paragraph('a'), object: 'page' }], /"object" must be "block"/],
	])('refuses %s, naming the field and the place', (_case, blocks, message) => {
		const error = inputError(() => blocksFromJson('Blocks (JSON)', JSON.stringify(blocks)));
		expect(error.field).toBe('Blocks (JSON)');
		expect(error.message).toMatch(message);
	});

	test('the hint for a bad type lists the writable types', () => {
		const error = inputError(() => validateBlockInputs('Blocks', [{ type: 'column', column: {} }]));
		expect(error.hint).toContain('paragraph');
		expect(error.hint).toContain('link_to_page');
	});

	test.each([['[', /is not valid JSON/], ['[]', /holds no blocks/], [{ children: [] }, /holds no blocks/]])(
		'refuses %j',
		(value, message) => {
			expect(inputError(() => blocksFromJson('Blocks (JSON)', value)).message).toMatch(message);
		},
	);
});

describe('updateFromJson', () => {
	test('one type key with its partial content becomes {type, <type>}', () => {
		expect(updateFromJson('Content (JSON)', '{"to_do": {"checked": true}}')).toEqual({ type: 'to_do', to_do: { checked: true } });
		expect(updateFromJson('Content (JSON)', { type: 'code', code: { language: 'go' } })).toEqual({ type: 'code', code: { language: 'go' } });
	});

	test.each([
		['not JSON', '{', /is not valid JSON/],
		['an array', '[]', /is not a JSON object/],
		['no content', '{}', /holds no content/],
		['two types', '{"to_do": {"checked": true}, "paragraph": {}}', /holds 2 keys/],
		['a read-only type', '{"child_page": {"title": "x"}}', /"child_page" is not a block type Buildin can write/],
		['a mismatched type', '{"type": "quote", "to_do": {"checked": true}}', /"type" is "quote" but the content is under "to_do"/],
		['content not an object', '{"paragraph": "hi"}', /"paragraph" is not an object/],
		['empty content', '{"paragraph": {}}', /"paragraph" holds nothing to change/],
	])('refuses %s, naming the field', (_case, value, message) => {
		const error = inputError(() => updateFromJson('Content (JSON)', value));
		expect(error.field).toBe('Content (JSON)');
		expect(error.message).toMatch(message);
	});
});

describe('walkBlocks', () => {
	interface Node {
		id: string;
		type?: string;
		children?: Node[];
	}
	/** A fake Buildin: children lists paginated by the asked page size, cursors are offsets; every call recorded. */
	function fakeTree(tree: Record<string, Node[]>) {
		const calls: Array<{ parentId: string; pageSize: number; cursor?: string }> = [];
		async function* fetch(parentId: string, pageSize: () => number): AsyncGenerator<ChildrenPage> {
			const all = tree[parentId] ?? [];
			for (let start = 0; ; ) {
				const size = pageSize();
				calls.push({ parentId, pageSize: size, ...(start === 0 ? {} : { cursor: String(start) }) });
				const results = all.slice(start, start + size).map((node) => ({
					object: 'block',
					id: node.id,
					type: node.type ?? 'paragraph',
					has_children: (tree[node.id] ?? []).length > 0,
				}));
				yield { results };
				start += size;
				if (start >= all.length) return;
			}
		}
		return { fetch, calls };
	}
	const nodes = (...ids: string[]) => ids.map((id) => ({ id }));
	async function walk(fetch: Parameters<typeof walkBlocks>[0], options: Parameters<typeof walkBlocks>[2]) {
		const out: IDataObject[] = [];
		for await (const block of walkBlocks(fetch, 'root', options)) out.push(block);
		return out;
	}

	const TREE = {
		root: nodes('a', 'b', 'c'),
		a: nodes('a1', 'a2'),
		a1: nodes('a1x'),
		c: nodes('c1'),
	};

	test('depth first in document order, with parent_id and depth', async () => {
		const { fetch, calls } = fakeTree(TREE);
		const out = await walk(fetch, { maxDepth: 10 });
		expect(out.map((b) => [b.id, b.parent_id, b.depth])).toEqual([
			['a', 'root', 1],
			['a1', 'a', 2],
			['a1x', 'a1', 3],
			['a2', 'a', 2],
			['b', 'root', 1],
			['c', 'root', 1],
			['c1', 'c', 2],
		]);
		expect(calls.map((c) => c.parentId)).toEqual(['root', 'a', 'a1', 'c']);
		expect(out[0]).toMatchObject({ object: 'block', type: 'paragraph', has_children: true });
	});

	test('Max Depth stops the descent', async () => {
		const { fetch, calls } = fakeTree(TREE);
		expect((await walk(fetch, { maxDepth: 2 })).map((b) => b.id)).toEqual(['a', 'a1', 'a2', 'b', 'c', 'c1']);
		expect(calls.map((c) => c.parentId)).toEqual(['root', 'a', 'c']);
		const one = fakeTree(TREE);
		expect((await walk(one.fetch, { maxDepth: 1 })).map((b) => b.id)).toEqual(['a', 'b', 'c']);
		expect(one.calls).toHaveLength(1);
	});

	test('Limit counts every block; each request asks only for what is missing', async () => {
		const { fetch, calls } = fakeTree(TREE);
		const out = await walk(fetch, { maxDepth: 10, limit: 4 });
		expect(out.map((b) => b.id)).toEqual(['a', 'a1', 'a1x', 'a2']);
		expect(calls).toEqual([
			{ parentId: 'root', pageSize: 4 },
			{ parentId: 'a', pageSize: 3 },
			{ parentId: 'a1', pageSize: 2 },
		]);
	});

	test('follows cursors at every level, in small pages', async () => {
		const tree = { root: nodes('r1', 'r2', 'r3', 'r4', 'r5'), r2: nodes('x1', 'x2', 'x3') };
		const { fetch, calls } = fakeTree(tree);
		const out = await walk(fetch, { maxDepth: 5, pageSize: 2 });
		expect(out.map((b) => b.id)).toEqual(['r1', 'r2', 'x1', 'x2', 'x3', 'r3', 'r4', 'r5']);
		expect(calls).toEqual([
			{ parentId: 'root', pageSize: 2 },
			{ parentId: 'r2', pageSize: 2 },
			{ parentId: 'r2', pageSize: 2, cursor: '2' },
			{ parentId: 'root', pageSize: 2, cursor: '2' },
			{ parentId: 'root', pageSize: 2, cursor: '4' },
		]);
	});

	test('does not enter sub-pages or inline databases', async () => {
		const tree = {
			root: [{ id: 'p', type: 'child_page' }, { id: 'd', type: 'child_database' }, { id: 't', type: 'toggle' }],
			p: nodes('p1'),
			d: nodes('d1'),
			t: nodes('t1'),
		};
		const { fetch, calls } = fakeTree(tree);
		expect((await walk(fetch, { maxDepth: 10 })).map((b) => b.id)).toEqual(['p', 'd', 't', 't1']);
		expect(calls.map((c) => c.parentId)).toEqual(['root', 't']);
	});

	test('a block listed twice (a cycle) is not entered twice', async () => {
		const tree = { root: nodes('a'), a: nodes('root', 'a') };
		const { fetch, calls } = fakeTree(tree);
		const out = await walk(fetch, { maxDepth: 10 });
		expect(out.map((b) => b.id)).toEqual(['a', 'root', 'a']);
		expect(calls.map((c) => c.parentId)).toEqual(['root', 'a']);
	});

	test('no children: nothing, one request', async () => {
		const { fetch, calls } = fakeTree({});
		expect(await walk(fetch, { maxDepth: 3 })).toEqual([]);
		expect(calls).toHaveLength(1);
	});
});
