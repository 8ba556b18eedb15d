import { expectError, MISSING_UUID, plain, text, useSandbox, type Json } from './helpers';

const env = useSandbox();
const { call } = env;

const SCHEMA = {
	Name: { name: 'Name', type: 'title' },
	Status: { type: 'select', select: { options: [{ name: 'Todo', color: 'gray' }, { name: 'Doing', color: 'blue' }, { name: 'Done', color: 'green' }] } },
	Tags: { type: 'multi_select', multi_select: { options: [{ name: 'api' }, { name: 'ui' }] } },
	Estimate: { type: 'number', number: { format: 'dollar' } },
	Due: { type: 'date' },
	Done: { type: 'checkbox' },
	Owner: { type: 'people' },
	Related: { type: 'relation', relation: { database_id: MISSING_UUID } },
	Files: { type: 'files' },
	Site: { type: 'url' },
	Notes: { type: 'rich_text' },
};
const ALEX = '44444444-4444-4444-8444-444444444444';
const SAM = '55555555-5555-4555-8555-555555555555';

const names = (res: { json: Json }) => res.json.results.map((p: Json) => plain(p.properties.Name.title));

describe('addDatabase, getDatabase and GET /v2/databases/:id', () => {
	it('returns the read shape with the schema, and the API answers the same', async () => {
		const db = env.sb.addDatabase({ title: 'Tasks', description: 'All tasks', icon: { type: 'emoji', emoji: '✅' }, properties: SCHEMA, isInline: true });
		expect(db).toMatchObject({
			object: 'database', parent: { type: 'workspace', workspace: true }, in_trash: false, is_inline: true,
			icon: { type: 'emoji', emoji: '✅' }, cover: null, url: `https://buildin.ai/database/${db.id}`,
		});
		expect(plain(db.title)).toBe('Tasks');
		expect(plain(db.description)).toBe('All tasks');
		expect(Object.keys(db.properties)).toEqual(Object.keys(SCHEMA));
		expect(db.properties.Name).toEqual({ id: 'title', name: 'Name', type: 'title', title: {} });
		expect(db.properties.Status).toEqual({
			id: expect.any(String), name: 'Status', type: 'select',
			select: { options: [
				{ id: expect.any(String), name: 'Todo', color: 'gray' },
				{ id: expect.any(String), name: 'Doing', color: 'blue' },
				{ id: expect.any(String), name: 'Done', color: 'green' },
			] },
		});
		expect(db.properties.Estimate.number).toEqual({ format: 'dollar' });
		expect(db.properties.Related.relation).toEqual({ database_id: MISSING_UUID });
		expect(db.properties.Due).toEqual({ id: expect.any(String), name: 'Due', type: 'date', date: {} });
		const res = await call('GET', `/v2/databases/${db.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual(db);
		expect(env.sb.getDatabase(db.id)).toEqual(db);
		expect(env.sb.getDatabase(MISSING_UUID)).toBeUndefined();
	});

	it('accepts type names as a shorthand and rejects bad schemas', () => {
		const db = env.sb.addDatabase({ properties: { Title: 'title', Count: 'number' } });
		expect(db.properties.Count).toMatchObject({ type: 'number', number: { format: 'number' } });
		expect(() => env.sb.addDatabase({ properties: { A: 'rich_text' } })).toThrow(/title_required/);
		expect(() => env.sb.addDatabase({ properties: { A: 'title', B: 'title' } })).toThrow(/too_many_titles/);
		expect(() => env.sb.addDatabase({ properties: { A: 'title', B: 'colour' } })).toThrow(/invalid_value/);
		expect(() => env.sb.addDatabase({ id: db.id, properties: { A: 'title' } })).toThrow(/exists/);
	});

	it('answers 404 for an unknown id, 403 without databases.read or sharing', async () => {
		const db = env.sb.addDatabase({ properties: { Name: 'title' } });
		expectError(await call('GET', `/v2/databases/${MISSING_UUID}`), 404, 'not_found');
		env.sb.addToken('tok_pages', ['pages.read']);
		expectError(await call('GET', `/v2/databases/${db.id}`, { token: 'tok_pages' }), 403, 'forbidden');
		env.sb.addToken('tok_elsewhere', ['databases.read'], { sharedPages: [MISSING_UUID] });
		expectError(await call('GET', `/v2/databases/${db.id}`, { token: 'tok_elsewhere' }), 403, 'forbidden');
	});

	it('shares a database, and its records, through a shared parent page', async () => {
		const page = env.sb.addPage({ title: 'Home' });
		const db = env.sb.addDatabase({ parent: { page_id: page.id }, properties: { Name: 'title' } });
		const rec = env.sb.addPage({ parent: { type: 'database_id', database_id: db.id }, title: 'r' });
		env.sb.addToken('tok_home', ['databases.read', 'pages.read'], { sharedPages: [page.id] });
		expect((await call('GET', `/v2/databases/${db.id}`, { token: 'tok_home' })).json.parent).toEqual({ type: 'page_id', page_id: page.id });
		expect((await call('GET', `/v2/pages/${rec.id}`, { token: 'tok_home' })).status).toBe(200);
		expect(env.sb.childrenOf(page.id).map((b) => [b.type, b.id])).toEqual([['child_database', db.id]]);
	});

	it('makes addPage records use the database schema', () => {
		const db = env.sb.addDatabase({ properties: SCHEMA });
		const rec = env.sb.addPage({ parent: { type: 'database_id', database_id: db.id }, schema: { title: 'title' }, properties: { Name: { title: text('A') } } });
		expect(Object.keys(rec.properties)).toEqual(Object.keys(SCHEMA));
		expect(rec.properties.Status).toEqual({ id: db.properties.Status.id, type: 'select', select: null });
		expect(() => env.sb.addPage({ parent: { type: 'database_id', database_id: db.id }, properties: { title: { title: [] } } })).toThrow(/schema/);
	});
});

describe('POST /v2/databases', () => {
	it('creates a database under a page', async () => {
		const page = env.sb.addPage({ title: 'Home' });
		const res = await call('POST', '/v2/databases', {
			body: { parent: { page_id: page.id }, title: text('Bugs'), description: text('Triage'), is_inline: true, properties: { Name: { title: {} }, Severity: { type: 'select', select: { options: [{ name: 'High', color: 'red' }] } } } },
		});
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ object: 'database', parent: { type: 'page_id', page_id: page.id }, is_inline: true, in_trash: false });
		expect(res.json.properties.Severity.select.options).toEqual([{ id: expect.any(String), name: 'High', color: 'red' }]);
		expect(env.sb.getDatabase(res.json.id)).toEqual(res.json);
		const me = await call('GET', '/v2/users/me');
		expect(res.json.created_by).toEqual({ object: 'user', id: me.json.id });
	});

	it('creates at the workspace root without a parent', async () => {
		const res = await call('POST', '/v2/databases', { body: { properties: { Name: { type: 'title' } } } });
		expect(res.json.parent).toEqual({ type: 'workspace', workspace: true });
		expect(res.json.title).toEqual([]);
	});

	it.each([
		['no properties', {}, { path: 'properties', reason: 'required' }],
		['no title property', { properties: { A: { type: 'rich_text' } } }, { path: 'properties', reason: 'title_required' }],
		['two titles', { properties: { A: { type: 'title' }, B: { type: 'title' } } }, { path: 'properties', reason: 'too_many_titles' }],
		['an unknown type', { properties: { A: { type: 'title' }, B: { type: 'status' } } }, { path: 'properties.B.type', reason: 'invalid_value' }],
		['a bad number format', { properties: { A: { type: 'title' }, B: { type: 'number', number: { format: 'bitcoin' } } } }, { path: 'properties.B.number.format', reason: 'invalid_value' }],
		['a bad option colour', { properties: { A: { type: 'title' }, B: { type: 'select', select: { options: [{ name: 'x', color: 'mauve' }] } } } }, { path: 'properties.B.select.options[0].color', reason: 'invalid_value' }],
		['a relation without database', { properties: { A: { type: 'title' }, B: { type: 'relation', relation: {} } } }, { path: 'properties.B.relation.database_id', reason: 'invalid_uuid' }],
		['a database parent', { parent: { database_id: MISSING_UUID }, properties: { A: { type: 'title' } } }, { path: 'parent.database_id', reason: 'unknown_field' }],
		['a title that is not rich text', { title: 'Bugs', properties: { A: { type: 'title' } } }, { path: 'title', reason: 'invalid_type' }],
		['an unknown field', { archived: true, properties: { A: { type: 'title' } } }, { path: 'archived', reason: 'unknown_field' }],
	])('rejects %s', async (_name, body, detail) => {
		const res = await call('POST', '/v2/databases', { body });
		expectError(res, 400, 'validation_error');
		expect(res.json.details).toContainEqual(expect.objectContaining(detail));
	});

	it('answers 404 for a missing parent page and 403 without databases.write', async () => {
		expectError(await call('POST', '/v2/databases', { body: { parent: { page_id: MISSING_UUID }, properties: { A: { type: 'title' } } } }), 404, 'not_found');
		env.sb.addToken('tok_db_read', ['databases.read']);
		expectError(await call('POST', '/v2/databases', { token: 'tok_db_read', body: { properties: { A: { type: 'title' } } } }), 403, 'forbidden');
	});
});

describe('PATCH and DELETE /v2/databases/:id', () => {
	function withRecord() {
		const db = env.sb.addDatabase({ title: 'T', properties: SCHEMA });
		const rec = env.sb.addPage({
			parent: { type: 'database_id', database_id: db.id },
			properties: { Name: { title: text('R') }, Status: { select: { name: 'Doing' } }, Estimate: { number: 3 }, Tags: { multi_select: [{ name: 'api' }, { name: 'ui' }] } },
		});
		return { db, rec };
	}

	it('changes title, description, icon and cover', async () => {
		const { db } = withRecord();
		const res = await call('PATCH', `/v2/databases/${db.id}`, {
			body: { title: text('New'), description: [], icon: null, cover: { type: 'external', external: { url: 'https://example.com/c.png' } } },
		});
		expect(res.status).toBe(200);
		expect(plain(res.json.title)).toBe('New');
		expect(res.json).toMatchObject({ description: [], icon: null, cover: { type: 'external' } });
		expect(Date.parse(res.json.last_edited_time)).toBeGreaterThan(Date.parse(db.last_edited_time));
		expect(res.json.properties).toEqual(db.properties);
	});

	it('deletes with null, adds a new name, and the records follow', async () => {
		const { db, rec } = withRecord();
		const res = await call('PATCH', `/v2/databases/${db.id}`, { body: { properties: { Estimate: null, Priority: { type: 'number', number: { format: 'percent' } } } } });
		expect(res.status).toBe(200);
		expect(Object.keys(res.json.properties)).toEqual([...Object.keys(SCHEMA).filter((k) => k !== 'Estimate'), 'Priority']);
		const after = env.sb.getPage(rec.id) as Json;
		expect(after.properties.Estimate).toBeUndefined();
		expect(after.properties.Priority).toEqual({ id: res.json.properties.Priority.id, type: 'number', number: null });
		expect(after.properties.Status).toEqual(rec.properties.Status);
	});

	it('changes the type of an existing property, emptying record values', async () => {
		const { db, rec } = withRecord();
		const res = await call('PATCH', `/v2/databases/${db.id}`, { body: { properties: { Estimate: { type: 'rich_text', rich_text: {} } } } });
		expect(res.json.properties.Estimate).toMatchObject({ type: 'rich_text' });
		expect((env.sb.getPage(rec.id) as Json).properties.Estimate).toEqual({ id: res.json.properties.Estimate.id, type: 'rich_text', rich_text: [] });
		const got = await call('GET', `/v2/pages/${rec.id}`);
		expect(got.json.properties.Estimate.type).toBe('rich_text');
	});

	it('replaces select options, keeping ids by name and clearing removed ones from records', async () => {
		const { db, rec } = withRecord();
		const res = await call('PATCH', `/v2/databases/${db.id}`, {
			body: { properties: { Status: { select: { options: [{ name: 'Todo' }, { name: 'Blocked', color: 'red' }] } }, Tags: { multi_select: { options: [{ name: 'ui' }] } } } },
		});
		expect(res.json.properties.Status.select.options).toEqual([db.properties.Status.select.options[0], { id: expect.any(String), name: 'Blocked', color: 'red' }]);
		const after = env.sb.getPage(rec.id) as Json;
		expect(after.properties.Status.select).toBeNull();
		expect(after.properties.Tags.multi_select.map((o: Json) => o.name)).toEqual(['ui']);
	});

	it('renames with name, keeping the values', async () => {
		const { db, rec } = withRecord();
		const res = await call('PATCH', `/v2/databases/${db.id}`, { body: { properties: { Status: { name: 'State' } } } });
		expect(res.json.properties.State).toMatchObject({ id: db.properties.Status.id, type: 'select', name: 'State' });
		expect(res.json.properties.Status).toBeUndefined();
		expect((env.sb.getPage(rec.id) as Json).properties.State.select.name).toBe('Doing');
	});

	it.each([
		['deleting the title', { Name: null }, { path: 'properties.Name', reason: 'title_required' }],
		['deleting an unknown property', { Nope: null }, { path: 'properties.Nope', reason: 'unknown_property' }],
		['adding a second title', { Other: { type: 'title' } }, { path: 'properties.Other.type', reason: 'too_many_titles' }],
		['making the title a number', { Name: { type: 'number' } }, { path: 'properties.Name.type', reason: 'title_type_change' }],
		['renaming onto an existing name', { Status: { name: 'Tags' } }, { path: 'properties.Status.name', reason: 'duplicate' }],
	])('rejects %s and changes nothing', async (_name, properties, detail) => {
		const { db, rec } = withRecord();
		const res = await call('PATCH', `/v2/databases/${db.id}`, { body: { title: text('changed'), properties } });
		expectError(res, 400, 'validation_error');
		expect(res.json.details).toContainEqual(expect.objectContaining(detail));
		expect(env.sb.getDatabase(db.id)).toEqual(db);
		expect(env.sb.getPage(rec.id)).toEqual(rec);
	});

	it('trashes with DELETE or in_trash, and restores', async () => {
		const { db } = withRecord();
		const del = await call('DELETE', `/v2/databases/${db.id}`);
		expect(del.status).toBe(200);
		expect(del.json).toMatchObject({ object: 'database', id: db.id, in_trash: true });
		expect((await call('PATCH', `/v2/databases/${db.id}`, { body: { in_trash: false } })).json.in_trash).toBe(false);
		expectError(await call('DELETE', `/v2/databases/${MISSING_UUID}`), 404, 'not_found');
	});
});

describe('POST /v2/databases/:id/query', () => {
	let db: Json;
	const rows: Json[] = [];

	beforeAll(() => {
		db = env.sb.addDatabase({ title: 'Q', properties: SCHEMA });
		const add = (name: string, props: Json, createdTime: string) =>
			rows.push(env.sb.addPage({ parent: { type: 'database_id', database_id: db.id }, createdTime, properties: { Name: { title: text(name) }, ...props } }));
		add('Alpha', {
			Status: { select: { name: 'Todo' } }, Tags: { multi_select: [{ name: 'api' }] }, Estimate: { number: 3 }, Due: { date: { start: '2026-04-01' } },
			Done: { checkbox: true }, Owner: { people: [{ id: ALEX }] }, Site: { url: 'https://alpha.example.com' }, Notes: { rich_text: text('first one') },
		}, '2026-01-01T00:00:00.000Z');
		add('Beta', {
			Status: { select: { name: 'Doing' } }, Tags: { multi_select: [{ name: 'api' }, { name: 'ui' }] }, Estimate: { number: 8 },
			Due: { date: { start: '2026-04-15T10:00:00.000Z' } }, Owner: { people: [{ id: SAM }] },
			Files: { files: [{ name: 'a.pdf', type: 'external', external: { url: 'https://example.com/a.pdf' } }] },
		}, '2026-01-02T00:00:00.000Z');
		add('Gamma', { Status: { select: { name: 'Done' } }, Estimate: { number: 5 }, Owner: { people: [{ id: ALEX }, { id: SAM }] } }, '2026-01-03T00:00:00.000Z');
		add('Delta', { Related: { relation: [{ id: MISSING_UUID }] } }, '2026-01-04T00:00:00.000Z');
		add('Trashed', { Estimate: { number: 100 } }, '2026-01-05T00:00:00.000Z');
		env.sb.addPage({ title: 'not a record' });
	});

	const query = (body?: unknown, token?: string) => call('POST', `/v2/databases/${db.id}/query`, { body, token });

	beforeAll(async () => {
		await call('DELETE', `/v2/pages/${rows[4].id}`);
	});

	it('returns the records in creation order, trashed ones left out', async () => {
		const res = await query({});
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ object: 'list', next_cursor: null, has_more: false });
		expect(names(res)).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta']);
		expect(res.json.results[0]).toEqual(env.sb.getPage(rows[0].id));
		expect(names(await query())).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta']);
	});

	it.each([
		['title equals', { property: 'Name', title: { equals: 'Beta' } }, ['Beta']],
		['title contains, any case', { property: 'Name', title: { contains: 'A' } }, ['Alpha', 'Beta', 'Gamma', 'Delta']],
		['title starts_with', { property: 'Name', title: { starts_with: 'g' } }, ['Gamma']],
		['title ends_with', { property: 'Name', title: { ends_with: 'ta' } }, ['Beta', 'Delta']],
		['title does_not_equal', { property: 'Name', title: { does_not_equal: 'Alpha' } }, ['Beta', 'Gamma', 'Delta']],
		['rich_text is_empty', { property: 'Notes', rich_text: { is_empty: true } }, ['Beta', 'Gamma', 'Delta']],
		['rich_text does_not_contain', { property: 'Notes', rich_text: { does_not_contain: 'first' } }, ['Beta', 'Gamma', 'Delta']],
		['url is_not_empty', { property: 'Site', url: { is_not_empty: true } }, ['Alpha']],
		['number greater_than', { property: 'Estimate', number: { greater_than: 3 } }, ['Beta', 'Gamma']],
		['number less_than_or_equal_to', { property: 'Estimate', number: { less_than_or_equal_to: 5 } }, ['Alpha', 'Gamma']],
		['number equals', { property: 'Estimate', number: { equals: 8 } }, ['Beta']],
		['number does_not_equal counts empty', { property: 'Estimate', number: { does_not_equal: 8 } }, ['Alpha', 'Gamma', 'Delta']],
		['number is_empty', { property: 'Estimate', number: { is_empty: true } }, ['Delta']],
		['select equals', { property: 'Status', select: { equals: 'Doing' } }, ['Beta']],
		['select does_not_equal', { property: 'Status', select: { does_not_equal: 'Doing' } }, ['Alpha', 'Gamma', 'Delta']],
		['select is_empty', { property: 'Status', select: { is_empty: true } }, ['Delta']],
		['multi_select contains', { property: 'Tags', multi_select: { contains: 'ui' } }, ['Beta']],
		['multi_select does_not_contain', { property: 'Tags', multi_select: { does_not_contain: 'api' } }, ['Gamma', 'Delta']],
		['people contains', { property: 'Owner', people: { contains: SAM } }, ['Beta', 'Gamma']],
		['people is_empty', { property: 'Owner', people: { is_empty: true } }, ['Delta']],
		['relation contains', { property: 'Related', relation: { contains: MISSING_UUID.toUpperCase() } }, ['Delta']],
		['date before a day', { property: 'Due', date: { before: '2026-04-15' } }, ['Alpha']],
		['date on_or_before a day', { property: 'Due', date: { on_or_before: '2026-04-15' } }, ['Alpha', 'Beta']],
		['date equals a day', { property: 'Due', date: { equals: '2026-04-15' } }, ['Beta']],
		['date after an instant', { property: 'Due', date: { after: '2026-04-15T09:00:00Z' } }, ['Beta']],
		['date on_or_after', { property: 'Due', date: { on_or_after: '2026-04-01' } }, ['Alpha', 'Beta']],
		['date is_not_empty', { property: 'Due', date: { is_not_empty: true } }, ['Alpha', 'Beta']],
		['checkbox equals', { property: 'Done', checkbox: { equals: true } }, ['Alpha']],
		['checkbox does_not_equal', { property: 'Done', checkbox: { does_not_equal: true } }, ['Beta', 'Gamma', 'Delta']],
		['files is_not_empty', { property: 'Files', files: { is_not_empty: true } }, ['Beta']],
		['a property by id', { property: 'title', title: { equals: 'Gamma' } }, ['Gamma']],
		['created_time timestamp', { timestamp: 'created_time', created_time: { after: '2026-01-02T12:00:00Z' } }, ['Gamma', 'Delta']],
		['last_edited_time timestamp', { timestamp: 'last_edited_time', last_edited_time: { on_or_before: '2026-01-02' } }, ['Alpha', 'Beta']],
		['and', { and: [{ property: 'Owner', people: { contains: ALEX } }, { property: 'Estimate', number: { greater_than: 4 } }] }, ['Gamma']],
		['or', { or: [{ property: 'Status', select: { equals: 'Todo' } }, { property: 'Tags', multi_select: { contains: 'ui' } }] }, ['Alpha', 'Beta']],
		['nested', {
			or: [
				{ and: [{ property: 'Done', checkbox: { equals: false } }, { property: 'Estimate', number: { is_not_empty: true } }] },
				{ property: 'Name', title: { equals: 'Delta' } },
			],
		}, ['Beta', 'Gamma', 'Delta']],
	])('filters: %s', async (_name, filter, expected) => {
		const res = await query({ filter });
		expect(res.status).toBe(200);
		expect(names(res)).toEqual(expected);
	});

	it.each([
		['property descending', [{ property: 'Estimate', direction: 'descending' }], ['Beta', 'Gamma', 'Alpha', 'Delta']],
		['property ascending, empty last', [{ property: 'Estimate', direction: 'ascending' }], ['Alpha', 'Gamma', 'Beta', 'Delta']],
		['select by option order', [{ property: 'Status', direction: 'descending' }], ['Gamma', 'Beta', 'Alpha', 'Delta']],
		['title', [{ property: 'Name', direction: 'descending' }], ['Gamma', 'Delta', 'Beta', 'Alpha']],
		['date', [{ property: 'Due', direction: 'descending' }], ['Beta', 'Alpha', 'Gamma', 'Delta']],
		['timestamp', [{ timestamp: 'created_time', direction: 'descending' }], ['Delta', 'Gamma', 'Beta', 'Alpha']],
		['two keys', [{ property: 'Done', direction: 'ascending' }, { property: 'Name', direction: 'ascending' }], ['Beta', 'Delta', 'Gamma', 'Alpha']],
	])('sorts: %s', async (_name, sorts, expected) => {
		expect(names(await query({ sorts }))).toEqual(expected);
	});

	it('pages 20 by default with an opaque cursor, page_size up to 100', async () => {
		const big = env.sb.addDatabase({ properties: { Name: 'title' } });
		for (let i = 0; i < 45; i += 1) env.sb.addPage({ parent: { type: 'database_id', database_id: big.id }, title: `r${i}` });
		const q = (body: Json) => call('POST', `/v2/databases/${big.id}/query`, { body });
		const first = await q({});
		expect(first.json.results).toHaveLength(20);
		expect(first.json.has_more).toBe(true);
		const second = await q({ start_cursor: first.json.next_cursor });
		const third = await q({ start_cursor: second.json.next_cursor });
		expect(third.json).toMatchObject({ has_more: false, next_cursor: null });
		expect([...names(first), ...names(second), ...names(third)]).toEqual(Array.from({ length: 45 }, (_, i) => `r${i}`));
		expect((await q({ page_size: 100 })).json.results).toHaveLength(45);
		expectError(await q({ page_size: 101 }), 400, 'validation_error');
		expectError(await q({ page_size: '5' }), 400, 'validation_error');
		expectError(await q({ start_cursor: 'abc' }), 400, 'validation_error');
	});

	it.each([
		['a filter key of another type', { property: 'Estimate', rich_text: { equals: 'x' } }, 'filter.rich_text'],
		['an operator of another family', { property: 'Status', select: { contains: 'Do' } }, 'filter.select.contains'],
		['a text operator on a number', { property: 'Estimate', number: { starts_with: '1' } }, 'filter.number.starts_with'],
		['an operator on files', { property: 'Files', files: { contains: 'a' } }, 'filter.files.contains'],
		['a checkbox is_empty', { property: 'Done', checkbox: { is_empty: true } }, 'filter.checkbox.is_empty'],
		['a bad timestamp', { timestamp: 'updated_time', updated_time: { after: '2026-01-01' } }, 'filter.timestamp'],
		['a nested bad one', { and: [{ or: [{ property: 'Tags', select: { equals: 'api' } }] }] }, 'filter.and[0].or[0].select'],
	])('answers 400 unsupported_filter for %s', async (_name, filter, path) => {
		const res = await query({ filter });
		expectError(res, 400, 'unsupported_filter');
		expect(res.json.details[0].path).toBe(path);
	});

	it.each([
		['an unknown property', { property: 'Nope', number: { equals: 1 } }, { path: 'filter.property', reason: 'unknown_property' }],
		['a wrong operand type', { property: 'Estimate', number: { equals: '8' } }, { path: 'filter.number.equals', reason: 'invalid_type' }],
		['a bad date', { property: 'Due', date: { before: 'tomorrow' } }, { path: 'filter.date.before', reason: 'invalid_date' }],
		['two operators', { property: 'Estimate', number: { equals: 1, greater_than: 0 } }, { path: 'filter.number', reason: 'too_many_operators' }],
		['no condition', { property: 'Estimate' }, { path: 'filter', reason: 'required' }],
		['and not an array', { and: { property: 'Estimate' } }, { path: 'filter.and', reason: 'invalid_type' }],
		['and with another key', { and: [], property: 'Name' }, { path: 'filter', reason: 'exclusive_fields' }],
		['a non-object', 'Status = Doing', { path: 'filter', reason: 'invalid_type' }],
	])('answers 400 validation_error for %s', async (_name, filter, detail) => {
		const res = await query({ filter });
		expectError(res, 400, 'validation_error');
		expect(res.json.details[0]).toMatchObject(detail);
	});

	it.each([
		['a files property', [{ property: 'Files', direction: 'ascending' }], 'unsupported_sort'],
		['a people property', [{ property: 'Owner', direction: 'ascending' }], 'unsupported_sort'],
		['a bad timestamp', [{ timestamp: 'updated_time', direction: 'ascending' }], 'unsupported_sort'],
		['a bad direction', [{ property: 'Name', direction: 'up' }], 'unsupported_sort'],
		['an unknown property', [{ property: 'Nope', direction: 'ascending' }], 'validation_error'],
		['both property and timestamp', [{ property: 'Name', timestamp: 'created_time', direction: 'ascending' }], 'validation_error'],
		['sorts not an array', { property: 'Name', direction: 'ascending' }, 'validation_error'],
	])('answers 400 for a sort on %s', async (_name, sorts, code) => {
		expectError(await query({ sorts }), 400, code);
	});

	it('rejects unknown body fields, needs databases.read, and 404s an unknown database', async () => {
		const res = await query({ view_id: 'x' });
		expectError(res, 400, 'validation_error');
		expect(res.json.details).toEqual([{ path: 'view_id', reason: 'unknown_field' }]);
		env.sb.addToken('tok_no_db', ['pages.read']);
		expectError(await query({}, 'tok_no_db'), 403, 'forbidden');
		expectError(await call('POST', `/v2/databases/${MISSING_UUID}/query`, { body: {} }), 404, 'not_found');
	});

	it('sees record changes made through PATCH /v2/pages', async () => {
		await call('PATCH', `/v2/pages/${rows[3].id}`, { body: { properties: { Status: { select: { name: 'Doing' } } } } });
		expect(names(await query({ filter: { property: 'Status', select: { equals: 'Doing' } } }))).toEqual(['Beta', 'Delta']);
	});
});
