// Database → Create or Update Records in Batch through n8n's engine: POST /v2/databases/:id/mutations, one request
// per batch in input order, each output item paired with its input item, and a failing batch failing its own items.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { failureOf, runBuildin, TOKEN, useSandbox } from '../../../../support/workflow';
import { addRecord, addReleases, database } from './fixtures';

type Json = Record<string, any>;

const sandbox = useSandbox();

const MISSING = '99999999-9999-4999-8999-999999999999';

/** Name from `$json.name`, Status from `$json.status`; the record to update from `$json.id` (empty: create). */
const batch = (databaseId: string, parameters: INodeParameters = {}): INodeParameters =>
	database(databaseId, 'createOrUpdateRecords', {
		updateRecordId: '={{ $json.id ?? "" }}',
		properties: {
			property: [
				{ type: '={{$parameter["&key"].split("|").pop()}}', key: 'Name|title', textValue: '={{ $json.name }}' },
				{ type: '={{$parameter["&key"].split("|").pop()}}', key: 'Status|select', selectValue: '={{ $json.status }}' },
			],
		} as never,
		...parameters,
	});

const mutations = () => sandbox.requests.filter((r) => r.path.endsWith('/mutations'));
describe('Database → Create or Update Records in Batch', () => {
	test('250 new records in batches of 100: three requests in order, 250 output items paired with their input', async () => {
		const releases = addReleases(sandbox);
		const items: IDataObject[] = Array.from({ length: 250 }, (_, i) => ({ name: `Release ${i + 1}`, status: 'Todo' }));

		const { output, error } = await runBuildin(sandbox, { parameters: batch(releases.id) }, { items });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`GET /v2/databases/${releases.id} 200`,
			...Array(3).fill(`POST /v2/databases/${releases.id}/mutations 200`),
		]);
		const sent = mutations().map((r) => r.body as Json);
		expect(sent.map((body) => body.create_records.length)).toEqual([100, 100, 50]);
		expect(sent.every((body) => body.update_records === undefined)).toBe(true);
		expect(sent[0].create_records[0]).toEqual({
			properties: {
				Name: { type: 'title', title: [{ type: 'text', text: { content: 'Release 1' } }] },
				Status: { type: 'select', select: { name: 'Todo' } },
			},
		});
		expect(output).toHaveLength(250);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(output.map((item) => item.json.title)).toEqual(items.map((item) => item.name));
		expect(sandbox.getPage(String(output[249].json.id))?.parent).toEqual({ type: 'database_id', database_id: releases.id });
	});

	test('creations and updates mixed in one batch come back in input order', async () => {
		const releases = addReleases(sandbox);
		const existing = addRecord(sandbox, releases.id, { Name: { title: [{ type: 'text', text: { content: 'Old' } }] } });
		const items = [
			{ name: 'New A', status: 'Todo' },
			{ id: existing.id, name: 'Old, renamed', status: 'Done' },
			{ name: 'New B', status: 'Doing' },
		];

		const { output, error } = await runBuildin(sandbox, { parameters: batch(releases.id) }, { items });

		expect(error).toBeUndefined();
		const [sent] = mutations();
		expect((sent.body as Json).create_records).toHaveLength(2);
		expect((sent.body as Json).update_records).toEqual([
			{
				record_id: existing.id,
				properties: {
					Name: { type: 'title', title: [{ type: 'text', text: { content: 'Old, renamed' } }] },
					Status: { type: 'select', select: { name: 'Done' } },
				},
			},
		]);
		expect(output.map((item) => item.json.title)).toEqual(['New A', 'Old, renamed', 'New B']);
		expect(output[1].json.id).toBe(existing.id);
		expect(sandbox.getPage(existing.id)!.properties.Status.select.name).toBe('Done');
	});

	test('a batch with one invalid record writes nothing; with continue-on-fail only its items fail, the next batch is written', async () => {
		const releases = addReleases(sandbox);
		const items = [
			{ name: 'First', status: 'Todo' },
			{ id: MISSING, name: 'Not a record', status: 'Todo' },
			{ name: 'Third', status: 'Todo' },
		];

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: batch(releases.id, { batchSize: 2 }), settings: { continueOnFail: true } },
			{ items },
		);

		expect(error).toBeUndefined();
		expect(mutations().map((r) => r.status)).toEqual([400, 200]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const failed of output.slice(0, 2)) {
			expect(failureOf(failed).message).toBe(
				'The batch of 2 records (items 0–1) failed, and nothing in it was written (Buildin applies a batch in one transaction): Buildin API error 400 (validation_error: Invalid request: update_records[0].record_id (not_a_record_of_database))',
			);
			expect(failureOf(failed).description).toContain('Buildin objected to item 1 (update_records[0].record_id: not_a_record_of_database)');
		}
		expect(output[2].json).toEqual({ id: expect.any(String), title: 'Third' });
		// "First" was in the failed transaction: it does not exist.
		const query = await fetch(`${sandbox.url}/v2/databases/${releases.id}/query`, {
			method: 'POST',
			headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
			body: '{}',
		}).then(async (response) => (await response.json()) as Json);
		expect(query.results.map((record: Json) => record.properties.Name.title[0].plain_text)).toEqual(['Third']);
	});

	test('without continue-on-fail a failed batch stops the run: the batches after it are not sent', async () => {
		const releases = addReleases(sandbox);
		const items = [{ id: MISSING, name: 'x', status: 'Todo' }, { name: 'later', status: 'Todo' }];

		const { error } = await runBuildin(sandbox, { parameters: batch(releases.id, { batchSize: 1 }) }, { items });

		expect(error?.message).toMatch(/^The batch of 1 records \(items 0–0\) failed, and nothing in it was written/);
		expect(mutations()).toHaveLength(1);
	});

	test('bad input is refused before any batch is sent; with continue-on-fail the bad item fails alone', async () => {
		const releases = addReleases(sandbox);
		const items = [{ name: 'Good', status: 'Todo' }, { name: '', status: 'Todo' }, { name: 'Also good', status: 'Done' }];

		const stopped = await runBuildin(sandbox, { parameters: batch(releases.id) }, { items });
		expect(stopped.error?.message).toMatch(/^Property "Name" \(Text\) in item 1: /);
		expect(mutations()).toEqual([]);

		sandbox.reset();
		const { output, error } = await runBuildin(sandbox, { parameters: batch(releases.id), settings: { continueOnFail: true } }, { items });
		expect(error).toBeUndefined();
		expect(failureOf(output[1]).message).toMatch(/^Property "Name" \(Text\) in item 1: /);
		expect([output[0].json.title, output[2].json.title]).toEqual(['Good', 'Also good']);
		expect(((mutations()[0].body as Json).create_records as Json[]).length).toBe(2);
	});

	test('an answer that does not list the records written fails its batch only, saying they were written', async () => {
		const releases = addReleases(sandbox);
		sandbox.injectFault({
			method: 'POST',
			path: `/v2/databases/${releases.id}/mutations`,
			afterApp: true,
			body: '{"created_records": []}',
			contentType: 'application/json',
		});
		const items = [{ name: 'Written, not listed', status: 'Todo' }, { name: 'Listed', status: 'Todo' }];

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: batch(releases.id, { batchSize: 1 }), settings: { continueOnFail: true } },
			{ items },
		);

		expect(error).toBeUndefined();
		expect(mutations().map((r) => r.status)).toEqual([200, 200]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(failureOf(output[0]).message).toBe('Buildin applied the batch of items 0–0 but listed 0 created_records where 1 were sent');
		expect(failureOf(output[0]).description).toContain('The records were written');
		expect(output[1].json).toEqual({ id: expect.any(String), title: 'Listed' });

		sandbox.reset();
		const stopped = addReleases(sandbox);
		sandbox.injectFault({ method: 'POST', afterApp: true, body: '{}', contentType: 'application/json' });
		const run = await runBuildin(sandbox, { parameters: batch(stopped.id, { batchSize: 1 }) }, { items });
		expect(run.error?.message).toBe('Buildin applied the batch of items 0–0 but listed 0 created_records where 1 were sent');
		expect(mutations()).toHaveLength(1);
	});

	test('a dropped connection is not repeated (no Idempotency-Key), and the error says the outcome is unknown', async () => {
		const releases = addReleases(sandbox);
		sandbox.injectFault({ method: 'POST', path: `/v2/databases/${releases.id}/mutations`, drop: true });

		const { error } = await runBuildin(sandbox, { parameters: batch(releases.id) }, { items: [{ name: 'Once', status: 'Todo' }] });

		expect(mutations()).toHaveLength(1);
		expect(error?.message).toMatch(/^The batch of 1 records \(items 0–0\) failed, and it is not known whether Buildin applied it: /);
		expect(error?.description).toContain('query the records');
	});
});
