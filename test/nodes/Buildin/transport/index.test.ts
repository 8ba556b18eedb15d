// The transport through n8n's engine against the local Buildin sandbox: error mapping, retries and Retry-After,
// network failures, the Base URL guard, and the API token never showing up where a user or a log could see it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	ALL_SCOPES,
	byId,
	failureOf,
	logText,
	runBuildin,
	useSandbox,
	TOKEN,
	type RunResult,
} from '../../../support/workflow';
import { startElsewhere } from '../../../support/elsewhere';

const { logLines } = require('../../../../harness/engine');

const sandbox = useSandbox();

/** The retries the transport logged after `mark` (a length of the log): what failed, and how long it chose to wait. */
function retriesLoggedSince(mark: number): Array<{ status: unknown; delayMs: number }> {
	return (logLines as Array<{ message: string; meta: string }>)
		.slice(mark)
		.filter((line) => line.message === 'Buildin request will be retried')
		.map((line) => JSON.parse(line.meta));
}

afterAll(() => {
	// Over the whole file, success and failure runs alike, no log line carried the token.
	expect(logText()).not.toContain(TOKEN);
});

const MISSING = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';

const getPage = (id: string, options: INodeParameters = {}): INodeParameters => ({
	resource: 'page',
	operation: 'get',
	pageId: byId(id),
	options,
});
const updateTitle = (id: string, title: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'page',
	operation: 'update',
	pageId: byId(id),
	title,
	...extra,
});
const plainTitle = (page: IDataObject | undefined) =>
	((page?.properties as IDataObject).title as { title: Array<{ plain_text: string }> }).title.map((t) => t.plain_text).join('');

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** Every string reachable from `value`, own non-enumerable properties (message, stack, cause) included. */
function allStrings(value: unknown, seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') return [value];
	if (value === null || typeof value !== 'object' || seen.has(value)) return [];
	seen.add(value);
	return Object.getOwnPropertyNames(value).flatMap((key) => {
		const descriptor = Object.getOwnPropertyDescriptor(value, key);
		return descriptor && 'value' in descriptor ? [key, ...allStrings(descriptor.value, seen)] : [key];
	});
}

/** The token is in no output item, no part of the error, no run data and no log line. */
function expectNoToken(result: RunResult, token = TOKEN) {
	expect(JSON.stringify(result.output)).not.toContain(token);
	expect(JSON.stringify(result.run)).not.toContain(token);
	expect(JSON.stringify(result.run.data.resultData.runData)).not.toContain(token);
	// Failed items under continue-on-fail, non-enumerable parts included.
	for (const item of result.output) expect(allStrings(item).filter((text) => text.includes(token))).toEqual([]);
	if (result.error) {
		expect(String(result.error.message)).not.toContain(token);
		expect(String(result.error.description ?? '')).not.toContain(token);
		expect(JSON.stringify(result.error.context ?? {})).not.toContain(token);
		expect(JSON.stringify(result.error)).not.toContain(token);
		expect(String(result.error.stack ?? '')).not.toContain(token);
		// Also what JSON.stringify skips, e.g. an underlying HTTP error kept as `cause` with the request headers.
		expect(allStrings(result.error).filter((text) => text.includes(token))).toEqual([]);
	}
	expect(logText()).not.toContain(token);
}

