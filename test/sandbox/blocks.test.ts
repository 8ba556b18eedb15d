import { expectError, MISSING_UUID, plain, text, textBlock, useSandbox, type Json } from './helpers';

const env = useSandbox();
const { call } = env;

const append = (id: string, body: unknown, token?: string) => call('PATCH', `/v2/blocks/${id}/children`, { body, token });
const texts = (blocks: Json[]) => blocks.map((b) => (b.type === 'child_page' ? `page:${b.child_page.title}` : plain(b[b.type].rich_text)));

/** One valid input of each of the 20 writable types (https://buildin.ai/developer-api/v2/write/append-block-children). */
const ALL_TYPES: Json[] = [
	textBlock('paragraph', 'p', { text_color: 'red', background_color: 'light_blue', text_align: 'center' }),
	textBlock('heading_1', 'h1', { is_toggleable: true }),
	textBlock('heading_2', 'h2'),
	textBlock('heading_3', 'h3'),
	textBlock('bulleted_list_item', 'b'),
	textBlock('numbered_list_item', 'n'),
	textBlock('quote', 'q'),
	textBlock('toggle', 't'),
	textBlock('to_do', 'todo', { checked: true }),
	textBlock('callout', 'c', { icon: { type: 'emoji', emoji: '💡' } }),
	{ type: 'code', code: { rich_text: text('x = 1'), language: 'python' } },
	{ type: 'divider', divider: {} },
	{ type: 'bookmark', bookmark: { url: 'https://example.com', caption: text('cap') } },
	{ type: 'embed', embed: { url: 'https://example.com/embed' } },
	{ type: 'image', image: { type: 'external', external: { url: 'https://example.com/i.png' } } },
	{ type: 'file', file: { type: 'file', file: { oss_name: 'u/1/report.pdf', size: 123, content_type: 'application/pdf' } } },
	{ type: 'table', table: { table_width: 2, has_column_header: true }, children: [{ type: 'table_row', table_row: { cells: [text('a'), text('b')] } }] },
	{ type: 'table_row', table_row: { cells: [text('loose')] } },
	{ type: 'equation', equation: { expression: 'E=mc^2' } },
	{ type: 'link_to_page', link_to_page: { type: 'page_id', page_id: MISSING_UUID } },
];

describe('store helpers', () => {
	it('addBlocks returns the created blocks; getBlock and childrenOf read them', () => {
		const page = env.sb.addPage({ title: 'P' });
		const [a, b] = env.sb.addBlocks(page.id, [textBlock('paragraph', 'a'), { ...textBlock('toggle', 'b'), children: [textBlock('paragraph', 'c')] }]);
		expect(a).toEqual({
			object: 'block', id: expect.any(String), parent: { type: 'page_id', page_id: page.id },
			created_time: expect.any(String), created_by: page.created_by, last_edited_time: a.created_time, last_edited_by: page.created_by,
			has_children: false, in_trash: false, type: 'paragraph',
			paragraph: { rich_text: [expect.objectContaining({ plain_text: 'a' })], text_color: 'default', background_color: 'default', color: 'default' },
		});
		expect(b.has_children).toBe(true);
		expect(env.sb.getBlock(a.id)).toEqual(a);
		expect(texts(env.sb.childrenOf(page.id))).toEqual(['a', 'b']);
		expect(env.sb.childrenOf(b.id)[0].parent).toEqual({ type: 'block_id', block_id: b.id });
		expect(env.sb.getBlock(MISSING_UUID)).toBeUndefined();
		expect(env.sb.getBlock(page.id)).toBeUndefined();
	});

	it('addBlocks rejects bad input', () => {
		const page = env.sb.addPage({ title: 'P' });
		expect(() => env.sb.addBlocks(MISSING_UUID, [textBlock('paragraph', 'a')])).toThrow(/no page or block/);
		expect(() => env.sb.addBlocks(page.id, [{ type: 'column_list', column_list: {} }])).toThrow(/unsupported_block_type/);
		expect(() => env.sb.addBlocks(page.id, [{ type: 'paragraph', paragraph: {} }])).toThrow(/required/);
	});
});

