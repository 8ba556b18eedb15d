import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { blockLocator, readBlockId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		...blockLocator,
		description:
			'The block to move to the trash, with its children: its ID, or a Buildin URL with the block ID as the fragment (…/docs/PAGE_ID#BLOCK_ID)',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['block'], operation: ['delete'] } }, properties);

/** DELETE /v2/blocks/:id — a soft delete: the output is the block, now with `in_trash: true`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// A page URL without a block fragment would trash the whole page: refused, as a link copied by mistake.
	const blockId = readBlockId(this, itemIndex, 'Block', { requireFragment: true });
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'DELETE',
		path: `/v2/blocks/${blockId}`,
	});
	return response.body;
}
