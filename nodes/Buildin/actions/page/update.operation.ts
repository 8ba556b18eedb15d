import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInputError } from '../../helpers/errors';
import { coverValue, iconValue, type ImageChoice } from '../../helpers/icons';
import { resourceIdFromLocator, type LocatorValue } from '../../helpers/ids';
import { withPageVersion } from '../../helpers/pageVersion';
import {
	propertiesFromInputs,
	propertiesFromJson,
	titleProperty,
	type PropertyInput,
} from '../../helpers/propertyValues';
import { buildinApiRequest } from '../../transport';
import { pageLocator, requestOptionFields } from '../common.descriptions';

/** Shows a Properties entry's value field only for its type, and not when the value is being cleared. */
const forType = (type: string): INodeProperties['displayOptions'] => ({ show: { type: [type], clear: [false] } });

const propertyValueFields: INodeProperties[] = [
	{
		displayName: 'Property Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'Status',
		description: 'The property as named in Buildin (for a database record, the column name)',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		// eslint-disable-next-line n8n-nodes-base/node-param-options-type-unsorted-items -- Text first: the common case
		options: [
			{ name: 'Text', value: 'rich_text' },
			{ name: 'Checkbox', value: 'checkbox' },
			{ name: 'Date', value: 'date' },
			{ name: 'Email', value: 'email' },
			{ name: 'Files (External URLs)', value: 'files' },
			{ name: 'Multi-Select', value: 'multi_select' },
			{ name: 'Number', value: 'number' },
			{ name: 'People', value: 'people' },
			{ name: 'Phone Number', value: 'phone_number' },
			{ name: 'Relation', value: 'relation' },
			{ name: 'Select', value: 'select' },
			{ name: 'URL', value: 'url' },
		],
		default: 'rich_text',
		description: 'The type of the property in Buildin',
	},
	{
		displayName: 'Clear Value',
		name: 'clear',
		type: 'boolean',
		default: false,
		description: 'Whether to empty the property instead of setting a value',
		displayOptions: { hide: { type: ['checkbox'] } },
	},
	{
		displayName: 'Text',
		name: 'textValue',
		type: 'string',
		default: '',
		placeholder: 'Ship the beta on Friday',
		description: 'Plain text; longer than 2000 characters is split into several rich-text items',
		displayOptions: forType('rich_text'),
	},
	{
		displayName: 'Checked',
		name: 'checkboxValue',
		type: 'boolean',
		default: false,
		description: 'Whether the checkbox is ticked',
		displayOptions: { show: { type: ['checkbox'] } },
	},
	{
		displayName: 'Start',
		name: 'dateStart',
		type: 'string',
		default: '',
		placeholder: '2026-04-09 or 2026-04-09T09:30:00Z',
		description: 'ISO 8601 date, or date and time',
		displayOptions: forType('date'),
	},
	{
		displayName: 'End',
		name: 'dateEnd',
		type: 'string',
		default: '',
		placeholder: '2026-04-10',
		description: 'Optional end of a date range, not before the start',
		displayOptions: forType('date'),
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'Europe/Berlin',
		description: 'Optional IANA time zone the date is in',
		displayOptions: forType('date'),
	},
	{
		displayName: 'Email',
		name: 'emailValue',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		displayOptions: forType('email'),
	},
	{
		displayName: 'File URLs',
		name: 'filesValue',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/report.pdf, https://example.com/photo.png',
		description: 'Comma-separated links to files; the property is set to exactly these files',
		displayOptions: forType('files'),
	},
	{
		displayName: 'Option Names',
		name: 'multiSelectValue',
		type: 'string',
		default: '',
		placeholder: 'Design, Backend',
		description: 'Comma-separated option names, or an array from an expression; the property is set to exactly these',
		displayOptions: forType('multi_select'),
	},
	{
		displayName: 'Number',
		name: 'numberValue',
		type: 'number',
		default: 0,
		displayOptions: forType('number'),
	},
	{
		displayName: 'User IDs',
		name: 'peopleValue',
		type: 'string',
		default: '',
		placeholder: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
		description: 'Comma-separated Buildin user IDs; the property is set to exactly these people',
		displayOptions: forType('people'),
	},
	{
		displayName: 'Phone Number',
		name: 'phoneValue',
		type: 'string',
		default: '',
		placeholder: '+49 30 1234567',
		displayOptions: forType('phone_number'),
	},
	{
		displayName: 'Related Pages',
		name: 'relationValue',
		type: 'string',
		default: '',
		placeholder: '22222222-2222-4222-8222-222222222222, https://buildin.ai/docs/33333333333343338333333333333333',
		description: 'Comma-separated page IDs or URLs; the relation is set to exactly these pages',
		displayOptions: forType('relation'),
	},
	{
		displayName: 'Option Name',
		name: 'selectValue',
		type: 'string',
		default: '',
		placeholder: 'Doing',
		description: 'The option to select; Buildin creates it if the database does not have it yet',
		displayOptions: forType('select'),
	},
	{
		displayName: 'URL',
		name: 'urlValue',
		type: 'string',
		default: '',
		placeholder: 'https://example.com',
		displayOptions: forType('url'),
	},
];

