import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sortEntry, type SortInput } from '../../helpers/filters';
import { simplifyPage } from '../../helpers/simplify';
import { filterFromParameters, filterParameters } from '../../parameters/filter';
import { databaseLocator, readDatabaseId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { resultLimit, returnAllFields, simplified, simplifyField } from '../../parameters/results';
import { databaseSchema } from '../../requests/databaseSchema';
import { collect, paginate } from '../../transport/pagination';

const properties: INodeProperties[] = [
	databaseLocator,
	...returnAllFields,
	...filterParameters,
	simplifyField,
	optionsCollection(),
	// n8n puts sorting in a collection of its own, below Options.
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Sort',
		default: {},
		description: 'The order of the records; the first sort decides first',
		options: [
			{
				displayName: 'Sort',
				name: 'sortValue',
				values: [
					{
						displayName: 'Sort By',
						name: 'sortBy',
						type: 'options',
						options: [
							{ name: 'Created Time', value: 'created_time', description: 'When the record was created' },
							{ name: 'Last Edited Time', value: 'last_edited_time', description: 'When the record was last changed' },
							{ name: 'Property', value: 'property', description: 'A property of the database' },
						],
						default: 'property',
					},
					{
						displayName: 'Property Name or ID',
						name: 'key',
						type: 'options',
						description:
							'The property to sort by; an expression gives its name, e.g. Due. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						typeOptions: { loadOptionsMethod: 'getAllProperties', loadOptionsDependsOn: ['databaseId.value'] },
						default: '',
						displayOptions: { show: { sortBy: ['property'] } },
					},
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						options: [
							{ name: 'Ascending', value: 'ascending' },
							{ name: 'Descending', value: 'descending' },
						],
						default: 'ascending',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['database'], operation: ['query'] } }, properties);

/**
 * POST /v2/databases/:id/query, following the cursor until Limit (asking only for what is missing) or, with
 * Return All, the last page. Each record is one output item.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const databaseId = readDatabaseId(this, itemIndex);
	const body: IDataObject = {};
	const filter = await filterFromParameters(
		(name, fallback) => this.getNodeParameter(name, itemIndex, fallback),
		async () => await databaseSchema(this, itemIndex, databaseId),
	);
	if (filter !== undefined) body.filter = filter;
	const sorts = ((this.getNodeParameter('sort.sortValue', itemIndex, []) as SortInput[]) ?? []).map(sortEntry);
	if (sorts.length > 0) body.sorts = sorts;
	const records = await collect(
		paginate.call(
			this,
			itemIndex,
			{ method: 'POST', path: `/v2/databases/${databaseId}/query`, body },
			resultLimit(this, itemIndex),
		),
	);
	return records.map((record) => simplified(this, itemIndex, record, simplifyPage));
}
