// An answer is what it claims, or it is an error: a success status whose body is not the JSON Buildin documents
// (a captive portal's page, text, truncated JSON, a JSON scalar, an empty body, a list without results) never becomes
// a successful item. Through n8n's engine against the sandbox's raw-body faults.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, runBuildin, TOKEN, useSandbox } from '../../../support/workflow';

const sandbox = useSandbox();

// [what, body, content type, how the error shows the body's start]
const BAD_BODIES: Array<[string, string, string, string]> = [
	['an HTML page', '<html><body>Sign in to the hotel Wi-Fi</body></html>', 'text/html', '"<html><body>Sign in to the hotel Wi-Fi</body></html>"'],
	['plain text', 'upstream connect error', 'text/plain', '"upstream connect error"'],
	['truncated JSON', '{"object":"page","id":', 'application/json', '"{\\"object\\":\\"page\\",\\"id\\":"'],
	['a JSON string', '"a string"', 'application/json', '"a string"'],
	['null', 'null', 'application/json', '"null"'],
	['an array', '[]', 'application/json', '"[]"'],
	['a number', '42', 'application/json', '"42"'],
	['an empty body', '', 'application/json', 'an empty body'],
];

const getPage = (id: string): INodeParameters => ({ resource: 'page', operation: 'get', pageId: byId(id) });

/** The list reads, each with what it needs in the sandbox: [what, its parameters, the method of its requests]. */
const LIST_READS: Array<[string, () => INodeParameters, string]> = [
	['Search', () => ({ resource: 'search', operation: 'search', returnAll: true }), 'POST'],
	[
		'Database → Get Many Records',
		() => ({ resource: 'database', operation: 'query', databaseId: byId(sandbox.addDatabase({ title: 'Tasks', properties: { Name: 'title' } }).id), returnAll: true }),
		'POST',
	],
	['Block → Get Many Children', () => ({ resource: 'block', operation: 'getChildren', blockId: byId(sandbox.addPage({ title: 'Parent' }).id), returnAll: true }), 'GET'],
];

describe('a success status with a body that is not the documented JSON', () => {
	test.each(BAD_BODIES)('Page → Get answered with %s is an error naming status, content type and the first bytes', async (_label, body, contentType, shown) => {
		const page = sandbox.addPage({ title: 'Real' });
		sandbox.injectFault({ method: 'GET', body, contentType });

		const { output, error } = await runBuildin(sandbox, { parameters: getPage(page.id) });

		expect(output).toEqual([]);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '200',
			message: expect.stringMatching(new RegExp(`^Buildin answered 200 to GET /v2/pages/${page.id} with `)),
			description: expect.stringContaining(`Content type ${contentType}`),
			context: expect.objectContaining({ unexpectedAnswer: true, mayHaveLanded: false }),
		});
		expect(error?.description).toContain(`the answer begins with ${shown}.`);
		expect(sandbox.requests).toHaveLength(1);
		expect(JSON.stringify(error)).not.toContain(TOKEN);
	});

	test('a page without "object": "page" is not taken for one', async () => {
		const page = sandbox.addPage({ title: 'Real' });
		sandbox.injectFault({ method: 'GET', body: '{"error": "maintenance"}', contentType: 'application/json' });

		const { error } = await runBuildin(sandbox, { parameters: getPage(page.id) });

		expect(error?.message).toBe(`Buildin answered 200 to GET /v2/pages/${page.id} with an object whose "object" is undefined, not "page"`);
	});

	test.each<[string, () => INodeParameters, string]>([
		...LIST_READS,
		[
			'Block → Append Children',
			() => ({ resource: 'block', operation: 'appendChildren', blockId: byId(sandbox.addPage({ title: 'Parent' }).id), text: 'one' }),
			'PATCH',
		],
	])('%s answered with an HTML page is an error, not 0 items', async (_label, parameters, method) => {
		const built = parameters();
		sandbox.injectFault({ method, body: '<html>portal</html>', contentType: 'text/html' });

		const { output, error } = await runBuildin(sandbox, { parameters: built });

		expect(output).toEqual([]);
		expect(error).toMatchObject({ name: 'NodeApiError', message: expect.stringContaining('with something other than a JSON object') });
	});

	test('a write answered with an unexpected body says it may have been applied: it most likely was', async () => {
		const page = sandbox.addPage({ title: 'Before' });
		sandbox.injectFault({ method: 'PATCH', afterApp: true, body: '<html>ok</html>' });

		const { error } = await runBuildin(sandbox, {
			parameters: { resource: 'page', operation: 'update', pageId: byId(page.id), title: 'After' },
		});

		expect(error?.message).toMatch(/with something other than a JSON object; the request may have been applied$/);
		expect(sandbox.requests).toHaveLength(1);
	});
});

describe('lists that never end, or hold nothing usable', () => {
	const page = (results: IDataObject[], hasMore: boolean, cursor: string | null) =>
		JSON.stringify({ object: 'list', results, has_more: hasMore, next_cursor: cursor });
	const found = (id: string) => ({ object: 'page', id, properties: {} });

	test.each<[string, () => INodeParameters, string]>([
		...LIST_READS,
		['Search with Limit 10', () => ({ resource: 'search', operation: 'search', returnAll: false, limit: 10 }), 'POST'],
		[
			'Block → Get Many Children, recursive',
			() => ({ resource: 'block', operation: 'getChildren', blockId: byId(sandbox.addPage({ title: 'Parent' }).id), returnAll: true, recursive: true }),
			'GET',
		],
	])('%s: the same cursor again stops after two requests with an error', async (_label, parameters, method) => {
		const built = parameters();
		sandbox.injectFault({ method, body: page([found('11111111-1111-4111-8111-111111111111')], true, 'same'), contentType: 'application/json', times: 10_000 });

		const { error } = await runBuildin(sandbox, { parameters: built });

		expect(error?.message).toContain('with the cursor "same" it had already given for this list');
		expect(sandbox.requests).toHaveLength(2);
	});

	test('has_more with an empty page is an error, not an endless loop', async () => {
		sandbox.injectFault({ method: 'POST', body: page([], true, 'next'), contentType: 'application/json', times: 10_000 });

		const { error } = await runBuildin(sandbox, { parameters: { resource: 'search', operation: 'search', returnAll: true } });

		expect(error?.message).toContain('with has_more true and an empty page of results');
		expect(sandbox.requests).toHaveLength(1);
	});

	test('has_more without a next_cursor is an error', async () => {
		sandbox.injectFault({ method: 'POST', body: page([found('11111111-1111-4111-8111-111111111111')], true, null), contentType: 'application/json' });

		const { error } = await runBuildin(sandbox, { parameters: { resource: 'search', operation: 'search', returnAll: true } });

		expect(error?.message).toContain('with has_more true and no next_cursor');
	});

	test('null among the results is an error naming it, not "Cannot read properties of null"', async () => {
		sandbox.injectFault({ method: 'POST', body: page([found('11111111-1111-4111-8111-111111111111'), null as never], false, null), contentType: 'application/json' });

		const { error } = await runBuildin(sandbox, { parameters: { resource: 'search', operation: 'search', returnAll: true } });

		expect(error).toMatchObject({ name: 'NodeApiError', message: expect.stringContaining('with a results list holding something other than objects') });
	});
});
