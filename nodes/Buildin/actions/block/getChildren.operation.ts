import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { walkBlocks, type ChildrenPages } from '../../helpers/blocks';
import { wholeNumber } from '../../helpers/validate';
import { blockLocator, readBlockId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { resultLimit, returnAllFields } from '../../parameters/results';
import { collect, pagesOf, paginate } from '../../transport/pagination';

const properties: INodeProperties[] = [
	{
		...blockLocator,
		description:
			'The page or block whose children to list: an ID, or a Buildin URL (a page URL lists the page’s content; with a block ID as the fragment, …/docs/PAGE_ID#BLOCK_ID, that block’s children)',
	},
	...returnAllFields.map((field) =>
		field.name === 'limit' ? { ...field, description: 'Max number of blocks to return, nested ones included' } : field,
	),
	{
		displayName: 'Recursive',
		name: 'recursive',
		type: 'boolean',
		default: false,
		description:
			'Whether to also list the children of every child that has some, depth first, in document order. Each block then gets parent_id and depth (1 for direct children). Sub-pages and inline databases are not entered.',
	},
	{
		displayName: 'Max Depth',
		name: 'maxDepth',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description: 'How many levels to list: 1 is the direct children only, 2 adds their children, and so on',
		displayOptions: { show: { recursive: [true] } },
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['block'], operation: ['getChildren'] } }, properties);

/**
 * GET /v2/blocks/:id/children, following the cursor until Limit (or the end with Return All). One output item per
 * block. Recursive lists nested blocks too, each request asking only for what is still missing.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const blockId = readBlockId(this, itemIndex, 'Block');
	const limit = resultLimit(this, itemIndex);
	const children = (parentId: string) => ({ method: 'GET' as const, path: `/v2/blocks/${parentId}/children` });
	if (this.getNodeParameter('recursive', itemIndex, false) !== true) {
		return await collect(paginate.call(this, itemIndex, children(blockId), limit));
	}
	const maxDepth = wholeNumber('Max Depth', this.getNodeParameter('maxDepth', itemIndex, 10), 1);
	const childrenPages: ChildrenPages = (parentId, pageSize) => pagesOf.call(this, itemIndex, children(parentId), pageSize);
	return await collect(walkBlocks(childrenPages, blockId, { maxDepth, limit }));
}
