import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInputError } from '../../helpers/errors';
import { simplifyObject } from '../../helpers/simplify';
import { textValue } from '../../helpers/validate';
import { optionsCollection } from '../../parameters/options';
import { resultLimit, returnAllFields, simplifyField } from '../../parameters/results';
import { collect, paginate } from '../../transport/pagination';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. release checklist',
		description: 'Words to look for in titles and content. Leave empty to list everything the integration can see.',
	},
	{
		displayName: 'Object Type',
		name: 'objectType',
		type: 'options',
		options: [
			{ name: 'Any', value: 'any', description: 'Pages, databases, folders and mind maps' },
			{ name: 'Database', value: 'database' },
			{ name: 'Folder', value: 'folder' },
			{ name: 'Mind Map', value: 'mind_map' },
			{ name: 'Page', value: 'page' },
		],
		default: 'any',
		description: 'Return only objects of this type',
	},
	...returnAllFields,
	simplifyField,
	optionsCollection(),
	// n8n puts sorting in a collection of its own, below Options. Buildin sorts a search by one timestamp.
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'fixedCollection',
		placeholder: 'Add Sort',
		default: {},
		description: 'The order of the results. Without one: last edited first.',
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
							{ name: 'Created Time', value: 'created_time' },
							{ name: 'Last Edited Time', value: 'last_edited_time' },
						],
						default: 'last_edited_time',
						description: 'Which timestamp orders the results',
					},
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						options: [
							{ name: 'Ascending', value: 'ascending', description: 'Oldest first' },
							{ name: 'Descending', value: 'descending', description: 'Newest first' },
						],
						default: 'descending',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['search'], operation: ['search'] } }, properties);

const OBJECT_TYPES = ['page', 'database', 'folder', 'mind_map'];
const SORT_TIMESTAMPS = ['created_time', 'last_edited_time'];
const SORT_DIRECTIONS = ['ascending', 'descending'];

function choice(field: string, value: unknown, allowed: string[]): string {
	if (typeof value !== 'string' || !allowed.includes(value)) {
		throw new InvalidInputError(field, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
	}
	return value;
}

/**
 * POST /v2/search, following the cursor until Limit (each request asking only for what is still missing) or the end
 * with Return All. One output item per page, database, folder or mind map; Simplify gives the Simplify shape (with
 * `page_type` for page-like objects, so folders and mind maps stay recognisable).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body: IDataObject = {};
	const query = textValue('Query', this.getNodeParameter('query', itemIndex, '')).trim();
	if (query !== '') body.query = query;
	const objectType = this.getNodeParameter('objectType', itemIndex, 'any');
	if (objectType !== 'any') body.filter = { property: 'object', value: choice('Object Type', objectType, OBJECT_TYPES) };
	const sort = (this.getNodeParameter('sort.sortValue', itemIndex, {}) ?? {}) as { sortBy?: unknown; direction?: unknown };
	body.sort = {
		timestamp: choice('Sort By', sort.sortBy ?? 'last_edited_time', SORT_TIMESTAMPS),
		direction: choice('Direction', sort.direction ?? 'descending', SORT_DIRECTIONS),
	};
	const limit = resultLimit(this, itemIndex);
	const results = await collect(
		paginate.call(this, itemIndex, { method: 'POST', path: '/v2/search', body }, limit),
	);
	if (this.getNodeParameter('simplify', itemIndex, true) !== true) return results;
	return results.map((object) => {
		const simple = simplifyObject(object);
		return object.object === 'page' ? { ...simple, page_type: object.page_type ?? 'page' } : simple;
	});
}
