import { seedDemo } from '../../sandbox/seed';
import { plain, useSandbox, type Json } from './helpers';

const env = useSandbox();
const { call } = env;
let demo: ReturnType<typeof seedDemo>;

beforeAll(() => {
	demo = seedDemo(env.sb);
});

const as = (method: string, path: string, body?: unknown) => call(method, path, { token: demo.token, body });

describe('seedDemo', () => {
	it('keeps the fixed ids', () => {
		expect(demo).toEqual({
			token: 'demo-token',
			pageId: '11111111-1111-4111-8111-111111111111',
			recordId: '22222222-2222-4222-8222-222222222222',
			databaseId: '33333333-3333-4333-8333-333333333333',
			personId: '44444444-4444-4444-8444-444444444444',
			secondRecordId: '66666666-6666-4666-8666-666666666666',
			retroPageId: '77777777-7777-4777-8777-777777777777',
			archivePageId: '88888888-8888-4888-8888-888888888888',
		});
	});

	it('has the Releases database whose records are 2222… and a second one', async () => {
		const db = await as('GET', `/v2/databases/${demo.databaseId}`);
		expect(db.status).toBe(200);
		expect(plain(db.json.title)).toBe('Releases');
		expect(Object.keys(db.json.properties)).toEqual([
			'Name', 'Status', 'Tags', 'Due', 'Estimate', 'Done', 'Website', 'Contact', 'Phone', 'Owner', 'Attachments', 'Related', 'Notes',
		]);
		const record = await as('GET', `/v2/pages/${demo.recordId}`);
		expect(record.json.parent).toEqual({ type: 'database_id', database_id: demo.databaseId });
		expect(record.json.properties.Status.select).toEqual(db.json.properties.Status.select.options.find((o: Json) => o.name === 'Doing'));
		const all = await as('POST', `/v2/databases/${demo.databaseId}/query`, {});
		expect(all.json.results.map((p: Json) => p.id)).toEqual([demo.recordId, demo.secondRecordId]);
		const todo = await as('POST', `/v2/databases/${demo.databaseId}/query`, { filter: { property: 'Status', select: { equals: 'Todo' } } });
		expect(todo.json.results.map((p: Json) => plain(p.properties.Name.title))).toEqual(['Write the release notes']);
	});

	it('has Alex Chen with an email', async () => {
		const user = await as('GET', `/v2/users/${demo.personId}`);
		expect(user.json).toMatchObject({ object: 'user', type: 'person', name: 'Alex Chen', person: { email: 'alex@example.com' } });
	});

	it('has blocks on the page, exported as Markdown', async () => {
		const children = await as('GET', `/v2/blocks/${demo.pageId}/children`);
		expect(children.json.results.map((b: Json) => b.type)).toEqual(['heading_2', 'paragraph', 'to_do', 'bulleted_list_item', 'bulleted_list_item']);
		const md = await as('GET', `/v2/pages/${demo.pageId}/content/markdown`);
		expect(md.json.markdown).toBe([
			'## Before the release', '', 'Work through this list before tagging a version.', '',
			'- [ ] Update the changelog', '- Run the end-to-end tests', '- Tag the release',
		].join('\n'));
	});

	it('is found by search', async () => {
		const res = await as('POST', '/v2/search', { query: 'release' });
		expect(res.json.results.map((r: Json) => r.id).sort()).toEqual([demo.pageId, demo.databaseId, demo.secondRecordId].sort());
		expect((await as('POST', '/v2/search', { query: 'ship' })).json.results.map((r: Json) => r.id)).toEqual([demo.recordId]);
	});
});
