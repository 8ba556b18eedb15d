// Parameters Page → Create and Page → Update share, and the code that reads them: Properties (typed fields or JSON),
// the Title merged into them, and Icon / Cover. One definition, so both operations behave and read alike.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInputError } from '../../helpers/errors';
import { resourceIdFromLocator, type LocatorValue } from '../../helpers/ids';
import { databaseLocator, pageLocator } from '../common.descriptions';
import { coverValue, iconValue, type ImageChoice } from '../../helpers/icons';
import { propertyValueInputFields, withIncludeTime } from '../../helpers/propertyFields';
import {
	propertiesFromInputs,
	propertiesFromJson,
	titleProperty,
	type PropertyInput,
} from '../../helpers/propertyValues';
import { PROPERTY_TYPE_NAMES, RECORD_PROPERTY_TYPES } from '../../helpers/schema';
import { choicesByName } from '../../helpers/sortedOptions';
import { textValue } from '../../helpers/validate';

/** One Properties entry: its name, its type, and the value fields of that type (shared with the Database records). */
const propertyValueFields: INodeProperties[] = [
	{
		displayName: 'Property Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Status',
		description: 'The property as named in Buildin (for a database record, the column name)',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		// Title has a parameter of its own; files are written as external URLs only.
		options: choicesByName(
			RECORD_PROPERTY_TYPES.filter((type) => type !== 'title'),
			{ ...PROPERTY_TYPE_NAMES, files: 'Files (External URLs)' },
		),
		default: 'rich_text',
		description: 'The type of the property in Buildin',
	},
	...propertyValueInputFields,
];

/**
 * Properties Input, Properties (typed fields) and Properties (JSON). `which` names the properties in the operation
 * at hand ("to change", "of the new page"); `collectionDescription` says what the listed ones do.
 */
export function propertiesParameters(which: string, collectionDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Properties Input',
			name: 'propertiesInput',
			type: 'options',
			options: [
				{
					name: 'Define Below',
					value: 'fields',
					description: 'Set typed values one property at a time',
				},
				{
					name: 'JSON',
					value: 'json',
					description: 'Send a raw Buildin properties object as is',
				},
			],
			default: 'fields',
			description: `How to give the properties ${which}`,
		},
		{
			displayName: 'Properties',
			name: 'properties',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Property',
			default: {},
			description: collectionDescription,
			displayOptions: { show: { propertiesInput: ['fields'] } },
			options: [{ displayName: 'Property', name: 'property', values: propertyValueFields }],
		},
		{
			displayName: 'Properties (JSON)',
			name: 'propertiesJson',
			type: 'json',
			default: '{}',
			placeholder: 'e.g. {"Status": {"select": {"name": "Done"}}, "Estimate": {"number": 3}}',
			description: 'A Buildin properties object keyed by property name, sent as is',
			displayOptions: { show: { propertiesInput: ['json'] } },
		},
	];
}

/** Options → Title Property: which key the Title parameter writes to. */
export const titlePropertyOption: INodeProperties = {
	displayName: 'Title Property',
	name: 'titleProperty',
	type: 'string',
	default: 'title',
	placeholder: 'e.g. Name',
	description:
		'Key of the title property Title writes to. Pages use title; database records use their title column, e.g. Name.',
};

/**
 * The `properties` to send: the Properties collection or JSON, with the Title parameter merged in under Options →
 * Title Property. An empty Title adds nothing; the title set in both places is refused.
 */
export function readProperties(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const properties =
		ctx.getNodeParameter('propertiesInput', itemIndex) === 'json'
			? propertiesFromJson(ctx.getNodeParameter('propertiesJson', itemIndex))
			: propertiesFromInputs(
					((ctx.getNodeParameter('properties.property', itemIndex, []) as PropertyInput[]) ?? []).map(withIncludeTime),
				);
	const title = textValue('Title', ctx.getNodeParameter('title', itemIndex, ''));
	if (title.trim() === '') return properties;
	const titleKey = textValue('Title Property', ctx.getNodeParameter('options.titleProperty', itemIndex, 'title')).trim() || 'title';
	if (titleKey in properties) {
		throw new InvalidInputError('Title', `the title property "${titleKey}" is also set under Properties; set it in one place`);
	}
	return { ...properties, ...titleProperty(titleKey, title) };
}

/** Icon / Cover choices: an Update can also leave them alone or remove them; a new page has them or not. */
type ImageMode = 'create' | 'update';

const ICON_CHOICES = {
	emoji: { name: 'Emoji', value: 'emoji', description: 'Set an emoji as the icon' },
	external: { name: 'External URL', value: 'external', description: 'Set an image from a URL as the icon' },
	none: { name: 'None', value: 'none', description: 'Create the page without an icon' },
	unchanged: { name: 'Leave Unchanged', value: 'unchanged', description: 'Do not touch the icon' },
	remove: { name: 'Remove', value: 'remove', description: 'Remove the icon' },
};

