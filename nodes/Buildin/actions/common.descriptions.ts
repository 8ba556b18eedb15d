import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idempotencyKeyHeader } from '../helpers/headers';
import { sortedByName } from '../helpers/sortedOptions';
import { textValue } from '../helpers/validate';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_CONCURRENCY } from '../transport/concurrency';
import { itemIdempotencyKey } from './earlierTries';

const UUID = '[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}';
// What may stand before an id in its URL segment or fragment: nothing, or a slug ending in a character that is not
// hex ("Release-Checklist-<id>", "#block-<id>"), as helpers/ids.ts and helpers/blocks.ts read them.
const SLUG = '(?:[^\\s/?#]*[^0-9a-fA-F\\s/?#])?';

/**
 * The URL patterns of the locators' By URL modes: n8n checks a URL against one in the editor (`validation`) and
 * extracts the id with its one group (`extractValue`). They accept what the node's own parser accepts.
 */
export const LOCATOR_URL = {
	/** A page or database URL: the id at the end of the path, then an optional slash, query and fragment. */
	object: `^https?://\\S*/${SLUG}(${UUID})/?(?:[?#]\\S*)?$`,
	/** A block URL: the block id as the fragment (`…/docs/<page>#<block>`); without one, the page id. */
	block: `^https?://\\S*[/#]${SLUG}(${UUID})/?(?:\\?[^\\s#]*)?(?:#\\S*)?$`,
};

const ID_PATTERN = '^\\s*(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})\\s*$';

/**
 * A resource locator for a Buildin object: picked From List (a workspace search, when there is a `searchListMethod`),
 * By URL or By ID. The modes are written out here once for every locator, so each of them is declared where n8n
 * reads locator modes.
 */
function locator(options: {
	name: string;
	displayName: string;
	description: string;
	searchListMethod?: string;
	url: { pattern: string; example: string };
	idExample: string;
}): INodeProperties {
	const what = options.displayName.toLowerCase();
	const declared: INodeProperties = {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: options.searchListMethod ? 'list' : 'id', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${what}...`,
				typeOptions: { searchListMethod: options.searchListMethod ?? '', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${options.url.example}`,
				validation: [
					{ type: 'regex', properties: { regex: options.url.pattern, errorMessage: `Not a Buildin ${what} URL` } },
				],
				extractValue: { type: 'regex', regex: options.url.pattern },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${options.idExample}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: ID_PATTERN,
							errorMessage: 'Not a Buildin ID: use 36 characters with dashes or 32 hex characters',
						},
					},
				],
			},
		],
	};
	// Without a search (records, blocks) there is no From List mode.
	const modes = (declared.modes ?? []).filter((mode) => mode.name !== 'list' || options.searchListMethod);
	return { ...declared, modes };
}

/** The page a Page operation acts on. */
export const pageLocator: INodeProperties = locator({
	name: 'pageId',
	displayName: 'Page',
	description: 'The Buildin page (or database record) to act on',
	searchListMethod: 'searchPages',
	url: { pattern: LOCATOR_URL.object, example: 'https://buildin.ai/docs/11111111111141118111111111111111' },
	idExample: '11111111-1111-4111-8111-111111111111',
});

/** The database a Database operation acts on. */
export const databaseLocator: INodeProperties = locator({
	name: 'databaseId',
	displayName: 'Database',
	description: 'The Buildin database to act on',
	searchListMethod: 'searchDatabases',
	url: { pattern: LOCATOR_URL.object, example: 'https://buildin.ai/database/33333333333343338333333333333333' },
	idExample: '33333333-3333-4333-8333-333333333333',
});

/** A database record (a page whose parent is a database), given by URL or ID: search cannot list one database's records. */
export const recordLocator: INodeProperties = locator({
	name: 'recordId',
	displayName: 'Record',
	description: 'The database record to act on',
	url: { pattern: LOCATOR_URL.object, example: 'https://buildin.ai/docs/22222222222242228222222222222222' },
	idExample: '22222222-2222-4222-8222-222222222222',
});

/** A block (or a page, whose content blocks hang off it) given as an ID or a URL ending in one. */
export const blockLocator: INodeProperties = locator({
	name: 'blockId',
	displayName: 'Block',
	description: 'The block to act on. A page ID works too: a page is the parent of its content blocks.',
	url: {
		pattern: LOCATOR_URL.block,
		example: 'https://buildin.ai/docs/11111111111141118111111111111111#55555555555545558555555555555555',
	},
	idExample: '55555555-5555-4555-8555-555555555555',
});

/** Return All plus Limit, for list operations; `resultLimit` reads them. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/**
 * Simplify, in n8n's wording and with n8n's default (on), on every operation whose output is a page, a database
 * record or a database: plain values keyed by property name instead of the API object. The shapes are in the
 * README's Simplify section; `simplified` (operation.ts) applies them.
 */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

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

/** Concurrency, retry and timeout settings every operation offers under Options; read by the router and transport. */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: DEFAULT_CONCURRENCY,
		description:
			'A fixed number of items sent to Buildin at once; 1 sends one request at a time. Without this option the node adapts the number itself, up to Max Concurrency. Output order stays that of the input. A rate limit (429) slows all requests down together.',
	},
	{
		displayName: 'Max Concurrency',
		name: 'maxConcurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: DEFAULT_MAX_CONCURRENCY,
		description: `The most items sent to Buildin at once while the node adapts the number itself (when Concurrency is not set): it starts at ${DEFAULT_CONCURRENCY}, sends more while answers come back without 429s and not much slower, and fewer after a 429 or when answers slow down`,
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 20 },
		default: 4,
		description:
			'How many times a request is repeated after Buildin answers 429 (rate limited) or 502/503/504. 0 turns retries off.',
	},
	{
		displayName: 'Max Retry Wait (Seconds)',
		name: 'maxRetryWait',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description:
			'Longest total time one request may spend waiting between retries. A Retry-After longer than what is left ends the retries at once.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description: 'How long to wait for Buildin to answer one request before treating it as failed',
	},
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
