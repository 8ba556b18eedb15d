import { expectError, MISSING_UUID, plain, text, textBlock, useSandbox, type Json } from './helpers';

const env = useSandbox();
const { call } = env;

const titleProps = (title: string) => ({ title: { title: text(title) } });

function releases() {
	return env.sb.addDatabase({
		title: 'Releases',
		properties: {
			Name: 'title',
			Status: { type: 'select', select: { options: [{ name: 'Todo', color: 'gray' }] } },
			Estimate: { type: 'number', number: { format: 'number' } },
			Owner: 'people',
			Notes: 'rich_text',
		},
	});
}

describe('POST /v2/pages', () => {
	it('creates a page at the workspace root when parent is absent', async () => {
		const me = await call('GET', '/v2/users/me');
		const res = await call('POST', '/v2/pages', { body: { properties: titleProps('New'), icon: { type: 'emoji', emoji: '📝' } } });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			object: 'page', page_type: 'page', parent: { type: 'workspace', workspace: true }, in_trash: false,
			icon: { type: 'emoji', emoji: '📝' }, cover: null, created_by: { object: 'user', id: me.json.id },
		});
		expect(res.json.url).toBe(`https://buildin.ai/docs/${res.json.id}`);
		expect(plain(res.json.properties.title.title)).toBe('New');
		expect(env.sb.getPage(res.json.id)).toEqual(res.json);
	});

	it('creates a sub-page under a page and lists it as a child_page block', async () => {
		const parent = env.sb.addPage({ title: 'Parent' });
		const res = await call('POST', '/v2/pages', { body: { parent: { page_id: parent.id }, properties: titleProps('Child') } });
		expect(res.json.parent).toEqual({ type: 'page_id', page_id: parent.id });
		expect(env.sb.childrenOf(parent.id).map((b) => [b.id, b.type, b.child_page?.title])).toEqual([[res.json.id, 'child_page', 'Child']]);
	});

	it('creates a database record with the database schema', async () => {
		const db = releases();
		const res = await call('POST', '/v2/pages', {
			body: { parent: { database_id: db.id }, properties: { Name: { title: text('v2') }, Status: { select: { name: 'Todo' } } } },
		});
		expect(res.status).toBe(200);
		expect(res.json.parent).toEqual({ type: 'database_id', database_id: db.id });
		expect(Object.keys(res.json.properties)).toEqual(['Name', 'Status', 'Estimate', 'Owner', 'Notes']);
		expect(res.json.properties.Status.select).toEqual(db.properties.Status.select.options[0]);
		expect(res.json.properties.Estimate).toEqual({ id: db.properties.Estimate.id, type: 'number', number: null });
	});

	it('rejects a property the database does not have, and title on a record', async () => {
		const db = releases();
		const res = await call('POST', '/v2/pages', { body: { parent: { database_id: db.id }, properties: { Missing: { number: 1 }, title: { title: [] } } } });
		expectError(res, 400, 'validation_error');
		expect(res.json.details).toEqual([
			{ path: 'properties.Missing', reason: 'unknown_property' },
			{ path: 'properties.title', reason: 'unknown_property' },
		]);
	});

	it('rejects other properties than title on a plain page', async () => {
		const res = await call('POST', '/v2/pages', { body: { properties: { Name: { title: text('x') } } } });
		expectError(res, 400, 'validation_error');
		expect(res.json.details).toEqual([{ path: 'properties.Name', reason: 'unknown_property' }]);
	});

	it.each([
		['both ids', { page_id: MISSING_UUID, database_id: MISSING_UUID }, { path: 'parent', reason: 'exclusive_fields' }],
		['no id', { type: 'page_id' }, { path: 'parent', reason: 'required' }],
		['a bad uuid', { page_id: 'abc' }, { path: 'parent.page_id', reason: 'invalid_uuid' }],
		['a string', 'root', { path: 'parent', reason: 'invalid_type' }],
	])('rejects a parent with %s', async (_name, parent, detail) => {
		const res = await call('POST', '/v2/pages', { body: { parent } });
		expectError(res, 400, 'validation_error');
		expect(res.json.details[0]).toMatchObject(detail);
	});

	it('answers 404 for a missing parent and 403 for one not shared', async () => {
		expectError(await call('POST', '/v2/pages', { body: { parent: { page_id: MISSING_UUID } } }), 404, 'not_found');
		expectError(await call('POST', '/v2/pages', { body: { parent: { database_id: MISSING_UUID } } }), 404, 'not_found');
		const hidden = env.sb.addPage({ title: 'Hidden' });
		env.sb.addToken('tok_narrow', ['pages.write', 'pages.read'], { sharedPages: [] });
		expectError(await call('POST', '/v2/pages', { token: 'tok_narrow', body: { parent: { page_id: hidden.id } } }), 403, 'forbidden');
	});

	it('refuses a parent in the trash', async () => {
		const parent = env.sb.addPage({ title: 'Old', inTrash: true });
		const res = await call('POST', '/v2/pages', { body: { parent: { page_id: parent.id } } });
		expectError(res, 400, 'validation_error');
		expect(res.json.details).toEqual([{ path: 'parent.page_id', reason: 'in_trash' }]);
		expect(env.sb.childrenOf(parent.id)).toEqual([]);
	});

	it('shares a page it creates at the root with a token that has a list of shared pages', async () => {
		env.sb.addToken('tok_list', ['pages.write', 'pages.read'], { sharedPages: [] });
		const res = await call('POST', '/v2/pages', { token: 'tok_list', body: {} });
		expect(res.status).toBe(200);
		expect((await call('GET', `/v2/pages/${res.json.id}`, { token: 'tok_list' })).status).toBe(200);
	});

	it('creates children blocks, nested ones included', async () => {
		const res = await call('POST', '/v2/pages', {
			body: {
				properties: titleProps('With content'),
				children: [textBlock('heading_1', 'Hello'), { ...textBlock('bulleted_list_item', 'a'), children: [textBlock('paragraph', 'deep')] }],
			},
		});
		expect(res.status).toBe(200);
		const kids = env.sb.childrenOf(res.json.id);
		expect(kids.map((b) => [b.type, plain(b[b.type].rich_text), b.has_children])).toEqual([['heading_1', 'Hello', false], ['bulleted_list_item', 'a', true]]);
		expect(env.sb.childrenOf(kids[1].id).map((b) => plain(b.paragraph.rich_text))).toEqual(['deep']);
	});

	it('rejects more than 100 top-level children with the documented details, and accepts 100', async () => {
		const many = (n: number) => Array.from({ length: n }, () => ({ type: 'divider', divider: {} }));
		const res = await call('POST', '/v2/pages', { body: { children: many(101) } });
		expectError(res, 400, 'validation_error');
		expect(res.json.details).toEqual([{ path: 'children', reason: 'too_many_items', limit: 100, actual: 101 }]);
		expect((await call('POST', '/v2/pages', { body: { children: many(100) } })).status).toBe(200);
	});

	it('answers unsupported_block_type for a read-only block type in children', async () => {
		const res = await call('POST', '/v2/pages', { body: { children: [{ type: 'child_page', child_page: { title: 'x' } }] } });
		expectError(res, 400, 'unsupported_block_type');
		expect(res.json.details[0]).toMatchObject({ path: 'children[0].type', reason: 'unsupported_block_type', type: 'child_page' });
	});

	it('rejects unknown top-level fields and a non-object body', async () => {
		const res = await call('POST', '/v2/pages', { body: { archived: false } });
		expectError(res, 400, 'validation_error');
		expect(res.json.details).toEqual([{ path: 'archived', reason: 'unknown_field' }]);
		expectError(await call('POST', '/v2/pages', { body: '[]' }), 400, 'validation_error');
	});

	it('needs pages.write', async () => {
		env.sb.addToken('tok_ro', ['pages.read']);
		expectError(await call('POST', '/v2/pages', { token: 'tok_ro', body: {} }), 403, 'forbidden');
	});

	describe('Idempotency-Key', () => {
		it('answers the same page again for the same key and body', async () => {
			const body = { properties: titleProps('Once'), children: [textBlock('paragraph', 'p')] };
			const first = await call('POST', '/v2/pages', { body, headers: { 'Idempotency-Key': 'key-1' } });
			// Same body, keys in another order: still the same request.
			const second = await call('POST', '/v2/pages', { body: { children: body.children, properties: body.properties }, headers: { 'Idempotency-Key': 'key-1' } });
			expect(second.status).toBe(200);
			expect(second.json.id).toBe(first.json.id);
			expect(env.sb.childrenOf(first.json.id)).toHaveLength(1);
			const other = await call('POST', '/v2/pages', { body, headers: { 'Idempotency-Key': 'key-2' } });
			expect(other.json.id).not.toBe(first.json.id);
			const none = await call('POST', '/v2/pages', { body });
			expect(none.json.id).not.toBe(first.json.id);
		});

		it('answers 409 idempotency_conflict for the same key with a different body', async () => {
			await call('POST', '/v2/pages', { body: { properties: titleProps('A') }, headers: { 'Idempotency-Key': 'key-3' } });
			const res = await call('POST', '/v2/pages', { body: { properties: titleProps('B') }, headers: { 'Idempotency-Key': 'key-3' } });
			expectError(res, 409, 'idempotency_conflict');
		});

		it('does not remember a key whose request failed', async () => {
			const bad = await call('POST', '/v2/pages', { body: { properties: { Nope: {} } }, headers: { 'Idempotency-Key': 'key-4' } });
			expect(bad.status).toBe(400);
			const good = await call('POST', '/v2/pages', { body: { properties: titleProps('ok') }, headers: { 'Idempotency-Key': 'key-4' } });
			expect(good.status).toBe(200);
		});
	});
});