describe('GET /v2/blocks/:block_id', () => {
	it('returns a block', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const [block] = env.sb.addBlocks(page.id, [textBlock('heading_2', 'Hi')]);
		const res = await call('GET', `/v2/blocks/${block.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual(block);
		expect(res.json.heading_2.is_toggleable).toBe(false);
	});

	it('answers a page id as a child_page block and a database id as a child_database block', async () => {
		const parent = env.sb.addPage({ title: 'Parent' });
		const page = env.sb.addPage({ title: 'Sub', parent: { type: 'page_id', page_id: parent.id } });
		env.sb.addBlocks(page.id, [textBlock('paragraph', 'x')]);
		const res = await call('GET', `/v2/blocks/${page.id}`);
		expect(res.json).toEqual({
			object: 'block', id: page.id, parent: { type: 'page_id', page_id: parent.id }, created_time: page.created_time,
			created_by: page.created_by, last_edited_time: page.last_edited_time, last_edited_by: page.last_edited_by,
			has_children: true, in_trash: false, type: 'child_page', child_page: { title: 'Sub' },
		});
		const db = env.sb.addDatabase({ title: 'Tasks', properties: { Name: 'title' } });
		expect((await call('GET', `/v2/blocks/${db.id}`)).json).toMatchObject({ type: 'child_database', child_database: { title: 'Tasks' } });
	});

	it('answers 404, 400 for a malformed id, 403 without blocks.read or sharing', async () => {
		expectError(await call('GET', `/v2/blocks/${MISSING_UUID}`), 404, 'not_found');
		const bad = await call('GET', '/v2/blocks/xyz');
		expectError(bad, 400, 'validation_error');
		expect(bad.json.details).toEqual([{ path: 'block_id', reason: 'invalid_uuid' }]);
		const page = env.sb.addPage({ title: 'P' });
		const [block] = env.sb.addBlocks(page.id, [textBlock('paragraph', 'a')]);
		env.sb.addToken('tok_pages_read', ['pages.read']);
		expectError(await call('GET', `/v2/blocks/${block.id}`, { token: 'tok_pages_read' }), 403, 'forbidden');
		env.sb.addToken('tok_other', ['blocks.read'], { sharedPages: [MISSING_UUID] });
		expectError(await call('GET', `/v2/blocks/${block.id}`, { token: 'tok_other' }), 403, 'forbidden');
		env.sb.addToken('tok_this', ['blocks.read'], { sharedPages: [page.id] });
		expect((await call('GET', `/v2/blocks/${block.id}`, { token: 'tok_this' })).status).toBe(200);
	});
});

describe('GET /v2/blocks/:block_id/children', () => {
	it('lists direct children in order with sub-pages, leaving out nested and trashed blocks', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const [a] = env.sb.addBlocks(page.id, [{ ...textBlock('bulleted_list_item', 'a'), children: [textBlock('paragraph', 'nested')] }]);
		env.sb.addPage({ title: 'Sub', parent: { type: 'page_id', page_id: page.id } });
		const [, gone] = env.sb.addBlocks(page.id, [textBlock('paragraph', 'b'), textBlock('paragraph', 'gone')]);
		await call('DELETE', `/v2/blocks/${gone.id}`);
		const res = await call('GET', `/v2/blocks/${page.id}/children`);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ object: 'list', next_cursor: null, has_more: false });
		expect(texts(res.json.results)).toEqual(['a', 'page:Sub', 'b']);
		expect(texts((await call('GET', `/v2/blocks/${a.id}/children`)).json.results)).toEqual(['nested']);
	});

	it('pages with page_size and start_cursor', async () => {
		const page = env.sb.addPage({ title: 'P' });
		env.sb.addBlocks(page.id, Array.from({ length: 25 }, (_, i) => textBlock('paragraph', `p${i}`)));
		const first = await call('GET', `/v2/blocks/${page.id}/children`);
		expect(first.json.results).toHaveLength(20);
		const rest = await call('GET', `/v2/blocks/${page.id}/children?start_cursor=${first.json.next_cursor}&page_size=10`);
		expect(texts(rest.json.results)).toEqual(['p20', 'p21', 'p22', 'p23', 'p24']);
		expect(rest.json.has_more).toBe(false);
		const bad = await call('GET', `/v2/blocks/${page.id}/children?page_size=abc`);
		expectError(bad, 400, 'validation_error');
		expect(bad.json.details[0]).toMatchObject({ path: 'page_size', reason: 'invalid_type' });
	});

	it('answers 400 for a database id', async () => {
		const db = env.sb.addDatabase({ properties: { Name: 'title' } });
		expectError(await call('GET', `/v2/blocks/${db.id}/children`), 400, 'validation_error');
	});
});

describe('PATCH /v2/blocks/:block_id/children', () => {
	it('appends at the end and answers the created blocks', async () => {
		const page = env.sb.addPage({ title: 'P' });
		env.sb.addBlocks(page.id, [textBlock('paragraph', 'old')]);
		const res = await append(page.id, { children: [textBlock('paragraph', 'x'), textBlock('paragraph', 'y')] });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ object: 'list', next_cursor: null, has_more: false });
		expect(texts(res.json.results)).toEqual(['x', 'y']);
		expect(res.json.results[0]).toEqual(env.sb.getBlock(res.json.results[0].id));
		expect(texts(env.sb.childrenOf(page.id))).toEqual(['old', 'x', 'y']);
	});

	it('inserts after or before a child, keeping the order of the new blocks', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const [a, b] = env.sb.addBlocks(page.id, [textBlock('paragraph', 'a'), textBlock('paragraph', 'b')]);
		await append(page.id, { children: [textBlock('paragraph', 'a1'), textBlock('paragraph', 'a2')], after: a.id });
		await append(page.id, { children: [textBlock('paragraph', 'b0'), textBlock('paragraph', 'b1')], before: b.id });
		await append(page.id, { children: [textBlock('paragraph', 'start')], before: a.id.toUpperCase() });
		expect(texts(env.sb.childrenOf(page.id))).toEqual(['start', 'a', 'a1', 'a2', 'b0', 'b1', 'b']);
	});

	it('rejects after and before together, and an anchor that is not a child of this parent', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const [a] = env.sb.addBlocks(page.id, [{ ...textBlock('paragraph', 'a'), children: [textBlock('paragraph', 'inner')] }]);
		const inner = env.sb.childrenOf(a.id)[0];
		const both = await append(page.id, { children: [textBlock('paragraph', 'x')], after: a.id, before: a.id });
		expectError(both, 400, 'validation_error');
		expect(both.json.details[0]).toMatchObject({ path: 'after', reason: 'exclusive_fields' });
		const notChild = await append(page.id, { children: [textBlock('paragraph', 'x')], after: inner.id });
		expectError(notChild, 400, 'validation_error');
		expect(notChild.json.details[0]).toMatchObject({ path: 'after', reason: 'not_a_child' });
		expect(texts(env.sb.childrenOf(page.id))).toEqual(['a']);
	});

	it('appends to a block, nested children included, and sets its has_children', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const [a] = env.sb.addBlocks(page.id, [textBlock('toggle', 'open me')]);
		expect(a.has_children).toBe(false);
		const res = await append(a.id, { children: [{ ...textBlock('bulleted_list_item', 'x'), children: [textBlock('paragraph', 'y')] }] });
		expect(res.json.results[0]).toMatchObject({ parent: { type: 'block_id', block_id: a.id }, has_children: true });
		expect(env.sb.getBlock(a.id)?.has_children).toBe(true);
		expect(texts(env.sb.childrenOf(res.json.results[0].id))).toEqual(['y']);
	});

	it('moves the page version on (last_edited_time) and records the bot as editor', async () => {
		const page = env.sb.addPage({ title: 'P', lastEditedTime: '2026-01-01T00:00:00.000Z' });
		const me = await call('GET', '/v2/users/me');
		const res = await append(page.id, { children: [textBlock('paragraph', 'x')] });
		expect(res.json.results[0].created_by).toEqual({ object: 'user', id: me.json.id });
		const after = env.sb.getPage(page.id) as Json;
		expect(Date.parse(after.last_edited_time)).toBeGreaterThan(Date.parse(page.last_edited_time));
		expect(after.last_edited_by).toEqual({ object: 'user', id: me.json.id });
	});

	it('accepts every one of the 20 writable types in read shape', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const res = await append(page.id, { children: ALL_TYPES });
		expect(res.status).toBe(200);
		expect(res.json.results.map((b: Json) => b.type)).toEqual(ALL_TYPES.map((b) => b.type));
		const byType = Object.fromEntries(res.json.results.map((b: Json) => [b.type, b[b.type]]));
		expect(byType.paragraph).toMatchObject({ text_color: 'red', background_color: 'light_blue', text_align: 'center', color: 'red' });
		expect(byType.to_do.checked).toBe(true);
		expect(byType.code).toMatchObject({ language: 'python' });
		expect(byType.divider).toEqual({});
		expect(byType.bookmark).toMatchObject({ url: 'https://example.com', caption: [expect.objectContaining({ plain_text: 'cap' })] });
		expect(byType.image).toEqual({ type: 'external', external: { url: 'https://example.com/i.png' }, caption: [] });
		expect(byType.file).toMatchObject({ type: 'file', file: { url: expect.stringContaining('report.pdf'), expiry_time: expect.any(String) } });
		expect(byType.table).toEqual({ table_width: 2, has_column_header: true, has_row_header: false, width_mode: 'fixed' });
		expect(byType.link_to_page).toEqual({ type: 'page_id', page_id: MISSING_UUID });
		expect(res.json.results.find((b: Json) => b.type === 'table').has_children).toBe(true);
	});

	it.each([
		['a read-only type', { type: 'child_page', child_page: { title: 'x' } }, 'unsupported_block_type', { path: 'children[0].type', reason: 'unsupported_block_type' }],
		['an unknown type', { type: 'audio', audio: {} }, 'unsupported_block_type', { path: 'children[0].type', reason: 'unsupported_block_type' }],
		['a nested read-only type', { ...textBlock('toggle', 't'), children: [{ type: 'column_list', column_list: {} }] }, 'unsupported_block_type', { path: 'children[0].children[0].type' }],
		['a missing rich_text', { type: 'paragraph', paragraph: {} }, 'validation_error', { path: 'children[0].paragraph.rich_text', reason: 'required' }],
		['rich text over 2000 characters', textBlock('paragraph', 'x'.repeat(2001)), 'validation_error', { path: 'children[0].paragraph.rich_text[0].text.content', reason: 'too_long', limit: 2000, actual: 2001 }],
		['an unknown content field', textBlock('paragraph', 'x', { size: 3 }), 'validation_error', { path: 'children[0].paragraph.size', reason: 'unknown_field' }],
		['a bad colour', textBlock('quote', 'x', { text_color: 'mauve' }), 'validation_error', { path: 'children[0].quote.text_color', reason: 'invalid_value' }],
		['a content key of another type', { type: 'paragraph', heading_1: { rich_text: [] } }, 'validation_error', { path: 'children[0].heading_1', reason: 'type_mismatch' }],
		['a bookmark without url', { type: 'bookmark', bookmark: {} }, 'validation_error', { path: 'children[0].bookmark.url', reason: 'required' }],
		['an uploaded file without size', { type: 'image', image: { type: 'file', file: { oss_name: 'k' } } }, 'validation_error', { path: 'children[0].image.file.size', reason: 'required' }],
		['a table without width', { type: 'table', table: {} }, 'validation_error', { path: 'children[0].table.table_width', reason: 'required' }],
	])('rejects %s', async (_name, child, code, detail) => {
		const page = env.sb.addPage({ title: 'P' });
		const res = await append(page.id, { children: [child] });
		expectError(res, 400, code);
		expect(res.json.details).toContainEqual(expect.objectContaining(detail));
		expect(env.sb.childrenOf(page.id)).toEqual([]);
	});

	it('takes 1 to 100 top-level children', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const many = (n: number) => Array.from({ length: n }, () => ({ type: 'divider', divider: {} }));
		const over = await append(page.id, { children: many(101) });
		expectError(over, 400, 'validation_error');
		expect(over.json.details).toEqual([{ path: 'children', reason: 'too_many_items', limit: 100, actual: 101 }]);
		expectError(await append(page.id, { children: [] }), 400, 'validation_error');
		expectError(await append(page.id, {}), 400, 'validation_error');
		expect((await append(page.id, { children: many(100) })).json.results).toHaveLength(100);
	});

	it('needs blocks.write', async () => {
		const page = env.sb.addPage({ title: 'P' });
		env.sb.addToken('tok_blocks_read', ['blocks.read']);
		expectError(await append(page.id, { children: [textBlock('paragraph', 'x')] }, 'tok_blocks_read'), 403, 'forbidden');
	});
});

describe('PATCH /v2/blocks/:block_id', () => {
	it('changes only the submitted fields', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const [todo] = env.sb.addBlocks(page.id, [textBlock('to_do', 'task', { text_color: 'blue' })]);
		const res = await call('PATCH', `/v2/blocks/${todo.id}`, { body: { type: 'to_do', to_do: { checked: true } } });
		expect(res.status).toBe(200);
		expect(res.json.to_do).toEqual({ ...todo.to_do, checked: true });
		expect(Date.parse(res.json.last_edited_time)).toBeGreaterThan(Date.parse(todo.last_edited_time));
		const renamed = await call('PATCH', `/v2/blocks/${todo.id}`, { body: { to_do: { rich_text: text('renamed') } } });
		expect(plain(renamed.json.to_do.rich_text)).toBe('renamed');
		expect(renamed.json.to_do.checked).toBe(true);
		expect(env.sb.getBlock(todo.id)).toEqual(renamed.json);
	});

	it('switches a file block between an external URL and an upload', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const [img] = env.sb.addBlocks(page.id, [{ type: 'image', image: { type: 'external', external: { url: 'https://example.com/a.png' } } }]);
		const res = await call('PATCH', `/v2/blocks/${img.id}`, { body: { image: { type: 'file', file: { oss_name: 'k/b.png', size: 5 } } } });
		expect(res.json.image).toEqual({ type: 'file', file: { url: expect.stringContaining('b.png'), expiry_time: expect.any(String), oss_name: 'k/b.png' }, caption: [] });
	});

	it('trashes and restores with in_trash', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const [b] = env.sb.addBlocks(page.id, [textBlock('paragraph', 'x')]);
		expect((await call('PATCH', `/v2/blocks/${b.id}`, { body: { in_trash: true } })).json.in_trash).toBe(true);
		expect(env.sb.childrenOf(page.id)).toEqual([]);
		expect((await call('PATCH', `/v2/blocks/${b.id}`, { body: { in_trash: false } })).json.in_trash).toBe(false);
		expect(texts(env.sb.childrenOf(page.id))).toEqual(['x']);
	});

	it.each([
		['another type', { type: 'heading_1', heading_1: { rich_text: [] } }, 'validation_error', 'type'],
		['content under another type key', { heading_1: { rich_text: [] } }, 'validation_error', 'heading_1'],
		['an unknown field', { color: 'red' }, 'validation_error', 'color'],
		['a bad value', { paragraph: { text_align: 'justify' } }, 'validation_error', 'paragraph.text_align'],
		['a read-only type', { type: 'synced_block' }, 'unsupported_block_type', 'type'],
	])('rejects %s', async (_name, body, code, path) => {
		const page = env.sb.addPage({ title: 'P' });
		const [b] = env.sb.addBlocks(page.id, [textBlock('paragraph', 'x')]);
		const res = await call('PATCH', `/v2/blocks/${b.id}`, { body });
		expectError(res, 400, code);
		expect(res.json.details[0].path).toBe(path);
		expect(env.sb.getBlock(b.id)).toEqual(b);
	});

	it('answers unsupported_block_type for a page id (child_page) and 404 for an unknown id', async () => {
		const page = env.sb.addPage({ title: 'P' });
		expectError(await call('PATCH', `/v2/blocks/${page.id}`, { body: { in_trash: true } }), 400, 'unsupported_block_type');
		expectError(await call('PATCH', `/v2/blocks/${MISSING_UUID}`, { body: {} }), 404, 'not_found');
	});
});

describe('DELETE /v2/blocks/:block_id', () => {
	it('moves the block to the trash and answers it', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const [b] = env.sb.addBlocks(page.id, [textBlock('paragraph', 'x')]);
		const res = await call('DELETE', `/v2/blocks/${b.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ object: 'block', id: b.id, in_trash: true, type: 'paragraph' });
		expect((await call('GET', `/v2/blocks/${b.id}`)).json.in_trash).toBe(true);
		expect(env.sb.getPage(page.id)?.last_edited_time).not.toBe(page.last_edited_time);
	});

	it('trashes a page given by its id', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const res = await call('DELETE', `/v2/blocks/${page.id}`);
		expect(res.json).toMatchObject({ type: 'child_page', in_trash: true });
		expect(env.sb.getPage(page.id)?.in_trash).toBe(true);
	});

	it('needs blocks.write', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const [b] = env.sb.addBlocks(page.id, [textBlock('paragraph', 'x')]);
		env.sb.addToken('tok_read_blocks', ['blocks.read']);
		expectError(await call('DELETE', `/v2/blocks/${b.id}`, { token: 'tok_read_blocks' }), 403, 'forbidden');
	});
});
