// Page → Create through n8n's engine against the local Buildin sandbox: where the page goes, what is sent, content
// as Markdown or blocks (batched beyond 100), the Idempotency-Key, and what is refused before anything is sent.
import type { INodeParameters } from 'n8n-workflow';

import { byId, runBuildin, useSandbox } from '../../../../support/workflow';

type Json = Record<string, any>;

const sandbox = useSandbox();

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const text = (content: string) => [{ type: 'text', text: { content } }];
const paragraph = (content: string) => ({ type: 'paragraph', paragraph: { rich_text: text(content) } });
const plain = (richText: Json[] | undefined) => (richText ?? []).map((item) => item.plain_text).join('');
/** The plain text of a page's top-level blocks, in order, as the sandbox holds them. */
const contentOf = (pageId: string) => sandbox.childrenOf(pageId).map((block: Json) => plain(block[block.type]?.rich_text));
const header = (index: number, name: string) => sandbox.requests[index].headers[name];

function create(parameters: INodeParameters): INodeParameters {
	// Simplify is on by default; these tests read the created page as Buildin returns it.
	return { resource: 'page', operation: 'create', simplify: false, ...parameters };
}
const underPage = (pageId: string, parameters: INodeParameters = {}) =>
	create({ parent: 'page', parentPageId: byId(pageId), ...parameters });
const atRoot = (parameters: INodeParameters = {}) => create({ parent: 'workspace', ...parameters });
const blocksJson = (count: number, prefix = 'Block') =>
	JSON.stringify(Array.from({ length: count }, (_, index) => paragraph(`${prefix} ${index + 1}`)));

