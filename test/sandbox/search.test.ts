import { expectError, textBlock, useSandbox, type Json } from './helpers';

const env = useSandbox();
const { call } = env;

const ids = (res: { json: Json }) => res.json.results.map((r: Json) => r.id);
let n = 0;
/** Distinct, increasing timestamps so the default sort (last edited, newest first) is predictable. */
const at = () => new Date(Date.UTC(2026, 0, 1, 0, 0, (n += 1))).toISOString();

describe('POST /v2/search', () => {
	let alpha: Json, beta: Json, folder: Json, db: Json, trashed: Json, underTrash: Json, record: Json;

	beforeAll(() => {
		const t1 = at();
		alpha = env.sb.addPage({ title: 'Alpha release notes', createdTime: t1, lastEditedTime: at() });
		beta = env.sb.addPage({ title: 'Beta plan', createdTime: at() });
		folder = env.sb.addPage({ title: 'Release folder', pageType: 'folder', createdTime: at() });
		db = env.sb.addDatabase({ title: 'Releases', properties: { Name: 'title' }, createdTime: at() });
		record = env.sb.addPage({ parent: { type: 'database_id', database_id: db.id }, title: 'v1 release', createdTime: at() });
		trashed = env.sb.addPage({ title: 'Old release', inTrash: true, createdTime: at() });
		underTrash = env.sb.addPage({ title: 'Release inside trash', parent: { type: 'page_id', page_id: trashed.id }, createdTime: at() });
	});

	it('finds titles by case-insensitive substring, newest edit first, pages and databases alike', async () => {
		const res = await call('POST', '/v2/search', { body: { query: 'RELEASE' } });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ object: 'list', next_cursor: null, has_more: false });
		expect(ids(res)).toEqual([record.id, db.id, folder.id, alpha.id]);
		expect(res.json.results[1]).toMatchObject({ object: 'database', url: `https://buildin.ai/database/${db.id}` });
		expect(ids(res)).not.toContain(underTrash.id);
	});

	it('returns everything visible without a query, and sorts by created_time ascending when asked', async () => {
		const res = await call('POST', '/v2/search', { body: { sort: { timestamp: 'created_time', direction: 'ascending' } } });
		expect(ids(res)).toEqual([alpha.id, beta.id, folder.id, db.id, record.id]);
		// Also without any body.
		expect(ids(await call('POST', '/v2/search'))).toHaveLength(5);
	});

	it.each([
		['page', () => [record.id, beta.id, alpha.id]],
		['database', () => [db.id]],
		['folder', () => [folder.id]],
		['mind_map', () => []],
	])('filters by object %s', async (value, expected) => {
		const res = await call('POST', '/v2/search', { body: { filter: { property: 'object', value } } });
		expect(ids(res)).toEqual(expected());
	});

	it('pages with page_size and an opaque cursor', async () => {
		const first = await call('POST', '/v2/search', { body: { page_size: 2 } });
		expect(first.json.results).toHaveLength(2);
		expect(first.json.has_more).toBe(true);
		expect(typeof first.json.next_cursor).toBe('string');
		const second = await call('POST', '/v2/search', { body: { page_size: 2, start_cursor: first.json.next_cursor } });
		const third = await call('POST', '/v2/search', { body: { page_size: 2, start_cursor: second.json.next_cursor } });
		expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(ids(await call('POST', '/v2/search', {})));
		expect(third.json).toMatchObject({ has_more: false, next_cursor: null });
	});

	it('only answers what is shared with the token', async () => {
		env.sb.addToken('tok_beta', ['search.read'], { sharedPages: [beta.id, db.id] });
		expect(ids(await call('POST', '/v2/search', { token: 'tok_beta', body: {} }))).toEqual([record.id, db.id, beta.id]);
	});

	it.each([
		[{ query: 3 }, 'query'],
		[{ filter: { property: 'object', value: 'block' } }, 'filter.value'],
		[{ filter: { property: 'title', value: 'page' } }, 'filter.property'],
		[{ sort: { timestamp: 'title', direction: 'ascending' } }, 'sort.timestamp'],
		[{ sort: { timestamp: 'created_time', direction: 'up' } }, 'sort.direction'],
		[{ page_size: 0 }, 'page_size'],
		[{ page_size: 101 }, 'page_size'],
		[{ start_cursor: 'garbage' }, 'start_cursor'],
		[{ limit: 5 }, 'limit'],
	])('answers 400 validation_error for %j', async (body, path) => {
		const res = await call('POST', '/v2/search', { body });
		expectError(res, 400, 'validation_error');
		expect(res.json.details.map((d: Json) => d.path)).toContain(path);
	});

	it('needs search.read', async () => {
		env.sb.addToken('tok_no_search', ['pages.read']);
		expectError(await call('POST', '/v2/search', { token: 'tok_no_search', body: {} }), 403, 'forbidden');
		expectError(await call('POST', '/v2/search/semantic', { token: 'tok_no_search', body: { query: 'x' } }), 403, 'forbidden');
	});
});