describe('error statuses', () => {
	test('400 validation_error keeps the API details and is not retried', async () => {
		const record = sandbox.addPage({
			parent: { type: 'database_id', database_id: '33333333-3333-4333-8333-333333333333' },
			schema: { Name: 'title', Status: 'select' },
			title: 'Record',
		});

		const result = await runBuildin(sandbox, {
			parameters: {
				resource: 'page',
				operation: 'update',
				pageId: byId(record.id),
				propertiesInput: 'json',
				propertiesJson: '{"Stage": {"select": {"name": "Done"}}, "Status": {"number": 3}}',
			},
		});

		expect(sandbox.requests).toHaveLength(1);
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '400',
			message:
				'Buildin API error 400 (validation_error: Invalid request: properties.Stage (unknown_property), properties.Status.number (type_mismatch), properties.Status.select (required))',
			description: expect.stringContaining('The details list the fields it objected to'),
			context: expect.objectContaining({
				apiCode: 'validation_error',
				requestId: expect.stringMatching(/^req_/),
				details: [
					{ path: 'properties.Stage', reason: 'unknown_property' },
					{ path: 'properties.Status.number', reason: 'type_mismatch', expected: 'select' },
					{ path: 'properties.Status.select', reason: 'required' },
				],
			}),
		});
		expect(sandbox.getPage(record.id)).toEqual(record);
	});

	test('401 for a bad token tells to renew the credential', async () => {
		const page = sandbox.addPage({ title: 'Page' });

		const result = await runBuildin(sandbox, { parameters: getPage(page.id) }, { credentials: { apiToken: 'revoked-token-0000' } });

		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].headers.authorization).toBe('Bearer revoked-token-0000');
		expect(result.error).toMatchObject({
			httpCode: '401',
			message: 'Buildin API error 401 (unauthorized: The token is not valid)',
			description: expect.stringContaining('update the Buildin API credential'),
			context: expect.objectContaining({ apiCode: 'unauthorized' }),
		});
		expectNoToken(result, 'revoked-token-0000');
	});

	test('403 for a token with only pages.read doing an Update names the missing capability', async () => {
		sandbox.addToken('reader-token-1111', ['pages.read']);
		const page = sandbox.addPage({ title: 'Read only' });

		const result = await runBuildin(
			sandbox,
			{ parameters: updateTitle(page.id, 'Not allowed') },
			{ credentials: { apiToken: 'reader-token-1111' } },
		);

		expect(sandbox.requests).toHaveLength(1);
		expect(result.error).toMatchObject({
			httpCode: '403',
			message: 'Buildin API error 403 (forbidden: The integration lacks the pages.write capability)',
			description: expect.stringContaining('The integration lacks the pages.write capability, the page is not shared'),
			context: expect.objectContaining({ apiCode: 'forbidden' }),
		});
		expect(sandbox.getPage(page.id)).toEqual(page);
	});

	test('403 for a page not shared with the integration', async () => {
		const shared = sandbox.addPage({ title: 'Shared' });
		const secret = sandbox.addPage({ title: 'Not shared' });
		sandbox.addToken('narrow-token-2222', ALL_SCOPES, { sharedPages: [shared.id] });

		const ok = await runBuildin(sandbox, { parameters: getPage(shared.id) }, { credentials: { apiToken: 'narrow-token-2222' } });
		const refused = await runBuildin(sandbox, { parameters: getPage(secret.id) }, { credentials: { apiToken: 'narrow-token-2222' } });

		expect(ok.error).toBeUndefined();
		expect(refused.error).toMatchObject({
			httpCode: '403',
			message: 'Buildin API error 403 (forbidden: The page is not shared with this integration)',
			description: expect.stringContaining('the pages.read capability, the page is not shared with the integration'),
		});
	});

	test('404 for an unknown page', async () => {
		const result = await runBuildin(sandbox, { parameters: getPage(MISSING) });

		expect(sandbox.requests).toHaveLength(1);
		expect(result.error).toMatchObject({
			httpCode: '404',
			message: 'Buildin API error 404 (not_found: The page does not exist or is not visible to this integration)',
			description: expect.stringContaining('No page with this ID is visible to the integration'),
		});
	});

	test('409 for a stale If-Match is not retried', async () => {
		const page = sandbox.addPage({ title: 'Page', lastEditedTime: '2026-04-09T09:30:00.000Z' });

		const result = await runBuildin(sandbox, {
			parameters: updateTitle(page.id, 'Late', { ifMatch: 'W/"2026-01-01T00:00:00.000Z"' }),
		});

		expect(sandbox.requests).toHaveLength(1);
		expect(result.error).toMatchObject({
			httpCode: '409',
			context: expect.objectContaining({ apiCode: 'conflict' }),
			description: expect.stringContaining('Read it again'),
		});
	});

	test.each([
		[409, 'conflict'],
		[400, 'validation_error'],
		[500, 'internal_error'],
	])('%i (%s) from the server is never retried: exactly one request', async (status, code) => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ status, retryAfter: 0, times: 5 });

		const mark = logLines.length;
		const result = await runBuildin(sandbox, { parameters: getPage(page.id) });

		expect(sandbox.requests).toHaveLength(1);
		expect(retriesLoggedSince(mark)).toEqual([]);
		expect(result.error).toMatchObject({
			httpCode: String(status),
			message: expect.stringContaining(`Buildin API error ${status} (${code}`),
			context: expect.objectContaining({ apiCode: code }),
		});
		expect(result.error?.description).not.toContain('tried');
	});

	test('500 says it is a server error to report with the request ID', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ status: 500 });

		const result = await runBuildin(sandbox, { parameters: getPage(page.id) });

		expect(result.error?.description).toBe(
			'Buildin had a server error. Try again later; quote the request ID to Buildin support if it persists.',
		);
		expect(result.error?.context).toMatchObject({ requestId: expect.stringMatching(/^req_/) });
	});

	test('429 after the retries: the error tells how often it was tried', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ status: 429, retryAfter: 0, times: 100 });

		const result = await runBuildin(sandbox, { parameters: getPage(page.id) });

		// Default Max Retries is 4: five attempts in all.
		expect(sandbox.requests).toHaveLength(5);
		expect(result.error).toMatchObject({
			httpCode: '429',
			message: 'Buildin API error 429 (rate_limited: Too many requests; retry later)',
			description: expect.stringContaining('still rate-limiting the integration after the retries. The request was tried 5 times'),
			context: expect.objectContaining({ apiCode: 'rate_limited' }),
		});
	});
});

