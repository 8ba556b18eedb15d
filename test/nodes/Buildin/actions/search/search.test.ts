// Search → Search through n8n's engine against the local Buildin sandbox: query, object type, sort, Limit and Return
// All across the sandbox's pages of results, and Simplify.
import type { INodeParameters } from 'n8n-workflow';

import { runBuildin, useSandbox } from '../../../../support/workflow';

type Json = Record<string, any>;

const sandbox = useSandbox();

const search = (parameters: INodeParameters = {}): INodeParameters => ({ resource: 'search', operation: 'search', ...parameters });
const minute = (n: number) => new Date(Date.UTC(2026, 3, 9, 8, n)).toISOString();
const bodies = () => sandbox.requests.map((r) => r.body as Json);

/** `count` pages titled `<word> 1..count`, created a minute apart and edited in the reverse order. */
function addPages(word: string, count: number) {
	return Array.from({ length: count }, (_, index) =>
		sandbox.addPage({
			title: `${word} ${index + 1}`,
			createdTime: minute(index),
			lastEditedTime: minute(1000 - index),
		}),
	);
}

describe('Search → Search', () => {
	test('Limit 3: exactly 3 results from one request that asked for page_size 3', async () => {
		addPages('Apricot', 8);

		const { output, error } = await runBuildin(sandbox, { parameters: search({ query: 'apricot', limit: 3, simplify: false }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /v2/search 200']);
		expect(bodies()).toEqual([
			{ query: 'apricot', sort: { timestamp: 'last_edited_time', direction: 'descending' }, page_size: 3 },
		]);
		expect(output).toHaveLength(3);
		// Most recently edited first: Apricot 1 was edited last.
		expect(output.map((item) => (item.json as Json).properties.title.title[0].plain_text)).toEqual(['Apricot 1', 'Apricot 2', 'Apricot 3']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	test('a Limit above one page follows the cursor, each request asking only for what is still missing', async () => {
		const pages = addPages('Banana', 130);

		const { output, error } = await runBuildin(sandbox, {
			parameters: search({ query: 'banana', limit: 120, sort: { sortValue: { sortBy: 'created_time', direction: 'ascending' } } }),
		});

		expect(error).toBeUndefined();
		expect(bodies().map((body) => [body.page_size, typeof body.start_cursor])).toEqual([
			[100, 'undefined'],
			[20, 'string'],
		]);
		expect(output).toHaveLength(120);
		expect(output.map((item) => item.json.id)).toEqual(pages.slice(0, 120).map((page) => page.id));
	});

	test('Return All: every result across several requests, and it stops when has_more is false', async () => {
		const pages = addPages('Cherry', 130);

		const { output, error } = await runBuildin(sandbox, {
			parameters: search({ query: 'cherry', returnAll: true, sort: { sortValue: { sortBy: 'created_time', direction: 'descending' } } }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(2);
		expect(bodies()[0]).toMatchObject({ page_size: 100, sort: { timestamp: 'created_time', direction: 'descending' } });
		expect(bodies()[1]).toMatchObject({ page_size: 100, start_cursor: expect.any(String) });
		expect(output.map((item) => item.json.id)).toEqual(pages.map((page) => page.id).reverse());
	});

	test('Sort: created time ascending and last edited time ascending give opposite orders here', async () => {
		const pages = addPages('Damson', 4);

		const created = await runBuildin(sandbox, { parameters: search({ query: 'damson', sort: { sortValue: { sortBy: 'created_time', direction: 'ascending' } } }) });
		const edited = await runBuildin(sandbox, {
			parameters: search({ query: 'damson', sort: { sortValue: { sortBy: 'last_edited_time', direction: 'ascending' } } }),
		});

		expect(created.output.map((item) => item.json.id)).toEqual(pages.map((page) => page.id));
		expect(edited.output.map((item) => item.json.id)).toEqual(pages.map((page) => page.id).reverse());
		expect(bodies().map((body) => body.sort)).toEqual([
			{ timestamp: 'created_time', direction: 'ascending' },
			{ timestamp: 'last_edited_time', direction: 'ascending' },
		]);
	});

	test.each([
		['page', ['Elder page']],
		['folder', ['Elder folder']],
		['mind_map', ['Elder mind map']],
		['database', ['Elder database']],
		['any', ['Elder database', 'Elder mind map', 'Elder folder', 'Elder page']],
	])('Object Type %s: the filter is sent and only those objects come back', async (objectType, titles) => {
		const prefix = `Elder-${objectType}`;
		sandbox.addPage({ title: `${prefix} Elder page`, lastEditedTime: minute(1) });
		sandbox.addPage({ title: `${prefix} Elder folder`, pageType: 'folder', lastEditedTime: minute(2) });
		sandbox.addPage({ title: `${prefix} Elder mind map`, pageType: 'mind_map', lastEditedTime: minute(3) });
		sandbox.addDatabase({ title: `${prefix} Elder database`, properties: { Name: 'title' }, lastEditedTime: minute(4) });

		const { output, error } = await runBuildin(sandbox, { parameters: search({ query: prefix, objectType }) });

		expect(error).toBeUndefined();
		const body = bodies()[0];
		if (objectType === 'any') expect(body.filter).toBeUndefined();
		else expect(body.filter).toEqual({ property: 'object', value: objectType });
		expect(output.map((item) => String(item.json.title).replace(`${prefix} `, ''))).toEqual(titles);
	});

	test('Simplify (the default): pages and databases in the Simplify shape, page_type kept', async () => {
		const folder = sandbox.addPage({ title: 'Fig folder', pageType: 'folder', icon: { type: 'emoji', emoji: '📁' }, lastEditedTime: minute(2) });
		const database = sandbox.addDatabase({
			title: 'Fig tracker',
			description: 'All the figs',
			properties: { Name: 'title', Status: 'select' },
			lastEditedTime: minute(1),
		});

		const { output, error } = await runBuildin(sandbox, { parameters: search({ query: 'fig' }) });

		expect(error).toBeUndefined();
		expect(output.map((item) => item.json)).toEqual([
			{
				id: folder.id,
				object: 'page',
				page_type: 'folder',
				title: 'Fig folder',
				url: folder.url,
				icon: '📁',
				cover: null,
				in_trash: false,
				parent_id: null,
				created_time: folder.created_time,
				last_edited_time: folder.last_edited_time,
				properties: { title: 'Fig folder' },
			},
			{
				id: database.id,
				object: 'database',
				title: 'Fig tracker',
				description: 'All the figs',
				url: database.url,
				icon: null,
				cover: null,
				in_trash: false,
				parent_id: null,
				created_time: database.created_time,
				last_edited_time: database.last_edited_time,
				properties: { Name: 'title', Status: 'select' },
			},
		]);
	});

	test('Simplify off: the objects as Buildin returns them', async () => {
		const [page] = addPages('Grape', 1);

		const { output } = await runBuildin(sandbox, { parameters: search({ query: 'grape', simplify: false }) });

		expect(output.map((item) => item.json)).toEqual([sandbox.getPage(page.id)]);
	});

	test('an empty Query is not sent, so everything visible is listed', async () => {
		const { output, error } = await runBuildin(sandbox, { parameters: search({ query: '  ', limit: 2 }) });

		expect(error).toBeUndefined();
		expect(bodies()[0]).not.toHaveProperty('query');
		expect(output).toHaveLength(2);
	});

	test('no match: no output items and no error', async () => {
		const { output, error } = await runBuildin(sandbox, { parameters: search({ query: 'no-such-title-anywhere' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(output).toEqual([]);
	});

	test('one search per input item, each result paired with its item', async () => {
		addPages('Kiwi', 2);
		addPages('Lime', 3);

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: search({ query: '={{ $json.fruit }}' }) },
			{ items: [{ fruit: 'kiwi' }, { fruit: 'lime' }] },
		);

		expect(error).toBeUndefined();
		expect(output.map((item) => [String(item.json.title).split(' ')[0], item.pairedItem])).toEqual([
			['Kiwi', { item: 0 }],
			['Kiwi', { item: 0 }],
			['Lime', { item: 1 }],
			['Lime', { item: 1 }],
			['Lime', { item: 1 }],
		]);
	});

	test('without search.read: 403 naming the capability', async () => {
		sandbox.addToken('no-search', ['pages.read']);

		const { error } = await runBuildin(sandbox, { parameters: search({ query: 'x' }) }, { credentials: { apiToken: 'no-search' } });

		expect(error).toMatchObject({ httpCode: '403', description: expect.stringContaining('the search.read capability') });
	});
});
