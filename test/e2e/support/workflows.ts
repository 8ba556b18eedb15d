// The workflows the end-to-end tier imports into n8n: the user-facing examples from examples/ as they are, and a few
// failure cases built here. All point at the seeded sandbox pages (sandbox/seed.js ids) and at CREDENTIAL_ID.
const { EXAMPLE_CREDENTIAL_ID } = require('../../../harness/examples');
export { exampleWorkflows } from '../../../harness/examples';

export const CREDENTIAL_ID: string = EXAMPLE_CREDENTIAL_ID;
export const BAD_CREDENTIAL_ID = 'buildin-bad-token';
export const PAGE_ID = '11111111-1111-4111-8111-111111111111';
export const RECORD_ID = '22222222-2222-4222-8222-222222222222';
export const DATABASE_ID = '33333333-3333-4333-8333-333333333333';
export const MISSING_PAGE_ID = '99999999-9999-4999-8999-999999999999';

const TRIGGER = 'When clicking ‘Execute workflow’';

export interface WorkflowFile {
	id: string;
	name: string;
	nodes: any[];
	connections: any;
	settings?: any;
	active?: boolean;
}

function buildin(name: string, position: number, parameters: any, extra: any = {}): any {
	return {
		parameters: { resource: 'page', options: {}, ...parameters },
		id: `node-${name.toLowerCase().replace(/\W+/g, '-')}`,
		name,
		type: 'n8n-nodes-buildin.buildin',
		typeVersion: 1,
		position: [position * 220, 0],
		credentials: { buildinApi: { id: CREDENTIAL_ID, name: 'Buildin account' } },
		...extra,
	};
}

/** A workflow of the nodes one after another, started by a Manual Trigger. */
export function chain(id: string, name: string, nodes: any[]): WorkflowFile {
	const all = [{ parameters: {}, id: 'node-trigger', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] }, ...nodes];
	const connections: any = {};
	for (let index = 1; index < all.length; index++) {
		connections[all[index - 1].name] = { main: [[{ node: all[index].name, type: 'main', index: 0 }]] };
	}
	return { id, name, nodes: all, connections, settings: { executionOrder: 'v1' }, active: false };
}

/** Items for three pages, the middle one missing, updated by a Buildin node with the given On Error setting. */
function continueOnFail(onError: 'continueRegularOutput' | 'continueErrorOutput'): WorkflowFile {
	const regular = onError === 'continueRegularOutput';
	return chain(
		regular ? 'e2e-continue-on-fail' : 'e2e-continue-error-output',
		regular ? 'E2E: continue on fail keeps one output per item' : 'E2E: failed items leave by the error output',
		[
			{
				parameters: {
					jsCode: `return [
  { json: { page: '${PAGE_ID}', title: 'First' } },
  { json: { page: '${MISSING_PAGE_ID}', title: 'Missing' } },
  { json: { page: '${RECORD_ID}', title: 'Third' } },
];`,
				},
				id: 'node-items',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
			},
			buildin(
				'Update Pages',
				2,
				{
					operation: 'update',
					pageId: { __rl: true, mode: 'id', value: '={{ $json.page }}' },
					title: '={{ $json.title }}',
					options: { titleProperty: "={{ $json.page === '" + RECORD_ID + "' ? 'Name' : 'title' }}" },
				},
				{ onError },
			),
		],
	);
}

/** Failure cases that are not user examples. */
export function failureWorkflows(): Record<string, WorkflowFile> {
	return {
		staleIfMatch: chain('e2e-stale-if-match', 'E2E: stale If-Match', [
			buildin('Update Page', 1, {
				operation: 'update',
				pageId: { __rl: true, mode: 'id', value: PAGE_ID },
				title: 'Should not be written',
				ifMatch: 'W/"2020-01-01T00:00:00.000Z"',
			}),
		]),
		continueOnFail: continueOnFail('continueRegularOutput'),
		continueErrorOutput: continueOnFail('continueErrorOutput'),
		badToken: chain('e2e-bad-token', 'E2E: a revoked token', [
			{
				...buildin('Get Page', 1, { operation: 'get', pageId: { __rl: true, mode: 'id', value: PAGE_ID } }),
				credentials: { buildinApi: { id: BAD_CREDENTIAL_ID, name: 'Buildin revoked' } },
			},
		]),
	};
}

/** The credentials the workflows use: a good one and one whose token the sandbox does not know. */
export function credentials(baseUrl: string, token: string): unknown[] {
	return [
		{ id: CREDENTIAL_ID, name: 'Buildin account', type: 'buildinApi', data: { apiToken: token, baseUrl } },
		{ id: BAD_CREDENTIAL_ID, name: 'Buildin revoked', type: 'buildinApi', data: { apiToken: 'revoked-token-000', baseUrl } },
	];
}