describe('retries', () => {
	test.each([502, 503, 504])('%i is retried, then the request succeeds', async (status) => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ status, retryAfter: 0, times: 2 });

		const { output, error } = await runBuildin(sandbox, { parameters: getPage(page.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.status)).toEqual([status, status, 200]);
		expect(output[0].json.id).toBe(page.id);
	});

	test("429 with Retry-After '1' waits about a second before the retry", async () => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ status: 429, retryAfter: '1' });

		const mark = logLines.length;
		const { output, error } = await runBuildin(sandbox, { parameters: getPage(page.id) });

		expect(error).toBeUndefined();
		expect(output[0].json.id).toBe(page.id);
		expect(sandbox.requests.map((r) => r.status)).toEqual([429, 200]);
		const [first, retry] = sandbox.requests.map((request) => request.receivedAt);
		expect(retry - first).toBeGreaterThanOrEqual(900);
		// The wait it chose is the Retry-After itself (how long it really took depends on the machine).
		expect(retriesLoggedSince(mark)).toEqual([expect.objectContaining({ status: 429, delayMs: 1000 })]);
	});

	test('429 with an HTTP-date Retry-After waits until that time', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		// A whole second 1 to 2 s ahead, so the HTTP date (second precision) is exact.
		const retryAt = Math.ceil((Date.now() + 1000) / 1000) * 1000;
		sandbox.injectFault({ status: 429, retryAfter: new Date(retryAt).toUTCString() });

		const mark = logLines.length;
		const { error } = await runBuildin(sandbox, { parameters: getPage(page.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.status)).toEqual([429, 200]);
		const [first, retry] = sandbox.requests.map((request) => request.receivedAt);
		expect(retry).toBeGreaterThanOrEqual(retryAt - 50);
		expect(retry - first).toBeGreaterThanOrEqual(900);
		// The wait it chose runs until that date: at most the 2 s it was ahead when the 429 came.
		const [{ delayMs }] = retriesLoggedSince(mark);
		expect(delayMs).toBeGreaterThan(0);
		expect(delayMs).toBeLessThanOrEqual(2000);
	});

	test('429 without Retry-After backs off (at least 250 ms for the first retry) and succeeds', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ status: 429 });

		const mark = logLines.length;
		const { error } = await runBuildin(sandbox, { parameters: getPage(page.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(sandbox.requests[0].fault).toBe('status:429');
		const [first, retry] = sandbox.requests.map((request) => request.receivedAt);
		expect(retry - first).toBeGreaterThanOrEqual(240);
		// The first backoff step: 500 ms with equal jitter. The retry is logged (so the log-line checks below look at
		// real lines), without the token.
		const [{ delayMs }] = retriesLoggedSince(mark);
		expect(delayMs).toBeGreaterThanOrEqual(250);
		expect(delayMs).toBeLessThanOrEqual(500);
	});

	test('Max Retries 2: exactly three requests, and the error mentions the attempts', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ status: 429, retryAfter: 0, times: 100 });

		const { error } = await runBuildin(sandbox, { parameters: getPage(page.id, { maxRetries: 2 }) });

		expect(sandbox.requests).toHaveLength(3);
		expect(error).toMatchObject({ httpCode: '429' });
		expect(error?.description).toContain('The request was tried 3 times');
	});

	test('Max Retries 0 turns retries off', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ status: 503, retryAfter: 0, times: 100 });

		const { error } = await runBuildin(sandbox, { parameters: getPage(page.id, { maxRetries: 0 }) });

		expect(sandbox.requests).toHaveLength(1);
		expect(error).toMatchObject({ httpCode: '503' });
	});

	test('a Retry-After longer than Max Retry Wait gives up at once', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ status: 429, retryAfter: 30, times: 100 });

		const mark = logLines.length;
		const { error } = await runBuildin(sandbox, { parameters: getPage(page.id, { maxRetryWait: 5 }) });

		expect(retriesLoggedSince(mark)).toEqual([]);
		expect(sandbox.requests).toHaveLength(1);
		expect(error).toMatchObject({ httpCode: '429', context: expect.objectContaining({ apiCode: 'rate_limited' }) });
	});

	test('Update retries a 429 too, and writes once', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ method: 'PATCH', status: 429, retryAfter: 0 });

		const { error } = await runBuildin(sandbox, { parameters: updateTitle(page.id, 'After a 429') });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 429', 'PATCH 200']);
		expect(plainTitle(sandbox.getPage(page.id))).toBe('After a 429');
	});
});

