import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pageLocator, readPageId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ ...pageLocator, description: 'The page whose body to export as Markdown' },
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['page'], operation: ['getMarkdown'] } }, properties);

/**
 * GET /v2/pages/:id/content/markdown as `{page_id, markdown, updated_time}`. The docs name the timestamp
 * `updated_time`, the spec `last_edited_time`; either fills `updated_time`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	const { body } = await buildinApiRequest.call(this, itemIndex, {
		method: 'GET',
		path: `/v2/pages/${pageId}/content/markdown`,
	});
	return {
		page_id: typeof body.page_id === 'string' ? body.page_id : pageId,
		markdown: typeof body.markdown === 'string' ? body.markdown : '',
		updated_time: body.updated_time ?? body.last_edited_time ?? null,
	};
}
