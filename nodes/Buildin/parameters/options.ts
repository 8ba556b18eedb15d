import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idempotencyKeyHeader } from '../helpers/headers';
import { sortedByName } from '../helpers/sortedOptions';
import { textValue } from '../helpers/validate';
import { itemIdempotencyKey } from '../requests/nodeRun';
import { NUMBER_OPTIONS, type NumberOption } from '../transport/options';

/** Options → Idempotency Key of the operations that create a page (Page → Create, Database → Create Record). */
export const idempotencyKeyOption: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. order-10482-page',
	hint: 'Running the workflow again with the same key returns what was made the first time instead of a duplicate',
	description:
		'Makes a re-run return what the first run created instead of creating it again. Sent as the Idempotency-Key header. Empty: a key of the node’s own per item, the same when the request is retried and when n8n’s Retry On Fail runs the node again. Give a key derived from your data (e.g. an order number) so that running the workflow again returns the page created the first time. Characters other than letters, digits and - . _ ~ are sent percent-encoded.',
};

/**
 * The Idempotency-Key header value for this item: Options → Idempotency Key as a header can carry it, or the item's
 * own key in this node run, the same for every retry of the request and every try of the node.
 */
export function readIdempotencyKey(ctx: IExecuteFunctions, itemIndex: number): string {
	const key = textValue('Idempotency Key', ctx.getNodeParameter('options.idempotencyKey', itemIndex, '')).trim();
	return key === '' ? itemIdempotencyKey(ctx, itemIndex) : idempotencyKeyHeader(key);
}

/** An Options number as transport/options.ts defines it: its label, default and bounds. */
function numberField(name: NumberOption, description: string): INodeProperties {
	const { label, default: value, min, max } = NUMBER_OPTIONS[name];
	return {
		displayName: label,
		name,
		type: 'number',
		typeOptions: max === undefined ? { minValue: min } : { minValue: min, maxValue: max },
		default: value,
		description,
	};
}

/** Concurrency, retry and timeout settings every operation offers under Options; read by the router and transport. */
export const requestOptionFields: INodeProperties[] = [
	numberField(
		'concurrency',
		'A fixed number of items sent to Buildin at once; 1 sends one request at a time. Without this option the node adapts the number itself, up to Max Concurrency. Output order stays that of the input. A rate limit (429) slows all requests down together.',
	),
	numberField(
		'maxConcurrency',
		`The most items sent to Buildin at once while the node adapts the number itself (when Concurrency is not set): it starts at ${NUMBER_OPTIONS.concurrency.default}, sends more while answers come back without 429s and not much slower, and fewer after a 429 or when answers slow down`,
	),
	numberField(
		'maxRetries',
		'How many times a request is repeated after Buildin answers 429 (rate limited) or 502/503/504. 0 turns retries off.',
	),
	numberField(
		'maxRetryWait',
		'Longest total time one request may spend waiting between retries. A Retry-After longer than what is left ends the retries at once.',
	),
	numberField('timeout', 'How long to wait for Buildin to answer one request before treating it as failed'),
];

/**
 * The Options collection every operation has: Concurrency, retries and timeout, plus the operation's own options,
 * listed alphabetically as n8n lists them.
 */
export function optionsCollection(...operationOptions: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: sortedByName([...requestOptionFields, ...operationOptions]),
	};
}

const CONCURRENCY_OPTIONS = new Set(['concurrency', 'maxConcurrency']);

/** The Options of an operation that takes all items at once and sends one request after the other: no Concurrency. */
export function sequentialOptionsCollection(): INodeProperties {
	const collection = optionsCollection();
	const options = (collection.options as INodeProperties[]).filter((option) => !CONCURRENCY_OPTIONS.has(option.name));
	return { ...collection, options };
}
