// Page → Get through n8n's engine against the local Buildin sandbox: the README's "read a page, then update it
// with its version" examples.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { byId, byUrl, runBuildin, useSandbox } from '../../../../support/workflow';

const sandbox = useSandbox();

// Simplify is on by default; most tests here read the page as Buildin returns it.
const getPage = (pageId: INodeParameters): INodeParameters => ({ resource: 'page', operation: 'get', pageId, simplify: false });
const compact = (id: string) => id.replace(/-/g, '');
const weakVersion = (page: Record<string, any> | undefined) => `W/"${page?.last_edited_time}"`;

/** The ETag header the sandbox answers a GET with, read straight from the sandbox. */
async function etagHeader(id: string): Promise<string | null> {
	const res = await fetch(`${sandbox.url}/v2/pages/${id}`, { headers: { authorization: `Bearer ${sandboxToken}` } });
	await res.text();
	return res.headers.get('etag');
}
const sandboxToken = 'get-test-reader';

describe('Page → Get', () => {
	beforeAll(() => {
		sandbox.addToken(sandboxToken, ['pages.read']);
	});

	test('by dashed ID: the output is the page as Buildin returns it, plus etag equal to the ETag header', async () => {
		const page = sandbox.addPage({ title: 'Release Checklist', icon: { type: 'emoji', emoji: '🚀' } });

		const { output, error } = await runBuildin(sandbox, { parameters: getPage(byId(page.id)) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: `/v2/pages/${page.id}`, status: 200 });
		expect(output).toHaveLength(1);
		const { etag, ...rest } = output[0].json;
		expect(rest).toEqual(sandbox.getPage(page.id));
		expect(etag).toBe(await etagHeader(page.id));
		expect(etag).toBe(weakVersion(page));
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	test('by compact ID (32 hex characters, upper case too): the request uses the dashed form', async () => {
		const page = sandbox.addPage({ title: 'Compact' });

		const { output, error } = await runBuildin(sandbox, [
			{ name: 'Lower', parameters: getPage(byId(compact(page.id))) },
			{ name: 'Upper', parameters: getPage(byId(compact(page.id).toUpperCase())) },
		]);

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.path)).toEqual([`/v2/pages/${page.id}`, `/v2/pages/${page.id}`]);
		expect(output[0].json.id).toBe(page.id);
	});

	test.each([
		['plain', (id: string) => `https://buildin.ai/docs/${compact(id)}`],
		['dashed id', (id: string) => `https://buildin.ai/docs/${id}`],
		['title slug', (id: string) => `https://buildin.ai/docs/Release-Checklist-${compact(id)}`],
		['trailing slash', (id: string) => `https://buildin.ai/docs/${compact(id)}/`],
		['query', (id: string) => `https://buildin.ai/docs/${compact(id)}?from=share&v=2`],
		['fragment', (id: string) => `https://buildin.ai/docs/${compact(id)}#block-1`],
		['slug, slash, query and fragment', (id: string) => `https://buildin.ai/docs/Release-Checklist-${id}/?pvs=4#top`],
	])('by URL (%s)', async (_variant, url) => {
		const page = sandbox.addPage({ title: 'From a link' });

		const { output, error } = await runBuildin(sandbox, { parameters: getPage(byUrl(url(page.id))) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v2/pages/${page.id}`]);
		expect(output[0].json).toMatchObject({ object: 'page', id: page.id, etag: weakVersion(page) });
	});

	test('without an ETag header the etag is W/"<last_edited_time>", and an Update with it succeeds', async () => {
		sandbox.options.etagOnGet = false;
		const page = sandbox.addPage({ title: 'No header', lastEditedTime: '2026-04-09T09:30:00.000Z' });
		expect(await etagHeader(page.id)).toBeNull();
		sandbox.reset();

		const { outputs, output, error } = await runBuildin(sandbox, [
			{ name: 'Get Page', parameters: getPage(byId(page.id)) },
			{
				name: 'Update Page',
				parameters: {
					resource: 'page',
					operation: 'update',
					pageId: byId('={{ $json.id }}'),
					title: 'Renamed after reading',
					ifMatch: "={{ $('Get Page').item.json.etag }}",
				},
			},
		]);

		expect(error).toBeUndefined();
		expect(outputs['Get Page']?.[0].json.etag).toBe('W/"2026-04-09T09:30:00.000Z"');
		expect(sandbox.requests[1]).toMatchObject({ method: 'PATCH', status: 200 });
		expect(sandbox.requests[1].headers['if-match']).toBe('W/"2026-04-09T09:30:00.000Z"');
		expect(sandbox.getPage(page.id)?.properties.title.title[0].plain_text).toBe('Renamed after reading');
		expect(output[0].json.etag).toBe(weakVersion(sandbox.getPage(page.id)));
	});

	test('the ETag header is passed on verbatim, not rebuilt from last_edited_time', async () => {
		// A stand-in server whose ETag differs from W/"<last_edited_time>": the header must win.
		const page = sandbox.addPage({ title: 'Custom version' });
		const server = http.createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json', etag: '"v42-custom"' });
			res.end(JSON.stringify(sandbox.getPage(page.id)));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const { output, error } = await runBuildin(
				sandbox,
				{ parameters: getPage(byId(page.id)) },
				{ credentials: { baseUrl: `http://127.0.0.1:${port}` } },
			);
			expect(error).toBeUndefined();
			expect(output[0].json.etag).toBe('"v42-custom"');
		} finally {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	});

	test('an unknown page gives the 404 error with the API code and advice', async () => {
		const missing = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';

		const { output, error } = await runBuildin(sandbox, { parameters: getPage(byId(missing)) });

		expect(output).toEqual([]);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '404',
			message: expect.stringContaining('Buildin API error 404 (not_found:'),
			description: expect.stringContaining('No page with this ID is visible to the integration'),
			context: expect.objectContaining({ itemIndex: 0, apiCode: 'not_found', requestId: expect.stringMatching(/^req_/) }),
		});
		expect(sandbox.requests).toHaveLength(1);
	});

	test('Simplify off: the raw page, ready to feed an Update', async () => {
		const page = sandbox.addPage({ title: 'Raw' });

		const { output } = await runBuildin(sandbox, { parameters: getPage(byId(page.id)) });

		expect(output[0].json.properties).toEqual(page.properties);
	});

	test('Simplify is on by default (n8n’s default): the Simplify shape, with etag', async () => {
		const page = sandbox.addPage({ title: 'Plain' });

		const { output } = await runBuildin(sandbox, { parameters: { resource: 'page', operation: 'get', pageId: byId(page.id) } });

		expect(output[0].json).toMatchObject({ id: page.id, title: 'Plain', properties: { title: 'Plain' }, etag: weakVersion(page) });
	});

	test('Simplify: plain values keyed by property name, plus etag', async () => {
		const record = sandbox.addPage({
			parent: { type: 'database_id', database_id: '33333333-3333-4333-8333-333333333333' },
			schema: { Name: 'title', Status: 'select', Tags: 'multi_select', Estimate: 'number', Owner: 'people', Notes: 'rich_text' },
			properties: {
				Name: { title: [{ type: 'text', text: { content: 'Ship ' } }, { type: 'text', text: { content: 'v1.0' } }] },
				Status: { select: { name: 'Doing' } },
				Tags: { multi_select: [{ name: 'release' }, { name: 'backend' }] },
				Estimate: { number: 5 },
				Owner: { people: [{ object: 'user', id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' }] },
			},
			icon: { type: 'emoji', emoji: '🚀' },
		});

		const { output, error } = await runBuildin(sandbox, { parameters: { ...getPage(byId(record.id)), simplify: true } });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(output[0].json).toEqual({
			id: record.id,
			object: 'page',
			title: 'Ship v1.0',
			url: record.url,
			icon: '🚀',
			cover: null,
			in_trash: false,
			parent_id: '33333333-3333-4333-8333-333333333333',
			created_time: record.created_time,
			last_edited_time: record.last_edited_time,
			properties: {
				Name: 'Ship v1.0',
				Status: 'Doing',
				Tags: ['release', 'backend'],
				Estimate: 5,
				Owner: ['bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'],
				Notes: '',
			},
			etag: await etagHeader(record.id),
		});
	});

	test('a trashed page is returned with in_trash true', async () => {
		const page = sandbox.addPage({ title: 'Old notes', inTrash: true });

		const { output, error } = await runBuildin(sandbox, { parameters: getPage(byId(page.id)) });

		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ id: page.id, in_trash: true });
	});
});
