// Page → Update through n8n's engine against the local Buildin sandbox: what the node sends, what the page looks like
// afterwards, and what it refuses to send.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, runBuildin, useSandbox } from '../../../../support/workflow';

type Json = Record<string, any>;

const sandbox = useSandbox();

const DATABASE_ID = '33333333-3333-4333-8333-333333333333';
const ALEX = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const SAM = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const RECORD_SCHEMA = {
	Name: 'title',
	Status: 'select',
	Tags: 'multi_select',
	Due: 'date',
	Estimate: 'number',
	Done: 'checkbox',
	Website: 'url',
	Contact: 'email',
	Phone: 'phone_number',
	Owner: 'people',
	Attachments: 'files',
	Related: 'relation',
	Notes: 'rich_text',
};

const text = (content: string) => [{ type: 'text', text: { content } }];
const compact = (id: string) => id.replace(/-/g, '');
const plainTitle = (page: Json | undefined, key = 'title') =>
	(page?.properties[key].title as Json[]).map((item) => item.plain_text).join('');

/** A database record with every writable property type filled in. */
function addRecord(values: Json = {}) {
	const related = sandbox.addPage({ title: 'Related page' });
	return sandbox.addPage({
		parent: { type: 'database_id', database_id: DATABASE_ID },
		schema: RECORD_SCHEMA,
		properties: {
			Name: { title: text('Ship v1.0') },
			Status: { select: { name: 'Doing', color: 'blue' } },
			Tags: { multi_select: [{ name: 'release', color: 'green' }, { name: 'backend' }] },
			Due: { date: { start: '2026-04-30', end: null, time_zone: null } },
			Estimate: { number: 5 },
			Done: { checkbox: false },
			Website: { url: 'https://example.com' },
			Contact: { email: 'alex@example.com' },
			Phone: { phone_number: '+1 555 0100' },
			Owner: { people: [{ object: 'user', id: ALEX }] },
			Attachments: { files: [{ name: 'spec.pdf', type: 'external', external: { url: 'https://example.com/spec.pdf' } }] },
			Related: { relation: [{ id: related.id }] },
			Notes: { rich_text: text('Waiting for the changelog.') },
			...values,
		},
	});
}

function update(pageId: string | INodeParameters, parameters: INodeParameters = {}): INodeParameters {
	return {
		resource: 'page',
		operation: 'update',
		pageId: typeof pageId === 'string' ? byId(pageId) : pageId,
		// Simplify is on by default; these tests read the updated page as Buildin returns it.
		simplify: false,
		...parameters,
	};
}

/** The Properties collection as the editor stores it. */
const props = (...entries: IDataObject[]): INodeParameters => ({ properties: { property: entries } as never });

/** Every property of `after` except `changed` is as it was in `before`. */
function expectOthersUnchanged(before: Json, after: Json | undefined, changed: string[]) {
	for (const name of Object.keys(before.properties)) {
		if (!changed.includes(name)) expect({ [name]: after?.properties[name] }).toEqual({ [name]: before.properties[name] });
	}
}

