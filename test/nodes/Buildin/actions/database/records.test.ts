// Database → Create Record and Update Record through n8n's engine against the sandbox: properties keyed by the
// database's names (picked as `Name|type`), checked against the schema (read once per execution) before sending.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, byUrl, failureOf, runBuildin, useSandbox } from '../../../../support/workflow';
import { addRecord, addReleases, ALEX, database, SAM, text } from './fixtures';

type Json = Record<string, any>;

const sandbox = useSandbox();

/** The Properties collection as the editor stores it; `type` is the hidden parameter's expression, as n8n keeps it. */
// Simplify is on by default; these tests read the record as Buildin returns it.
const rawRecord = (id: string, operation: string, parameters: INodeParameters = {}): INodeParameters =>
	database(id, operation, { simplify: false, ...parameters });
const props = (...entries: IDataObject[]): INodeParameters => ({
	properties: {
		property: entries.map((entry) => ({ type: '={{$parameter["&key"].split("|").pop()}}', ...entry })),
	} as never,
});

const RELEASE_VALUES = [
	{ key: 'Name|title', textValue: 'Ship v2.0' },
	{ key: 'Status|select', selectValue: 'Doing' },
	{ key: 'Tags|multi_select', multiSelectValue: 'release, backend' },
	{ key: 'Due|date', dateStart: '2026-04-30', dateEnd: '2026-05-02' },
	{ key: 'Estimate|number', numberValue: 5 },
	{ key: 'Done|checkbox', checkboxValue: true },
	{ key: 'Website|url', urlValue: 'https://example.com/v2' },
	{ key: 'Contact|email', emailValue: 'alex@example.com' },
	{ key: 'Phone|phone_number', phoneValue: '+1 555 0100' },
	{ key: 'Owner|people', peopleValue: `${ALEX}, ${SAM}` },
	{ key: 'Attachments|files', filesValue: 'https://example.com/spec.pdf' },
	{ key: 'Notes|rich_text', textValue: 'Waiting for the changelog' },
];

const RELEASE_BODY = {
	Name: { type: 'title', title: text('Ship v2.0') },
	Status: { type: 'select', select: { name: 'Doing' } },
	Tags: { type: 'multi_select', multi_select: [{ name: 'release' }, { name: 'backend' }] },
	Due: { type: 'date', date: { start: '2026-04-30', end: '2026-05-02' } },
	Estimate: { type: 'number', number: 5 },
	Done: { type: 'checkbox', checkbox: true },
	Website: { type: 'url', url: 'https://example.com/v2' },
	Contact: { type: 'email', email: 'alex@example.com' },
	Phone: { type: 'phone_number', phone_number: '+1 555 0100' },
	Owner: { type: 'people', people: [{ object: 'user', id: ALEX }, { object: 'user', id: SAM }] },
	Attachments: { type: 'files', files: [{ name: 'spec.pdf', type: 'external', external: { url: 'https://example.com/spec.pdf' } }] },
	Notes: { type: 'rich_text', rich_text: text('Waiting for the changelog') },
};

const plain = (record: Json | undefined, name: string) => (record?.properties[name][record?.properties[name].type] as Json[]).map((item) => item.plain_text ?? item.text.content).join('');