describe('where the page goes', () => {
	test('under a page: parent page_id, title, icon and cover; output = the created page plus etag', async () => {
		const parent = sandbox.addPage({ title: 'Projects' });

		const { output, error } = await runBuildin(sandbox, {
			parameters: underPage(parent.id, {
				title: 'Release Checklist',
				icon: 'emoji',
				iconEmoji: '🚀',
				cover: 'external',
				coverUrl: 'https://example.com/cover.png',
			}),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /v2/pages 200']);
		expect(sandbox.requests[0].body).toEqual({
			parent: { page_id: parent.id },
			properties: { title: { type: 'title', title: text('Release Checklist') } },
			icon: { type: 'emoji', emoji: '🚀' },
			cover: { type: 'external', external: { url: 'https://example.com/cover.png' } },
		});
		const created = sandbox.getPage(String(output[0].json.id));
		expect(created).toMatchObject({
			parent: { type: 'page_id', page_id: parent.id },
			icon: { type: 'emoji', emoji: '🚀' },
			in_trash: false,
		});
		expect(plain(created?.properties.title.title)).toBe('Release Checklist');
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({ ...created, etag: `W/"${created?.last_edited_time}"` });
		expect(output[0].pairedItem).toEqual({ item: 0 });
		// A page created under a page is one of its children.
		expect(sandbox.childrenOf(parent.id).map((block: Json) => block.id)).toContain(created?.id);
	});

	test('the parent page given by URL is sent as its dashed id', async () => {
		const parent = sandbox.addPage({ title: 'Projects' });

		const { error } = await runBuildin(sandbox, {
			parameters: create({
				parent: 'page',
				parentPageId: { __rl: true, mode: 'url', value: `https://buildin.ai/docs/Projects-${parent.id.replace(/-/g, '')}?from=share` },
				title: 'From a link',
			}),
		});

		expect(error).toBeUndefined();
		expect((sandbox.requests[0].body as Json).parent).toEqual({ page_id: parent.id });
	});

	test('in a database: a record with typed properties, the title in the column named by Title Property', async () => {
		const database = sandbox.addDatabase({
			title: 'Releases',
			properties: {
				Name: 'title',
				Status: { type: 'select', select: { options: [{ name: 'Doing', color: 'blue' }] } },
				Estimate: 'number',
				Due: 'date',
				Tags: 'multi_select',
				Done: 'checkbox',
				Notes: 'rich_text',
			},
		});

		const { output, error } = await runBuildin(sandbox, {
			parameters: create({
				parent: 'database',
				parentDatabaseId: byId(database.id),
				title: 'Ship v1.1',
				properties: {
					property: [
						{ name: 'Status', type: 'select', selectValue: 'Doing' },
						{ name: 'Estimate', type: 'number', numberValue: 3 },
						{ name: 'Due', type: 'date', dateStart: '2026-05-01', timeZone: 'Europe/Berlin' },
						{ name: 'Tags', type: 'multi_select', multiSelectValue: 'release, backend' },
						{ name: 'Done', type: 'checkbox', checkboxValue: true },
						{ name: 'Notes', type: 'rich_text', textValue: 'Cut from main' },
					],
				} as never,
				options: { titleProperty: 'Name' },
			}),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toEqual({
			parent: { database_id: database.id },
			properties: {
				Status: { type: 'select', select: { name: 'Doing' } },
				Estimate: { type: 'number', number: 3 },
				Due: { type: 'date', date: { start: '2026-05-01', end: null, time_zone: 'Europe/Berlin' } },
				Tags: { type: 'multi_select', multi_select: [{ name: 'release' }, { name: 'backend' }] },
				Done: { type: 'checkbox', checkbox: true },
				Notes: { type: 'rich_text', rich_text: text('Cut from main') },
				Name: { type: 'title', title: text('Ship v1.1') },
			},
		});
		const record = sandbox.getPage(String(output[0].json.id));
		expect(record?.parent).toEqual({ type: 'database_id', database_id: database.id });
		expect(plain(record?.properties.Name.title)).toBe('Ship v1.1');
		expect(record?.properties.Status.select).toMatchObject({ name: 'Doing', color: 'blue' });
		expect(record?.properties.Estimate.number).toBe(3);
		expect(record?.properties.Due.date).toEqual({ start: '2026-05-01', end: null, time_zone: 'Europe/Berlin' });
		expect(record?.properties.Tags.multi_select.map((option: Json) => option.name)).toEqual(['release', 'backend']);
		expect(record?.properties.Done.checkbox).toBe(true);
		expect(plain(record?.properties.Notes.rich_text)).toBe('Cut from main');
		expect(output[0].json).toEqual({ ...record, etag: `W/"${record?.last_edited_time}"` });
	});

	test('in a database with Properties (JSON): the object is sent as is', async () => {
		const database = sandbox.addDatabase({ title: 'Releases', properties: { Name: 'title', Estimate: 'number' } });

		const { output, error } = await runBuildin(sandbox, {
			parameters: create({
				parent: 'database',
				parentDatabaseId: byId(database.id),
				propertiesInput: 'json',
				propertiesJson: '{"Name": {"title": [{"type": "text", "text": {"content": "From JSON"}}]}, "Estimate": {"number": 8}}',
			}),
		});

		expect(error).toBeUndefined();
		expect((sandbox.requests[0].body as Json).properties).toEqual({
			Name: { title: text('From JSON') },
			Estimate: { number: 8 },
		});
		const record = sandbox.getPage(String(output[0].json.id));
		expect(plain(record?.properties.Name.title)).toBe('From JSON');
		expect(record?.properties.Estimate.number).toBe(8);
	});

	test('a record titled without Title Property: Buildin refuses the unknown title key, with the details', async () => {
		const database = sandbox.addDatabase({ title: 'Releases', properties: { Name: 'title' } });

		const { error } = await runBuildin(sandbox, {
			parameters: create({ parent: 'database', parentDatabaseId: byId(database.id), title: 'Ship v1.1' }),
		});

		expect(sandbox.requests).toHaveLength(1);
		expect(error).toMatchObject({
			httpCode: '400',
			message: expect.stringContaining('properties.title (unknown_property)'),
			context: expect.objectContaining({ details: [expect.objectContaining({ path: 'properties.title', reason: 'unknown_property' })] }),
		});
	});

	test('at the workspace root: no parent is sent', async () => {
		const { output, error } = await runBuildin(sandbox, { parameters: atRoot({ title: 'Team Handbook' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ properties: { title: { type: 'title', title: text('Team Handbook') } } });
		expect(sandbox.getPage(String(output[0].json.id))?.parent).toEqual({ type: 'workspace', workspace: true });
	});

	test('an empty Title and no properties create an untitled page (the body is still a JSON object)', async () => {
		const { output, error } = await runBuildin(sandbox, { parameters: atRoot() });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ properties: {} });
		expect(plain(sandbox.getPage(String(output[0].json.id))?.properties.title.title)).toBe('');
	});

	test('an unknown parent page is a 404 and nothing is created', async () => {
		const { error, output } = await runBuildin(sandbox, {
			parameters: underPage('0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f', { title: 'Orphan' }),
		});

		expect(output).toEqual([]);
		expect(sandbox.requests).toHaveLength(1);
		expect(error).toMatchObject({ httpCode: '404', message: expect.stringContaining('Buildin API error 404') });
	});
});

describe('content', () => {
	test('Markdown: the page is created, then its body is PUT as Markdown, then read again for the current etag', async () => {
		const parent = sandbox.addPage({ title: 'Projects' });
		const markdown = '# Release Checklist\n\n- Write the changelog\n- Tag the release\n\nShip it **today**.';

		const { output, error } = await runBuildin(sandbox, {
			parameters: underPage(parent.id, { title: 'Release Checklist', content: 'markdown', markdown }),
		});

		expect(error).toBeUndefined();
		const pageId = String(output[0].json.id);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /v2/pages',
			`PUT /v2/pages/${pageId}/content/markdown`,
			`GET /v2/pages/${pageId}`,
		]);
		expect(sandbox.requests.every((r) => (r.status ?? 500) < 300)).toBe(true);
		expect((sandbox.requests[0].body as Json).children).toBeUndefined();
		expect(sandbox.requests[1].body).toEqual({ markdown });
		expect(contentOf(pageId)).toEqual(['Release Checklist', 'Write the changelog', 'Tag the release', 'Ship it today.']);
		expect(sandbox.childrenOf(pageId).map((block: Json) => block.type)).toEqual([
			'heading_1',
			'bulleted_list_item',
			'bulleted_list_item',
			'paragraph',
		]);
		// The output is the page as it is after the content was written, so its etag works as If-Match.
		const current = sandbox.getPage(pageId);
		expect(output[0].json).toEqual({ ...current, etag: `W/"${current?.last_edited_time}"` });
		expect(current?.last_edited_time).not.toBe(current?.created_time);
	});

	test('the etag of a Create with Markdown works as If-Match for an Update right after', async () => {
		const { outputs, error } = await runBuildin(sandbox, [
			{ name: 'Create', parameters: atRoot({ title: 'Draft', content: 'markdown', markdown: 'First line' }) },
			{
				name: 'Update',
				parameters: {
					resource: 'page',
					operation: 'update',
					pageId: byId('={{ $json.id }}'),
					title: 'Final',
					ifMatch: '={{ $json.etag }}',
				},
			},
		]);

		expect(error).toBeUndefined();
		expect(sandbox.requests[sandbox.requests.length - 1]).toMatchObject({ method: 'PATCH', status: 200 });
		expect(plain(sandbox.getPage(String(outputs.Create?.[0].json.id))?.properties.title.title)).toBe('Final');
	});

	test('Blocks (up to 100): sent as children of the create request, nothing else', async () => {
		const { output, error } = await runBuildin(sandbox, {
			parameters: atRoot({ title: 'Notes', content: 'blocks', blocks: blocksJson(100) }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const children = (sandbox.requests[0].body as Json).children as Json[];
		expect(children).toHaveLength(100);
		expect(children[99]).toEqual(paragraph('Block 100'));
		const pageId = String(output[0].json.id);
		expect(contentOf(pageId)).toEqual(Array.from({ length: 100 }, (_, index) => `Block ${index + 1}`));
		expect(output[0].json).toMatchObject({ id: pageId, etag: expect.stringMatching(/^W\/"/) });
	});

	test('Blocks from an expression (an array, not text) work the same', async () => {
		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: atRoot({ title: 'Notes', content: 'blocks', blocks: '={{ $json.blocks }}' }) },
			{ items: [{ blocks: [paragraph('One'), { type: 'divider', divider: {} }, paragraph('Two')] }] },
		);

		expect(error).toBeUndefined();
		expect(contentOf(String(output[0].json.id))).toEqual(['One', '', 'Two']);
	});

	test('150 blocks: one create with the first 100, then one append of 50 after the last created block, in order', async () => {
		const { output, error } = await runBuildin(sandbox, {
			parameters: atRoot({ title: 'Long page', content: 'blocks', blocks: blocksJson(150) }),
		});

		expect(error).toBeUndefined();
		const pageId = String(output[0].json.id);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`POST /v2/pages ${sandbox.requests[0].status}`,
			`GET /v2/blocks/${pageId}/children 200`,
			`PATCH /v2/blocks/${pageId}/children 200`,
			`GET /v2/pages/${pageId} 200`,
		]);
		const created = (sandbox.requests[0].body as Json).children as Json[];
		expect(created.map((block) => block.paragraph.rich_text[0].text.content)).toEqual(
			Array.from({ length: 100 }, (_, index) => `Block ${index + 1}`),
		);
		const hundredth = sandbox.childrenOf(pageId)[99];
		expect(plain(hundredth.paragraph.rich_text)).toBe('Block 100');
		const append = sandbox.requests[2].body as Json;
		expect(append.after).toBe(hundredth.id);
		expect(append.before).toBeUndefined();
		expect(append.children).toHaveLength(50);
		expect(append.children[0]).toEqual(paragraph('Block 101'));
		expect(append.children[49]).toEqual(paragraph('Block 150'));
		expect(contentOf(pageId)).toEqual(Array.from({ length: 150 }, (_, index) => `Block ${index + 1}`));
		const current = sandbox.getPage(pageId);
		expect(output[0].json).toEqual({ ...current, etag: `W/"${current?.last_edited_time}"` });
	});

	test('250 blocks: create 100, then appends of 100 and 50, each after the last block the previous request created', async () => {
		const { output, error } = await runBuildin(sandbox, {
			parameters: atRoot({ title: 'Longer page', content: 'blocks', blocks: blocksJson(250) }),
		});

		expect(error).toBeUndefined();
		const pageId = String(output[0].json.id);
		const appends = sandbox.requests.filter((r) => r.method === 'PATCH');
		expect(appends.map((r) => (r.body as Json).children.length)).toEqual([100, 50]);
		const blocks = sandbox.childrenOf(pageId);
		expect((appends[0].body as Json).after).toBe(blocks[99].id);
		expect((appends[1].body as Json).after).toBe(blocks[199].id);
		expect(contentOf(pageId)).toEqual(Array.from({ length: 250 }, (_, index) => `Block ${index + 1}`));
	});

	test('an append that fails: the error says the page was created and names it', async () => {
		sandbox.injectFault({ method: 'PATCH', path: /\/children$/, status: 500 });

		const { error } = await runBuildin(sandbox, {
			parameters: atRoot({ title: 'Half written', content: 'blocks', blocks: blocksJson(120) }),
		});

		const pageId = sandbox.requests[1].path.split('/')[3];
		expect(sandbox.requests[1].path).toBe(`/v2/blocks/${pageId}/children`);
		expect(sandbox.getPage(pageId)).toBeDefined();
		expect(sandbox.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '500',
			message: `The page ${pageId} was created, but writing its content failed: Buildin API error 500 (internal_error: Internal server error); the request may have been applied`,
			description: expect.stringContaining('Running the workflow again creates another page unless Options → Idempotency Key is set'),
		});
		expect(contentOf(pageId)).toHaveLength(100);
	});

	test('Markdown that fails to write: the error names the created page', async () => {
		sandbox.addToken('no-blocks-write', ['pages.read', 'pages.write', 'blocks.read']);

		const { error } = await runBuildin(
			sandbox,
			{ parameters: atRoot({ title: 'No body', content: 'markdown', markdown: '# Hello' }) },
			{ credentials: { apiToken: 'no-blocks-write' } },
		);

		expect(sandbox.requests.map((r) => `${r.method} ${r.status}`)).toEqual([`POST ${sandbox.requests[0].status}`, 'PUT 403']);
		const pageId = sandbox.requests[1].path.split('/')[3];
		expect(error).toMatchObject({
			httpCode: '403',
			message: expect.stringMatching(new RegExp(`^The page ${pageId} was created, but writing its content failed: Buildin API error 403`)),
			description: expect.stringContaining('pages.write and blocks.write capability'),
		});
		expect(plain(sandbox.getPage(pageId)?.properties.title.title)).toBe('No body');
	});

	test('a create answered without the page id: the content is not written, and the error says the page exists', async () => {
		const parent = sandbox.addPage({ title: 'Projects' });
		sandbox.injectFault({ method: 'POST', path: '/v2/pages', afterApp: true, body: '{"object": "page"}', contentType: 'application/json' });

		const { error } = await runBuildin(sandbox, { parameters: underPage(parent.id, { title: 'Orphan', content: 'markdown', markdown: 'Body' }) });

		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: 'Buildin created the page but answered without its id, so its content was not written',
			context: expect.objectContaining({ mayHaveLanded: true }),
		});
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2/pages']);
	});
});

describe('Idempotency-Key', () => {
	test('every create carries one, a UUID, different for each item', async () => {
		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: atRoot({ title: '={{ $json.title }}' }) },
			{ items: [{ title: 'One' }, { title: 'Two' }, { title: 'Three' }] },
		);

		expect(error).toBeUndefined();
		const keys = sandbox.requests.map((r) => r.headers['idempotency-key']);
		expect(keys).toHaveLength(3);
		for (const key of keys) expect(key).toMatch(UUID_V4);
		expect(new Set(keys).size).toBe(3);
		expect(new Set(output.map((item) => item.json.id)).size).toBe(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('a retried create (503 once) sends the same key again, and one page results', async () => {
		sandbox.injectFault({ method: 'POST', path: '/v2/pages', status: 503, retryAfter: 0 });

		const { output, error } = await runBuildin(sandbox, { parameters: atRoot({ title: 'Retried' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.fault ?? ''}`.trim())).toEqual([
			'POST /v2/pages status:503',
			'POST /v2/pages',
		]);
		expect(header(0, 'idempotency-key')).toMatch(UUID_V4);
		expect(header(1, 'idempotency-key')).toBe(header(0, 'idempotency-key'));
		expect(sandbox.requests[0].body).toEqual(sandbox.requests[1].body);
		expect(plain(sandbox.getPage(String(output[0].json.id))?.properties.title.title)).toBe('Retried');
	});

	test('a new run gets new keys', async () => {
		await runBuildin(sandbox, { parameters: atRoot({ title: 'Run' }) });
		await runBuildin(sandbox, { parameters: atRoot({ title: 'Run' }) });

		expect(header(0, 'idempotency-key')).not.toBe(header(1, 'idempotency-key'));
	});

	test('Options → Idempotency Key is sent instead, and a re-run with it returns the page created the first time', async () => {
		const parameters = atRoot({ title: 'Order 10482', options: { idempotencyKey: '={{ "order-" + $json.order }}' } });

		const first = await runBuildin(sandbox, { parameters }, { items: [{ order: 10482 }] });
		const second = await runBuildin(sandbox, { parameters }, { items: [{ order: 10482 }] });

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.headers['idempotency-key'])).toEqual(['order-10482', 'order-10482']);
		expect(second.output[0].json.id).toBe(first.output[0].json.id);
	});

	test('the same key with a different body is a 409 idempotency_conflict with advice', async () => {
		await runBuildin(sandbox, { parameters: atRoot({ title: 'First', options: { idempotencyKey: 'conflict-key-1' } }) });

		const { error } = await runBuildin(sandbox, {
			parameters: atRoot({ title: 'Different', options: { idempotencyKey: 'conflict-key-1' } }),
		});

		expect(sandbox.requests).toHaveLength(2);
		expect(error).toMatchObject({
			httpCode: '409',
			context: expect.objectContaining({ apiCode: 'idempotency_conflict' }),
			description: expect.stringContaining('Idempotency-Key was already used with a different request body'),
		});
	});

	test('a re-run with the key of a finished 150-block create does not append the rest again', async () => {
		const parameters = atRoot({ title: 'Long', content: 'blocks', blocks: blocksJson(150), options: { idempotencyKey: 'long-page-1' } });

		const first = await runBuildin(sandbox, { parameters });
		sandbox.reset();
		const second = await runBuildin(sandbox, { parameters });

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(second.output[0].json.id).toBe(first.output[0].json.id);
		const pageId = String(first.output[0].json.id);
		// The replayed create answers the same page; its 150 blocks are read (two pages of 100) and none is appended.
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /v2/pages',
			`GET /v2/blocks/${pageId}/children`,
			`GET /v2/blocks/${pageId}/children`,
			`GET /v2/pages/${pageId}`,
		]);
		expect(contentOf(String(first.output[0].json.id))).toHaveLength(150);
	});
});

describe('refused before anything is sent', () => {
	test.each<[string, INodeParameters, string]>([
		[
			'a parent page that is not an id',
			create({ parent: 'page', parentPageId: byId('={{ "not-an-id" }}'), title: 'X' }),
			'Parent Page in item 0: "not-an-id" is not a Buildin ID or URL',
		],
		[
			'a parent database that is not an id',
			create({ parent: 'database', parentDatabaseId: byId('={{ "42" }}'), title: 'X' }),
			'Parent Database in item 0: "42" is not a Buildin ID or URL',
		],
		['empty Markdown', atRoot({ content: 'markdown', markdown: '={{ $json.nothing }}' }), 'Markdown in item 0: is empty'],
		['Blocks that are not JSON', atRoot({ content: 'blocks', blocks: '[{"type": "paragraph",' }), 'Blocks in item 0: is not valid JSON'],
		['an empty Blocks array', atRoot({ content: 'blocks', blocks: '[]' }), 'Blocks in item 0: holds no blocks'],
		['a block of a read-only type', atRoot({ content: 'blocks', blocks: '[{"type": "child_page", "child_page": {"title": "X"}}]' }), 'can only be read, not written'],
		['an invalid icon', atRoot({ icon: 'emoji', iconEmoji: 'rocket' }), 'Icon Emoji in item 0: "rocket" is not a single emoji'],
		['an invalid cover URL', atRoot({ cover: 'external', coverUrl: 'cover.png' }), 'Cover URL in item 0: "cover.png" is not an absolute http(s) URL'],
		[
			'a bad property value',
			atRoot({ properties: { property: [{ name: 'Due', type: 'date', dateStart: '2026-02-30' }] } as never }),
			'Property "Due" (Start) in item 0: "2026-02-30" is not a valid date',
		],
		[
			'the title set twice',
			atRoot({ title: 'A', propertiesInput: 'json', propertiesJson: '{"title": {"title": []}}' }),
			'Title in item 0: the title property "title" is also set under Properties',
		],
	])('%s', async (_label, parameters, message) => {
		const { error } = await runBuildin(sandbox, { parameters });

		expect(sandbox.requests).toHaveLength(0);
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect(error?.message).toContain(message);
	});

	test('with Continue On Fail, a bad item fails alone and the others are created', async () => {
		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: atRoot({ content: 'markdown', markdown: '={{ $json.body }}' }), settings: { continueOnFail: true } },
			{ items: [{ body: '# One' }, { body: '   ' }, { body: '# Three' }] },
		);

		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		expect(output[0].json.id).toEqual(expect.any(String));
		expect(output[1].json.error).toMatchObject({ message: expect.stringContaining('Markdown in item 1: is empty') });
		expect(output[2].json.id).toEqual(expect.any(String));
		expect(sandbox.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
	});
});
