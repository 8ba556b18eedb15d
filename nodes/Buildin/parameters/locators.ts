import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { blockIdFromLocator } from '../helpers/blocks';
import { ID_PATTERN, resourceIdFromLocator, URL_PATTERNS, type LocatorValue } from '../helpers/ids';

/**
 * A resource locator for a Buildin object: picked From List (a workspace search, when there is a `searchListMethod`),
 * By URL or By ID. The modes are written out here once for every locator, so each of them is declared where n8n
 * reads locator modes. By URL checks a URL against its pattern in the editor (`validation`) and has n8n extract the id
 * with the pattern's one group (`extractValue`); the patterns are helpers/ids.ts's, which the node's own checks read.
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
	url: { pattern: URL_PATTERNS.object, example: 'https://buildin.ai/docs/11111111111141118111111111111111' },
	idExample: '11111111-1111-4111-8111-111111111111',
});

/** The database a Database operation acts on. */
export const databaseLocator: INodeProperties = locator({
	name: 'databaseId',
	displayName: 'Database',
	description: 'The Buildin database to act on',
	searchListMethod: 'searchDatabases',
	url: { pattern: URL_PATTERNS.object, example: 'https://buildin.ai/database/33333333333343338333333333333333' },
	idExample: '33333333-3333-4333-8333-333333333333',
});

/** A database record (a page whose parent is a database), given by URL or ID: search cannot list one database's records. */
export const recordLocator: INodeProperties = locator({
	name: 'recordId',
	displayName: 'Record',
	description: 'The database record to act on',
	url: { pattern: URL_PATTERNS.object, example: 'https://buildin.ai/docs/22222222222242228222222222222222' },
	idExample: '22222222-2222-4222-8222-222222222222',
});

/** A block (or a page, whose content blocks hang off it) given as an ID or a URL ending in one. */
export const blockLocator: INodeProperties = locator({
	name: 'blockId',
	displayName: 'Block',
	description: 'The block to act on. A page ID works too: a page is the parent of its content blocks.',
	url: {
		pattern: URL_PATTERNS.block,
		example: 'https://buildin.ai/docs/11111111111141118111111111111111#55555555555545558555555555555555',
	},
	idExample: '55555555-5555-4555-8555-555555555555',
});

/** How a context reads a locator: with n8n's extractValue, or as entered (an expression evaluated). */
export type LocatorRead = (options?: { extractValue: boolean }) => unknown;

/**
 * A locator's value as n8n gives it: By URL the id n8n extracted with the mode's `extractValue`, By ID and From List
 * what was entered (checked by the node, which also takes a URL there). A URL n8n finds no id in comes back as entered,
 * By URL, so that the node's error names the field and the item, and says what it takes; an expression that fails
 * fails again in that read, with n8n's error.
 */
function locatorValue(read: LocatorRead): LocatorValue | string {
	try {
		return { mode: 'id', value: read({ extractValue: true }) };
	} catch {
		return read() as LocatorValue | string;
	}
}

/** The dashed id of a Page, Database or Record locator, or the InvalidInputError naming `field`. */
export function locatorId(field: string, read: LocatorRead): string {
	return resourceIdFromLocator(field, locatorValue(read));
}

/**
 * The dashed id of a Block locator: the block in a URL's fragment, or the page. With `requireFragment` a page URL is
 * refused (n8n extracts the page's id from it, which would act on the whole page).
 */
function blockLocatorId(field: string, read: LocatorRead, options: { requireFragment?: boolean } = {}): string {
	const id = blockIdFromLocator(field, locatorValue(read));
	if (options.requireFragment) blockIdFromLocator(field, read() as LocatorValue, options);
	return id;
}

/** An operation item's locator `name` (Page, Database, Record, Parent Page…) as a dashed id. */
export function readLocatorId(ctx: IExecuteFunctions, itemIndex: number, name: string, field: string): string {
	return locatorId(field, (options) => ctx.getNodeParameter(name, itemIndex, '', options));
}

/** An operation item's Block locator as a dashed id. */
export function readBlockId(ctx: IExecuteFunctions, itemIndex: number, field: string, options: { requireFragment?: boolean } = {}): string {
	return blockLocatorId(field, (extract) => ctx.getNodeParameter('blockId', itemIndex, '', extract), options);
}

/** The Page parameter's id. */
export function readPageId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readLocatorId(ctx, itemIndex, 'pageId', 'Page');
}

/** The Database parameter's id. */
export function readDatabaseId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readLocatorId(ctx, itemIndex, 'databaseId', 'Database');
}
