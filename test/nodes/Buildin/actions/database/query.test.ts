// Database → Query through n8n's engine against the sandbox: the filter builder (every operator family, AND/OR),
// JSON filters, sorts, Limit / Return All over the sandbox's pagination, Simplify, and what is refused unsent.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { simplifyPage } from '../../../../../nodes/Buildin/helpers/simplify';
import { runBuildin, useSandbox } from '../../../../support/workflow';
import { addRecord, addReleases, ALEX, database, SAM, text } from './fixtures';

type Json = Record<string, any>;

const sandbox = useSandbox();

const RELATED = '11111111-1111-4111-8111-111111111111';

/** Three releases with different values, and one with every property empty. */
function releasesWithRecords() {
	const releases = addReleases(sandbox);
	const v1 = addRecord(sandbox, releases.id, {
		Name: { title: text('Ship v1.0') },
		Status: { select: { name: 'Done' } },
		Tags: { multi_select: [{ name: 'release' }, { name: 'backend' }] },
		Due: { date: { start: '2026-03-31', end: null } },
		Estimate: { number: 8 },
		Done: { checkbox: true },
		Website: { url: 'https://example.com/v1' },
		Contact: { email: 'alex@example.com' },
		Phone: { phone_number: '+1 555 0100' },
		Owner: { people: [{ object: 'user', id: ALEX }] },
		Attachments: { files: [{ name: 'spec.pdf', type: 'external', external: { url: 'https://example.com/spec.pdf' } }] },
		Notes: { rich_text: text('Shipped on time') },
		Related: { relation: [{ id: RELATED }] },
	});
	const v2 = addRecord(sandbox, releases.id, {
		Name: { title: text('Ship v2.0') },
		Status: { select: { name: 'Doing' } },
		Tags: { multi_select: [{ name: 'release' }] },
		Due: { date: { start: '2026-04-30', end: null } },
		Estimate: { number: 3 },
		Done: { checkbox: false },
		Website: { url: 'https://example.com/v2' },
		Owner: { people: [{ object: 'user', id: SAM }] },
		Notes: { rich_text: text('Waiting for the changelog') },
	});
	const v3 = addRecord(sandbox, releases.id, {
		Name: { title: text('Plan v3.0') },
		Status: { select: { name: 'Todo' } },
		Due: { date: { start: '2026-06-30', end: null } },
		Estimate: { number: 13 },
		Done: { checkbox: false },
	});
	const empty = addRecord(sandbox, releases.id, {});
	return { releases, v1, v2, v3, empty };
}

const query = (databaseId: string, parameters: INodeParameters = {}) =>
	database(databaseId, 'query', { returnAll: true, ...parameters });

/** The filter builder's parameters as the editor stores them. */
const conditions = (entries: IDataObject[], matchType = 'and'): INodeParameters => ({
	filterType: 'manual',
	matchType,
	filters: { conditions: entries } as never,
});

const ids = (output: Array<{ json: IDataObject }>) => output.map((item) => item.json.id).sort();
const sorted = (...records: Json[]) => records.map((record) => record.id).sort();

