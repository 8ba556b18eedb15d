import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withPageVersion } from '../../helpers/pageVersion';
import { simplifyPage } from '../../helpers/simplify';
import { pageLocator, readPageId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { simplified, simplifyField } from '../../parameters/results';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	pageLocator,
	simplifyField,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['page'], operation: ['get'] } }, properties);

/**
 * GET /v2/pages/:id: the page with its properties and, in `etag`, the version to send as If-Match; with Simplify,
 * the same in the Simplify shape (etag included).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'GET',
		path: `/v2/pages/${pageId}`,
	});
	const page = withPageVersion(response.body, response.headers);
	return simplified(this, itemIndex, page, simplifyPage);
}
