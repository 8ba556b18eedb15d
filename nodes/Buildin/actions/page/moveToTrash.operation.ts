import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { withPageVersion } from '../../helpers/pageVersion';
import { simplifyPage } from '../../helpers/simplify';
import { pageLocator, readPageId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { simplified, simplifyField } from '../../parameters/results';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ ...pageLocator, description: 'The page (or database record) to move to the trash. Restore takes it back out.' },
	simplifyField,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['page'], operation: ['moveToTrash'] } }, properties);

/**
 * DELETE /v2/pages/:id, a soft delete that answers with the page, now `in_trash: true`. A server without the DELETE
 * route (it is in the docs, not in the published spec) answers 405; then the same is done with PATCH {in_trash: true}.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	const path = `/v2/pages/${pageId}`;
	const deleted = await buildinApiRequest
		.call(this, itemIndex, { method: 'DELETE', path })
		// Only a 405 is handled here; any other failure goes on as the transport's NodeApiError (the router turns
		// anything else into a NodeOperationError naming the item).
		.catch((error: unknown) => (error instanceof NodeApiError && error.httpCode === '405' ? undefined : Promise.reject(error)));
	const response =
		deleted ??
		(await buildinApiRequest.call(this, itemIndex, { method: 'PATCH', path, body: { in_trash: true } }));
	return simplified(this, itemIndex, withPageVersion(response.body, response.headers), simplifyPage);
}
