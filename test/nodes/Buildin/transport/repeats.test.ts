// A write is never sent twice unless repeating it is harmless: through n8n's engine against the sandbox, whose
// `afterApp` faults let a request land and then answer 502/504 or drop the connection, as a gateway that times out
// after the write does.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, failureOf, runBuildin, useSandbox } from '../../../support/workflow';

type Json = Record<string, any>;

const sandbox = useSandbox();

const plainTitle = (page: Json | undefined, key = 'title') =>
	((page?.properties?.[key]?.title ?? []) as Json[]).map((part) => part.plain_text).join('');
const MAY_HAVE_LANDED = 'the request may have been applied';

/** The ways a gateway loses the answer of a request that did land. */
const LOST_ANSWERS: Array<[string, IDataObject]> = [
	['502', { status: 502 }],
	['504', { status: 504 }],
	['a dropped connection', { drop: true }],
];

function releases() {
	return sandbox.addDatabase({
		title: 'Releases',
		parent: { type: 'workspace', workspace: true },
		properties: { Name: { type: 'title' }, Estimate: { type: 'number', number: { format: 'number' } } },
	});
}

const createRecord = (databaseId: string, name: string, options: INodeParameters = {}): INodeParameters => ({
	resource: 'database',
	operation: 'createRecord',
	databaseId: byId(databaseId),
	propertiesInput: 'json',
	propertiesJson: JSON.stringify({ Name: { title: [{ type: 'text', text: { content: name } }] } }),
	options,
});

describe('creates repeat only under the same Idempotency-Key, so one item makes one page', () => {
	test.each(LOST_ANSWERS)('Database → Create Record after %s twice: one record, the item succeeds', async (_label, fault) => {
		const database = releases();
		sandbox.injectFault({ method: 'POST', path: '/v2/pages', afterApp: true, retryAfter: 0, times: 2, ...fault });

		const { output, error } = await runBuildin(sandbox, { parameters: createRecord(database.id, 'Ship v3') });

		expect(error).toBeUndefined();
		const posts = sandbox.requests.filter((request) => request.method === 'POST');
		expect(posts).toHaveLength(3);
		const keys = posts.map((request) => request.headers['idempotency-key']);
		expect(new Set(keys).size).toBe(1);
		expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
		const records = sandbox.recordsOf(database.id);
		expect(records).toHaveLength(1);
		expect(output[0].json.id).toBe(records[0].id);
	});

	test('Page → Create after a 502 that followed the write: one page under the parent', async () => {
		const parent = sandbox.addPage({ title: 'Projects' });
		sandbox.injectFault({ method: 'POST', path: '/v2/pages', afterApp: true, status: 502, retryAfter: 0 });

		const { output, error } = await runBuildin(sandbox, {
			parameters: { resource: 'page', operation: 'create', parent: 'page', parentPageId: byId(parent.id), title: 'Once' },
		});

		expect(error).toBeUndefined();
		const children = sandbox.childrenOf(parent.id);
		expect(children).toHaveLength(1);
		expect(children[0].id).toBe(output[0].json.id);
	});

	test('keys a header cannot carry reach Buildin distinct: 张三-2026 and 李四-2026 create two records, as do 项目计划 and 会议记录', async () => {
		const database = releases();

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: createRecord(database.id, 'Same body', { idempotencyKey: '={{ $json.key }}' }) },
			{
				items: [
					{ key: '张三-2026' },
					{ key: '李四-2026' },
					{ key: '项目计划' },
					{ key: '会议记录' },
				],
			},
		);

		expect(error).toBeUndefined();
		const posts = sandbox.requests.filter((request) => request.method === 'POST');
		// Items run five at a time, so their requests may arrive in any order.
		expect(posts.map((request) => request.headers['idempotency-key']).sort()).toEqual(
			['%E5%BC%A0%E4%B8%89-2026', '%E6%9D%8E%E5%9B%9B-2026', '%E9%A1%B9%E7%9B%AE%E8%AE%A1%E5%88%92', '%E4%BC%9A%E8%AE%AE%E8%AE%B0%E5%BD%95'].sort(),
		);
		expect(new Set(output.map((item) => item.json.id)).size).toBe(4);
		expect(sandbox.recordsOf(database.id)).toHaveLength(4);
	});

	test('the same key on a second run returns the first record instead of creating another', async () => {
		const database = releases();
		const parameters = createRecord(database.id, 'Ship v3', { idempotencyKey: 'release-v3' });

		const first = await runBuildin(sandbox, { parameters });
		const second = await runBuildin(sandbox, { parameters });

		expect(second.output[0].json.id).toBe(first.output[0].json.id);
		expect(sandbox.recordsOf(database.id)).toHaveLength(1);
	});

	test.each(LOST_ANSWERS)('Database → Create after %s: sent once (no key makes it safe), the error says it may exist', async (_label, fault) => {
		const parent = sandbox.addPage({ title: 'Projects' });
		sandbox.injectFault({ method: 'POST', path: '/v2/databases', afterApp: true, retryAfter: 0, times: 5, ...fault });

		const { error } = await runBuildin(sandbox, {
			parameters: {
				resource: 'database',
				operation: 'create',
				parentPageId: byId(parent.id),
				title: 'Tasks',
				propertiesInput: 'json',
				propertiesJson: '{"Name": {"type": "title"}}',
			},
		});

		expect(sandbox.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(error?.message).toContain(MAY_HAVE_LANDED);
		expect(error?.description).toContain('Read the database before running this item again');
	});
});