describe('network failures', () => {
	test('a dropped connection on GET is retried and succeeds', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ method: 'GET', drop: true });

		const { output, error } = await runBuildin(sandbox, { parameters: getPage(page.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.fault ?? r.status)).toEqual(['drop', 200]);
		expect(output[0].json.id).toBe(page.id);
	});

	test('a dropped connection on PATCH with If-Match is not retried: one request, a clear error', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ method: 'PATCH', drop: true, times: 5 });

		const result = await runBuildin(sandbox, {
			parameters: updateTitle(page.id, 'Maybe', { ifMatch: `W/"${page.last_edited_time}"` }),
		});

		expect(sandbox.requests).toHaveLength(1);
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			message: `No answer from Buildin at ${sandbox.url}: the connection was closed before an answer came; the request may have been applied`,
			description: expect.stringContaining('Check the Base URL in the Buildin API credential and the network'),
			context: expect.objectContaining({ itemIndex: 0, networkCode: expect.stringMatching(/^E[A-Z]+$/) }),
		});
		expect(sandbox.getPage(page.id)).toEqual(page);
		expectNoToken(result);
	});

	test('a dropped connection on PATCH without If-Match is retried (the update is idempotent)', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		sandbox.injectFault({ method: 'PATCH', drop: true });

		const { error } = await runBuildin(sandbox, { parameters: updateTitle(page.id, 'Second try') });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.fault ?? r.status)).toEqual(['drop', 200]);
		expect(plainTitle(sandbox.getPage(page.id))).toBe('Second try');
	});

	test('connection refused gives a clear message', async () => {
		const port = await closedPort();

		const result = await runBuildin(
			sandbox,
			{ parameters: getPage(MISSING, { maxRetries: 0 }) },
			{ credentials: { baseUrl: `http://127.0.0.1:${port}` } },
		);

		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			message: `Could not reach Buildin at http://127.0.0.1:${port}: the connection was refused`,
			description: 'Check the Base URL in the Buildin API credential and the network.',
			context: expect.objectContaining({ networkCode: 'ECONNREFUSED' }),
		});
		expectNoToken(result);
	});

	test('no answer within Timeout gives a clear message', async () => {
		const page = sandbox.addPage({ title: 'Slow' });
		sandbox.injectFault({ method: 'GET', latencyMs: 3000 });

		const result = await runBuildin(sandbox, { parameters: getPage(page.id, { timeout: 1, maxRetries: 0 }) });

		expect(sandbox.requests).toHaveLength(1);
		expect(result.error).toMatchObject({
			message: `Could not reach Buildin at ${sandbox.url}: no answer came within the timeout`,
		});
	});
});

