// The package as users meet it: installed into a real n8n as a community package, its workflows run by n8n's CLI,
// its credential tested by n8n itself, its node rendered in n8n's editor. Runs once per pinned n8n line.
import { N8n, N8nRest, selectedLines } from '../../harness/n8n';
import { describeEachLine, itOn } from './support/lines';
import { startElsewhere } from '../support/elsewhere';
import { checkEditor } from './support/editor';
import { credentials, DATABASE_ID, exampleWorkflows, failureWorkflows, MISSING_PAGE_ID, PAGE_ID, RECORD_ID } from './support/workflows';

const { startSandbox } = require('../../sandbox');
const { seedDemo } = require('../../sandbox/seed');

type Item = { json: any; pairedItem?: any; error?: any };

function outputOf(json: any, node: string): Item[] {
	return json?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? [];
}

function titleOf(page: any, key = 'title'): string {
	return (page.properties[key].title as any[]).map((part) => part.plain_text).join('');
}

describeEachLine('core', 'n8n $n8n on Node $node', (line) => {
	let n8n: N8n;
	let sandbox: any;
	let token: string;
	const examples = exampleWorkflows();
	const failures = failureWorkflows();
	// Whether n8n's credential test words an HTTP failure itself instead of reading the credential's rules (seen on
	// n8n 2.8.4 and 1.123.81; 2.41.1 reads the rules).
	const n8nOwnWords = line.n8n.startsWith('2.8.') || line.n8n.startsWith('1.');

	beforeAll(async () => {
		n8n = new N8n(line);
		n8n.installPackage();
		sandbox = await startSandbox({ port: 0 });
		token = seedDemo(sandbox).token;
		const imported = await n8n.importCredentials(credentials(sandbox.url, token));
		expect(imported.code).toBe(0);
		const workflows = await n8n.importWorkflows([...Object.values(examples), ...Object.values(failures)]);
		expect(workflows.code).toBe(0);
	});

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		n8n?.cleanup();
	});

	beforeEach(() => sandbox.reset());

	describe('headless runs with `n8n execute`', () => {
		// First, while the seeded records are as seeded: the update examples below change them.
		it('Query Releases: the records in progress, filtered by Buildin and simplified', async () => {
			const result = await n8n.execute(examples['query-database'].id);
			expect(result.code).toBe(0);
			const [query] = sandbox.requests;
			expect(query).toMatchObject({ method: 'POST', path: `/v2/databases/${DATABASE_ID}/query`, status: 200 });
			expect(query.body.filter).toEqual({ property: 'Status', select: { equals: 'Doing' } });
			const records = outputOf(result.json, 'Query Releases').map((item) => item.json);
			expect(records.map((record) => record.id)).toEqual([RECORD_ID]);
			expect(records[0]).toMatchObject({ title: 'Ship v1.0', properties: { Status: 'Doing' } });
		});

		it('Append Checklist: three to-do blocks at the end of the page, in order', async () => {
			const result = await n8n.execute(examples['append-checklist'].id);
			expect(result.code).toBe(0);
			const [append] = sandbox.requests;
			expect(append).toMatchObject({ method: 'PATCH', path: `/v2/blocks/${PAGE_ID}/children`, status: 200 });
			const texts = ['Tag the release', 'Publish the notes', 'Announce in #releases'];
			expect(append.body.children.map((block: any) => block.to_do.rich_text[0].text.content)).toEqual(texts);
			const created = outputOf(result.json, 'Append Checklist').map((item) => item.json);
			expect(created.map((block) => block.type)).toEqual(['to_do', 'to_do', 'to_do']);
			const children = sandbox.childrenOf(PAGE_ID);
			expect(children.slice(-3).map((block: any) => block.id)).toEqual(created.map((block) => block.id));
		});

		it('Who Am I -> Search Workspace: the integration, then the pages and databases matching "Release"', async () => {
			const result = await n8n.execute(examples['search-workspace'].id);
			expect(result.code).toBe(0);
			expect(outputOf(result.json, 'Who Am I')[0].json).toMatchObject({ object: 'bot_user' });
			expect(sandbox.requests.map((request: any) => `${request.method} ${request.path}`)).toEqual(['GET /v2/users/me', 'POST /v2/search']);
			const found = outputOf(result.json, 'Search Workspace').map((item) => item.json);
			expect(found.map((object) => object.id)).toEqual(expect.arrayContaining([PAGE_ID, DATABASE_ID]));
		});

		it('Get Page -> Update Page: the If-Match from Get is accepted, title, icon and cover change', async () => {
			const before = sandbox.getPage(PAGE_ID);
			const result = await n8n.execute(examples['update-page-with-if-match'].id);
			expect(result.code).toBe(0);
			expect(result.json.status).toBe('success');

			const [get, patch] = sandbox.requests;
			expect(get).toMatchObject({ method: 'GET', path: `/v2/pages/${PAGE_ID}` });
			expect(get.headers.authorization).toBe(`Bearer ${token}`);
			expect(patch).toMatchObject({ method: 'PATCH', path: `/v2/pages/${PAGE_ID}`, status: 200 });
			expect(patch.headers['if-match']).toBe(`W/"${before.last_edited_time}"`);
			expect(patch.body).toEqual({
				properties: { title: { type: 'title', title: [{ type: 'text', text: { content: `${titleOf(before)} (shipped)` } }] } },
				icon: { type: 'emoji', emoji: '✅' },
				cover: null,
			});

			const [updated] = outputOf(result.json, 'Update Page');
			expect(updated.json.icon).toEqual({ type: 'emoji', emoji: '✅' });
			expect(updated.json.cover).toBeNull();
			expect(updated.json.etag).toBe(`W/"${sandbox.getPage(PAGE_ID).last_edited_time}"`);
			expect(outputOf(result.json, 'Get Page')[0].json.etag).toBe(`W/"${before.last_edited_time}"`);
		});

		it('Update Record: the title column and every property type reach Buildin as typed values', async () => {
			const result = await n8n.execute(examples['update-record-properties'].id);
			expect(result.code).toBe(0);
			const [patch] = sandbox.requests;
			expect(patch.method).toBe('PATCH');
			expect(patch.body.properties).toEqual({
				Name: { type: 'title', title: [{ type: 'text', text: { content: 'Ship v1.1' } }] },
				Status: { type: 'select', select: { name: 'Done' } },
				Tags: { type: 'multi_select', multi_select: [{ name: 'release' }, { name: 'frontend' }] },
				Due: { type: 'date', date: { start: '2026-05-04', end: '2026-05-08', time_zone: 'Europe/Berlin' } },
				Estimate: { type: 'number', number: 8 },
				Done: { type: 'checkbox', checkbox: true },
				Website: { type: 'url', url: 'https://example.com/releases/1.1' },
				Contact: { type: 'email', email: 'release@example.com' },
				Phone: { type: 'phone_number', phone_number: '+49 30 1234567' },
				Owner: { type: 'people', people: [{ object: 'user', id: '44444444-4444-4444-8444-444444444444' }] },
				Attachments: {
					type: 'files',
					files: [{ name: 'release-1.1.pdf', type: 'external', external: { url: 'https://example.com/notes/release-1.1.pdf' } }],
				},
				Related: { type: 'relation', relation: [{ id: PAGE_ID }] },
				Notes: { type: 'rich_text', rich_text: [] },
			});
			const record = sandbox.getPage(RECORD_ID);
			expect(titleOf(record, 'Name')).toBe('Ship v1.1');
			expect(record.properties.Status.select.name).toBe('Done');
			expect(record.properties.Notes.rich_text).toEqual([]);
		});

		it('Move to Trash -> Restore: in_trash true then false, the icon set from a URL then removed', async () => {
			const result = await n8n.execute(examples['trash-and-restore-page'].id);
			expect(result.code).toBe(0);
			expect(sandbox.requests.map((request: any) => request.body)).toEqual([
				{ icon: { type: 'external', external: { url: 'https://example.com/icons/archive.png' } }, in_trash: true },
				{ icon: null, in_trash: false },
			]);
			expect(outputOf(result.json, 'Move to Trash')[0].json.in_trash).toBe(true);
			const restored = outputOf(result.json, 'Restore')[0].json;
			expect(restored.in_trash).toBe(false);
			expect(restored.icon).toBeNull();
		});

		it('a stale If-Match fails the run with the documented 409 conflict and writes nothing', async () => {
			const before = sandbox.getPage(PAGE_ID);
			const result = await n8n.execute(failures.staleIfMatch.id);
			expect(result.code).not.toBe(0);
			expect(sandbox.requests).toHaveLength(1);
			expect(sandbox.requests[0].status).toBe(409);
			expect(sandbox.getPage(PAGE_ID)).toEqual(before);
			const output = `${result.stdout}\n${result.stderr}`;
			expect(output).toContain('Buildin API error 409 (conflict');
			expect(output).not.toContain(token);
		});

		it('continue on fail: three items in, three items out, paired, the missing page as a failed item with its details', async () => {
			const result = await n8n.execute(failures.continueOnFail.id);
			expect(result.code).toBe(0);
			const items = outputOf(result.json, 'Update Pages');
			expect(items).toHaveLength(3);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(items[0].json.id).toBe(PAGE_ID);
			// What the next node reads: the message and Buildin's fields, under error.
			expect(items[1].json).toEqual({
				error: expect.objectContaining({
					message: expect.stringContaining('Buildin API error 404 (not_found'),
					httpCode: 404,
					code: 'not_found',
					mayHaveBeenApplied: false,
					description: expect.stringContaining('No page with this ID is visible to the integration'),
				}),
			});
			expect(items[2].json.id).toBe(RECORD_ID);
			// Concurrency sends the three at once: any arrival order, each exactly once.
			expect(sandbox.requests.map((request: any) => request.path).sort()).toEqual(
				[`/v2/pages/${PAGE_ID}`, `/v2/pages/${MISSING_PAGE_ID}`, `/v2/pages/${RECORD_ID}`].sort(),
			);
			expect(JSON.stringify(result.json)).not.toContain(token);
		});

		it('continue using the error output: the two updated pages leave by the success output, the missing one by the error output', async () => {
			const result = await n8n.execute(failures.continueErrorOutput.id);
			expect(result.code).toBe(0);
			const [success, failed] = result.json.data.resultData.runData['Update Pages'][0].data.main as Item[][];
			expect(success.map((item) => [item.json.id, item.pairedItem])).toEqual([
				[PAGE_ID, { item: 0 }],
				[RECORD_ID, { item: 2 }],
			]);
			expect(failed).toHaveLength(1);
			expect(failed[0].pairedItem).toEqual({ item: 1 });
			// n8n puts the failed item's error over the input item's fields.
			expect(failed[0].json).toMatchObject({
				page: MISSING_PAGE_ID,
				error: { message: expect.stringContaining('Buildin API error 404 (not_found'), httpCode: 404, code: 'not_found' },
			});
			expect(JSON.stringify(result.json)).not.toContain(token);
		});

		it('a revoked token fails with 401 and the advice to replace it', async () => {
			const result = await n8n.execute(failures.badToken.id);
			expect(result.code).not.toBe(0);
			expect(sandbox.requests[0].status).toBe(401);
			expect(`${result.stdout}\n${result.stderr}`).toContain('Buildin API error 401 (unauthorized');
		});
	});

	describe('the n8n server', () => {
		let rest: N8nRest;
		let baseUrl: string;

		beforeAll(async () => {
			baseUrl = await n8n.start();
			rest = new N8nRest(baseUrl);
			await rest.setUpOwner();
		});

		it('lists the Buildin node and credential types', async () => {
			const nodes = await rest.request('GET', '/types/nodes.json');
			expect(nodes.status).toBe(200);
			const buildin = (nodes.body as any[]).find((node) => node.name === 'n8n-nodes-buildin.buildin');
			expect(buildin).toMatchObject({ displayName: 'Buildin', usableAsTool: true });
			const credentialTypes = await rest.request('GET', '/types/credentials.json');
			expect((credentialTypes.body as any[]).map((type) => type.name)).toContain('buildinApi');
		});

		it("passes n8n's own credential test with a good token and fails it clearly with a bad one", async () => {
			// n8n tests a stored credential: create one over REST, then test it with the data to try.
			const created = await rest.request('POST', '/rest/credentials', {
				name: 'Buildin (REST)',
				type: 'buildinApi',
				data: { apiToken: token, baseUrl: sandbox.url },
			});
			expect(created.status).toBe(200);
			const test = async (apiToken: string) =>
				await rest.request('POST', '/rest/credentials/test', {
					credentials: { id: created.body.data.id, name: 'Buildin (REST)', type: 'buildinApi', data: { apiToken, baseUrl: sandbox.url } },
				});
			const good = await test(token);
			expect(good.status).toBe(200);
			expect(good.body.data).toMatchObject({ status: 'OK' });
			expect(sandbox.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v2/users/me', status: 200 });
			const bad = await test('revoked-token-000');
			expect(bad.body.data.status).toBe('Error');
			// n8n 2.8 and 1.x answer a 401 with their own generic text before they read the credential's rules.
			const expected = n8nOwnWords
				? 'Authorization failed - please check your credentials'
				: 'Buildin refused the API token (401 unauthorized): it is invalid, expired or revoked';
			expect(bad.body.data.message).toBe(expected);
			expect(JSON.stringify(bad.body)).not.toContain(token);
			const insecure = await rest.request('POST', '/rest/credentials/test', {
				credentials: { id: created.body.data.id, name: 'Buildin (REST)', type: 'buildinApi', data: { apiToken: token, baseUrl: 'http://api.example.com' } },
			});
			expect(insecure.body.data.status).toBe('Error');
			expect(insecure.body.data.message).toContain('clear text');
		});

		it("fails n8n's credential test on a redirect without sending the token where it points", async () => {
			const elsewhere = await startElsewhere();
			sandbox.injectFault({ path: '/v2/users/me', status: 307, location: `${elsewhere.url}/v2/users/me` });

			const data = { apiToken: token, baseUrl: sandbox.url };
			const created = await rest.request('POST', '/rest/credentials', { name: 'Buildin (redirect)', type: 'buildinApi', data });
			const tested = await rest.request('POST', '/rest/credentials/test', {
				credentials: { id: created.body.data.id, name: 'Buildin (redirect)', type: 'buildinApi', data },
			});
			await elsewhere.close();

			expect(tested.body.data.status).toBe('Error');
			expect(sandbox.requests.at(-1)).toMatchObject({ path: '/v2/users/me', status: 307 });
			expect(elsewhere.authorizations).toEqual([]);
			// n8n 2.8 and 1.x report a redirect in their own words before they read the credential's rules.
			expect(tested.body.data.message).toBe(
				n8nOwnWords
					? 'Request failed with status code 307'
					: 'The Base URL answered with a redirect, which is not followed so the token goes nowhere else: set the Base URL to the API itself, e.g. https://api.buildin.ai',
			);
		});

		itOn(line, 'editor')('renders the node in the editor: icon, Page locator, fields, and the Icon choices', async () => {
			const report = await checkEditor({
				baseUrl,
				owner: N8nRest.owner,
				workflowId: examples['update-page-with-if-match'].id,
				nodeName: 'Update Page',
				screenshots: line.n8n === selectedLines('editor')[0]?.n8n,
			});
			expect(report.iconIsPlaceholder).toBe(false);
			expect(report.fields).toEqual(expect.arrayContaining(['Page', 'Title', 'Properties Input', 'Icon', 'Cover', 'Trash', 'If-Match']));
			expect(report.locatorModes).toEqual(expect.arrayContaining(['By URL', 'By ID']));
			expect(report.emojiFieldWithEmoji).toBe(true);
			expect(report.emojiFieldWithRemove).toBe(false);
		});
	});
});
