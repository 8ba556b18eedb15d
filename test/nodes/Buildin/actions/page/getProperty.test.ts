// Page → Get Property through n8n's engine against the local Buildin sandbox: paginated values joined into one item.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { byId, runBuildin, useSandbox } from '../../../../support/workflow';

type Json = Record<string, any>;

const sandbox = useSandbox();

const DATABASE_ID = '33333333-3333-4333-8333-333333333333';
const MISSING = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const getProperty = (pageId: string, propertyId: string): INodeParameters => ({
	resource: 'page',
	operation: 'getProperty',
	pageId: byId(pageId),
	propertyId,
});

/** A record with a long title (230 rich-text items), 130 relations, 105 people and a few scalar values. */
function longRecord() {
	const words = Array.from({ length: 230 }, (_, index) => `w${index + 1} `);
	return sandbox.addPage({
		parent: { type: 'database_id', database_id: DATABASE_ID },
		schema: { Name: 'title', 'Related Tasks': 'relation', Owners: 'people', Estimate: 'number', Status: 'select', Notes: 'rich_text', Due: 'date' },
		properties: {
			Name: { title: words.map((content) => ({ type: 'text', text: { content } })) },
			'Related Tasks': { relation: Array.from({ length: 130 }, (_, index) => ({ id: uuid(index + 1) })) },
			Owners: { people: Array.from({ length: 105 }, (_, index) => ({ object: 'user', id: uuid(1000 + index) })) },
			Estimate: { number: 5 },
			Status: { select: { name: 'Doing', color: 'blue' } },
			Due: { date: { start: '2026-04-30', end: null, time_zone: null } },
		},
	});
}

describe('Page → Get Property', () => {
	test('a title over several pages of items: joined into one item, in order, with plain_text', async () => {
		const record = longRecord();

		const { output, error } = await runBuildin(sandbox, { parameters: getProperty(record.id, 'title') });

		expect(error).toBeUndefined();
		const path = `/v2/pages/${record.id}/properties/title`;
		expect(sandbox.requests).toHaveLength(3);
		expect(sandbox.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', path, 200],
			['GET', path, 200],
			['GET', path, 200],
		]);
		expect(sandbox.requests[0].query).toEqual({ page_size: '100' });
		expect(sandbox.requests[1].query).toEqual({ page_size: '100', start_cursor: expect.any(String) });
		expect(sandbox.requests[2].query.start_cursor).not.toBe(sandbox.requests[1].query.start_cursor);
		expect(output).toHaveLength(1);
		const { value, ...rest } = output[0].json as Json;
		expect(rest).toEqual({
			page_id: record.id,
			property_id: 'title',
			type: 'title',
			plain_text: Array.from({ length: 230 }, (_, index) => `w${index + 1} `).join(''),
		});
		expect(value).toEqual(record.properties.Name.title);
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	test('a relation by its name (URL-encoded): all 130 related pages, joined', async () => {
		const record = longRecord();

		const { output, error } = await runBuildin(sandbox, { parameters: getProperty(record.id, 'Related Tasks') });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(2);
		expect(sandbox.requests.every((r) => r.path === `/v2/pages/${record.id}/properties/Related%20Tasks`)).toBe(true);
		expect(output[0].json).toEqual({
			page_id: record.id,
			property_id: record.properties['Related Tasks'].id,
			type: 'relation',
			value: Array.from({ length: 130 }, (_, index) => ({ id: uuid(index + 1) })),
		});
	});

	test('people by property id: all 105 people, joined', async () => {
		const record = longRecord();

		const { output, error } = await runBuildin(sandbox, { parameters: getProperty(record.id, record.properties.Owners.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(2);
		expect(output[0].json).toMatchObject({ property_id: record.properties.Owners.id, type: 'people' });
		expect(output[0].json.value).toEqual(record.properties.Owners.people);
		expect(output[0].json).not.toHaveProperty('plain_text');
	});

	test('an empty rich text: one request, value [] and plain_text ""', async () => {
		const record = longRecord();

		const { output, error } = await runBuildin(sandbox, { parameters: getProperty(record.id, 'Notes') });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(output[0].json).toEqual({
			page_id: record.id,
			property_id: record.properties.Notes.id,
			type: 'rich_text',
			value: [],
			plain_text: '',
		});
	});

	test.each([
		['Estimate', 'number', 5],
		['Status', 'select', { name: 'Doing', color: 'blue' }],
		['Due', 'date', { start: '2026-04-30', end: null, time_zone: null }],
	])('a scalar property (%s): its single value, one request', async (name, type, expected) => {
		const record = longRecord();

		const { output, error } = await runBuildin(sandbox, { parameters: getProperty(record.id, name) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(output[0].json).toEqual({
			page_id: record.id,
			property_id: record.properties[name].id,
			type,
			value: type === 'select' ? expect.objectContaining(expected as Json) : expected,
		});
	});

	test('a property name with / and % is encoded so it stays one path segment', async () => {
		const record = sandbox.addPage({
			parent: { type: 'database_id', database_id: DATABASE_ID },
			schema: { Name: 'title', 'Done/Total %': 'number' },
			properties: { 'Done/Total %': { number: 0.5 } },
		});

		const { output, error } = await runBuildin(sandbox, { parameters: getProperty(record.id, 'Done/Total %') });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe(`/v2/pages/${record.id}/properties/Done%2FTotal%20%25`);
		expect(output[0].json.value).toBe(0.5);
	});

	test('an unknown property is a 404 from Buildin', async () => {
		const record = longRecord();

		const { error } = await runBuildin(sandbox, { parameters: getProperty(record.id, 'Nope') });

		expect(sandbox.requests).toHaveLength(1);
		expect(error).toMatchObject({ httpCode: '404', message: expect.stringContaining('The page has no property "Nope"') });
	});

	test('an empty property (from an expression) is refused before any request', async () => {
		const record = longRecord();

		const { error } = await runBuildin(
			sandbox,
			{ parameters: getProperty(record.id, '={{ $json.property }}') },
			{ items: [{ property: '  ' }] },
		);

		expect(sandbox.requests).toHaveLength(0);
		expect(error).toMatchObject({ name: 'NodeOperationError', message: 'Property in item 0: is empty' });
	});

	test('an unknown page is a 404', async () => {
		const { error } = await runBuildin(sandbox, { parameters: getProperty(MISSING, 'title') });

		expect(error).toMatchObject({ httpCode: '404' });
	});

	test('a server repeating a cursor is stopped with an error instead of looping', async () => {
		const loop = { object: 'list', type: 'property_item', property_item: { id: 'title', type: 'title', title: {} },
			results: [{ object: 'property_item', id: 'title', type: 'title', title: { type: 'text', text: { content: 'x' }, plain_text: 'x' } }],
			next_cursor: 'same', has_more: true };
		let hits = 0;
		const server = http.createServer((_req, res) => {
			hits++;
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(loop));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const { error } = await runBuildin(
				sandbox,
				{ parameters: getProperty(MISSING, 'title') },
				{ credentials: { baseUrl: `http://127.0.0.1:${port}` } },
			);
			expect(error?.message).toContain('with the cursor "same" it had already given for this list');
			expect(hits).toBe(2);
		} finally {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	});
});