describe('Base URL and token', () => {
	test('a plain-http Base URL that is not localhost is refused before any request', async () => {
		const result = await runBuildin(sandbox, { parameters: getPage(MISSING) }, { credentials: { baseUrl: 'http://example.com' } });

		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message:
				'The Base URL http://example.com is not https://: the API token would travel in clear text. Use https:// (plain http:// is allowed only for localhost)',
		});
		expectNoToken(result);
	});

	test('the refusal happens before connecting: a non-localhost name that would reach the sandbox gets nothing', async () => {
		// 0.0.0.0 reaches the sandbox's loopback listener on Linux, but is not a localhost name.
		const page = sandbox.addPage({ title: 'Page' });
		const result = await runBuildin(
			sandbox,
			{ parameters: getPage(page.id) },
			{ credentials: { baseUrl: `http://0.0.0.0:${sandbox.port}` } },
		);

		expect(result.error?.message).toContain('is not https://');
		expect(sandbox.requests).toHaveLength(0);
	});

	test('the sandbox receives exactly "Authorization: Bearer <token>"', async () => {
		const page = sandbox.addPage({ title: 'Page' });

		const result = await runBuildin(sandbox, [
			{ name: 'Get Page', parameters: getPage(page.id) },
			{ name: 'Update Page', parameters: updateTitle(page.id, 'Authorised') },
		]);

		expect(result.error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(2);
		for (const request of sandbox.requests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expectNoToken(result);
	});

	test('a redirect is not followed: the token goes nowhere else, and the error says where it pointed', async () => {
		const elsewhere = await startElsewhere();
		sandbox.injectFault({ status: 307, location: `${elsewhere.url}/v2/pages/${MISSING}` });

		const result = await runBuildin(sandbox, { parameters: getPage(MISSING) });
		await elsewhere.close();

		expect(sandbox.requests).toHaveLength(1);
		expect(elsewhere.authorizations).toEqual([]);
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '307',
			description: expect.stringContaining('does not follow redirects'),
		});
		expect(result.error?.message).toMatch(/^Buildin API error 307 \(/);
		expectNoToken(result);
	});

	test('a redirect without an error body names its Location', async () => {
		const server = http.createServer((_req, res) => {
			res.writeHead(301, { location: 'https://api.buildin.ai/v2/users/me' }).end();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

		const result = await runBuildin(sandbox, { parameters: getPage(MISSING) }, { credentials: { baseUrl } });
		await new Promise((resolve) => server.close(resolve));

		expect(result.error?.message).toBe('Buildin API error 301 (a redirect to https://api.buildin.ai/v2/users/me)');
	});

	test('a trailing slash on the Base URL is tolerated', async () => {
		const page = sandbox.addPage({ title: 'Page' });

		const { error } = await runBuildin(sandbox, { parameters: getPage(page.id) }, { credentials: { baseUrl: `${sandbox.url}/` } });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe(`/v2/pages/${page.id}`);
	});

	describe('the token is never shown', () => {
		test('in a successful run', async () => {
			const page = sandbox.addPage({ title: 'Page' });
			const result = await runBuildin(sandbox, { parameters: updateTitle(page.id, 'Fine') });
			expect(result.error).toBeUndefined();
			expect(sandbox.requests[0].headers.authorization).toContain(TOKEN);
			expectNoToken(result);
		});

		test.each<[string, () => void, (id: string) => INodeParameters]>([
			['404', () => undefined, () => getPage(MISSING)],
			['409', () => undefined, (id) => updateTitle(id, 'x', { ifMatch: 'W/"stale"' })],
			['429 after retries', () => sandbox.injectFault({ status: 429, retryAfter: 0, times: 100 }), (id) => getPage(id, { maxRetries: 1 })],
			['500', () => sandbox.injectFault({ status: 500 }), (id) => getPage(id)],
			['dropped connection', () => sandbox.injectFault({ drop: true, times: 100 }), (id) => updateTitle(id, 'x', { ifMatch: 'W/"x"' })],
		])('in a failed run (%s)', async (_label, arrange, parameters) => {
			const page = sandbox.addPage({ title: 'Page' });
			arrange();

			const result = await runBuildin(sandbox, { parameters: parameters(page.id) });

			expect(result.error).toBeDefined();
			expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
			expectNoToken(result);
		});

		test('in continue-on-fail error items', async () => {
			const page = sandbox.addPage({ title: 'Page' });
			sandbox.injectFault({ path: `/v2/pages/${MISSING}`, status: 503, retryAfter: 0, times: 100 });

			const result = await runBuildin(
				sandbox,
				{
					parameters: { ...getPage(page.id, { maxRetries: 1 }), pageId: byId('={{ $json.page }}') },
					settings: { continueOnFail: true },
				},
				{ items: [{ page: page.id }, { page: MISSING }, { page: 'nonsense' }] },
			);

			expect(result.error).toBeUndefined();
			expect(result.output).toHaveLength(3);
			expect(failureOf(result.output[1]).message).toContain('Buildin API error 503 (service_unavailable');
			expect(failureOf(result.output[1])).toMatchObject({ httpCode: 503 });
			expect(failureOf(result.output[2]).message).toContain('is not a Buildin ID or URL');
			expectNoToken(result);
		});
	});
});

describe('the credential', () => {
	it('is read once per execution, not once per request (a database read and decryption each in a real n8n)', async () => {
		const { runWorkflow } = require('../../../../harness/engine');
		const pages = [0, 1, 2, 3, 4].map((index) => sandbox.addPage({ title: `Read ${index}` }));
		let reads = 0;
		// The harness hands out a copy of this object per credential read; the getter counts the copies.
		const credential = {
			get apiToken() {
				reads++;
				return TOKEN;
			},
			baseUrl: sandbox.url,
		};
		const run = await runWorkflow({
			nodes: [
				{ id: 't', name: 'Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'i', name: 'Items', type: 'harness.fixedItems', typeVersion: 1, position: [200, 0], parameters: { items: JSON.stringify(pages.map((page) => ({ id: page.id }))) } },
				{
					id: 'b',
					name: 'Buildin',
					type: 'n8n-nodes-buildin.buildin',
					typeVersion: 1,
					position: [400, 0],
					credentials: { buildinApi: { id: 'sandbox', name: 'Buildin sandbox' } },
					parameters: { resource: 'page', operation: 'get', pageId: byId('={{ $json.id }}') },
				},
			],
			connections: {
				Trigger: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
				Items: { main: [[{ node: 'Buildin', type: 'main', index: 0 }]] },
			},
			credentials: { buildinApi: credential },
		});
		expect(run.status).toBe('success');
		expect(sandbox.requests.filter((request: any) => request.headers.authorization === `Bearer ${TOKEN}`)).toHaveLength(5);
		expect(reads).toBe(1);
	});
});