describe('Database → Query: output', () => {
	test('without a filter: every record, simplified by default, one output item each, paired with the input item', async () => {
		const { releases, v1, v2, v3, empty } = releasesWithRecords();

		const { output, error } = await runBuildin(sandbox, { parameters: query(releases.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: `/v2/databases/${releases.id}/query`, status: 200 });
		expect(sandbox.requests[0].body).toEqual({ page_size: 100 });
		expect(ids(output)).toEqual(sorted(v1, v2, v3, empty));
		expect(output.every((item) => (item.pairedItem as Json).item === 0)).toBe(true);
		const first = output.find((item) => item.json.id === v1.id)?.json;
		expect(first).toEqual({
			id: v1.id,
			object: 'page',
			title: 'Ship v1.0',
			url: v1.url,
			icon: null,
			cover: null,
			in_trash: false,
			parent_id: releases.id,
			created_time: v1.created_time,
			last_edited_time: v1.last_edited_time,
			properties: {
				Name: 'Ship v1.0',
				Status: 'Done',
				Tags: ['release', 'backend'],
				Due: { start: '2026-03-31', end: null, time_zone: null },
				Estimate: 8,
				Done: true,
				Website: 'https://example.com/v1',
				Contact: 'alex@example.com',
				Phone: '+1 555 0100',
				Owner: [ALEX],
				Attachments: ['https://example.com/spec.pdf'],
				Notes: 'Shipped on time',
				Related: [RELATED],
				Created: v1.created_time,
			},
		});
	});

	test('Simplify on a record whose properties are all empty gives null / [] / "" instead of failing', async () => {
		const { releases, empty } = releasesWithRecords();

		const { output, error } = await runBuildin(sandbox, { parameters: query(releases.id) });

		expect(error).toBeUndefined();
		expect(output.find((item) => item.json.id === empty.id)?.json).toMatchObject({
			title: '',
			properties: {
				Name: '',
				Status: null,
				Tags: [],
				Due: null,
				Estimate: null,
				Done: false,
				Website: null,
				Contact: null,
				Phone: null,
				Owner: [],
				Attachments: [],
				Notes: '',
				Related: [],
			},
		});
	});

	test('Simplify copes with a property missing from a record or holding null', () => {
		const page = { object: 'page', id: 'x', properties: { Name: { type: 'title', title: [] }, Status: null, Odd: { type: 'status' } } };
		expect(simplifyPage(page as never).properties).toEqual({ Name: '', Status: null, Odd: null });
		expect(simplifyPage({ object: 'page', id: 'y' }).properties).toEqual({});
	});

	test('Simplify off: the records exactly as Buildin returns them', async () => {
		const { releases, v1, v2, v3, empty } = releasesWithRecords();

		const { output, error } = await runBuildin(sandbox, { parameters: query(releases.id, { simplify: false }) });

		expect(error).toBeUndefined();
		const byRecord = Object.fromEntries(output.map((item) => [item.json.id, item.json]));
		for (const record of [v1, v2, v3, empty]) expect(byRecord[record.id]).toEqual(sandbox.getPage(record.id));
	});

	test('no matching record: no output item and no error', async () => {
		const { releases } = releasesWithRecords();

		const { output, error } = await runBuildin(sandbox, {
			parameters: query(releases.id, conditions([{ key: 'Name|title', condition: 'equals', textValue: 'Nothing like this' }])),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([]);
		expect(sandbox.requests).toHaveLength(1);
	});
});

describe('Database → Query: filter builder', () => {
	test.each([
		['text: title contains', { key: 'Name|title', condition: 'contains', textValue: 'Ship' }, { property: 'Name', title: { contains: 'Ship' } }, ['v1', 'v2']],
		['text: rich_text starts_with', { key: 'Notes|rich_text', condition: 'starts_with', textValue: 'Wait' }, { property: 'Notes', rich_text: { starts_with: 'Wait' } }, ['v2']],
		['text: url ends_with', { key: 'Website|url', condition: 'ends_with', textValue: '/v1' }, { property: 'Website', url: { ends_with: '/v1' } }, ['v1']],
		['text: email is_empty', { key: 'Contact|email', condition: 'is_empty', textValue: '' }, { property: 'Contact', email: { is_empty: true } }, ['v2', 'v3', 'empty']],
		['text: phone_number does_not_equal', { key: 'Phone|phone_number', condition: 'does_not_equal', textValue: '+1 555 0100' }, { property: 'Phone', phone_number: { does_not_equal: '+1 555 0100' } }, ['v2', 'v3', 'empty']],
		['number: greater_than', { key: 'Estimate|number', condition: 'greater_than', numberValue: 5 }, { property: 'Estimate', number: { greater_than: 5 } }, ['v1', 'v3']],
		['number: less_than_or_equal_to', { key: 'Estimate|number', condition: 'less_than_or_equal_to', numberValue: 8 }, { property: 'Estimate', number: { less_than_or_equal_to: 8 } }, ['v1', 'v2']],
		['number: is_not_empty', { key: 'Estimate|number', condition: 'is_not_empty' }, { property: 'Estimate', number: { is_not_empty: true } }, ['v1', 'v2', 'v3']],
		['select: equals', { key: 'Status|select', condition: 'equals', selectValue: 'Doing' }, { property: 'Status', select: { equals: 'Doing' } }, ['v2']],
		['select: does_not_equal', { key: 'Status|select', condition: 'does_not_equal', selectValue: 'Doing' }, { property: 'Status', select: { does_not_equal: 'Doing' } }, ['v1', 'v3', 'empty']],
		['multi_select: contains', { key: 'Tags|multi_select', condition: 'contains', multiSelectValue: 'backend' }, { property: 'Tags', multi_select: { contains: 'backend' } }, ['v1']],
		['multi_select: is_empty', { key: 'Tags|multi_select', condition: 'is_empty' }, { property: 'Tags', multi_select: { is_empty: true } }, ['v3', 'empty']],
		['people: contains', { key: 'Owner|people', condition: 'contains', peopleValue: SAM }, { property: 'Owner', people: { contains: SAM } }, ['v2']],
		['relation: contains (by URL)', { key: 'Related|relation', condition: 'contains', relationValue: `https://buildin.ai/docs/${RELATED.replace(/-/g, '')}` }, { property: 'Related', relation: { contains: RELATED } }, ['v1']],
		['date: on_or_after', { key: 'Due|date', condition: 'on_or_after', dateValue: '2026-04-30' }, { property: 'Due', date: { on_or_after: '2026-04-30' } }, ['v2', 'v3']],
		['date: before', { key: 'Due|date', condition: 'before', dateValue: '2026-04-30' }, { property: 'Due', date: { before: '2026-04-30' } }, ['v1']],
		['checkbox: equals', { key: 'Done|checkbox', condition: 'equals', checkboxValue: true }, { property: 'Done', checkbox: { equals: true } }, ['v1']],
		['checkbox: does_not_equal', { key: 'Done|checkbox', condition: 'does_not_equal', checkboxValue: true }, { property: 'Done', checkbox: { does_not_equal: true } }, ['v2', 'v3', 'empty']],
		['files: is_not_empty', { key: 'Attachments|files', condition: 'is_not_empty' }, { property: 'Attachments', files: { is_not_empty: true } }, ['v1']],
	])('%s', async (_label, condition, filter, expected) => {
		const records = releasesWithRecords();

		const { output, error } = await runBuildin(sandbox, { parameters: query(records.releases.id, conditions([condition])) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toEqual({ filter, page_size: 100 });
		expect(sandbox.requests[0].status).toBe(200);
		expect(ids(output)).toEqual(sorted(...expected.map((name) => (records as Json)[name])));
	});

	test('a created_time property filters by the record’s creation time', async () => {
		const releases = addReleases(sandbox);
		const old = addRecord(sandbox, releases.id, { Name: { title: text('Old') } }, { createdTime: '2025-01-01T00:00:00.000Z' });
		addRecord(sandbox, releases.id, { Name: { title: text('New') } }, { createdTime: '2026-05-01T00:00:00.000Z' });

		const { output, error } = await runBuildin(sandbox, {
			parameters: query(releases.id, conditions([{ key: 'Created|created_time', condition: 'before', dateValue: '2026-01-01' }])),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ filter: { property: 'Created', created_time: { before: '2026-01-01' } }, page_size: 100 });
		expect(ids(output)).toEqual([old.id]);
	});

	test('All Conditions sends an AND of the conditions', async () => {
		const { releases, v2 } = releasesWithRecords();

		const { output, error } = await runBuildin(sandbox, {
			parameters: query(
				releases.id,
				conditions([
					{ key: 'Tags|multi_select', condition: 'contains', multiSelectValue: 'release' },
					{ key: 'Done|checkbox', condition: 'equals', checkboxValue: false },
				]),
			),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			filter: {
				and: [
					{ property: 'Tags', multi_select: { contains: 'release' } },
					{ property: 'Done', checkbox: { equals: false } },
				],
			},
			page_size: 100,
		});
		expect(ids(output)).toEqual([v2.id]);
	});

	test('Any Condition sends an OR of the conditions', async () => {
		const { releases, v1, v3 } = releasesWithRecords();

		const { output, error } = await runBuildin(sandbox, {
			parameters: query(
				releases.id,
				conditions(
					[
						{ key: 'Status|select', condition: 'equals', selectValue: 'Done' },
						{ key: 'Estimate|number', condition: 'greater_than_or_equal_to', numberValue: 13 },
					],
					'or',
				),
			),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			filter: {
				or: [
					{ property: 'Status', select: { equals: 'Done' } },
					{ property: 'Estimate', number: { greater_than_or_equal_to: 13 } },
				],
			},
			page_size: 100,
		});
		expect(ids(output)).toEqual(sorted(v1, v3));
	});

	test('values from expressions: numeric text, true/false text and a Luxon date are converted', async () => {
		const { releases, v3 } = releasesWithRecords();

		const { output, error } = await runBuildin(
			sandbox,
			{
				parameters: query(
					releases.id,
					conditions([
						{ key: 'Estimate|number', condition: 'greater_than', numberValue: '={{ $json.minimum }}' },
						{ key: 'Done|checkbox', condition: 'equals', checkboxValue: '={{ $json.done }}' },
						{ key: 'Due|date', condition: 'after', dateValue: '={{ DateTime.fromISO("2026-05-01T00:00:00Z", { zone: "utc" }) }}' },
					]),
				),
			},
			{ items: [{ minimum: '10', done: 'false' }] },
		);

		expect(error).toBeUndefined();
		expect((sandbox.requests[0].body as Json).filter.and).toEqual([
			{ property: 'Estimate', number: { greater_than: 10 } },
			{ property: 'Done', checkbox: { equals: false } },
			{ property: 'Due', date: { after: '2026-05-01T00:00:00.000Z' } },
		]);
		expect(ids(output)).toEqual([v3.id]);
	});

	test('a property given by name only (an expression) takes its type from the schema, read once', async () => {
		const { releases, v2 } = releasesWithRecords();

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: query(releases.id, conditions([{ key: '={{ $json.field }}', condition: 'equals', selectValue: 'Doing' }])) },
			{ items: [{ field: 'Status' }, { field: 'Status' }] },
		);

		expect(error).toBeUndefined();
		const gets = sandbox.requests.filter((request: Json) => request.method === 'GET');
		expect(gets).toEqual([expect.objectContaining({ path: `/v2/databases/${releases.id}` })]);
		const queries = sandbox.requests.filter((request: Json) => request.method === 'POST');
		expect(queries.map((request: Json) => request.body)).toEqual([
			{ filter: { property: 'Status', select: { equals: 'Doing' } }, page_size: 100 },
			{ filter: { property: 'Status', select: { equals: 'Doing' } }, page_size: 100 },
		]);
		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[v2.id, { item: 0 }],
			[v2.id, { item: 1 }],
		]);
	});
});

describe('Database → Query: refused before any request', () => {
	test.each([
		['an operator of another type', { key: 'Estimate|number', condition: 'contains', numberValue: 3 }, 'Condition "Estimate" (Operator) in item 0: "contains" is not an operator for a number property'],
		['a number that is not numeric', { key: 'Estimate|number', condition: 'equals', numberValue: '={{ "five" }}' }, 'Condition "Estimate" (Value) in item 0: "five" is not a number'],
		['a date that is not ISO 8601', { key: 'Due|date', condition: 'after', dateValue: '30.04.2026' }, 'Condition "Due" (Date) in item 0: "30.04.2026" is not a valid date'],
		['a checkbox value that is not a boolean', { key: 'Done|checkbox', condition: 'equals', checkboxValue: '={{ "yes" }}' }, 'Condition "Done" (Checked) in item 0: "yes" is not true or false'],
		['files compared with a value', { key: 'Attachments|files', condition: 'equals' }, 'Condition "Attachments" (Operator) in item 0: "equals" is not an operator for a files property'],
		['a formula property', { key: 'Score|formula', condition: 'equals' }, 'Condition "Score" in item 0: a formula property cannot be filtered'],
	])('%s', async (_label, condition, message) => {
		const { releases } = releasesWithRecords();

		const { error } = await runBuildin(sandbox, { parameters: query(releases.id, conditions([condition])) });

		expect(error?.message).toBe(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a property name (without type) that the database does not have, listing the known names', async () => {
		const { releases } = releasesWithRecords();

		const { error } = await runBuildin(sandbox, {
			parameters: query(releases.id, conditions([{ key: '={{ "Priority" }}', condition: 'equals', selectValue: 'High' }])),
		});

		expect(error?.message).toBe(
			'Property "Priority" in item 0: is not a property of the database (its properties: Attachments, Contact, Created, Done, Due, Estimate, Name, Notes, Owner, Phone, Related, Status, Tags, Website)',
		);
		expect(sandbox.requests.map((request: Json) => request.method)).toEqual(['GET']);
	});

	test('invalid JSON filter', async () => {
		const { releases } = releasesWithRecords();

		const { error } = await runBuildin(sandbox, { parameters: query(releases.id, { filterType: 'json', filterJson: '{"property": ' }) });

		expect(error?.message).toMatch(/^Filter \(JSON\) in item 0: is not valid JSON/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Database → Query: JSON filter and sorts', () => {
	test('a JSON filter is sent exactly as given, nested compounds and timestamp filters included', async () => {
		const { releases, v1, v2 } = releasesWithRecords();
		const filter = {
			or: [
				{ and: [{ property: 'Status', select: { equals: 'Doing' } }, { property: 'Done', checkbox: { equals: false } }] },
				{ property: 'Estimate', number: { equals: 8 } },
			],
		};

		const { output, error } = await runBuildin(sandbox, {
			parameters: query(releases.id, { filterType: 'json', filterJson: JSON.stringify(filter) }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ filter, page_size: 100 });
		expect(ids(output)).toEqual(sorted(v1, v2));
	});

	test('a timestamp filter in JSON', async () => {
		const releases = addReleases(sandbox);
		addRecord(sandbox, releases.id, { Name: { title: text('Old') } }, { createdTime: '2025-01-01T00:00:00.000Z' });
		const recent = addRecord(sandbox, releases.id, { Name: { title: text('New') } }, { createdTime: '2026-05-01T00:00:00.000Z' });
		const filter = { timestamp: 'created_time', created_time: { on_or_after: '2026-01-01' } };

		const { output, error } = await runBuildin(sandbox, {
			parameters: query(releases.id, { filterType: 'json', filterJson: filter as never }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ filter, page_size: 100 });
		expect(ids(output)).toEqual([recent.id]);
	});

	test('an empty JSON filter sends no filter', async () => {
		const { releases } = releasesWithRecords();

		const { output, error } = await runBuildin(sandbox, { parameters: query(releases.id, { filterType: 'json', filterJson: '{}' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ page_size: 100 });
		expect(output).toHaveLength(4);
	});

	test('sorts by a property and by a timestamp, in the given order', async () => {
		const { releases, v1, v2, v3 } = releasesWithRecords();

		const { output, error } = await runBuildin(sandbox, {
			parameters: query(releases.id, {
				...conditions([{ key: 'Estimate|number', condition: 'is_not_empty' }]),
				sort: {
					sortValue: [
						{ sortBy: 'property', key: 'Estimate|number', direction: 'descending' },
						{ sortBy: 'created_time', direction: 'ascending' },
					],
				} as never,
			}),
		});

		expect(error).toBeUndefined();
		expect((sandbox.requests[0].body as Json).sorts).toEqual([
			{ property: 'Estimate', direction: 'descending' },
			{ timestamp: 'created_time', direction: 'ascending' },
		]);
		expect(output.map((item) => item.json.id)).toEqual([v3.id, v1.id, v2.id]);
	});

	test('sort by last edited time, newest first', async () => {
		const releases = addReleases(sandbox);
		const a = addRecord(sandbox, releases.id, { Name: { title: text('A') } }, { lastEditedTime: '2026-01-01T00:00:00.000Z' });
		const b = addRecord(sandbox, releases.id, { Name: { title: text('B') } }, { lastEditedTime: '2026-03-01T00:00:00.000Z' });
		const c = addRecord(sandbox, releases.id, { Name: { title: text('C') } }, { lastEditedTime: '2026-02-01T00:00:00.000Z' });

		const { output } = await runBuildin(sandbox, {
			parameters: query(releases.id, { sort: { sortValue: [{ sortBy: 'last_edited_time', direction: 'descending' }] } as never }),
		});

		expect((sandbox.requests[0].body as Json).sorts).toEqual([{ timestamp: 'last_edited_time', direction: 'descending' }]);
		expect(output.map((item) => item.json.title)).toEqual(['B', 'C', 'A']);
		expect(output.map((item) => item.json.id)).toEqual([b.id, c.id, a.id]);
	});
});

describe('Database → Query: Limit and Return All', () => {
	function releasesWith(count: number) {
		const releases = addReleases(sandbox);
		for (let index = 0; index < count; index++) {
			addRecord(sandbox, releases.id, { Name: { title: text(`Release ${index}`) }, Estimate: { number: index } });
		}
		return releases;
	}
	const estimateAscending = { sort: { sortValue: [{ sortBy: 'property', key: 'Estimate|number', direction: 'ascending' }] } as never };

	test('Limit 3: one request asking for exactly 3, exactly 3 items out', async () => {
		const releases = releasesWith(10);

		const { output, error } = await runBuildin(sandbox, {
			parameters: database(releases.id, 'query', { returnAll: false, limit: 3, ...estimateAscending }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toMatchObject({ page_size: 3 });
		expect(sandbox.requests[0].body).not.toHaveProperty('start_cursor');
		expect(output.map((item) => item.json.title)).toEqual(['Release 0', 'Release 1', 'Release 2']);
	});

	test('Limit 130 over pages of at most 100: asks 100, then only the missing 30 with the cursor', async () => {
		const releases = releasesWith(150);

		const { output, error } = await runBuildin(sandbox, {
			parameters: database(releases.id, 'query', { returnAll: false, limit: 130, ...estimateAscending }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request: Json) => request.body.page_size)).toEqual([100, 30]);
		expect((sandbox.requests[1].body as Json).start_cursor).toEqual(expect.any(String));
		expect(output).toHaveLength(130);
		expect(output[129].json.title).toBe('Release 129');
		expect(new Set(output.map((item) => item.json.id)).size).toBe(130);
	});

	test('Return All follows the cursor over several pages until has_more is false', async () => {
		const releases = releasesWith(230);

		const { output, error } = await runBuildin(sandbox, { parameters: database(releases.id, 'query', { returnAll: true, ...estimateAscending }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(3);
		expect(sandbox.requests.map((request: Json) => request.body.page_size)).toEqual([100, 100, 100]);
		expect((sandbox.requests[0].body as Json).start_cursor).toBeUndefined();
		expect((sandbox.requests[1].body as Json).start_cursor).toEqual(expect.any(String));
		expect((sandbox.requests[2].body as Json).start_cursor).toEqual(expect.any(String));
		for (const request of sandbox.requests) expect((request.body as Json).sorts).toEqual([{ property: 'Estimate', direction: 'ascending' }]);
		expect(output).toHaveLength(230);
		expect(output.map((item) => (item.json.properties as Json).Estimate)).toEqual([...Array(230).keys()]);
	});
});
