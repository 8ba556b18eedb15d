// A database's properties (its schema) as Database → Create and Database → Update build them one by one.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	NUMBER_FORMAT_NAMES,
	NUMBER_FORMATS,
	PROPERTY_TYPE_NAMES,
	SCHEMA_PROPERTY_TYPES,
	type SchemaPropertyInput,
} from '../helpers/schema';
import { choicesByName } from '../helpers/sortedOptions';

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
