// The node as an AI agent's tool, through n8n-core's own tool path: the tool n8n-core makes of the node (name,
// description, the schema from $fromAI()), a model's tool call run as n8n-core runs it for AI Agent 3 (the node on the
// agent's item merged with the call's arguments), and what the model gets back, results and errors.
// test/e2e/agentTool.e2e.test.ts does the same in real n8n with a real AI Agent and a scripted model.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { MESSAGES, NOT_FOUND_ITEM, UPDATE_PAGE_OFFERED, UPDATE_PAGE_TOOL } from '../../../support/toolFace';
import { byId, runAsTool, TOKEN, useSandbox } from '../../../support/workflow';
import { addRecord, addReleases, text } from './database/fixtures';

const { loadPackage } = require('../../../../harness/engine');

const sandbox = useSandbox();

const MISSING = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';

describe('what the model reads', () => {
	test('every operation: "<action> in Buildin", the description n8n makes of the operation', async () => {
		const { loader } = await loadPackage();
		const nodeType = loader.nodeTypes.buildin.type;
		const descriptionOf = (resource: string, operation: string) =>
			NodeHelpers.getToolDescriptionForNode({ parameters: { resource, operation, descriptionType: 'auto' } } as any, nodeType);
		const operations = (resource: string): string[] =>
			nodeType.description.properties
				.find((p: any) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
				.options.map((option: any) => option.value);
		const all = Object.fromEntries(
			['page', 'database', 'block', 'file', 'search', 'user'].map((resource) => [
				resource,
				Object.fromEntries(operations(resource).map((operation) => [operation, descriptionOf(resource, operation)])),
			]),
		);

		expect(all).toEqual({
			page: {
				create: 'Create page in Buildin',
				get: 'Get page in Buildin',
				getMarkdown: 'Get page content in Buildin',
				getProperty: 'Get page property in Buildin',
				move: 'Move page in Buildin',
				moveToTrash: 'Move page to trash in Buildin',
				replaceMarkdown: 'Replace page content in Buildin',
				restore: 'Restore page from trash in Buildin',
				update: 'Update page in Buildin',
			},
			database: {
				create: 'Create database in Buildin',
				createOrUpdateRecords: 'Create or update database records in batch in Buildin',
				createRecord: 'Create database record in Buildin',
				get: 'Get database in Buildin',
				query: 'Get many database records in Buildin',
				update: 'Update database in Buildin',
				updateRecord: 'Update database record in Buildin',
			},
			block: {
				appendChildren: 'Append child blocks in Buildin',
				delete: 'Delete block in Buildin',
				get: 'Get block in Buildin',
				getChildren: 'Get many child blocks in Buildin',
				update: 'Update block in Buildin',
			},
			file: {
				download: 'Download file in Buildin',
				upload: 'Upload file in Buildin',
			},
			search: {
				search: 'Search pages and databases in Buildin',
				semanticSearch: 'Search page content by meaning in Buildin',
			},
			user: {
				get: 'Get user in Buildin',
				getMe: 'Get current user in Buildin',
			},
		});
	});

	test("Page → Update: the node's name as the tool's name, one required string per $fromAI() key", async () => {
		const page = sandbox.addPage({ title: 'Inbox' });

		const { tool } = await runAsTool(sandbox, { name: 'Update Page', parameters: UPDATE_PAGE_TOOL }, { calls: [{ pageId: page.id, title: 'Filed' }] });

		expect(tool).toEqual(UPDATE_PAGE_OFFERED);
	});
});

describe('a tool call', () => {
	test("sends exactly what the model asked for: the page by its URL, the title; the model gets the simplified page", async () => {
		const page = sandbox.addPage({ title: 'Inbox' });
		const compact = page.id.replace(/-/g, '');

		const { toolResults, error } = await runAsTool(
			sandbox,
			{ parameters: UPDATE_PAGE_TOOL },
			{ calls: [{ pageId: `https://buildin.ai/docs/Inbox-${compact}`, title: 'Meeting notes, 9 April' }] },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => ({ method: r.method, path: r.path, body: r.body }))).toEqual([
			{
				method: 'PATCH',
				path: `/v2/pages/${page.id}`,
				body: { properties: { title: { type: 'title', title: [{ type: 'text', text: { content: 'Meeting notes, 9 April' } }] } } },
			},
		]);
		const updated = sandbox.getPage(page.id)!;
		expect(toolResults).toEqual([
			[
				{
					id: page.id,
					object: 'page',
					title: 'Meeting notes, 9 April',
					url: `https://buildin.ai/docs/${page.id}`,
					icon: null,
					cover: null,
					in_trash: false,
					parent_id: null,
					created_time: updated.created_time,
					last_edited_time: updated.last_edited_time,
					properties: { title: 'Meeting notes, 9 April' },
					etag: `W/"${updated.last_edited_time}"`,
				},
			],
		]);
	});

	test('property values the model gives as JSON reach Buildin as they are, a single value through a typed field too', async () => {
		const releases = addReleases(sandbox);
		const record = addRecord(sandbox, releases.id, { Name: { title: text('Ship v1.1') } });

		const { toolResults, error } = await runAsTool(
			sandbox,
			{
				parameters: {
					resource: 'database',
					operation: 'updateRecord',
					databaseId: byId(releases.id),
					recordId: byId("={{ $fromAI('recordId', 'ID or URL of the record', 'string') }}"),
					propertiesInput: 'fields',
					properties: {
						property: [{ key: 'Estimate|number', numberValue: "={{ $fromAI('estimate', 'Days of work', 'number') }}" }],
					},
					simplify: true,
				},
			},
			{ calls: [{ recordId: record.id, estimate: 3 }] },
		);
		const json = await runAsTool(
			sandbox,
			{
				parameters: {
					resource: 'page',
					operation: 'update',
					pageId: byId("={{ $fromAI('pageId', 'ID or URL of the page', 'string') }}"),
					propertiesInput: 'json',
					propertiesJson: "={{ $fromAI('properties', 'Property values by name', 'json') }}",
				},
			},
			{ calls: [{ pageId: record.id, properties: { Status: { select: { name: 'Done' } }, Done: { checkbox: true } } }] },
		);

		expect(error).toBeUndefined();
		expect(json.error).toBeUndefined();
		expect(toolResults).toEqual([[expect.objectContaining({ id: record.id })]]);
		expect(sandbox.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
			{ properties: { Estimate: { type: 'number', number: 3 } } },
			{ properties: { Status: { select: { name: 'Done' } }, Done: { checkbox: true } } },
		]);
	});

	test("a mapped {{ $json.releases }} is the agent's item, as n8n evaluates it; the filter is the model's JSON", async () => {
		const releases = addReleases(sandbox);
		const doing = addRecord(sandbox, releases.id, { Name: { title: text('Ship v1.1') }, Status: { select: { name: 'Doing' } } });
		addRecord(sandbox, releases.id, { Name: { title: text('Ship v1.0') }, Status: { select: { name: 'Done' } } });
		const filter = { property: 'Status', select: { equals: 'Doing' } };

		const { toolResults, error } = await runAsTool(
			sandbox,
			{
				parameters: {
					resource: 'database',
					operation: 'query',
					databaseId: byId('={{ $json.releases }}'),
					filterType: 'json',
					filterJson: "={{ $fromAI('filter', 'A Buildin filter object', 'json') }}",
					simplify: true,
				},
			},
			{ agentItem: { releases: releases.id, note: 'What is in progress?' }, calls: [{ filter }] },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: `/v2/databases/${releases.id}/query` });
		expect((sandbox.requests[0].body as any).filter).toEqual(filter);
		expect((toolResults[0] as any[]).map((record) => [record.id, record.title])).toEqual([[doing.id, 'Ship v1.1']]);
	});
});

