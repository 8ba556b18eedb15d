import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { sortedByName } from '../helpers/sortedOptions';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_CONCURRENCY } from '../transport/concurrency';

const UUID_PATTERN = '[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}';

/** The By ID mode every Buildin locator shares: a dashed UUID or 32 hex characters. */
// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- a locator mode, not a parameter
const idMode: INodePropertyMode = {
	displayName: 'ID',
	name: 'id',
	type: 'string',
	placeholder: '11111111-1111-4111-8111-111111111111',
	validation: [
		{
			type: 'regex',
			properties: {
				regex: '^\\s*(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})\\s*$',
				errorMessage: 'Not a Buildin ID: use 36 characters with dashes or 32 hex characters',
			},
		},
	],
};

/**
 * A locator for a page-like object: picked from a workspace search (when there is a `searchListMethod`), pasted as
 * a URL, or given as an ID.
 */
function objectLocator(options: {
	name: string;
	displayName: string;
	description: string;
	searchListMethod?: string;
	urlExample: string;
}): INodeProperties {
	const list: INodePropertyMode[] = options.searchListMethod
		? [
				// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- a locator mode, not a parameter
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: `Select a ${options.displayName.toLowerCase()}...`,
					typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
				},
			]
		: [];
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: list.length > 0 ? 'list' : 'id', value: '' },
		required: true,
		description: options.description,
		modes: [
			...list,
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: options.urlExample,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^https?://\\S+${UUID_PATTERN}/?(?:[?#]\\S*)?$`,
							errorMessage: `Not a Buildin ${options.displayName.toLowerCase()} URL`,
						},
					},
				],
			},
			idMode,
		],
	};
}

/** The page a Page operation acts on. */
export const pageLocator: INodeProperties = objectLocator({
	name: 'pageId',
	displayName: 'Page',
	description: 'The Buildin page (or database record) to act on',
	searchListMethod: 'searchPages',
	urlExample: 'https://buildin.ai/docs/11111111111141118111111111111111',
});

/** The database a Database operation acts on. */
export const databaseLocator: INodeProperties = objectLocator({
	name: 'databaseId',
	displayName: 'Database',
	description: 'The Buildin database to act on',
	searchListMethod: 'searchDatabases',
	urlExample: 'https://buildin.ai/database/33333333333343338333333333333333',
});

/** A database record (a page whose parent is a database), given by URL or ID: search cannot list one database's records. */
export const recordLocator: INodeProperties = objectLocator({
	name: 'recordId',
	displayName: 'Record',
	description: 'The database record to act on',
	urlExample: 'https://buildin.ai/docs/22222222222242228222222222222222',
});

/** A block (or a page, whose content blocks hang off it) given as an ID or a URL ending in one. */
export const blockLocator: INodeProperties = {
	displayName: 'Block',
	name: 'blockId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description: 'The block to act on. A page ID works too: a page is the parent of its content blocks.',
	modes: [
		idMode,
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://buildin.ai/docs/11111111111141118111111111111111#55555555555545558555555555555555',
		},
	],
};

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

/** Simplify: plain values keyed by property name instead of the API object. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

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
