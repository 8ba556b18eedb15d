import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resourceIdFromLocator, type LocatorValue } from '../helpers/ids';

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

/** The Database parameter's id. */
export function readDatabaseId(ctx: IExecuteFunctions, itemIndex: number): string {
	return resourceIdFromLocator('Database', ctx.getNodeParameter('databaseId', itemIndex) as LocatorValue);
}
