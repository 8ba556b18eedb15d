// Page → Get Content as Markdown and Page → Replace Content with Markdown through n8n's engine against the local
// Buildin sandbox (and, for the spec's field name, a stand-in server).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { byId, runBuildin, useSandbox } from '../../../../support/workflow';

type Json = Record<string, any>;

const sandbox = useSandbox();

const MISSING = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
const text = (content: string) => [{ type: 'text', text: { content } }];
const plain = (richText: Json[] | undefined) => (richText ?? []).map((item) => item.plain_text).join('');
const contentOf = (pageId: string) => sandbox.childrenOf(pageId).map((block: Json) => [block.type, plain(block[block.type]?.rich_text)]);

const getMarkdown = (pageId: string): INodeParameters => ({ resource: 'page', operation: 'getMarkdown', pageId: byId(pageId) });
const replaceMarkdown = (pageId: string, markdown: string, options: INodeParameters = {}): INodeParameters => ({
	resource: 'page',
	operation: 'replaceMarkdown',
	pageId: byId(pageId),
	markdown,
	options,
});

/** A page with a heading, a paragraph and a to-do. */
function pageWithContent(title = 'Release Checklist') {
	const page = sandbox.addPage({ title });
	sandbox.addBlocks(page.id, [
		{ type: 'heading_1', heading_1: { rich_text: text('Steps') } },
		{ type: 'paragraph', paragraph: { rich_text: text('Ship it on Friday.') } },
		{ type: 'to_do', to_do: { rich_text: text('Write the changelog'), checked: true } },
	]);
	return sandbox.getPage(page.id) as Json;
}

