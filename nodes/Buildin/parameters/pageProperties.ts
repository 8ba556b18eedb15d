// Title and Properties (typed fields or JSON), the Title merged into them: Page → Create and Page → Update declare and
// read them alike.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInputError } from '../helpers/errors';
import { propertiesFromInputs, propertiesFromJson, titleProperty, withIncludeTime, type PropertyInput } from '../helpers/propertyValues';
import { PROPERTY_TYPE_NAMES, RECORD_PROPERTY_TYPES } from '../helpers/schema';
import { choicesByName } from '../helpers/sortedOptions';
import { textValue } from '../helpers/validate';
import { propertiesCollection, propertyValueInputFields } from './propertyValueFields';

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

/** Title, as plain text; `readProperties` merges it into the properties. `description` says what it does here. */
export function titleParameter(description: string): INodeProperties {
	return { displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'e.g. Release Checklist', description };
}

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
		propertiesCollection(collectionDescription, propertyValueFields),
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
