import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { blockLocator, readBlockId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		...blockLocator,
		description:
			'The block to get: its ID, or a Buildin URL with the block ID as the fragment (…/docs/PAGE_ID#BLOCK_ID). A page ID or a URL without a fragment gets the page as a block.',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['block'], operation: ['get'] } }, properties);

/** GET /v2/blocks/:id — one block with its type-specific content (not its children). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const blockId = readBlockId(this, itemIndex, 'Block');
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'GET',
		path: `/v2/blocks/${blockId}`,
	});
	return response.body;
}