describe('Title', () => {
	test('sets the title of a page', async () => {
		const page = sandbox.addPage({ title: 'Draft' });

		const { output, error } = await runBuildin(sandbox, { parameters: update(page.id, { title: 'Release Checklist' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v2/pages/${page.id}`, status: 200 });
		expect(sandbox.requests[0].body).toEqual({
			properties: { title: { type: 'title', title: [{ type: 'text', text: { content: 'Release Checklist' } }] } },
		});
		const after = sandbox.getPage(page.id);
		expect(plainTitle(after)).toBe('Release Checklist');
		// The output is the updated page plus its new version.
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({ ...after, etag: `W/"${after?.last_edited_time}"` });
	});

	test('Title Property "Name" writes the title of a database record', async () => {
		const record = addRecord();

		const { error } = await runBuildin(sandbox, {
			parameters: update(record.id, { title: 'Ship v1.1', options: { titleProperty: 'Name' } }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			properties: { Name: { type: 'title', title: [{ type: 'text', text: { content: 'Ship v1.1' } }] } },
		});
		const after = sandbox.getPage(record.id);
		expect(plainTitle(after, 'Name')).toBe('Ship v1.1');
		expectOthersUnchanged(record, after, ['Name']);
	});

	test('without Title Property, a record refuses the title key with the API details', async () => {
		const record = addRecord();

		const { error } = await runBuildin(sandbox, { parameters: update(record.id, { title: 'Ship v1.1' }) });

		expect(error).toMatchObject({
			httpCode: '400',
			message: 'Buildin API error 400 (validation_error: Invalid request: properties.title (unknown_property))',
			context: expect.objectContaining({ details: [{ path: 'properties.title', reason: 'unknown_property' }] }),
		});
		expect(sandbox.getPage(record.id)).toEqual(record);
	});

	test('a title over 2000 characters is split into several rich-text items that Buildin accepts', async () => {
		const page = sandbox.addPage({ title: 'Short' });
		const title = `${'a'.repeat(2000)}${'b'.repeat(2000)}${'c'.repeat(500)}`;

		const { error } = await runBuildin(sandbox, { parameters: update(page.id, { title }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].status).toBe(200);
		const sent = (sandbox.requests[0].body as Json).properties.title.title as Json[];
		expect(sent).toEqual([
			{ type: 'text', text: { content: 'a'.repeat(2000) } },
			{ type: 'text', text: { content: 'b'.repeat(2000) } },
			{ type: 'text', text: { content: 'c'.repeat(500) } },
		]);
		expect(plainTitle(sandbox.getPage(page.id))).toBe(title);
	});

	test('the split never cuts an emoji in half', async () => {
		const page = sandbox.addPage({ title: 'Short' });
		const title = `${'a'.repeat(1999)}🚀${'b'.repeat(10)}`;

		const { error } = await runBuildin(sandbox, { parameters: update(page.id, { title }) });

		expect(error).toBeUndefined();
		const sent = (sandbox.requests[0].body as Json).properties.title.title as Json[];
		expect(sent.map((item) => item.text.content)).toEqual(['a'.repeat(1999), `🚀${'b'.repeat(10)}`]);
		expect(plainTitle(sandbox.getPage(page.id))).toBe(title);
	});
});

describe('Properties (Define Below)', () => {
	const RELATED_A = '22222222-2222-4222-8222-222222222222';
	const RELATED_B = '55555555-5555-4555-8555-555555555555';

	test.each([
		[
			'rich_text',
			{ name: 'Notes', type: 'rich_text', textValue: 'Ship the beta on Friday' },
			[{ type: 'text', text: { content: 'Ship the beta on Friday' } }],
			[{ type: 'text', text: { content: 'Ship the beta on Friday', link: null }, plain_text: 'Ship the beta on Friday' }],
		],
		['number', { name: 'Estimate', type: 'number', numberValue: 12.5 }, 12.5, 12.5],
		['number zero', { name: 'Estimate', type: 'number', numberValue: 0 }, 0, 0],
		[
			'select',
			{ name: 'Status', type: 'select', selectValue: 'Done' },
			{ name: 'Done' },
			{ name: 'Done', id: expect.any(String), color: 'default' },
		],
		[
			'multi_select',
			{ name: 'Tags', type: 'multi_select', multiSelectValue: 'Design, Backend' },
			[{ name: 'Design' }, { name: 'Backend' }],
			[{ name: 'Design', id: expect.any(String) }, { name: 'Backend', id: expect.any(String) }],
		],
		[
			'date with end and time zone',
			{
				name: 'Due',
				type: 'date',
				dateStart: '2026-04-09T09:30:00',
				dateEnd: '2026-04-10T18:00:00',
				timeZone: 'Europe/Berlin',
			},
			{ start: '2026-04-09T09:30:00', end: '2026-04-10T18:00:00', time_zone: 'Europe/Berlin' },
			{ start: '2026-04-09T09:30:00', end: '2026-04-10T18:00:00', time_zone: 'Europe/Berlin' },
		],
		[
			'date picked without its time (Include Time off): an all-day date',
			{ name: 'Due', type: 'date', includeTime: false, dateStart: '2026-04-09T00:00:00', dateEnd: '2026-04-10T00:00:00' },
			{ start: '2026-04-09', end: '2026-04-10' },
			{ start: '2026-04-09', end: '2026-04-10', time_zone: null },
		],
		[
			'date, start only',
			{ name: 'Due', type: 'date', dateStart: '2026-05-01' },
			{ start: '2026-05-01', end: null },
			{ start: '2026-05-01', end: null, time_zone: null },
		],
		[
			'people',
			{ name: 'Owner', type: 'people', peopleValue: `${SAM}, ${compact(ALEX).toUpperCase()}` },
			[{ object: 'user', id: SAM }, { object: 'user', id: ALEX }],
			[{ object: 'user', id: SAM }, { object: 'user', id: ALEX }],
		],
		[
			'files',
			{ name: 'Attachments', type: 'files', filesValue: 'https://example.com/report.pdf, https://example.com/img/photo.png' },
			[
				{ name: 'report.pdf', type: 'external', external: { url: 'https://example.com/report.pdf' } },
				{ name: 'photo.png', type: 'external', external: { url: 'https://example.com/img/photo.png' } },
			],
			[
				{ name: 'report.pdf', type: 'external', external: { url: 'https://example.com/report.pdf' } },
				{ name: 'photo.png', type: 'external', external: { url: 'https://example.com/img/photo.png' } },
			],
		],
		['checkbox', { name: 'Done', type: 'checkbox', checkboxValue: true }, true, true],
		['url', { name: 'Website', type: 'url', urlValue: 'https://n8n.io/integrations' }, 'https://n8n.io/integrations', 'https://n8n.io/integrations'],
		['email', { name: 'Contact', type: 'email', emailValue: 'team@example.com' }, 'team@example.com', 'team@example.com'],
		['phone_number', { name: 'Phone', type: 'phone_number', phoneValue: '+49 30 1234567' }, '+49 30 1234567', '+49 30 1234567'],
		[
			'relation',
			{ name: 'Related', type: 'relation', relationValue: `${RELATED_A}, https://buildin.ai/docs/${compact(RELATED_B)}` },
			[{ id: RELATED_A }, { id: RELATED_B }],
			[{ id: RELATED_A }, { id: RELATED_B }],
		],
	])('%s: the exact body sent and the page after', async (_label, entry, sentValue, readValue) => {
		const record = addRecord();
		const { name, type } = entry as { name: string; type: string };

		const { error } = await runBuildin(sandbox, { parameters: update(record.id, props(entry)) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toEqual({ properties: { [name]: { type, [type]: sentValue } } });
		expect(sandbox.requests[0].status).toBe(200);
		const after = sandbox.getPage(record.id);
		expect({ value: after?.properties[name][type] }).toMatchObject({ value: readValue });
		expectOthersUnchanged(record, after, [name]);
	});

	test('several properties in one update, the rest keep their values', async () => {
		const record = addRecord();

		const { error } = await runBuildin(sandbox, {
			parameters: update(
				record.id,
				props(
					{ name: 'Status', type: 'select', selectValue: 'Done' },
					{ name: 'Estimate', type: 'number', numberValue: 8 },
					{ name: 'Done', type: 'checkbox', checkboxValue: true },
				),
			),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			properties: {
				Status: { type: 'select', select: { name: 'Done' } },
				Estimate: { type: 'number', number: 8 },
				Done: { type: 'checkbox', checkbox: true },
			},
		});
		const after = sandbox.getPage(record.id);
		expect(after?.properties.Status.select.name).toBe('Done');
		expect(after?.properties.Estimate.number).toBe(8);
		expect(after?.properties.Done.checkbox).toBe(true);
		expectOthersUnchanged(record, after, ['Status', 'Estimate', 'Done']);
	});

	test('values from expressions: an array for Multi-Select, numeric text for Number', async () => {
		const record = addRecord();

		const { error } = await runBuildin(
			sandbox,
			{
				parameters: update(
					record.id,
					props(
						{ name: 'Tags', type: 'multi_select', multiSelectValue: '={{ $json.tags }}' },
						{ name: 'Estimate', type: 'number', numberValue: '={{ $json.estimate }}' },
					),
				),
			},
			{ items: [{ tags: ['Design', 'Backend'], estimate: '12.5' }] },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			properties: {
				Tags: { type: 'multi_select', multi_select: [{ name: 'Design' }, { name: 'Backend' }] },
				Estimate: { type: 'number', number: 12.5 },
			},
		});
		expect(sandbox.getPage(record.id)?.properties.Estimate.number).toBe(12.5);
	});

	test.each([
		['rich_text', 'Notes', []],
		['number', 'Estimate', null],
		['select', 'Status', null],
		['multi_select', 'Tags', []],
		['date', 'Due', null],
		['people', 'Owner', []],
		['files', 'Attachments', []],
		['url', 'Website', null],
		['email', 'Contact', null],
		['phone_number', 'Phone', null],
		['relation', 'Related', []],
	])('Clear Value empties a %s property', async (type, name, cleared) => {
		const record = addRecord();
		expect(record.properties[name][type]).not.toEqual(cleared);

		// A value left in the hidden field must not be sent.
		const { error } = await runBuildin(sandbox, {
			parameters: update(record.id, props({ name, type, clear: true, textValue: 'ignored', numberValue: 3 })),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ properties: { [name]: { type, [type]: cleared } } });
		const after = sandbox.getPage(record.id);
		expect(after?.properties[name][type]).toEqual(cleared);
		expectOthersUnchanged(record, after, [name]);
	});

	test('a checkbox is cleared by unticking it (Clear Value is not offered for checkboxes)', async () => {
		const record = addRecord({ Done: { checkbox: true } });

		const { error } = await runBuildin(sandbox, {
			parameters: update(record.id, props({ name: 'Done', type: 'checkbox', clear: true, checkboxValue: false })),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ properties: { Done: { type: 'checkbox', checkbox: false } } });
		expect(sandbox.getPage(record.id)?.properties.Done.checkbox).toBe(false);
	});
});

describe('Properties (JSON)', () => {
	test('the JSON object is sent as is', async () => {
		const record = addRecord();
		const json = {
			Status: { select: { name: 'Done' } },
			Estimate: { number: 3 },
			Notes: { rich_text: [{ type: 'text', text: { content: 'Bold news', link: null }, annotations: { bold: true } }] },
		};

		const { error } = await runBuildin(sandbox, {
			parameters: update(record.id, { propertiesInput: 'json', propertiesJson: JSON.stringify(json, null, 2) }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ properties: json });
		const after = sandbox.getPage(record.id);
		expect(after?.properties.Status.select.name).toBe('Done');
		expect(after?.properties.Estimate.number).toBe(3);
		expect(after?.properties.Notes.rich_text[0]).toMatchObject({ plain_text: 'Bold news', annotations: { bold: true } });
		expectOthersUnchanged(record, after, ['Status', 'Estimate', 'Notes']);
	});

	test('an object from an expression is sent as is, together with the Title', async () => {
		const record = addRecord();
		const json = { Tags: { multi_select: [{ name: 'urgent' }] } };

		const { error } = await runBuildin(
			sandbox,
			{
				parameters: update(record.id, {
					title: 'Ship v2',
					options: { titleProperty: 'Name' },
					propertiesInput: 'json',
					propertiesJson: '={{ $json.props }}',
				}),
			},
			{ items: [{ props: json }] },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			properties: { ...json, Name: { type: 'title', title: [{ type: 'text', text: { content: 'Ship v2' } }] } },
		});
		expect(plainTitle(sandbox.getPage(record.id), 'Name')).toBe('Ship v2');
	});
});

describe('Icon, Cover and Trash', () => {
	const ROCKET = { type: 'emoji', emoji: '🚀' };
	const COVER = { type: 'external', external: { url: 'https://example.com/cover.png' } };

	test.each([
		['emoji', { icon: 'emoji', iconEmoji: '📝' }, { type: 'emoji', emoji: '📝' }],
		[
			'external',
			{ icon: 'external', iconUrl: 'https://example.com/icon.png' },
			{ type: 'external', external: { url: 'https://example.com/icon.png' } },
		],
		['remove', { icon: 'remove' }, null],
	])('Icon %s', async (_label, parameters, icon) => {
		const page = sandbox.addPage({ title: 'Page', icon: ROCKET, cover: COVER });

		const { error } = await runBuildin(sandbox, { parameters: update(page.id, parameters) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ icon });
		const after = sandbox.getPage(page.id);
		expect(after?.icon).toEqual(icon);
		expect(after?.cover).toEqual(COVER);
	});

	test.each([
		['external', { cover: 'external', coverUrl: 'https://example.com/new.jpg' }, { type: 'external', external: { url: 'https://example.com/new.jpg' } }],
		['remove', { cover: 'remove' }, null],
	])('Cover %s', async (_label, parameters, cover) => {
		const page = sandbox.addPage({ title: 'Page', icon: ROCKET, cover: COVER });

		const { error } = await runBuildin(sandbox, { parameters: update(page.id, parameters) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ cover });
		const after = sandbox.getPage(page.id);
		expect(after?.cover).toEqual(cover);
		expect(after?.icon).toEqual(ROCKET);
	});

	test('Move to Trash sends in_trash true and the page is trashed', async () => {
		const page = sandbox.addPage({ title: 'Old notes' });

		const { output, error } = await runBuildin(sandbox, { parameters: update(page.id, { trash: 'trash' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ in_trash: true });
		expect(sandbox.getPage(page.id)?.in_trash).toBe(true);
		expect(output[0].json.in_trash).toBe(true);
	});

	test('Restore sends in_trash false and the page leaves the trash', async () => {
		const page = sandbox.addPage({ title: 'Old notes', inTrash: true });

		const { error } = await runBuildin(sandbox, { parameters: update(page.id, { trash: 'restore' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ in_trash: false });
		expect(sandbox.getPage(page.id)?.in_trash).toBe(false);
	});

	test('Leave Unchanged (the default) sends no icon, cover or in_trash key', async () => {
		const trashed = sandbox.addPage({ title: 'Trashed', icon: ROCKET, cover: COVER, inTrash: true });

		const { error } = await runBuildin(sandbox, {
			parameters: update(trashed.id, { title: 'Renamed', icon: 'unchanged', cover: 'unchanged', trash: 'unchanged' }),
		});

		expect(error).toBeUndefined();
		expect(Object.keys(sandbox.requests[0].body as Json)).toEqual(['properties']);
		const after = sandbox.getPage(trashed.id);
		expect(after).toMatchObject({ icon: ROCKET, cover: COVER, in_trash: true });
		expect(plainTitle(after)).toBe('Renamed');
	});

	test('icon, cover, trash and title together in one request', async () => {
		const page = sandbox.addPage({ title: 'Page' });

		const { error } = await runBuildin(sandbox, {
			parameters: update(page.id, {
				title: 'All at once',
				icon: 'emoji',
				iconEmoji: '🚀',
				cover: 'external',
				coverUrl: 'https://example.com/cover.png',
				trash: 'trash',
			}),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toEqual({
			properties: { title: { type: 'title', title: text('All at once') } },
			icon: ROCKET,
			cover: COVER,
			in_trash: true,
		});
		expect(sandbox.getPage(page.id)).toMatchObject({ icon: ROCKET, cover: COVER, in_trash: true });
	});
});

describe('If-Match', () => {
	test('is sent verbatim as the If-Match header', async () => {
		const page = sandbox.addPage({ title: 'Page', lastEditedTime: '2026-04-09T09:30:00.000Z' });

		const { error } = await runBuildin(sandbox, {
			parameters: update(page.id, { title: 'Checked', ifMatch: 'W/"2026-04-09T09:30:00.000Z"' }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].headers['if-match']).toBe('W/"2026-04-09T09:30:00.000Z"');
		expect(sandbox.requests[0].status).toBe(200);
		expect(plainTitle(sandbox.getPage(page.id))).toBe('Checked');
	});

	test('without an ETag on the PATCH response, the output etag is W/"<new last_edited_time>"', async () => {
		sandbox.options.etagOnPatch = false;
		const page = sandbox.addPage({ title: 'Page', lastEditedTime: '2026-04-09T09:30:00.000Z' });

		const { output, error } = await runBuildin(sandbox, { parameters: update(page.id, { title: 'Next' }) });

		expect(error).toBeUndefined();
		const after = sandbox.getPage(page.id);
		expect(after?.last_edited_time).not.toBe('2026-04-09T09:30:00.000Z');
		expect(output[0].json.etag).toBe(`W/"${after?.last_edited_time}"`);
	});

	test('left empty, no If-Match header is sent', async () => {
		const page = sandbox.addPage({ title: 'Page' });

		const { error } = await runBuildin(sandbox, { parameters: update(page.id, { title: 'Unconditional' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].headers).not.toHaveProperty('if-match');
	});

	test("Get → Update with If-Match {{ $('Get Page').item.json.etag }} succeeds", async () => {
		const page = sandbox.addPage({ title: 'Release Checklist' });

		const { outputs, output, error } = await runBuildin(sandbox, [
			{ name: 'Get Page', parameters: { resource: 'page', operation: 'get', pageId: byId(page.id) } },
			{
				name: 'Update Page',
				parameters: update(page.id, {
					title: 'Release Checklist (reviewed)',
					ifMatch: "={{ $('Get Page').item.json.etag }}",
				}),
			},
		]);

		expect(error).toBeUndefined();
		const etag = outputs['Get Page']?.[0].json.etag;
		expect(etag).toBe(`W/"${page.last_edited_time}"`);
		expect(sandbox.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'PATCH 200']);
		expect(sandbox.requests[1].headers['if-match']).toBe(etag);
		const after = sandbox.getPage(page.id);
		expect(plainTitle(after)).toBe('Release Checklist (reviewed)');
		expect(output[0].json.etag).toBe(`W/"${after?.last_edited_time}"`);
		expect(output[0].json.etag).not.toBe(etag);
	});

	test('a stale If-Match gives the 409 error with the API code and message, and the page is unchanged', async () => {
		const page = sandbox.addPage({ title: 'Release Checklist' });
		const read = await runBuildin(sandbox, { parameters: { resource: 'page', operation: 'get', pageId: byId(page.id) } });
		const staleEtag = read.output[0].json.etag as string;
		// Someone else edits the page after it was read.
		const other = await runBuildin(sandbox, { parameters: update(page.id, { title: 'Edited elsewhere' }) });
		expect(other.error).toBeUndefined();
		const before = sandbox.getPage(page.id);
		sandbox.reset();

		const { output, error } = await runBuildin(sandbox, {
			parameters: update(page.id, { title: 'My edit', ifMatch: staleEtag }),
		});

		expect(output).toEqual([]);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '409',
			message:
				'Buildin API error 409 (conflict: The page was modified since the version in If-Match; read it again)',
			description: expect.stringContaining('Read it again (Page → Get)'),
			context: expect.objectContaining({
				itemIndex: 0,
				apiCode: 'conflict',
				apiMessage: 'The page was modified since the version in If-Match; read it again',
			}),
		});
		expect(error?.description).toContain('send the new ETag as If-Match');
		// Not retried, and nothing written.
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].headers['if-match']).toBe(staleEtag);
		expect(sandbox.getPage(page.id)).toEqual(before);
		expect(plainTitle(before)).toBe('Edited elsewhere');
	});
});

describe('several items', () => {
	test('each item updates its own page from expressions; the output is paired to the input', async () => {
		const pages = ['One', 'Two', 'Three'].map((title) => sandbox.addPage({ title }));
		const items = pages.map((page, index) => ({ id: page.id, title: `Renamed ${index + 1}` }));

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: update(byId('={{ $json.id }}'), { title: '={{ $json.title }}' }) },
			{ items },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.path)).toEqual(pages.map((page) => `/v2/pages/${page.id}`));
		expect(output).toHaveLength(3);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.id).toBe(pages[index].id);
			expect(plainTitle(item.json)).toBe(`Renamed ${index + 1}`);
			expect(plainTitle(sandbox.getPage(pages[index].id))).toBe(`Renamed ${index + 1}`);
		});
	});
});

describe('refused before any request', () => {
	const NUMBER = (value: unknown) => props({ name: 'Estimate', type: 'number', numberValue: value as string });
	const DATE = (entry: IDataObject) => props({ name: 'Due', type: 'date', ...entry });

	test.each<[string, INodeParameters, IDataObject[] | undefined, string]>([
		[
			'a page id that is not a Buildin ID',
			{ pageId: byId('={{ $json.page }}'), title: 'x' },
			[{ page: 'release-checklist' }],
			'Page in item 0: "release-checklist" is not a Buildin ID or URL',
		],
		[
			'an invalid number',
			NUMBER('={{ $json.estimate }}'),
			[{ estimate: 'five' }],
			'Property "Estimate" (Number) in item 0: "five" is not a number',
		],
		[
			'an impossible date',
			DATE({ dateStart: '2026-02-30' }),
			undefined,
			'Property "Due" (Start) in item 0: "2026-02-30" is not a valid date',
		],
		[
			'a date that is not ISO 8601',
			DATE({ dateStart: '09/04/2026' }),
			undefined,
			'Property "Due" (Start) in item 0: "09/04/2026" is not a valid date',
		],
		[
			'an end before the start',
			DATE({ dateStart: '2026-04-09', dateEnd: '2026-04-01' }),
			undefined,
			'Property "Due" (End) in item 0: 2026-04-01 is before the start 2026-04-09',
		],
		[
			'an unknown time zone',
			DATE({ dateStart: '2026-04-09', timeZone: 'Mars/Olympus_Mons' }),
			undefined,
			'Property "Due" (Time Zone) in item 0: "Mars/Olympus_Mons" is not an IANA time zone',
		],
		[
			'a bad email',
			props({ name: 'Contact', type: 'email', emailValue: 'alex-at-example.com' }),
			undefined,
			'Property "Contact" (Email) in item 0: "alex-at-example.com" is not an email address',
		],
		[
			'a URL without scheme',
			props({ name: 'Website', type: 'url', urlValue: 'example.com' }),
			undefined,
			'Property "Website" (URL) in item 0: "example.com" is not an absolute http(s) URL',
		],
		[
			'a non-http cover URL',
			{ cover: 'external', coverUrl: 'ftp://example.com/cover.png' },
			undefined,
			'Cover URL in item 0: "ftp://example.com/cover.png" is not an absolute http(s) URL',
		],
		[
			'an icon that is not an emoji',
			{ icon: 'emoji', iconEmoji: 'rocket' },
			undefined,
			'Icon Emoji in item 0: "rocket" is not a single emoji',
		],
		[
			'a user id that is not a UUID',
			props({ name: 'Owner', type: 'people', peopleValue: `${ALEX}, alex` }),
			undefined,
			'Property "Owner" (User IDs) in item 0: "alex" is not a Buildin user ID',
		],
		[
			'a related page that is not an ID or URL',
			props({ name: 'Related', type: 'relation', relationValue: 'Roadmap' }),
			undefined,
			'Property "Related" (Related Pages) in item 0: "Roadmap" is not a Buildin ID or URL',
		],
		[
			'an empty value without Clear Value',
			props({ name: 'Notes', type: 'rich_text', textValue: '  ' }),
			undefined,
			'Property "Notes" (Text) in item 0: is empty',
		],
		['an empty update', {}, undefined, 'Update in item 0: there is nothing to change'],
		[
			'the title set both as Title and under Properties',
			{ title: 'New', options: { titleProperty: 'Name' }, propertiesInput: 'json', propertiesJson: '{"Name": {"title": []}}' },
			undefined,
			'Title in item 0: the title property "Name" is also set under Properties; set it in one place',
		],
		[
			'the same property twice',
			props({ name: 'Estimate', type: 'number', numberValue: 1 }, { name: 'Estimate', type: 'number', numberValue: 2 }),
			undefined,
			'Properties in item 0: the property "Estimate" is set twice',
		],
		[
			'JSON that is not an object',
			{ propertiesInput: 'json', propertiesJson: '={{ $json.props }}' },
			[{ props: ['Status'] }],
			'Properties (JSON) in item 0: must be a JSON object keyed by property name',
		],
	])('%s', async (_label, parameters, items, message) => {
		const record = addRecord();

		const { output, error } = await runBuildin(sandbox, { parameters: update(record.id, parameters) }, { items });

		expect(sandbox.requests).toHaveLength(0);
		expect(output).toEqual([]);
		expect(error).toMatchObject({ name: 'NodeOperationError', message, context: expect.objectContaining({ itemIndex: 0 }) });
		expect(sandbox.getPage(record.id)).toEqual(record);
	});

	test('the error names the item that is wrong; the items before it were sent', async () => {
		const record = addRecord();

		const { error } = await runBuildin(
			sandbox,
			{ parameters: update(record.id, props({ name: 'Estimate', type: 'number', numberValue: '={{ $json.estimate }}' })) },
			{ items: [{ estimate: 3 }, { estimate: 'lots' }] },
		);

		expect(error).toMatchObject({
			// Item 0 changed the record before the run stopped: the error says so, as a re-run would write it again.
			message: 'Property "Estimate" (Number) in item 1: "lots" is not a number (item 0 was written)',
			context: expect.objectContaining({ itemIndex: 1 }),
		});
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toEqual({ properties: { Estimate: { type: 'number', number: 3 } } });
		expect(sandbox.getPage(record.id)?.properties.Estimate.number).toBe(3);
	});

	test('a refusal carries a hint on how to fix it', async () => {
		const record = addRecord();

		const { error } = await runBuildin(sandbox, {
			parameters: update(byId('={{ $json.page }}'), { title: 'x' }),
		}, { items: [{ page: `https://buildin.ai/docs/${record.id}-oops` }] });

		expect(sandbox.requests).toHaveLength(0);
		expect(error?.description).toContain('Use a Buildin ID');
	});
});

describe('Simplify', () => {
	it('returns the updated page as plain values, etag included', async () => {
		const page = sandbox.addPage({ title: 'Before' });

		const { output, error } = await runBuildin(sandbox, { parameters: update(page.id, { title: 'After', simplify: true }) });

		expect(error).toBeUndefined();
		const after = sandbox.getPage(page.id)!;
		expect(output[0].json).toEqual({
			id: page.id,
			object: 'page',
			title: 'After',
			url: after.url,
			icon: null,
			cover: null,
			in_trash: false,
			parent_id: null,
			created_time: after.created_time,
			last_edited_time: after.last_edited_time,
			properties: { title: 'After' },
			etag: `W/"${after.last_edited_time}"`,
		});
	});
});
