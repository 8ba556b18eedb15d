// The router: one call per input item, output paired to input, and n8n's "continue on fail" / "On Error" settings.
import type { INode, INodeParameters } from 'n8n-workflow';

import { byId, runBuildin, useSandbox } from '../../../support/workflow';

const sandbox = useSandbox();

const MISSING = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';

const getByItem: INodeParameters = { resource: 'page', operation: 'get', pageId: byId('={{ $json.page }}') };
// Concurrency 1: items strictly one after another, so "never attempted" is well defined (concurrency.test.ts covers more).
const getOneAtATime: INodeParameters = { ...getByItem, options: { concurrency: 1 } };

function threePagesMiddleMissing() {
	const first = sandbox.addPage({ title: 'First' });
	const last = sandbox.addPage({ title: 'Last' });
	return { first, last, items: [{ page: first.id }, { page: MISSING }, { page: last.id }] };
}

describe.each<[string, Partial<INode>]>([
	['continueOnFail: true', { continueOnFail: true }],
	["onError: 'continueRegularOutput'", { onError: 'continueRegularOutput' }],
])('with %s', (_label, settings) => {
	test('a 404 in the middle item: 3 outputs paired 0, 1, 2; the failing one carries the API error', async () => {
		const { first, last, items } = threePagesMiddleMissing();

		const { output, error } = await runBuildin(sandbox, { parameters: getByItem, settings }, { items });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
			`/v2/pages/${first.id} 200`,
			`/v2/pages/${MISSING} 404`,
			`/v2/pages/${last.id} 200`,
		]);
		expect(output).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toMatchObject({ id: first.id, etag: expect.any(String) });
		expect(output[2].json).toMatchObject({ id: last.id, etag: expect.any(String) });
		// The item carries no node error (n8n would replace its JSON with the message alone), so an IF node after it
		// reads the status, Buildin's code and the request id from $json.error.
		expect(output[1].json).toEqual({
			error: {
				message: 'Buildin API error 404 (not_found: The page does not exist or is not visible to this integration)',
				httpCode: 404,
				code: 'not_found',
				apiMessage: 'The page does not exist or is not visible to this integration',
				requestId: expect.stringMatching(/^req_[0-9a-f]{16}$/),
				mayHaveBeenApplied: false,
				fields: [],
				description:
					'No page with this ID is visible to the integration: check the ID or URL, and that the page is shared with the integration.',
			},
		});
		expect((output[1] as { error?: unknown }).error).toBeUndefined();
		expect((output[0] as { error?: unknown }).error).toBeUndefined();
	});

	test('a 400 keeps the API details in the error item', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		const record = sandbox.addPage({
			parent: { type: 'database_id', database_id: '33333333-3333-4333-8333-333333333333' },
			schema: { Name: 'title' },
			title: 'Record',
		});

		const { output, error } = await runBuildin(
			sandbox,
			{
				parameters: { resource: 'page', operation: 'update', pageId: byId('={{ $json.page }}'), title: 'Renamed' },
				settings,
			},
			{ items: [{ page: page.id }, { page: record.id }] },
		);

		expect(error).toBeUndefined();
		expect(output).toHaveLength(2);
		expect(output[0].json.id).toBe(page.id);
		expect(output[1]).toEqual({
			json: {
				error: expect.objectContaining({
					message: expect.stringContaining('Buildin API error 400 (validation_error'),
					httpCode: 400,
					code: 'validation_error',
					fields: [{ path: 'properties.title', reason: 'unknown_property' }],
					mayHaveBeenApplied: false,
				}),
			},
			pairedItem: { item: 1 },
		});
	});

	test('a bad id in the middle item fails that item only, without a request', async () => {
		const { first, last } = threePagesMiddleMissing();

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: getByItem, settings },
			{ items: [{ page: first.id }, { page: 'not-a-page' }, { page: last.id }] },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.path)).toEqual([`/v2/pages/${first.id}`, `/v2/pages/${last.id}`]);
		expect(output).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json).toEqual({
			error: {
				message: 'Page in item 1: "not-a-page" is not a Buildin ID or URL',
				httpCode: null,
				code: null,
				apiMessage: null,
				requestId: null,
				mayHaveBeenApplied: false,
				fields: [],
				description: expect.stringContaining('Use a Buildin ID'),
			},
		});
		expect(output[2].json.id).toBe(last.id);
	});
});

describe('without continue on fail', () => {
	test('the run stops at the failing item with the NodeApiError and its itemIndex', async () => {
		const { first, items } = threePagesMiddleMissing();

		const { run, output, error } = await runBuildin(sandbox, { parameters: getOneAtATime }, { items });

		expect(output).toEqual([]);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '404',
			message: expect.stringContaining('Buildin API error 404 (not_found'),
			context: expect.objectContaining({ itemIndex: 1, apiCode: 'not_found' }),
		});
		// The third item is never attempted.
		expect(sandbox.requests.map((r) => r.path)).toEqual([`/v2/pages/${first.id}`, `/v2/pages/${MISSING}`]);
		expect(run.data.resultData.lastNodeExecuted).toBe('Buildin');
		expect(run.data.resultData.runData.Buildin[0].error).toMatchObject({ name: 'NodeApiError' });
	});

	test('a bad id stops the run with a NodeOperationError naming the field and item', async () => {
		const { first } = threePagesMiddleMissing();

		const { error } = await runBuildin(
			sandbox,
			{ parameters: getOneAtATime },
			{ items: [{ page: first.id }, { page: 'not-a-page' }, { page: first.id }] },
		);

		expect(error).toMatchObject({
			name: 'NodeOperationError',
			message: 'Page in item 1: "not-a-page" is not a Buildin ID or URL',
			context: expect.objectContaining({ itemIndex: 1 }),
		});
		expect(sandbox.requests).toHaveLength(1);
	});

	test("onError: 'stopWorkflow' behaves the same", async () => {
		const { items } = threePagesMiddleMissing();

		const { error } = await runBuildin(sandbox, { parameters: getOneAtATime, settings: { onError: 'stopWorkflow' } }, { items });

		expect(error).toMatchObject({ name: 'NodeApiError', context: expect.objectContaining({ itemIndex: 1 }) });
		expect(sandbox.requests).toHaveLength(2);
	});
});

describe("with onError: 'continueErrorOutput'", () => {
	test('good items leave by the success output, the failing one by the error output with the API fields', async () => {
		const { first, last, items } = threePagesMiddleMissing();

		const { run, error } = await runBuildin(sandbox, { parameters: getByItem, settings: { onError: 'continueErrorOutput' } }, { items });

		expect(error).toBeUndefined();
		const [success, failure] = run.data.resultData.runData.Buildin[0].data!.main as Array<Array<{ json: any; pairedItem?: unknown }>>;
		expect(success.map((item) => item.json.id)).toEqual([first.id, last.id]);
		expect(success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(failure).toHaveLength(1);
		expect(failure[0].pairedItem).toEqual({ item: 1 });
		// n8n sends an item whose JSON is only `error` to the error output, over the input item's fields.
		expect(failure[0].json).toEqual({
			page: MISSING,
			error: expect.objectContaining({
				message: 'Buildin API error 404 (not_found: The page does not exist or is not visible to this integration)',
				httpCode: 404,
				code: 'not_found',
				mayHaveBeenApplied: false,
			}),
		});
	});
});
