// Parameters several Database operations share, and the code that reads them: record properties picked from the
// database's schema (Create / Update Record), the schema builder (Create / Update), and the schema lookup.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resourceIdFromLocator, type LocatorValue } from '../../helpers/ids';
import { propertyValueInputFields } from '../../helpers/propertyFields';
import { jsonObject } from '../../helpers/propertyValues';
import { choicesByName } from '../../helpers/sortedOptions';
import {
	checkRecordJson,
	NUMBER_FORMAT_NAMES,
	NUMBER_FORMATS,
	PROPERTY_TYPE_NAMES,
	recordProperties,
	SCHEMA_PROPERTY_TYPES,
	schemaOf,
	type DatabaseSchema,
	type RecordPropertyInput,
	type SchemaPropertyInput,
} from '../../helpers/schema';
import { buildinApiRequest, type BuildinContext } from '../../transport';
import { oncePerExecution } from '../../transport/executionCache';

/** The Database parameter's id. */
export function readDatabaseId(ctx: IExecuteFunctions, itemIndex: number): string {
	return resourceIdFromLocator('Database', ctx.getNodeParameter('databaseId', itemIndex) as LocatorValue);
}

// One lookup per database per execution, shared by all items (also those running at the same time). A failed
// lookup is forgotten, so each item reports its own error and a later item may succeed.
/** The database's schema (GET /v2/databases/:id), read once per execution (or per poll of the trigger). */
export async function databaseSchema(ctx: BuildinContext, itemIndex: number, databaseId: string): Promise<DatabaseSchema> {
	return await oncePerExecution(ctx, `schema:${databaseId}`, async () => {
		const response = await buildinApiRequest.call(ctx, itemIndex, {
			method: 'GET',
			path: `/v2/databases/${databaseId}`,
			scope: 'databases.read',
		});
		return schemaOf(response.body);
	});
}

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
		{
			displayName: 'Properties',
			name: 'properties',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Property',
			default: {},
			description: collectionDescription,
			displayOptions: { show: { propertiesInput: ['fields'] } },
			options: [
				{
					displayName: 'Property',
					name: 'property',
					values: [
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
					],
				},
			],
		},
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

/** Name, Type and the type's settings: one property of a schema being built or changed. */
export const schemaPropertyFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Status',
		description: 'The property’s name; records use it as the key of their value',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: choicesByName(SCHEMA_PROPERTY_TYPES, PROPERTY_TYPE_NAMES),
		default: 'rich_text',
		description: 'The kind of value the property holds. A database has exactly one Title property.',
	},
	{
		displayName: 'Number Format',
		name: 'numberFormat',
		type: 'options',
		options: choicesByName(NUMBER_FORMATS, NUMBER_FORMAT_NAMES),
		default: 'number',
		description: 'How Buildin displays the numbers',
		displayOptions: { show: { type: ['number'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'string',
		default: '',
		placeholder: 'e.g. Todo, Doing, Done',
		description: 'Comma-separated option names to offer; records can add more later',
		displayOptions: { show: { type: ['select', 'multi_select'] } },
	},
	{
		displayName: 'Related Database',
		name: 'relationDatabase',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://buildin.ai/database/33333333333343338333333333333333',
		description: 'ID or URL of the database whose records the relation links to',
		displayOptions: { show: { type: ['relation'] } },
	},
];

/** The schema builder's entries as the editor stores them. */
export function readSchemaInputs(ctx: IExecuteFunctions, itemIndex: number, path: string): SchemaPropertyInput[] {
	return (ctx.getNodeParameter(path, itemIndex, []) as SchemaPropertyInput[]) ?? [];
}
