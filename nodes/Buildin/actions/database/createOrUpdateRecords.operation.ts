import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { InvalidInputError } from '../../helpers/errors';
import { resourceIdFromLocator } from '../../helpers/ids';
import { textValue, wholeNumber } from '../../helpers/validate';
import { databaseLocator, readDatabaseId } from '../../parameters/locators';
import { sequentialOptionsCollection } from '../../parameters/options';
import { readRecordProperties, recordPropertiesParameters } from '../../parameters/recordProperties';
import { buildinApiRequest } from '../../transport';
import { elaborated, incompleteAnswerError } from '../../transport/errors';

/** Records per mutations request by default and at most [INF]: the API's other lists stop at 100. */
const MAX_BATCH_SIZE = 100;

const properties: INodeProperties[] = [
	{ ...databaseLocator, description: 'The database whose records are created or updated; its properties are offered below' },
	{
		displayName: 'Record ID',
		name: 'updateRecordId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 22222222-2222-4222-8222-222222222222',
		description:
			'The record this item updates: its ID or URL. Empty: the item creates a new record. Usually an expression, so that each item decides.',
	},
	...recordPropertiesParameters('Values of the record; on an update, properties not listed keep their values'),
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
		default: MAX_BATCH_SIZE,
		description:
			'How many items go into one request. Each request is one transaction: all of its records are written, or none.',
	},
	sequentialOptionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['database'], operation: ['createOrUpdateRecords'] } },
	properties,
);

/** One input item as a record to create (no recordId) or to update. */
interface RecordWrite {
	itemIndex: number;
	databaseId: string;
	recordId?: string;
	properties: IDataObject;
}

async function readRecordWrite(ctx: IExecuteFunctions, itemIndex: number): Promise<RecordWrite> {
	const databaseId = readDatabaseId(ctx, itemIndex);
	const recordText = textValue('Record ID', ctx.getNodeParameter('updateRecordId', itemIndex, '')).trim();
	const recordId = recordText === '' ? undefined : resourceIdFromLocator('Record ID', recordText);
	const recordProperties = await readRecordProperties(ctx, itemIndex, databaseId);
	if (recordId !== undefined && Object.keys(recordProperties).length === 0) {
		throw new InvalidInputError('Properties', 'there is nothing to change in the record', 'Add at least one property; an empty update is not sent');
	}
	return { itemIndex, databaseId, recordId, properties: recordProperties };
}

/** Consecutive writes to the same database, at most `size` per batch, in input order. */
function batchesOf(writes: RecordWrite[], size: number): RecordWrite[][] {
	const batches: RecordWrite[][] = [];
	for (const write of writes) {
		const last = batches[batches.length - 1];
		if (last && last.length < size && last[0].databaseId === write.databaseId) last.push(write);
		else batches.push([write]);
	}
	return batches;
}

/** Which input items the error details name (`create_records[3]…` is the batch's fourth creation). */
function itemsNamedIn(details: unknown, creates: RecordWrite[], updates: RecordWrite[]): string[] {
	if (!Array.isArray(details)) return [];
	return details.flatMap((detail: IDataObject) => {
		const match = /^(create|update)_records\[(\d+)\](.*)$/.exec(String(detail?.path ?? ''));
		const write = match ? (match[1] === 'create' ? creates : updates)[Number(match[2])] : undefined;
		return write ? [`item ${write.itemIndex} (${String(detail.path)}: ${String(detail.reason)})`] : [];
	});
}

/**
 * The batch's failure as each of its items' error. An answer from Buildin means the transaction did not happen;
 * without one (a dropped connection, a timeout, a gateway error) it may have.
 */