describe('DELETE /v2/pages/:page_id', () => {
	it('moves the page to the trash and answers it', async () => {
		const page = env.sb.addPage({ title: 'Old' });
		const res = await call('DELETE', `/v2/pages/${page.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ object: 'page', id: page.id, in_trash: true });
		expect(Date.parse(res.json.last_edited_time)).toBeGreaterThan(Date.parse(page.last_edited_time));
		expect(env.sb.getPage(page.id)?.in_trash).toBe(true);
		expect((await call('PATCH', `/v2/pages/${page.id}`, { body: { in_trash: false } })).json.in_trash).toBe(false);
	});

	it('answers 404 for an unknown page and 403 without pages.write', async () => {
		expectError(await call('DELETE', `/v2/pages/${MISSING_UUID}`), 404, 'not_found');
		env.sb.addToken('tok_read_only', ['pages.read']);
		const page = env.sb.addPage({ title: 'Keep' });
		expectError(await call('DELETE', `/v2/pages/${page.id}`, { token: 'tok_read_only' }), 403, 'forbidden');
		expect(env.sb.getPage(page.id)?.in_trash).toBe(false);
	});
});

describe('GET /v2/pages/:page_id/properties/:property_id', () => {
	function record() {
		const db = releases();
		const people = Array.from({ length: 25 }, (_, i) => ({ object: 'user', id: `44444444-4444-4444-8444-4444444444${String(i).padStart(2, '0')}` }));
		const page = env.sb.addPage({
			parent: { type: 'database_id', database_id: db.id },
			properties: { Name: { title: [...text('Ship '), ...text('it')] }, Estimate: { number: 5 }, Owner: { people } },
		});
		return { db, page, people };
	}

	it('pages through a title by property id', async () => {
		const { page } = record();
		const res = await call('GET', `/v2/pages/${page.id}/properties/title`);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			object: 'list', type: 'property_item', property_item: { id: 'title', type: 'title', title: {} }, next_cursor: null, has_more: false,
		});
		expect(res.json.results).toEqual(page.properties.Name.title.map((t: Json) => ({ object: 'property_item', id: 'title', type: 'title', title: t })));
	});

	it('pages people 20 at a time by default, and by page_size', async () => {
		const { page, people, db } = record();
		const first = await call('GET', `/v2/pages/${page.id}/properties/Owner`);
		expect(first.json.results).toHaveLength(20);
		expect(first.json.has_more).toBe(true);
		const rest = await call('GET', `/v2/pages/${page.id}/properties/${db.properties.Owner.id}?start_cursor=${first.json.next_cursor}`);
		expect(rest.json.results.map((r: Json) => r.people)).toEqual(people.slice(20));
		expect(rest.json).toMatchObject({ has_more: false, next_cursor: null });
		const small = await call('GET', `/v2/pages/${page.id}/properties/Owner?page_size=3`);
		expect(small.json.results.map((r: Json) => r.people.id)).toEqual(people.slice(0, 3).map((p) => p.id));
	});

	it('answers a single item for other types, found by URL-encoded name', async () => {
		const db = env.sb.addDatabase({ properties: { Name: 'title', 'Story points': 'number' } });
		const page = env.sb.addPage({ parent: { type: 'database_id', database_id: db.id }, properties: { 'Story points': { number: 8 } } });
		const res = await call('GET', `/v2/pages/${page.id}/properties/${encodeURIComponent('Story points')}`);
		expect(res.json).toEqual({ object: 'property_item', id: db.properties['Story points'].id, type: 'number', number: 8 });
	});

	it('answers 404 for an unknown property and 400 for bad pagination', async () => {
		const { page } = record();
		expectError(await call('GET', `/v2/pages/${page.id}/properties/Nope`), 404, 'not_found');
		const big = await call('GET', `/v2/pages/${page.id}/properties/Owner?page_size=101`);
		expectError(big, 400, 'validation_error');
		expect(big.json.details).toEqual([{ path: 'page_size', reason: 'too_large', limit: 100, actual: 101 }]);
		const cursor = await call('GET', `/v2/pages/${page.id}/properties/Owner?start_cursor=nope!`);
		expect(cursor.json.details).toEqual([{ path: 'start_cursor', reason: 'invalid_cursor' }]);
	});
});

describe('Markdown', () => {
	it('renders the page blocks as Markdown with updated_time', async () => {
		const page = env.sb.addPage({ title: 'Doc' });
		env.sb.addBlocks(page.id, [
			textBlock('heading_1', 'Title'),
			{ type: 'paragraph', paragraph: { rich_text: [...text('plain '), { type: 'text', text: { content: 'bold' }, annotations: { bold: true } }, { type: 'text', text: { content: 'link', link: { url: 'https://e.com' } } }] } },
			{ ...textBlock('bulleted_list_item', 'one'), children: [textBlock('bulleted_list_item', 'inner')] },
			textBlock('bulleted_list_item', 'two'),
			textBlock('numbered_list_item', 'first'),
			textBlock('numbered_list_item', 'second'),
			textBlock('to_do', 'open'),
			textBlock('to_do', 'closed', { checked: true }),
			textBlock('quote', 'said'),
			{ type: 'code', code: { rich_text: text('let a = 1;'), language: 'javascript' } },
			{ type: 'divider', divider: {} },
			textBlock('toggle', 'hidden'),
			textBlock('heading_3', 'End'),
		]);
		const res = await call('GET', `/v2/pages/${page.id}/content/markdown`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			object: 'markdown', page_id: page.id, updated_time: page.last_edited_time,
			markdown: [
				'# Title', '', 'plain **bold**[link](https://e.com)', '', '- one', '  - inner', '- two', '', '1. first', '2. second', '',
				'- [ ] open', '- [x] closed', '', '> said', '', '```javascript', 'let a = 1;', '```', '', '---', '',
				'<!-- unsupported: toggle -->', '', '### End',
			].join('\n'),
		});
	});

	it('needs pages.read and blocks.read', async () => {
		const page = env.sb.addPage({ title: 'Doc' });
		env.sb.addToken('tok_pages_only', ['pages.read', 'pages.write']);
		const res = await call('GET', `/v2/pages/${page.id}/content/markdown`, { token: 'tok_pages_only' });
		expectError(res, 403, 'forbidden');
		expect(res.json.message).toContain('blocks.read');
		expectError(await call('PUT', `/v2/pages/${page.id}/content/markdown`, { token: 'tok_pages_only', body: { markdown: '' } }), 403, 'forbidden');
	});

	it('replaces all blocks from Markdown and reads back the same Markdown', async () => {
		const page = env.sb.addPage({ title: 'Doc' });
		const [old] = env.sb.addBlocks(page.id, [textBlock('paragraph', 'old')]);
		const markdown = [
			'## Plan', '', 'Some *italic* and `code`', 'on two lines', '', '- a', '  - [x] done', '- b', '', '1. one', '2. two', '',
			'> q1', '> q2', '', '```', 'raw **not bold**', '', 'after blank', '```', '', '---',
		].join('\n');
		const put = await call('PUT', `/v2/pages/${page.id}/content/markdown`, { body: { markdown } });
		expect(put.status).toBe(200);
		expect(put.json).toEqual({ object: 'page', id: page.id, updated_time: env.sb.getPage(page.id)?.last_edited_time });
		expect(Date.parse(put.json.updated_time)).toBeGreaterThan(Date.parse(page.last_edited_time));
		expect(env.sb.getBlock(old.id)?.in_trash).toBe(true);
		const types = env.sb.childrenOf(page.id).map((b) => b.type);
		expect(types).toEqual(['heading_2', 'paragraph', 'bulleted_list_item', 'bulleted_list_item', 'numbered_list_item', 'numbered_list_item', 'quote', 'code', 'divider']);
		const paragraph = env.sb.childrenOf(page.id)[1].paragraph.rich_text;
		expect(paragraph.map((t: Json) => [t.plain_text, t.annotations.italic, t.annotations.code])).toEqual([
			['Some ', false, false], ['italic', true, false], [' and ', false, false], ['code', false, true], ['\non two lines', false, false],
		]);
		const nested = env.sb.childrenOf(env.sb.childrenOf(page.id)[2].id);
		expect(nested.map((b) => [b.type, b.to_do.checked])).toEqual([['to_do', true]]);
		expect(env.sb.childrenOf(page.id)[7].code).toMatchObject({ language: 'plain text' });
		const got = await call('GET', `/v2/pages/${page.id}/content/markdown`);
		expect(got.json.markdown).toBe(markdown);
		expect(env.sb.getPage(page.id)?.properties).toEqual(page.properties);
	});

	it('keeps sub-pages when replacing content', async () => {
		const page = env.sb.addPage({ title: 'Doc' });
		const sub = env.sb.addPage({ title: 'Sub', parent: { type: 'page_id', page_id: page.id } });
		await call('PUT', `/v2/pages/${page.id}/content/markdown`, { body: { markdown: 'text' } });
		expect(env.sb.childrenOf(page.id).map((b) => b.id)).toEqual([sub.id, expect.any(String)]);
	});

	it('splits long text into rich text items of at most 2000 characters', async () => {
		const page = env.sb.addPage({ title: 'Doc' });
		await call('PUT', `/v2/pages/${page.id}/content/markdown`, { body: { markdown: 'x'.repeat(4500) } });
		const items = env.sb.childrenOf(page.id)[0].paragraph.rich_text;
		expect(items.map((t: Json) => t.plain_text.length)).toEqual([2000, 2000, 500]);
	});

	it('rejects a body without a markdown string', async () => {
		const page = env.sb.addPage({ title: 'Doc' });
		const res = await call('PUT', `/v2/pages/${page.id}/content/markdown`, { body: { content: '# x' } });
		expectError(res, 400, 'validation_error');
		expect(res.json.details).toEqual([{ path: 'content', reason: 'unknown_field' }, { path: 'markdown', reason: 'required', expected: 'string' }]);
	});
});