describe('Database → Create Record', () => {
	test('every writable type, keyed by the schema names: schema read once, then POST /v2/pages with the database as parent', async () => {
		const releases = addReleases(sandbox);

		const { output, error } = await runBuildin(sandbox, { parameters: rawRecord(releases.id, 'createRecord', props(...RELEASE_VALUES)) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request: Json) => [request.method, request.path, request.status])).toEqual([
			['GET', `/v2/databases/${releases.id}`, 200],
			['POST', '/v2/pages', 200],
		]);
		expect(sandbox.requests[1].body).toEqual({ parent: { database_id: releases.id }, properties: RELEASE_BODY });
		const created = sandbox.getPage(output[0].json.id as string);
		expect(created?.parent).toEqual({ type: 'database_id', database_id: releases.id });
		expect(plain(created, 'Name')).toBe('Ship v2.0');
		expect(created?.properties.Status.select.name).toBe('Doing');
		expect(created?.properties.Estimate.number).toBe(5);
		expect(created?.properties.Owner.people.map((person: Json) => person.id)).toEqual([ALEX, SAM]);
		// The output is the new record plus its version.
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({ ...created, etag: `W/"${created?.last_edited_time}"` });
	});

	test('several items: the schema is read once for the whole execution', async () => {
		const releases = addReleases(sandbox);

		const { output, error } = await runBuildin(
			sandbox,
			{
				parameters: rawRecord(releases.id, 'createRecord',
					props({ key: 'Name|title', textValue: '={{ $json.name }}' }, { key: 'Estimate|number', numberValue: '={{ $json.estimate }}' }),
				),
			},
			{ items: [{ name: 'A', estimate: 1 }, { name: 'B', estimate: '2.5' }, { name: 'C', estimate: 3 }] },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests.filter((request: Json) => request.method === 'GET')).toHaveLength(1);
		const posts = sandbox.requests.filter((request: Json) => request.method === 'POST');
		expect(posts.map((request: Json) => request.body.properties.Estimate.number).sort()).toEqual([1, 2.5, 3]);
		expect(output.map((item) => [plain(item.json, 'Name'), item.pairedItem])).toEqual([
			['A', { item: 0 }],
			['B', { item: 1 }],
			['C', { item: 2 }],
		]);
	});

	test('a property named by an expression without its type works; the type comes from the schema', async () => {
		const releases = addReleases(sandbox);

		const { error } = await runBuildin(sandbox, {
			parameters: rawRecord(releases.id, 'createRecord', props({ key: '={{ "Status" }}', selectValue: 'Done' }, { key: 'Name', textValue: 'X' })),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[1].body).toEqual({
			parent: { database_id: releases.id },
			properties: { Status: { type: 'select', select: { name: 'Done' } }, Name: { type: 'title', title: text('X') } },
		});
	});

	test('JSON properties are checked against the schema, then sent as they are', async () => {
		const releases = addReleases(sandbox);
		const properties = { Name: { title: text('From JSON') }, Estimate: { number: 2 } };

		const { output, error } = await runBuildin(sandbox, {
			parameters: rawRecord(releases.id, 'createRecord', { propertiesInput: 'json', propertiesJson: JSON.stringify(properties) }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[1].body).toEqual({ parent: { database_id: releases.id }, properties });
		expect(plain(output[0].json, 'Name')).toBe('From JSON');
	});

	test('an unknown property is refused with no request beyond the schema read, naming it, the item and the known names', async () => {
		const releases = addReleases(sandbox);

		const { error } = await runBuildin(sandbox, {
			parameters: rawRecord(releases.id, 'createRecord', props({ key: 'Name|title', textValue: 'A' }, { key: 'Priority|select', selectValue: 'High' })),
		});

		expect(error?.message).toBe(
			'Property "Priority" in item 0: is not a property of the database (its properties: Attachments, Contact, Created, Done, Due, Estimate, Name, Notes, Owner, Phone, Related, Status, Tags, Website)',
		);
		expect(sandbox.requests.map((request: Json) => request.method)).toEqual(['GET']);
	});

	test('a property picked with a type it no longer has is refused before sending', async () => {
		const releases = addReleases(sandbox);

		const { error } = await runBuildin(sandbox, {
			parameters: rawRecord(releases.id, 'createRecord', props({ key: 'Estimate|rich_text', textValue: 'five' })),
		});

		expect(error?.message).toBe('Property "Estimate" in item 0: is a number property in the database, not rich_text');
		expect(error?.description).toMatch(/pick it from the list again/);
		expect(sandbox.requests.map((request: Json) => request.method)).toEqual(['GET']);
	});

	test('a JSON value for another type is refused before sending', async () => {
		const releases = addReleases(sandbox);

		const { error } = await runBuildin(sandbox, {
			parameters: rawRecord(releases.id, 'createRecord', { propertiesInput: 'json', propertiesJson: '{"Status": {"multi_select": [{"name": "A"}]}}' }),
		});

		expect(error?.message).toBe('Property "Status" in item 0: is a select property in the database, but its JSON value is for multi_select');
		expect(sandbox.requests.map((request: Json) => request.method)).toEqual(['GET']);
	});

	test('a computed property cannot be written', async () => {
		const releases = addReleases(sandbox);

		const { error } = await runBuildin(sandbox, { parameters: rawRecord(releases.id, 'createRecord', props({ key: 'Created|created_time' })) });

		expect(error?.message).toBe('Property "Created" in item 0: is a created_time property, which cannot be written');
		expect(sandbox.requests.map((request: Json) => request.method)).toEqual(['GET']);
	});

	test('a bad value is refused naming the property and its field', async () => {
		const releases = addReleases(sandbox);

		const { error } = await runBuildin(sandbox, {
			parameters: rawRecord(releases.id, 'createRecord', props({ key: 'Due|date', dateStart: '2026-02-30' })),
		});

		expect(error?.message).toBe('Property "Due" (Start) in item 0: "2026-02-30" is not a valid date');
		expect(sandbox.requests.filter((request: Json) => request.method === 'POST')).toHaveLength(0);
	});

	test('continue on fail: the failing item gets the error, the others are created', async () => {
		const releases = addReleases(sandbox);

		const { output, error } = await runBuildin(
			sandbox,
			{
				parameters: rawRecord(releases.id, 'createRecord', props({ key: '={{ $json.field }}', textValue: 'x' })),
				settings: { onError: 'continueRegularOutput' },
			},
			{ items: [{ field: 'Notes' }, { field: 'Nope' }] },
		);

		expect(error).toBeUndefined();
		expect(output[0].json.object).toBe('page');
		expect(failureOf(output[1]).message).toMatch(/^Property "Nope" in item 1: is not a property of the database/);
		expect(sandbox.requests.filter((request: Json) => request.method === 'POST')).toHaveLength(1);
	});
});

describe('Database → Update Record', () => {
	function releaseRecord() {
		const releases = addReleases(sandbox);
		const record = addRecord(sandbox, releases.id, {
			Name: { title: text('Ship v1.0') },
			Status: { select: { name: 'Doing' } },
			Estimate: { number: 5 },
			Done: { checkbox: false },
			Notes: { rich_text: text('Waiting') },
			Owner: { people: [{ object: 'user', id: ALEX }] },
		});
		return { releases, record };
	}

	const updateRecord = (databaseId: string, record: string | INodeParameters, parameters: INodeParameters) =>
		rawRecord(databaseId, 'updateRecord', { recordId: typeof record === 'string' ? byId(record) : record, ...parameters });

	test('options picked from the dropdowns: a select name and a multi-select list, as the editor stores them', async () => {
		const { releases, record } = releaseRecord();

		const { error } = await runBuildin(sandbox, {
			parameters: updateRecord(
				releases.id,
				record.id,
				props({ key: 'Status|select', selectValue: 'Done' }, { key: 'Tags|multi_select', multiSelectValue: ['release', 'frontend'] as never }),
			),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests.at(-1)?.body).toEqual({
			properties: {
				Status: { type: 'select', select: { name: 'Done' } },
				Tags: { type: 'multi_select', multi_select: [{ name: 'release' }, { name: 'frontend' }] },
			},
		});
	});

	test('several types: PATCH /v2/pages/:id with only the listed properties; the others keep their values', async () => {
		const { releases, record } = releaseRecord();

		const { output, error } = await runBuildin(sandbox, {
			parameters: updateRecord(
				releases.id,
				byUrl(`https://buildin.ai/docs/Ship-v1-${record.id.replace(/-/g, '')}`),
				props(
					{ key: 'Name|title', textValue: 'Ship v1.1' },
					{ key: 'Status|select', selectValue: 'Done' },
					{ key: 'Estimate|number', clear: true },
					{ key: 'Done|checkbox', checkboxValue: true },
					{ key: 'Owner|people', peopleValue: SAM },
				),
			),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request: Json) => [request.method, request.path])).toEqual([
			['GET', `/v2/databases/${releases.id}`],
			['PATCH', `/v2/pages/${record.id}`],
		]);
		expect(sandbox.requests[1].body).toEqual({
			properties: {
				Name: { type: 'title', title: text('Ship v1.1') },
				Status: { type: 'select', select: { name: 'Done' } },
				Estimate: { type: 'number', number: null },
				Done: { type: 'checkbox', checkbox: true },
				Owner: { type: 'people', people: [{ object: 'user', id: SAM }] },
			},
		});
		const after = sandbox.getPage(record.id);
		expect(plain(after, 'Name')).toBe('Ship v1.1');
		expect(after?.properties.Status.select.name).toBe('Done');
		expect(after?.properties.Estimate.number).toBeNull();
		expect(after?.properties.Done.checkbox).toBe(true);
		expect(after?.properties.Notes).toEqual(record.properties.Notes);
		expect(output[0].json).toEqual({ ...after, etag: `W/"${after?.last_edited_time}"` });
	});

	test('an unknown property is refused before the PATCH, naming the item', async () => {
		const { releases, record } = releaseRecord();

		const { error } = await runBuildin(
			sandbox,
			{ parameters: updateRecord(releases.id, record.id, props({ key: '={{ $json.field }}', textValue: 'x' })) },
			{ items: [{ field: 'Notes' }, { field: 'notes' }] },
		);

		expect(error?.message).toMatch(/^Property "notes" in item 1: is not a property of the database \(its properties: Attachments, /);
		// One schema read; only item 0, which named a real property, was sent.
		expect(sandbox.requests.filter((request: Json) => request.method === 'GET')).toHaveLength(1);
		const patches = sandbox.requests.filter((request: Json) => request.method === 'PATCH');
		expect(patches.map((request: Json) => request.body)).toEqual([{ properties: { Notes: { type: 'rich_text', rich_text: text('x') } } }]);
	});

	test('a type mismatch is refused before the PATCH', async () => {
		const { releases, record } = releaseRecord();

		const { error } = await runBuildin(sandbox, {
			parameters: updateRecord(releases.id, record.id, props({ key: 'Status|multi_select', multiSelectValue: 'A, B' })),
		});

		expect(error?.message).toBe('Property "Status" in item 0: is a select property in the database, not multi_select');
		expect(sandbox.requests.map((request: Json) => request.method)).toEqual(['GET']);
	});

	test('nothing to change is refused without any request', async () => {
		const { releases, record } = releaseRecord();

		const { error } = await runBuildin(sandbox, { parameters: updateRecord(releases.id, record.id, {}) });

		expect(error?.message).toBe('Properties in item 0: there is nothing to change');
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a bad record id is refused without any request', async () => {
		const { releases } = releaseRecord();

		const { error } = await runBuildin(sandbox, {
			// An expression: a fixed value is already refused by the editor's check of the ID field.
			parameters: updateRecord(releases.id, '={{ "abc" }}', props({ key: 'Status|select', selectValue: 'Done' })),
		});

		expect(error?.message).toBe('Record in item 0: "abc" is not a Buildin ID or URL');
		expect(sandbox.requests).toHaveLength(0);
	});
});
