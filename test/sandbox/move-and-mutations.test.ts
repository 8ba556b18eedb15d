// The sandbox's spec-only endpoints: PATCH /v2/pages/:id/move and POST /v2/databases/:id/mutations.
import { expectError, MISSING_UUID, plain, text, useSandbox, type Json } from './helpers';

const env = useSandbox();
const { call } = env;

const move = (id: string, body: unknown) => call('PATCH', `/v2/pages/${id}/move`, { body });
const mutate = (id: string, body: unknown) => call('POST', `/v2/databases/${id}/mutations`, { body });

describe('PATCH /v2/pages/:page_id/move', () => {
	it('moves a page before a sibling under a new parent; the answer names the new parent and position', async () => {
		const from = env.sb.addPage({ title: 'From' });
		const to = env.sb.addPage({ title: 'To' });
		const sibling = env.sb.addPage({ title: 'Sibling', parent: { type: 'page_id', page_id: to.id } });
		const page = env.sb.addPage({ title: 'Moving', parent: { type: 'page_id', page_id: from.id } });
		const res = await move(page.id, { parent: { type: 'page_id', page_id: to.id }, before: sibling.id });
		expect(res.json).toEqual({ object: 'page_move', id: page.id, object_type: 'page', parent: { type: 'page_id', page_id: to.id }, after: null, before: sibling.id });
		expect(env.sb.childrenOf(from.id)).toEqual([]);
		expect(env.sb.childrenOf(to.id).map((b: Json) => b.id)).toEqual([page.id, sibling.id]);
	});

	it('moves a database to the root; a database does not go into a database', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const db = env.sb.addDatabase({ title: 'D', parent: { type: 'page_id', page_id: page.id }, properties: { Name: 'title' } });
		const other = env.sb.addDatabase({ title: 'E', properties: { Name: 'title' } });
		expect((await move(db.id, { parent: { workspace: true } })).json).toMatchObject({ object_type: 'database', parent: { type: 'workspace', workspace: true } });
		expect(env.sb.getDatabase(db.id)?.parent).toEqual({ type: 'workspace', workspace: true });
		expect((await move(db.id, { parent: { database_id: other.id } })).json.details).toEqual([{ path: 'parent.database_id', reason: 'invalid_parent' }]);
	});

	it('refuses a cycle, a sibling elsewhere, after with before, a missing parent, and unknown objects', async () => {
		const top = env.sb.addPage({ title: 'Top' });
		const child = env.sb.addPage({ title: 'Child', parent: { type: 'page_id', page_id: top.id } });
		const elsewhere = env.sb.addPage({ title: 'Elsewhere' });
		expect((await move(top.id, { parent: { page_id: child.id } })).json.details).toEqual([{ path: 'parent.page_id', reason: 'cycle' }]);
		expect((await move(elsewhere.id, { parent: { page_id: top.id }, after: top.id })).json.details).toEqual([{ path: 'after', reason: 'not_a_sibling' }]);
		expect((await move(elsewhere.id, { parent: { page_id: top.id }, after: child.id, before: child.id })).json.details[0]).toMatchObject({ reason: 'exclusive_fields' });
		expectError(await move(elsewhere.id, {}), 400, 'validation_error');
		expectError(await move(MISSING_UUID, { parent: { workspace: true } }), 404, 'not_found');
		expectError(await move(elsewhere.id, { parent: { page_id: MISSING_UUID } }), 404, 'not_found');
	});
});

describe('POST /v2/databases/:database_id/mutations', () => {
	const schema = { Name: 'title', Score: { type: 'number', number: { format: 'number' } } };

	it('creates and updates records in one request and lists them in the order sent', async () => {
		const db = env.sb.addDatabase({ title: 'D', properties: schema });
		const old = env.sb.addPage({ parent: { type: 'database_id', database_id: db.id }, properties: { Name: { title: text('Old') } } });
		const res = await mutate(db.id, {
			create_records: [{ title: 'Titled' }, { properties: { Name: { title: text('Typed') }, Score: { number: 3 } } }],
			update_records: [{ record_id: old.id, properties: { Score: { number: 9 } } }],
		});
		expect(res.json).toEqual({
			object: 'database_mutation_result', database_id: db.id, updated_properties: [],
			created_records: [{ id: expect.any(String), title: 'Titled' }, { id: expect.any(String), title: 'Typed' }],
			updated_records: [{ id: old.id, title: 'Old' }],
		});
		expect(env.sb.getPage(old.id)?.properties.Score.number).toBe(9);
		expect(plain(env.sb.getPage(res.json.created_records[1].id)?.properties.Name.title)).toBe('Typed');
	});

	it('is one transaction: one invalid record and nothing is written', async () => {
		const db = env.sb.addDatabase({ title: 'D', properties: schema });
		const old = env.sb.addPage({ parent: { type: 'database_id', database_id: db.id }, properties: { Score: { number: 1 } } });
		const res = await mutate(db.id, {
			create_records: [{ title: 'Fine' }, { properties: { Score: { number: 'ten' } } }],
			update_records: [{ record_id: old.id, properties: { Score: { number: 2 } } }],
		});
		expectError(res, 400, 'validation_error');
		expect(res.json.details).toEqual([expect.objectContaining({ path: 'create_records[1].properties.Score.number' })]);
		expect(env.sb.getPage(old.id)?.properties.Score.number).toBe(1);
		const query = await call('POST', `/v2/databases/${db.id}/query`, { body: {} });
		expect(query.json.results).toHaveLength(1);
	});

	it('refuses records of another database, the same record twice, more than 100 records and schema changes', async () => {
		const db = env.sb.addDatabase({ title: 'D', properties: schema });
		const otherDb = env.sb.addDatabase({ title: 'E', properties: schema });
		const stranger = env.sb.addPage({ parent: { type: 'database_id', database_id: otherDb.id } });
		const mine = env.sb.addPage({ parent: { type: 'database_id', database_id: db.id } });
		const update = (id: string) => ({ record_id: id, properties: { Score: { number: 1 } } });
		expect((await mutate(db.id, { update_records: [update(stranger.id)] })).json.details).toEqual([{ path: 'update_records[0].record_id', reason: 'not_a_record_of_database' }]);
		expect((await mutate(db.id, { update_records: [update(mine.id), update(mine.id)] })).json.details).toEqual([{ path: 'update_records[1].record_id', reason: 'duplicate' }]);
		const many = Array.from({ length: 101 }, () => ({ title: 'x' }));
		expect((await mutate(db.id, { create_records: many })).json.details).toEqual([expect.objectContaining({ reason: 'too_many_items', limit: 100 })]);
		expect((await mutate(db.id, { properties: { New: { type: 'rich_text' } } })).json.details).toEqual([{ path: 'properties', reason: 'not_supported_by_sandbox' }]);
	});
});