describe('a failing tool call: the model gets the message with the advice, and the run goes on', () => {
	// n8n answers a failed tool call with [{"error": <message>}] and drops the description: the advice is in the message.
	const failures: Array<[string, () => { calls: IDataObject[]; parameters?: INodeParameters }, string, number]> = [
		[
			'a bad ID, refused before anything is sent',
			() => ({ calls: [{ pageId: 'the inbox page', title: 'Filed' }] }),
			MESSAGES.badId('the inbox page'),
			0,
		],
		[
			'404',
			() => ({ calls: [{ pageId: MISSING, title: 'Filed' }] }),
			MESSAGES.notFound,
			1,
		],
		[
			'403',
			() => {
				const page = sandbox.addPage({ title: 'Inbox' });
				sandbox.injectFault({ method: 'PATCH', path: `/v2/pages/${page.id}`, status: 403 });
				return { calls: [{ pageId: page.id, title: 'Filed' }] };
			},
			MESSAGES.forbidden,
			1,
		],
		[
			'409, a stale If-Match',
			() => {
				const page = sandbox.addPage({ title: 'Inbox' });
				return {
					calls: [{ pageId: page.id, title: 'Filed', etag: 'W/"2020-01-01T00:00:00.000Z"' }],
					parameters: { ...UPDATE_PAGE_TOOL, ifMatch: "={{ $fromAI('etag', 'The etag of the page as read', 'string') }}" },
				};
			},
			MESSAGES.conflict('The page was modified since the version in If-Match; read it again'),
			1,
		],
		[
			'400, with the fields Buildin objected to',
			() => {
				const releases = addReleases(sandbox);
				const record = addRecord(sandbox, releases.id, { Name: { title: text('Ship v1.1') } });
				return { calls: [{ pageId: record.id, title: 'Ship v1.2' }] };
			},
			'Buildin API error 400 (validation_error: Invalid request: properties.title (unknown_property)). Buildin refused the request as invalid. The details list the fields it objected to; correct them and run again. Details: [{"path":"properties.title","reason":"unknown_property"}].',
			1,
		],
	];

	test.each(failures)('%s', async (_label, setUp, message, requests) => {
		const { calls, parameters = UPDATE_PAGE_TOOL } = setUp();

		const { toolResults, error } = await runAsTool(sandbox, { parameters }, { calls });

		expect(error).toBeUndefined();
		expect(toolResults).toEqual([[{ error: message }]]);
		expect(sandbox.requests).toHaveLength(requests);
		expect(JSON.stringify(toolResults)).not.toContain(TOKEN);
	});

	test('with On Error → Continue, the model gets the failed item: n8n shows it as the message, which carries the advice', async () => {
		const { toolResults, error } = await runAsTool(
			sandbox,
			{ parameters: UPDATE_PAGE_TOOL, settings: { onError: 'continueRegularOutput' } },
			{ calls: [{ pageId: MISSING, title: 'Filed' }] },
		);

		expect(error).toBeUndefined();
		expect(toolResults).toEqual([[{ error: expect.objectContaining({ message: NOT_FOUND_ITEM.error, httpCode: 404, code: 'not_found' }) }]]);
	});
});
