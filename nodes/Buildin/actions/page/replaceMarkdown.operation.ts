import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInputError } from '../../helpers/errors';
import { textValue } from '../../helpers/validate';
import { pageLocator, readPageId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ ...pageLocator, description: 'The page whose body to replace' },
	{
		displayName: 'This replaces the whole body of the page: every block on it is removed and the Markdown below becomes its new content. Title and properties stay as they are.',
		name: 'replaceNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Markdown',
		name: 'markdown',
		type: 'string',
		typeOptions: { rows: 8 },
		default: '',
		placeholder: 'e.g. # Release Checklist\n\n- [x] Write the changelog\n- [ ] Tag the release',
		description:
			'The new body of the page, as Markdown. Replaces everything on the page; title and properties are not touched.',
	},
	optionsCollection(
		{
			displayName: 'Allow Empty Markdown',
			name: 'allowEmpty',
			type: 'boolean',
			default: false,
			description:
				'Whether an empty Markdown may be sent, which clears the page body. Off: an empty Markdown (e.g. an expression that resolved to nothing) is refused and nothing is sent.',
		},
	),
];

export const description = updateDisplayOptions({ show: { resource: ['page'], operation: ['replaceMarkdown'] } }, properties);

/**
 * PUT /v2/pages/:id/content/markdown {markdown}: the page body becomes the Markdown. An empty Markdown would wipe
 * the page, so it is sent only with Options → Allow Empty Markdown. Output `{page_id, updated_time}`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	const raw = this.getNodeParameter('markdown', itemIndex, '');
	const markdown = textValue('Markdown', raw);
	if (markdown.trim() === '' && this.getNodeParameter('options.allowEmpty', itemIndex, false) !== true) {
		throw new InvalidInputError(
			'Markdown',
			'is empty, and sending it would delete the whole page body',
			'Write the new body in Markdown, or turn on Options → Allow Empty Markdown to clear the page on purpose',
		);
	}
	const { body } = await buildinApiRequest.call(this, itemIndex, {
		method: 'PUT',
		path: `/v2/pages/${pageId}/content/markdown`,
		body: { markdown },
	});
	return {
		page_id: typeof body.id === 'string' ? body.id : typeof body.page_id === 'string' ? body.page_id : pageId,
		updated_time: body.updated_time ?? body.last_edited_time ?? null,
	};
}
