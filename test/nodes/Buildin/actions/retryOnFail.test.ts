// n8n's Settings → Retry On Fail never writes twice. n8n-core runs the whole node again, every item, in the same
// execution and run (when the node throws, and when its first output item is a continue-on-fail error): an item that
// already wrote gives back what it gave, a create is sent again only under the same Idempotency-Key, and an append
// whose answer was lost is not sent again. Each test counts what reached the sandbox and what the workspace holds.
import type { INode, INodeParameters } from 'n8n-workflow';

import { byId, runBuildin, useSandbox } from '../../../support/workflow';
import { textOf, type Json } from './block/support';

const sandbox = useSandbox();

/** Retry On Fail as the node's Settings tab sets it: three tries, (almost) no wait between them. */
const RETRY: Partial<INode> = { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 };

const nameProperty = '={{ JSON.stringify({ Name: { title: [{ type: "text", text: { content: $json.name } }] } }) }}';
const childTexts = (parentId: string) => sandbox.childrenOf(parentId).map((block: Json) => textOf(block));
const sent = (method: string, pattern: RegExp) => sandbox.requests.filter((r) => r.method === method && pattern.test(r.path));

function tasksDatabase() {
	return sandbox.addDatabase({ title: 'Tasks', parent: { type: 'workspace', workspace: true }, properties: { Name: 'title' } });
}

function createRecord(databaseId: string, options: INodeParameters = {}): INodeParameters {
	return { resource: 'database', operation: 'createRecord', databaseId: byId(databaseId), propertiesInput: 'json', propertiesJson: nameProperty, options };
}

const appendLine: INodeParameters = { resource: 'block', operation: 'appendChildren', blockId: byId('={{ $json.page }}'), text: '={{ $json.line }}' };

describe('Database → Create Record under Retry On Fail', () => {
	test('a 500 after the record was written: n8n runs the node again, the same Idempotency-Key comes back, one record', async () => {
		const database = tasksDatabase();
		sandbox.injectFault({ method: 'POST', path: '/v2/pages', status: 500, afterApp: true });

		const { output, error } = await runBuildin(sandbox, { parameters: createRecord(database.id), settings: RETRY }, { items: [{ name: 'Ship' }] });

		expect(error).toBeUndefined();
		const posts = sent('POST', /^\/v2\/pages$/);
		expect(posts.map((r) => r.status)).toEqual([500, 200]);
		expect(posts[1].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
		expect(sandbox.recordsOf(database.id)).toHaveLength(1);
		expect(output[0].json.id).toBe(sandbox.recordsOf(database.id)[0].id);
	});

	test('with continue-on-fail and the first item failed: the second item is not created again', async () => {
		const database = tasksDatabase();
		sandbox.injectFault({ method: 'POST', path: '/v2/pages', status: 500, afterApp: true });

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: createRecord(database.id, { concurrency: 1 }), settings: { ...RETRY, onError: 'continueRegularOutput' } },
			{ items: [{ name: 'First' }, { name: 'Second' }] },
		);

		expect(error).toBeUndefined();
		const posts = sent('POST', /^\/v2\/pages$/);
		// Try 1: First (500, written) and Second; try 2: First again under its key, Second given back as it was.
		expect(posts.map((r) => [(r.body as Json).properties.Name.title[0].text.content, r.status])).toEqual([
			['First', 500],
			['Second', 200],
			['First', 200],
		]);
		expect(posts[2].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
		expect(sandbox.recordsOf(database.id)).toHaveLength(2);
		expect(output.map((item) => item.json.id)).toEqual(sandbox.recordsOf(database.id).map((record: Json) => record.id));
	});

	test('every run, execution and item has a key of its own', async () => {
		const database = tasksDatabase();
		await runBuildin(sandbox, { parameters: createRecord(database.id) }, { items: [{ name: 'A' }, { name: 'B' }] });
		await runBuildin(sandbox, { parameters: createRecord(database.id) }, { items: [{ name: 'A' }, { name: 'B' }] });

		const keys = sent('POST', /^\/v2\/pages$/).map((r) => r.headers['idempotency-key']);
		expect(new Set(keys).size).toBe(4);
		expect(sandbox.recordsOf(database.id)).toHaveLength(4);
	});
});

