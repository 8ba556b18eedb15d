// Items mean what they mean in n8n, in a real n8n: Settings → Retry On Fail after a 500 that wrote leaves one record,
// and failed items under both Continue settings carry what an IF node branches on ($json.error.httpCode), so a
// workflow can route a stale If-Match (409) its own way. Part of the core suite: runs on every pinned n8n line.
import { N8n } from '../../harness/n8n';
import { describeEachLine } from './support/lines';
import { credentials, CREDENTIAL_ID, DATABASE_ID, PAGE_ID, RECORD_ID } from './support/workflows';

const { startSandbox } = require('../../sandbox');
const { seedDemo } = require('../../sandbox/seed');

const TRIGGER = 'When clicking ‘Execute workflow’';
const STALE = 'W/"2020-01-01T00:00:00.000Z"';

type Item = { json: any; pairedItem?: any; error?: any };

function node(name: string, type: string, typeVersion: number, position: number, parameters: any, extra: any = {}): any {
	return { parameters, id: `node-${name.toLowerCase().replace(/\W+/g, '-')}`, name, type, typeVersion, position: [position * 220, 0], ...extra };
}

function buildin(name: string, position: number, parameters: any, extra: any = {}): any {
	return node(name, 'n8n-nodes-buildin.buildin', 1, position, parameters, {
		credentials: { buildinApi: { id: CREDENTIAL_ID, name: 'Buildin account' } },
		...extra,
	});
}

/** Two items: the page with a stale If-Match (409), the record with none. */
const itemsNode = node('Items', 'n8n-nodes-base.code', 2, 1, {
	jsCode: `return [
  { json: { page: '${PAGE_ID}', title: 'Stale', etag: '${STALE}' } },
  { json: { page: '${RECORD_ID}', title: 'Fresh', etag: '' } },
];`,
});

/** IF `{{ $json.error.httpCode }}` is 409: true → "Conflict", false → "Other". */
const ifConflict = node('Is Conflict', 'n8n-nodes-base.if', 2, 3, {
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
		conditions: [{ id: 'conflict', leftValue: '={{ $json.error.httpCode }}', rightValue: 409, operator: { type: 'number', operation: 'equals' } }],
		combinator: 'and',
	},
	options: {},
});
const conflict = node('Conflict', 'n8n-nodes-base.noOp', 1, 4, {});
const other = node('Other', 'n8n-nodes-base.noOp', 1, 4, {});

function updatePages(onError: string): any {
	return buildin(
		'Update Pages',
		2,
		{
			resource: 'page',
			operation: 'update',
			pageId: { __rl: true, mode: 'id', value: '={{ $json.page }}' },
			title: '={{ $json.title }}',
			ifMatch: '={{ $json.etag }}',
			options: { titleProperty: "={{ $json.page === '" + RECORD_ID + "' ? 'Name' : 'title' }}" },
		},
		{ onError },
	);
}

function branchOn409(id: string, onError: 'continueRegularOutput' | 'continueErrorOutput'): any {
	const trigger = node(TRIGGER, 'n8n-nodes-base.manualTrigger', 1, 0, {});
	// The error output is the Buildin node's second output.
	const toIf = onError === 'continueErrorOutput' ? [[], [{ node: ifConflict.name, type: 'main', index: 0 }]] : [[{ node: ifConflict.name, type: 'main', index: 0 }]];
	return {
		id,
		name: `E2E: IF on 409 (${onError})`,
		nodes: [trigger, itemsNode, updatePages(onError), ifConflict, conflict, other],
		connections: {
			[TRIGGER]: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Update Pages', type: 'main', index: 0 }]] },
			'Update Pages': { main: toIf },
			[ifConflict.name]: { main: [[{ node: 'Conflict', type: 'main', index: 0 }], [{ node: 'Other', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

const retryCreateRecord = {
	id: 'e2e-retry-create',
	name: 'E2E: Create Record with Retry On Fail',
	nodes: [
		node(TRIGGER, 'n8n-nodes-base.manualTrigger', 1, 0, {}),
		buildin(
			'Create Record',
			1,
			{
				resource: 'database',
				operation: 'createRecord',
				databaseId: { __rl: true, mode: 'id', value: DATABASE_ID },
				propertiesInput: 'json',
				propertiesJson: JSON.stringify({ Name: { title: [{ type: 'text', text: { content: 'Retried once' } }] } }),
				options: {},
			},
			{ retryOnFail: true, maxTries: 3, waitBetweenTries: 100 },
		),
	],
	connections: { [TRIGGER]: { main: [[{ node: 'Create Record', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	active: false,
};

function runDataOf(json: any, name: string): Item[][] {
	return json?.data?.resultData?.runData?.[name]?.[0]?.data?.main ?? [];
}

describeEachLine('core', 'n8n $n8n on Node $node: item semantics', (line) => {
	let n8n: N8n;
	let sandbox: any;
	let token: string;
	const regular = branchOn409('e2e-if-409-regular', 'continueRegularOutput');
	const errorOutput = branchOn409('e2e-if-409-error', 'continueErrorOutput');

	beforeAll(async () => {
		n8n = new N8n(line);
		n8n.installPackage();
		sandbox = await startSandbox({ port: 0 });
		token = seedDemo(sandbox).token;
		expect((await n8n.importCredentials(credentials(sandbox.url, token))).code).toBe(0);
		expect((await n8n.importWorkflows([regular, errorOutput, retryCreateRecord])).code).toBe(0);
	});

	afterAll(async () => {
		await sandbox?.close();
		n8n?.cleanup();
	});

	beforeEach(() => sandbox.reset());

	it('Retry On Fail after a 500 that wrote the record: n8n runs the node again, one record results', async () => {
		const before = sandbox.recordsOf(DATABASE_ID).length;
		sandbox.injectFault({ method: 'POST', path: '/v2/pages', status: 500, afterApp: true });

		const result = await n8n.execute(retryCreateRecord.id);

		expect(result.code).toBe(0);
		const posts = sandbox.requests.filter((request: any) => request.method === 'POST' && request.path === '/v2/pages');
		expect(posts.map((request: any) => request.status)).toEqual([500, 200]);
		expect(posts[1].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
		expect(sandbox.recordsOf(DATABASE_ID)).toHaveLength(before + 1);
		const [[created]] = runDataOf(result.json, 'Create Record');
		expect(created.json.id).toBe(sandbox.recordsOf(DATABASE_ID)[before].id);
	});

	it.each([
		['Continue (regular output)', regular],
		['Continue (using error output)', errorOutput],
	])('%s: the IF node reads $json.error.httpCode and sends the stale If-Match item to its 409 branch', async (_label, workflow) => {
		const result = await n8n.execute(workflow.id);

		expect(result.code).toBe(0);
		const [conflicts] = runDataOf(result.json, 'Conflict');
		const [others] = runDataOf(result.json, 'Other');
		expect(conflicts).toHaveLength(1);
		expect(conflicts[0].json.error).toMatchObject({
			message: expect.stringContaining('Buildin API error 409 (conflict'),
			httpCode: 409,
			code: 'conflict',
			requestId: expect.stringMatching(/^req_/),
			mayHaveBeenApplied: false,
		});
		// The update without If-Match went through: by the success output (error output), or past the IF (regular).
		if (workflow === regular) expect(others.map((item) => item.json.id)).toEqual([RECORD_ID]);
		else {
			expect(others).toBeUndefined();
			expect(runDataOf(result.json, 'Update Pages')[0].map((item) => item.json.id)).toEqual([RECORD_ID]);
		}
		expect(JSON.stringify(result.json)).not.toContain(token);
	});
});
