// Filter (None / Build Manually / JSON) with its conditions on a database's properties, and the filter it makes:
// Database → Get Many Records and the Buildin Trigger offer the same.
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	combineFilters,
	FILTER_FAMILIES,
	FILTER_OPERATORS,
	OPERATOR_NAMES,
	propertyFilter,
	VALUELESS_OPERATORS,
	type FilterConditionInput,
	type FilterFamily,
} from '../helpers/filters';
import { jsonObject } from '../helpers/propertyValues';
import { parsePropertyKey, resolveProperty, type DatabaseSchema } from '../helpers/schema';
import { PICKED_PROPERTY_OPTIONS } from './recordProperties';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);
const typesOf = (family: FilterFamily) => Object.keys(FILTER_FAMILIES).filter((type) => FILTER_FAMILIES[type] === family);

const operatorOption = (operator: string): INodePropertyOptions => {
	const option: INodePropertyOptions = { name: OPERATOR_NAMES[operator], value: operator };
	return option;
};

/** One Operator field per operator set, shown for the property types that take it (as n8n's Notion node does). */
const operatorFields: INodeProperties[] = (Object.keys(FILTER_OPERATORS) as FilterFamily[]).map((family) => {
	const [first] = FILTER_OPERATORS[family];
	return {
		displayName: 'Operator',
		name: 'condition',
		type: 'options',
		options: FILTER_OPERATORS[family].map(operatorOption).sort(byName),
		default: first,
		description: 'How the property is compared with the value',
		displayOptions: { show: { type: typesOf(family) } },
	};
});

/** A condition's value field, shown for the given types unless the operator needs no value. */
function valueField(field: Omit<INodeProperties, 'displayOptions'>, types: string[]): INodeProperties {
	return { ...field, displayOptions: { show: { type: types }, hide: { condition: [...VALUELESS_OPERATORS] } } };
}

const conditionFields: INodeProperties[] = [
	{
		displayName: 'Property Name or ID',
		name: 'key',
		type: 'options',
		description:
			'The database property to filter on; an expression gives its name, e.g. Status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		typeOptions: { loadOptionsMethod: 'getFilterProperties', loadOptionsDependsOn: ['databaseId.value'] },
		default: '',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'hidden',
		default: '={{$parameter["&key"].split("|").pop()}}',
	},
	...operatorFields,
	valueField(
		{ displayName: 'Value', name: 'textValue', type: 'string', default: '', placeholder: 'e.g. Release' },
		typesOf('text'),
	),
	valueField({ displayName: 'Value', name: 'numberValue', type: 'number', default: 0 }, typesOf('number')),
	// The options of this condition's property; an expression gives any name.
	valueField(
		{
			displayName: 'Option Name or ID',
			name: 'selectValue',
			type: 'options',
			typeOptions: PICKED_PROPERTY_OPTIONS,
			default: '',
			description:
				'The option to compare with. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		['select'],
	),
	valueField(
		{
			displayName: 'Option Name or ID',
			name: 'multiSelectValue',
			type: 'options',
			typeOptions: PICKED_PROPERTY_OPTIONS,
			default: '',
			description:
				'The option the records must (or must not) have. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		['multi_select'],
	),
	valueField(
		{
			displayName: 'User ID',
			name: 'peopleValue',
			type: 'string',
			default: '',
			placeholder: 'e.g. bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
		},
		['people'],
	),
	valueField(
		{
			displayName: 'Related Page',
			name: 'relationValue',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://buildin.ai/docs/11111111111141118111111111111111',
			description: 'ID or URL of the related page',
		},
		['relation'],
	),
	valueField(
		{
			displayName: 'Date',
			name: 'dateValue',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2026-04-09 or 2026-04-09T09:30:00Z',
			description: 'ISO 8601 date, or date and time',
		},
		typesOf('date'),
	),
	valueField(
		{
			displayName: 'Checked',
			name: 'checkboxValue',
			type: 'boolean',
			default: true,
			description: 'Whether to compare with a ticked checkbox',
		},
		['checkbox'],
	),
];

/** Filter (None / Build Manually / JSON) with its conditions; the Buildin Trigger offers the same. */
export const filterParameters: INodeProperties[] = [
	{
		displayName: 'Filter',
		name: 'filterType',
		type: 'options',
		options: [
			{ name: 'Build Manually', value: 'manual', description: 'Combine conditions on the database’s properties' },
			{ name: 'JSON', value: 'json', description: 'Send a Buildin filter object as is' },
			{ name: 'None', value: 'none', description: 'Return every record' },
		],
		default: 'none',
		description: 'Which records to return',
	},
	{
		displayName: 'Must Match',
		name: 'matchType',
		type: 'options',
		options: [
			{ name: 'All Conditions', value: 'and', description: 'Records matching every condition (AND)' },
			{ name: 'Any Condition', value: 'or', description: 'Records matching at least one condition (OR)' },
		],
		default: 'and',
		displayOptions: { show: { filterType: ['manual'] } },
	},
	{
		displayName: 'Conditions',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		description: 'Conditions on the records’ properties; the operators offered depend on the property’s type',
		displayOptions: { show: { filterType: ['manual'] } },
		options: [{ displayName: 'Condition', name: 'conditions', values: conditionFields }],
	},
	{
		displayName: 'Filter (JSON)',
		name: 'filterJson',
		type: 'json',
		default: '{}',
		placeholder: 'e.g. {"or": [{"property": "Status", "select": {"equals": "Doing"}}, {"property": "Done", "checkbox": {"equals": false}}]}',
		description: 'A Buildin filter object (a property filter, a timestamp filter, or an and/or compound), sent as is',
		displayOptions: { show: { filterType: ['json'] } },
	},
];

/** Reads a parameter with its fallback: an item's in an operation, the node's in the trigger. */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

/**
 * The filter the Filter parameters give, or undefined for none. Conditions named without a type (an expression)
 * take it from the database's schema, loaded only then.
 */
export async function filterFromParameters(read: ParameterReader, schemaOf: () => Promise<DatabaseSchema>): Promise<IDataObject | undefined> {
	const filterType = read('filterType', 'none');
	if (filterType === 'json') {
		const filter = jsonObject(
			'Filter (JSON)',
			read('filterJson', '{}'),
			'must be a JSON filter object',
			'{"property": "Status", "select": {"equals": "Doing"}}',
		);
		return Object.keys(filter).length === 0 ? undefined : filter;
	}
	if (filterType !== 'manual') return undefined;
	const inputs = (read('filters.conditions', []) as FilterConditionInput[]) ?? [];
	const keys = inputs.map((input) => parsePropertyKey(input.key));
	const schema = keys.some((key) => key.type === undefined) ? await schemaOf() : undefined;
	const filters = inputs.map((input, index) => {
		const { name, type } = schema === undefined ? (keys[index] as { name: string; type: string }) : resolveProperty(schema, input.key);
		return propertyFilter(name, type, input);
	});
	return combineFilters(filters, read('matchType', 'and') === 'or' ? 'or' : 'and');
}