const COVER_CHOICES = {
	external: { name: 'External URL', value: 'external', description: 'Set an image from a URL as the cover' },
	none: { name: 'None', value: 'none', description: 'Create the page without a cover' },
	unchanged: { name: 'Leave Unchanged', value: 'unchanged', description: 'Do not touch the cover' },
	remove: { name: 'Remove', value: 'remove', description: 'Remove the cover' },
};

/** Icon, Icon Emoji, Icon URL, Cover and Cover URL. */
export function imageParameters(mode: ImageMode): INodeProperties[] {
	const icon: INodeProperties =
		mode === 'create'
			? {
					displayName: 'Icon',
					name: 'icon',
					type: 'options',
					options: [ICON_CHOICES.emoji, ICON_CHOICES.external, ICON_CHOICES.none],
					default: 'none',
				}
			: {
					displayName: 'Icon',
					name: 'icon',
					type: 'options',
					options: [ICON_CHOICES.emoji, ICON_CHOICES.external, ICON_CHOICES.unchanged, ICON_CHOICES.remove],
					default: 'unchanged',
				};
	const cover: INodeProperties =
		mode === 'create'
			? {
					displayName: 'Cover',
					name: 'cover',
					type: 'options',
					options: [COVER_CHOICES.external, COVER_CHOICES.none],
					default: 'none',
				}
			: {
					displayName: 'Cover',
					name: 'cover',
					type: 'options',
					options: [COVER_CHOICES.external, COVER_CHOICES.unchanged, COVER_CHOICES.remove],
					default: 'unchanged',
				};
	return [
		icon,
		{
			displayName: 'Icon Emoji',
			name: 'iconEmoji',
			type: 'string',
			default: '',
			placeholder: 'e.g. 🚀',
			description: 'One emoji',
			displayOptions: { show: { icon: ['emoji'] } },
		},
		{
			displayName: 'Icon URL',
			name: 'iconUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/icon.png',
			displayOptions: { show: { icon: ['external'] } },
		},
		cover,
		{
			displayName: 'Cover URL',
			name: 'coverUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/cover.png',
			displayOptions: { show: { cover: ['external'] } },
		},
	];
}

/** The choice as the icon helpers know it: a new page's None sends nothing, like Leave Unchanged. */
function imageChoice(value: unknown): ImageChoice {
	return (value === 'none' ? 'unchanged' : value) as ImageChoice;
}

/** The `icon` body value: undefined sends nothing, null removes the icon. */
export function readIcon(ctx: IExecuteFunctions, itemIndex: number): IDataObject | null | undefined {
	return iconValue(
		imageChoice(ctx.getNodeParameter('icon', itemIndex)),
		ctx.getNodeParameter('iconEmoji', itemIndex, ''),
		ctx.getNodeParameter('iconUrl', itemIndex, ''),
	);
}

/** The `cover` body value: undefined sends nothing, null removes the cover. */
export function readCover(ctx: IExecuteFunctions, itemIndex: number): IDataObject | null | undefined {
	return coverValue(imageChoice(ctx.getNodeParameter('cover', itemIndex)), ctx.getNodeParameter('coverUrl', itemIndex, ''));
}

/** What Parent and its locators say in the operation at hand (Create: where the new page goes; Move: where it moves). */
interface ParentTexts {
	parent: string;
	database: string;
	page: string;
	workspace: string;
	parentPage: string;
	parentDatabase: string;
}

/** Parent (Database, Page or Workspace Root) with the Parent Page and Parent Database locators. */
export function parentParameters(texts: ParentTexts): INodeProperties[] {
	return [
		{
			displayName: 'Parent',
			name: 'parent',
			type: 'options',
			options: [
				{ name: 'Database', value: 'database', description: texts.database },
				{ name: 'Page', value: 'page', description: texts.page },
				{ name: 'Workspace Root', value: 'workspace', description: texts.workspace },
			],
			default: 'page',
			description: texts.parent,
		},
		{
			...pageLocator,
			name: 'parentPageId',
			displayName: 'Parent Page',
			description: texts.parentPage,
			displayOptions: { show: { parent: ['page'] } },
		},
		{
			...databaseLocator,
			name: 'parentDatabaseId',
			displayName: 'Parent Database',
			description: texts.parentDatabase,
			displayOptions: { show: { parent: ['database'] } },
		},
	];
}

/** The chosen parent as `{page_id}` or `{database_id}`; undefined for the workspace root. */
export function readParent(ctx: IExecuteFunctions, itemIndex: number): { page_id: string } | { database_id: string } | undefined {
	const parent = ctx.getNodeParameter('parent', itemIndex) as string;
	if (parent === 'page') {
		return { page_id: resourceIdFromLocator('Parent Page', ctx.getNodeParameter('parentPageId', itemIndex) as LocatorValue) };
	}
	if (parent === 'database') {
		return {
			database_id: resourceIdFromLocator('Parent Database', ctx.getNodeParameter('parentDatabaseId', itemIndex) as LocatorValue),
		};
	}
	if (parent === 'workspace') return undefined;
	throw new InvalidInputError('Parent', `unknown choice ${JSON.stringify(parent)}`);
}