/** Answers every request with `body`, like a Buildin server would; returns its base URL and a closer. */
async function standIn(body: unknown): Promise<{ url: string; close: () => Promise<void> }> {
	const server = http.createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify(body));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: async () => {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

describe('Page → Get Content as Markdown', () => {
	test('outputs {page_id, markdown, updated_time} from GET /v2/pages/:id/content/markdown', async () => {
		const page = pageWithContent();

		const { output, error } = await runBuildin(sandbox, { parameters: getMarkdown(page.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`GET /v2/pages/${page.id}/content/markdown 200`,
		]);
		expect(output).toEqual([
			{
				json: {
					page_id: page.id,
					markdown: '# Steps\n\nShip it on Friday.\n\n- [x] Write the changelog',
					updated_time: page.last_edited_time,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('accepts the spec’s last_edited_time as updated_time', async () => {
		const server = await standIn({ object: 'markdown', page_id: MISSING, markdown: '# Hi', last_edited_time: '2026-04-09T09:30:00.000Z' });
		try {
			const { output, error } = await runBuildin(sandbox, { parameters: getMarkdown(MISSING) }, { credentials: { baseUrl: server.url } });

			expect(error).toBeUndefined();
			expect(output[0].json).toEqual({ page_id: MISSING, markdown: '# Hi', updated_time: '2026-04-09T09:30:00.000Z' });
		} finally {
			await server.close();
		}
	});

	test('an empty page gives an empty Markdown', async () => {
		const page = sandbox.addPage({ title: 'Empty' });

		const { output, error } = await runBuildin(sandbox, { parameters: getMarkdown(page.id) });

		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ page_id: page.id, markdown: '' });
	});

	test('without blocks.read: 403 naming both capabilities', async () => {
		sandbox.addToken('pages-only', ['pages.read']);
		const page = pageWithContent();

		const { error } = await runBuildin(sandbox, { parameters: getMarkdown(page.id) }, { credentials: { apiToken: 'pages-only' } });

		expect(sandbox.requests).toHaveLength(1);
		expect(error).toMatchObject({ httpCode: '403', description: expect.stringContaining('the pages.read and blocks.read capability') });
	});

	test('an unknown page is a 404', async () => {
		const { error } = await runBuildin(sandbox, { parameters: getMarkdown(MISSING) });

		expect(error).toMatchObject({ httpCode: '404', description: expect.stringContaining('No page with this ID') });
	});
});

describe('Page → Replace Content with Markdown', () => {
	test('PUTs {markdown}; the whole body is replaced, title and properties stay; output {page_id, updated_time}', async () => {
		const page = pageWithContent();
		const markdown = '## New plan\n\n1. Freeze\n2. Ship';

		const { output, error } = await runBuildin(sandbox, { parameters: replaceMarkdown(page.id, markdown) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`PUT /v2/pages/${page.id}/content/markdown 200`,
		]);
		expect(sandbox.requests[0].body).toEqual({ markdown });
		expect(contentOf(page.id)).toEqual([
			['heading_2', 'New plan'],
			['numbered_list_item', 'Freeze'],
			['numbered_list_item', 'Ship'],
		]);
		const after = sandbox.getPage(page.id);
		expect(after?.properties).toEqual(page.properties);
		expect(output[0].json).toEqual({ page_id: page.id, updated_time: after?.last_edited_time });
	});

	test('Get Content as Markdown then Replace with an edited copy round-trips', async () => {
		const page = pageWithContent();

		const { error } = await runBuildin(sandbox, [
			{ name: 'Get Markdown', parameters: getMarkdown(page.id) },
			{
				name: 'Replace',
				parameters: {
					resource: 'page',
					operation: 'replaceMarkdown',
					pageId: byId('={{ $json.page_id }}'),
					markdown: '={{ $json.markdown.replace("Friday", "Monday") }}',
				},
			},
		]);

		expect(error).toBeUndefined();
		expect(sandbox.requests[1].body).toEqual({ markdown: '# Steps\n\nShip it on Monday.\n\n- [x] Write the changelog' });
		expect(contentOf(page.id)).toEqual([
			['heading_1', 'Steps'],
			['paragraph', 'Ship it on Monday.'],
			['to_do', 'Write the changelog'],
		]);
	});

	test.each([
		['empty', ''],
		['only white space', ' \n\t '],
	])('%s Markdown is refused before any request, and the page keeps its body', async (_label, markdown) => {
		const page = pageWithContent();

		const { error } = await runBuildin(sandbox, { parameters: replaceMarkdown(page.id, markdown) });

		expect(sandbox.requests).toHaveLength(0);
		expect(error).toMatchObject({
			name: 'NodeOperationError',
			message: 'Markdown in item 0: is empty, and sending it would delete the whole page body',
			description: expect.stringContaining('Allow Empty Markdown'),
		});
		expect(contentOf(page.id)).toHaveLength(3);
	});

	test('an expression resolving to nothing is refused too', async () => {
		const page = pageWithContent();

		const { error } = await runBuildin(sandbox, { parameters: replaceMarkdown(page.id, '={{ $json.missing }}') });

		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toContain('Markdown in item 0: is empty');
	});

	test('with Allow Empty Markdown, an empty Markdown clears the page body', async () => {
		const page = pageWithContent();

		const { output, error } = await runBuildin(sandbox, { parameters: replaceMarkdown(page.id, '', { allowEmpty: true }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ markdown: '' });
		expect(contentOf(page.id)).toEqual([]);
		expect(output[0].json.page_id).toBe(page.id);
	});

	test('without blocks.write: 403 naming both capabilities, the body is untouched', async () => {
		sandbox.addToken('no-blocks-write-md', ['pages.read', 'pages.write', 'blocks.read']);
		const page = pageWithContent();

		const { error } = await runBuildin(
			sandbox,
			{ parameters: replaceMarkdown(page.id, '# Nope') },
			{ credentials: { apiToken: 'no-blocks-write-md' } },
		);

		expect(error).toMatchObject({ httpCode: '403', description: expect.stringContaining('the pages.write and blocks.write capability') });
		expect(contentOf(page.id)).toHaveLength(3);
	});
});