describe('POST /v2/search/semantic', () => {
	let page: Json, blockIds: string[];

	beforeAll(() => {
		page = env.sb.addPage({ title: 'Launch checklist' });
		blockIds = env.sb.addBlocks(page.id, [
			textBlock('paragraph', 'The launch is planned for Friday morning'),
			textBlock('paragraph', 'Friday is also pizza day'),
			textBlock('heading_2', 'Nothing related'),
		]).map((b) => b.id);
	});

	it('scores block texts and titles by word overlap, best first', async () => {
		const res = await call('POST', '/v2/search/semantic', { body: { query: 'When is the launch on Friday?' } });
		expect(res.status).toBe(200);
		expect(res.json.results).toEqual([
			{ object: 'semantic_search_result', page_id: page.id, block_id: blockIds[0], score: 0.6667, text: 'The launch is planned for Friday morning' },
			{ object: 'semantic_search_result', page_id: page.id, block_id: blockIds[1], score: 0.3333, text: 'Friday is also pizza day' },
			{ object: 'semantic_search_result', page_id: page.id, block_id: page.id, score: 0.1667, text: 'Launch checklist' },
		]);
	});

	it('applies score_threshold and pages 10 by default', async () => {
		const high = await call('POST', '/v2/search/semantic', { body: { query: 'When is the launch on Friday?', score_threshold: 0.5 } });
		expect(high.json.results.map((r: Json) => r.block_id)).toEqual([blockIds[0]]);
		const many = env.sb.addPage({ title: 'Many' });
		env.sb.addBlocks(many.id, Array.from({ length: 12 }, (_, i) => textBlock('paragraph', `zebra ${i}`)));
		const first = await call('POST', '/v2/search/semantic', { body: { query: 'zebra' } });
		expect(first.json.results).toHaveLength(10);
		expect(first.json.has_more).toBe(true);
		const rest = await call('POST', '/v2/search/semantic', { body: { query: 'zebra', start_cursor: first.json.next_cursor } });
		expect(rest.json.results.map((r: Json) => r.text)).toEqual(['zebra 10', 'zebra 11']);
	});

	it.each([
		[{}, 'required'],
		[{ query: '  ' }, 'empty'],
		[{ query: 1 }, 'invalid_type'],
	])('answers 400 when the query is missing or blank: %j', async (body, reason) => {
		const res = await call('POST', '/v2/search/semantic', { body });
		expectError(res, 400, 'validation_error');
		expect(res.json.details).toEqual([{ path: 'query', reason }]);
	});

	it('leaves out trashed blocks', async () => {
		const p = env.sb.addPage({ title: 'Gone' });
		const [b] = env.sb.addBlocks(p.id, [textBlock('paragraph', 'walrus')]);
		expect((await call('POST', '/v2/search/semantic', { body: { query: 'walrus' } })).json.results).toHaveLength(1);
		await call('DELETE', `/v2/blocks/${b.id}`);
		expect((await call('POST', '/v2/search/semantic', { body: { query: 'walrus' } })).json.results).toHaveLength(0);
	});
});
