import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withPageVersion } from '../../helpers/pageVersion';
import { simplifyPage } from '../../helpers/simplify';
import { pageLocator, readPageId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { simplified, simplifyField } from '../../parameters/results';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		...pageLocator,
		// Trashed pages may not show up in the From List search, so the ID is the usual way in.
		default: { mode: 'id', value: '' },
		description: 'The trashed page (or database record) to take out of the trash, e.g. the id from a Move to Trash output',
	},
	simplifyField,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['page'], operation: ['restore'] } }, properties);

/** PATCH /v2/pages/:id {in_trash: false}: the page back where it was, with its new version in `etag`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'PATCH',
		path: `/v2/pages/${pageId}`,
		body: { in_trash: false },
	});
	return simplified(this, itemIndex, withPageVersion(response.body, response.headers), simplifyPage);
}