describe('appends are never repeated', () => {
	test.each(LOST_ANSWERS)('Block → Append Children after %s: the text lands once, the error says it may have', async (_label, fault) => {
		const page = sandbox.addPage({ title: 'Notes' });
		sandbox.injectFault({ method: 'PATCH', afterApp: true, retryAfter: 0, times: 5, ...fault });

		const { error } = await runBuildin(sandbox, {
			parameters: { resource: 'block', operation: 'appendChildren', blockId: byId(page.id), text: 'one\ntwo\nthree' },
		});

		expect(sandbox.requests).toHaveLength(1);
		const texts = sandbox.childrenOf(page.id).map((block: Json) => block.paragraph.rich_text[0].plain_text);
		expect(texts).toEqual(['one', 'two', 'three']);
		expect(error).toMatchObject({ name: 'NodeApiError', context: expect.objectContaining({ mayHaveLanded: true }) });
		expect(error?.message).toContain(MAY_HAVE_LANDED);
	});

	test('a 429 is Buildin refusing the append: it is retried, and the text lands once', async () => {
		const page = sandbox.addPage({ title: 'Notes' });
		sandbox.injectFault({ method: 'PATCH', status: 429, retryAfter: 0 });

		const { error } = await runBuildin(sandbox, {
			parameters: { resource: 'block', operation: 'appendChildren', blockId: byId(page.id), text: 'one\ntwo' },
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.status)).toEqual([429, 200]);
		expect(sandbox.childrenOf(page.id)).toHaveLength(2);
	});
});

describe('updates', () => {
	test.each(LOST_ANSWERS)('with If-Match, after %s: sent once, no false 409, the error says it may have been applied', async (_label, fault) => {
		const page = sandbox.addPage({ title: 'Before' });
		sandbox.injectFault({ method: 'PATCH', afterApp: true, retryAfter: 0, times: 5, ...fault });

		const { error } = await runBuildin(sandbox, {
			parameters: {
				resource: 'page',
				operation: 'update',
				pageId: byId(page.id),
				title: 'After',
				ifMatch: `W/"${page.last_edited_time}"`,
			},
		});

		expect(sandbox.requests).toHaveLength(1);
		expect(plainTitle(sandbox.getPage(page.id))).toBe('After');
		expect(error?.message).not.toContain('409');
		expect(error?.message).toContain(MAY_HAVE_LANDED);
		expect(error?.description).toContain('Read the page before running this item again');
	});

	test.each(LOST_ANSWERS)('without If-Match, after %s: repeated (setting a value twice is harmless) and succeeds', async (_label, fault) => {
		const page = sandbox.addPage({ title: 'Before' });
		sandbox.injectFault({ method: 'PATCH', afterApp: true, retryAfter: 0, ...fault });

		const { output, error } = await runBuildin(sandbox, {
			parameters: { resource: 'page', operation: 'update', pageId: byId(page.id), title: 'After' },
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(2);
		expect(output[0].json.title).toBe('After');
		expect(plainTitle(sandbox.getPage(page.id))).toBe('After');
	});

	test('an If-Match a header cannot carry is refused before anything is sent', async () => {
		const page = sandbox.addPage({ title: 'Before' });

		const { output } = await runBuildin(
			sandbox,
			{
				parameters: { resource: 'page', operation: 'update', pageId: byId(page.id), title: 'After', ifMatch: '={{ $json.etag }}' },
				settings: { continueOnFail: true },
			},
			{ items: [{ etag: 'W/"2026-04-09T09:30:00.000Z"\nX-Other: 1' }, { etag: 'W/"版本"' }] },
		);

		expect(sandbox.requests).toHaveLength(0);
		expect(output.map((item) => failureOf(item).message)).toEqual([
			expect.stringMatching(/^If-Match in item 0: .* holds characters an HTTP header cannot carry$/),
			expect.stringMatching(/^If-Match in item 1: .* holds characters an HTTP header cannot carry$/),
		]);
	});
});

describe('reads', () => {
	test('a read is repeated after a 502 or a dropped connection, and succeeds', async () => {
		const page = sandbox.addPage({ title: 'Read me' });
		sandbox.injectFault({ method: 'GET', status: 502, retryAfter: 0 });
		sandbox.injectFault({ method: 'GET', drop: true });

		const { output, error } = await runBuildin(sandbox, { parameters: { resource: 'page', operation: 'get', pageId: byId(page.id) } });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.fault ?? request.status)).toEqual(['status:502', 'drop', 200]);
		expect(output[0].json.id).toBe(page.id);
	});

	test('a query (a POST that only reads) is repeated after a 504', async () => {
		const database = releases();
		sandbox.injectFault({ method: 'POST', status: 504, retryAfter: 0 });

		const { error } = await runBuildin(sandbox, {
			parameters: { resource: 'database', operation: 'query', databaseId: byId(database.id), returnAll: true },
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.status)).toEqual([504, 200]);
	});
});