describe('Block → Append Children under Retry On Fail', () => {
	test('an append whose answer was lost (502 after it landed) is not sent again by any try; the other item is given back', async () => {
		const [log, other] = [sandbox.addPage({ title: 'Log' }), sandbox.addPage({ title: 'Other' })];
		sandbox.injectFault({ method: 'PATCH', path: `/v2/blocks/${log.id}/children`, status: 502, afterApp: true });

		const { error } = await runBuildin(
			sandbox,
			{ parameters: appendLine, settings: RETRY },
			{ items: [{ page: log.id, line: 'line 1' }, { page: other.id, line: 'other 1' }] },
		);

		expect(sent('PATCH', /\/children$/)).toHaveLength(2);
		expect(childTexts(log.id)).toEqual(['line 1']);
		expect(childTexts(other.id)).toEqual(['other 1']);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: 'Buildin API error 502 (bad_gateway: Bad gateway); the request may have been applied (item 1 was written)',
			context: expect.objectContaining({ itemIndex: 0, mayHaveLanded: true }),
		});
	});

	test('with continue-on-fail and the first item failed: n8n tries again, still one copy of each block', async () => {
		const [log, other] = [sandbox.addPage({ title: 'Log' }), sandbox.addPage({ title: 'Other' })];
		sandbox.injectFault({ method: 'PATCH', path: `/v2/blocks/${log.id}/children`, status: 502, afterApp: true });

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: appendLine, settings: { ...RETRY, onError: 'continueRegularOutput' } },
			{ items: [{ page: log.id, line: 'line 1' }, { page: other.id, line: 'other 1' }] },
		);

		expect(error).toBeUndefined();
		expect(sent('PATCH', /\/children$/)).toHaveLength(2);
		expect(childTexts(log.id)).toEqual(['line 1']);
		expect(childTexts(other.id)).toEqual(['other 1']);
		expect(output[0].json.error).toMatchObject({ message: expect.stringContaining('the request may have been applied'), httpCode: 502, mayHaveBeenApplied: true });
		expect(output[1].json).toMatchObject({ id: sandbox.childrenOf(other.id)[0].id });
	});

	test('a refused append (400: nothing written) is sent again by the next try', async () => {
		const log = sandbox.addPage({ title: 'Log' });
		sandbox.injectFault({ method: 'PATCH', path: `/v2/blocks/${log.id}/children`, status: 400, code: 'validation_error' });

		const { error } = await runBuildin(sandbox, { parameters: appendLine, settings: RETRY }, { items: [{ page: log.id, line: 'line 1' }] });

		expect(error).toBeUndefined();
		expect(sent('PATCH', /\/children$/).map((r) => r.status)).toEqual([400, 200]);
		expect(childTexts(log.id)).toEqual(['line 1']);
	});
});

describe('Database → Create or Update Records in Batch under Retry On Fail', () => {
	test('a batch whose answer was lost is not sent again; the batches after it are written once', async () => {
		const database = tasksDatabase();
		sandbox.injectFault({ method: 'POST', path: `/v2/databases/${database.id}/mutations`, status: 502, afterApp: true });

		const { error } = await runBuildin(
			sandbox,
			{
				parameters: { resource: 'database', operation: 'createOrUpdateRecords', databaseId: byId(database.id), propertiesInput: 'json', propertiesJson: nameProperty, batchSize: 1 },
				settings: RETRY,
			},
			{ items: [{ name: 'First' }, { name: 'Second' }] },
		);

		expect(sent('POST', /\/mutations$/).map((r) => r.status)).toEqual([502, 200]);
		expect(sandbox.recordsOf(database.id).map((record: Json) => record.properties.Name.title[0].plain_text)).toEqual(['First', 'Second']);
		expect(error).toMatchObject({ message: expect.stringContaining('it is not known whether Buildin applied it'), context: expect.objectContaining({ itemIndex: 0 }) });
	});
});