const properties: INodeProperties[] = [
	pageLocator,
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'Release Checklist',
		description:
			'New title of the page, as plain text. Leave empty to keep the current title. Text longer than 2000 characters is split into several rich-text items.',
	},
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
		description: 'How to give the properties to change',
	},
	{
		displayName: 'Properties',
		name: 'properties',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Property',
		default: {},
		description: 'Properties to change; properties not listed keep their values',
		displayOptions: { show: { propertiesInput: ['fields'] } },
		options: [{ displayName: 'Property', name: 'property', values: propertyValueFields }],
	},
	{
		displayName: 'Properties (JSON)',
		name: 'propertiesJson',
		type: 'json',
		default: '{}',
		placeholder: '{"Status": {"select": {"name": "Done"}}, "Estimate": {"number": 3}}',
		description: 'A Buildin properties object keyed by property name, sent as is',
		displayOptions: { show: { propertiesInput: ['json'] } },
	},
	{
		displayName: 'Icon',
		name: 'icon',
		type: 'options',
		options: [
			{ name: 'Emoji', value: 'emoji', description: 'Set an emoji as the icon' },
			{ name: 'External URL', value: 'external', description: 'Set an image from a URL as the icon' },
			{ name: 'Leave Unchanged', value: 'unchanged', description: 'Do not touch the icon' },
			{ name: 'Remove', value: 'remove', description: 'Remove the icon' },
		],
		default: 'unchanged',
	},
	{
		displayName: 'Icon Emoji',
		name: 'iconEmoji',
		type: 'string',
		default: '',
		placeholder: '🚀',
		description: 'One emoji',
		displayOptions: { show: { icon: ['emoji'] } },
	},
	{
		displayName: 'Icon URL',
		name: 'iconUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/icon.png',
		displayOptions: { show: { icon: ['external'] } },
	},
	{
		displayName: 'Cover',
		name: 'cover',
		type: 'options',
		options: [
			{ name: 'External URL', value: 'external', description: 'Set an image from a URL as the cover' },
			{ name: 'Leave Unchanged', value: 'unchanged', description: 'Do not touch the cover' },
			{ name: 'Remove', value: 'remove', description: 'Remove the cover' },
		],
		default: 'unchanged',
	},
	{
		displayName: 'Cover URL',
		name: 'coverUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/cover.png',
		displayOptions: { show: { cover: ['external'] } },
	},
	{
		displayName: 'Trash',
		name: 'trash',
		type: 'options',
		options: [
			{ name: 'Leave Unchanged', value: 'unchanged', description: 'Do not move the page' },
			{ name: 'Move to Trash', value: 'trash', description: 'Move the page to the trash' },
			{ name: 'Restore', value: 'restore', description: 'Take the page out of the trash' },
		],
		default: 'unchanged',
	},
	{
		displayName: 'If-Match',
		name: 'ifMatch',
		type: 'string',
		default: '',
		placeholder: 'W/"2026-04-09T09:30:00.000Z"',
		description:
			'Update only if the page is still at this version, e.g. the etag field of a Get Page output. Buildin answers 409 if the page changed since. Leave empty to update unconditionally.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...requestOptionFields,
			{
				displayName: 'Title Property',
				name: 'titleProperty',
				type: 'string',
				default: 'title',
				placeholder: 'Name',
				description:
					'Key of the title property Title writes to. Pages use title; database records use their title column, e.g. Name.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['page'], operation: ['update'] } }, properties);

const TRASH_VALUES: Record<string, boolean | undefined> = { unchanged: undefined, trash: true, restore: false };

/** The properties to send: the Title parameter merged with the Properties collection or JSON. */
function readProperties(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const properties =
		ctx.getNodeParameter('propertiesInput', itemIndex) === 'json'
			? propertiesFromJson(ctx.getNodeParameter('propertiesJson', itemIndex))
			: propertiesFromInputs(
					(ctx.getNodeParameter('properties.property', itemIndex, []) as PropertyInput[]) ?? [],
				);
	const title = String(ctx.getNodeParameter('title', itemIndex, '') ?? '');
	if (title.trim() === '') return properties;
	const titleKey = String(ctx.getNodeParameter('options.titleProperty', itemIndex, 'title') || 'title');
	if (titleKey in properties) {
		throw new InvalidInputError('Title', `the title property "${titleKey}" is also set under Properties; set it in one place`);
	}
	return { ...properties, ...titleProperty(titleKey, title) };
}

/**
 * PATCH /v2/pages/:id with only what the user set, so a partial update never clears what it did not mention.
 * The output is the updated page and, in `etag`, its new version.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const pageId = resourceIdFromLocator('Page', this.getNodeParameter('pageId', itemIndex) as LocatorValue);
	const body: IDataObject = {};
	const properties = readProperties(this, itemIndex);
	if (Object.keys(properties).length > 0) body.properties = properties;
	const icon = iconValue(
		this.getNodeParameter('icon', itemIndex) as ImageChoice,
		this.getNodeParameter('iconEmoji', itemIndex, ''),
		this.getNodeParameter('iconUrl', itemIndex, ''),
	);
	if (icon !== undefined) body.icon = icon;
	const cover = coverValue(this.getNodeParameter('cover', itemIndex) as ImageChoice, this.getNodeParameter('coverUrl', itemIndex, ''));
	if (cover !== undefined) body.cover = cover;
	const inTrash = TRASH_VALUES[this.getNodeParameter('trash', itemIndex) as string];
	if (inTrash !== undefined) body.in_trash = inTrash;
	if (Object.keys(body).length === 0) {
		throw new InvalidInputError(
			'Update',
			'there is nothing to change',
			'Set a Title, a property, the Icon, the Cover or Trash; an empty update is not sent',
		);
	}
	const ifMatch = String(this.getNodeParameter('ifMatch', itemIndex, '') ?? '').trim();
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'PATCH',
		path: `/v2/pages/${pageId}`,
		body,
		headers: ifMatch === '' ? undefined : { 'If-Match': ifMatch },
		scope: 'pages.write',
	});
	return withPageVersion(response.body, response.headers);
}