function batchFailed(error: unknown, batch: RecordWrite[], creates: RecordWrite[], updates: RecordWrite[]): unknown {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	const status = error instanceof NodeApiError && error.httpCode !== null ? Number(error.httpCode) : undefined;
	const answered = status !== undefined && status < 500;
	const items = `items ${batch[0].itemIndex}–${batch[batch.length - 1].itemIndex}`;
	const outcome = answered
		? `nothing in it was written (Buildin applies a batch in one transaction)`
		: `it is not known whether Buildin applied it`;
	const named = error instanceof NodeApiError ? itemsNamedIn(error.context.details, creates, updates) : [];
	return elaborated(error, {
		message: `The batch of ${batch.length} records (${items}) failed, and ${outcome}: ${error.message}`,
		description: [
			named.length > 0 ? `Buildin objected to ${named.join(', ')}.` : '',
			error.description,
			answered
				? 'Fix those records and run again: the other records of this batch were not written either.'
				: 'Check the database (query the records) before running again, or records may be created twice.',
		]
			.filter(Boolean)
			.join(' '),
		context: { batchItems: batch.map((write) => write.itemIndex) },
	});
}

/**
 * `{id, title}` of each written record, in the order sent. An answer that does not list them all is not what Buildin
 * documents: an error, although the records were written.
 */
function writtenRecords(ctx: IExecuteFunctions, batch: RecordWrite[], answer: IDataObject, key: string, expected: number): IDataObject[] {
	const list = Array.isArray(answer[key]) ? (answer[key] as IDataObject[]) : [];
	if (list.length !== expected || list.some((record) => typeof record?.id !== 'string')) {
		throw incompleteAnswerError(
			ctx.getNode(),
			{
				message: `Buildin applied the batch of items ${batch[0].itemIndex}–${batch[batch.length - 1].itemIndex} but listed ${list.length} ${key} where ${expected} were sent`,
				description: 'The records were written; query the database to find them before running again.',
				written: true,
			},
			batch[0].itemIndex,
		);
	}
	return list.map((record) => ({ id: record.id, title: record.title ?? null }));
}

/** Sends one batch in one transaction; each of its items' written record, in the batch's order. */
async function writeBatch(ctx: IExecuteFunctions, batch: RecordWrite[]): Promise<IDataObject[]> {
	const creates = batch.filter((write) => write.recordId === undefined);
	const updates = batch.filter((write) => write.recordId !== undefined);
	const body: IDataObject = {};
	if (creates.length > 0) body.create_records = creates.map((write) => ({ properties: write.properties }));
	if (updates.length > 0) body.update_records = updates.map((write) => ({ record_id: write.recordId, properties: write.properties }));
	const answer = await buildinApiRequest
		.call(ctx, batch[0].itemIndex, { method: 'POST', path: `/v2/databases/${batch[0].databaseId}/mutations`, body })
		.catch((error: unknown) => Promise.reject(batchFailed(error, batch, creates, updates)));
	const created = writtenRecords(ctx, batch, answer.body, 'created_records', creates.length);
	const updated = writtenRecords(ctx, batch, answer.body, 'updated_records', updates.length);
	return batch.map((write) => (write.recordId === undefined ? created[creates.indexOf(write)] : updated[updates.indexOf(write)]));
}

/**
 * POST /v2/databases/:id/mutations (in Buildin's OpenAPI document only; README) with `create_records` and
 * `update_records`, one request per batch of consecutive items of the same database, in input order. Every item is
 * checked before the first request; without continue-on-fail a bad item or a failed batch stops the run, with
 * continue-on-fail it fails its own items only. Each item's output is the written record's `{id, title}`.
 */
export async function executeAll(this: IExecuteFunctions, settledBefore: (itemIndex: number) => boolean): Promise<Array<IDataObject | Error>> {
	const batchSize = wholeNumber('Batch Size', this.getNodeParameter('batchSize', 0, MAX_BATCH_SIZE), 1, MAX_BATCH_SIZE);
	const continueOnFail = this.continueOnFail();
	const results: Array<IDataObject | Error> = [];
	const writes: RecordWrite[] = [];
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		if (settledBefore(itemIndex)) continue;
		try {
			writes.push(await readRecordWrite(this, itemIndex));
		} catch (error) {
			results[itemIndex] = error as Error;
			if (!continueOnFail) return results;
		}
	}
	for (const batch of batchesOf(writes, batchSize)) {
		const outcome = await writeBatch(this, batch).catch((error: unknown) => error as Error);
		batch.forEach((write, index) => (results[write.itemIndex] = outcome instanceof Error ? outcome : outcome[index]));
		if (outcome instanceof Error && !continueOnFail) return results;
	}
	return results;
}
