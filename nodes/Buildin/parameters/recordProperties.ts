// Properties of a database record, picked from the database's schema (Database → Create Record, Update Record, Create
// or Update Records in Batch), and the Select options a picked property offers (also Get Many Records' conditions).
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { jsonObject } from '../helpers/propertyValues';
import { checkRecordJson, recordProperties, type RecordPropertyInput } from '../helpers/schema';
import { databaseSchema } from '../requests/databaseSchema';
import { propertiesCollection, propertyValueInputFields } from './propertyValueFields';

/** How Properties are given: typed fields or a raw object. */
const propertiesInputField: INodeProperties = {
	displayName: 'Properties Input',
	name: 'propertiesInput',
	type: 'options',
	options: [
		{ name: 'Define Below', value: 'fields', description: 'Pick properties of the database and set typed values' },
		{ name: 'JSON', value: 'json', description: 'Send a raw Buildin properties object, checked against the schema' },
	],
	default: 'fields',
	description: 'How to give the properties',
};

/** Where a Select or Multi-Select value's choices come from: the options of the property picked beside it. */
export const PICKED_PROPERTY_OPTIONS = { loadOptionsMethod: 'getSelectOptions', loadOptionsDependsOn: ['&key', 'databaseId.value'] };

/**
 * A record's value fields: those of every Properties collection, with the Select and Multi-Select values offered from
 * the picked property's options (an expression still gives any name; Buildin adds a select option it does not have).
 */
const recordValueFields: INodeProperties[] = propertyValueInputFields.map((field): INodeProperties => {
	const single = field.name === 'selectValue';
	if (!single && field.name !== 'multiSelectValue') return field;
	return {
		...field,
		displayName: single ? 'Option Name or ID' : 'Option Names or IDs',
		type: single ? 'options' : 'multiOptions',
		typeOptions: PICKED_PROPERTY_OPTIONS,
		default: single ? '' : [],
		placeholder: undefined,
		description: single
			? 'The option to select. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.'
			: 'The options to set; the property gets exactly these. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
});

/**
 * Properties Input, Properties (picked from the database's schema, with the value fields of the picked type) and
 * Properties (JSON). `collectionDescription` says what the listed properties do in the operation at hand.
 */
export function recordPropertiesParameters(collectionDescription: string): INodeProperties[] {
	return [
		propertiesInputField,
		propertiesCollection(collectionDescription, [
			{
				displayName: 'Property Name or ID',
				name: 'key',
				type: 'options',
				description:
					'The database property to set; an expression gives its name, e.g. Status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				typeOptions: { loadOptionsMethod: 'getDatabaseProperties', loadOptionsDependsOn: ['databaseId.value'] },
				default: '',
			},
			{
				// As n8n's Notion node: the type rides along in the picked value (`Name|type`) and selects the
				// value field. The last `|` separates it, so a name holding one still works.
				displayName: 'Type',
				name: 'type',
				type: 'hidden',
				default: '={{$parameter["&key"].split("|").pop()}}',
			},
			...recordValueFields,
		]),
		{
			displayName: 'Properties (JSON)',
			name: 'propertiesJson',
			type: 'json',
			default: '{}',
			placeholder: 'e.g. {"Status": {"select": {"name": "Done"}}, "Estimate": {"number": 3}}',
			description: 'A Buildin properties object keyed by the database’s property names, sent as is once the names and types are checked',
			displayOptions: { show: { propertiesInput: ['json'] } },
		},
	];
}

/**
 * The record `properties` to send, checked against the database's schema: every name must be a property of the
 * database and keep the type it was picked with; read-only types are refused.
 */
export async function readRecordProperties(ctx: IExecuteFunctions, itemIndex: number, databaseId: string): Promise<IDataObject> {
	const json = ctx.getNodeParameter('propertiesInput', itemIndex) === 'json';
	const properties = json
		? jsonObject(
				'Properties (JSON)',
				ctx.getNodeParameter('propertiesJson', itemIndex),
				'must be a JSON object keyed by property name',
				'{"Status": {"select": {"name": "Done"}}}',
			)
		: undefined;
	const inputs = json ? [] : ((ctx.getNodeParameter('properties.property', itemIndex, []) as RecordPropertyInput[]) ?? []);
	if (Object.keys(properties ?? {}).length === 0 && inputs.length === 0) return {};
	const schema = await databaseSchema(ctx, itemIndex, databaseId);
	return properties === undefined ? recordProperties(schema, inputs) : checkRecordJson(schema, properties);
}
