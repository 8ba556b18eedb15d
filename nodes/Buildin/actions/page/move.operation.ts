import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInputError } from '../../helpers/errors';
import { ID_FORMS_HINT, idFromIdOrUrl } from '../../helpers/ids';
import { textValue } from '../../helpers/validate';
import { pageLocator, readPageId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { parentParameters, readParent } from '../../parameters/parent';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		...pageLocator,
		description: 'The page to move; a folder, mind map or database can be given by URL or ID too',
	},
	...parentParameters({
		parent: 'Where the page goes',
		database: 'Move the page into a database, where it becomes a record',
		page: 'Move the page under another page',
		workspace: 'Make it a top-level page of the workspace',
		parentPage: 'The page to move it under',
		parentDatabase: 'The database to move the page into',
	}),
	{
		displayName: 'Position',
		name: 'position',
		type: 'options',
		options: [
			{ name: 'After Sibling', value: 'after', description: 'Right after a given page under the new parent' },
			{ name: 'Before Sibling', value: 'before', description: 'Right before a given page under the new parent' },
			{ name: 'Default', value: 'default', description: 'Where Buildin puts it (no position is sent)' },
		],
		default: 'default',
		description: 'Where the page goes among the new parent’s pages',
	},
	{
		displayName: 'Sibling',
		name: 'siblingId',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://buildin.ai/docs/55555555555545558555555555555555',
		description: 'ID or URL of the page (or database) under the new parent that the moved page goes next to',
		displayOptions: { show: { position: ['after', 'before'] } },
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['page'], operation: ['move'] } }, properties);

function readSibling(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const position = ctx.getNodeParameter('position', itemIndex, 'default') as string;
	if (position === 'default') return {};
	if (position !== 'after' && position !== 'before') {
		throw new InvalidInputError('Position', `${JSON.stringify(position)} is not one of After Sibling, Before Sibling, Default`);
	}
	const text = textValue('Sibling', ctx.getNodeParameter('siblingId', itemIndex, ''));
	const id = idFromIdOrUrl(text);
	if (id === undefined) {
		throw new InvalidInputError('Sibling', `${text.trim() === '' ? 'an empty value' : JSON.stringify(text)} is not a Buildin ID or URL`, ID_FORMS_HINT);
	}
	return { [position]: id };
}

/**
 * PATCH /v2/pages/:id/move with the new parent (`{type, page_id}`, `{type, database_id}` or the workspace root) and
 * an optional `after` / `before`. The endpoint is in Buildin's OpenAPI document only, without a doc page (README).
 * Output: Buildin's answer (the object's id, type, new parent and position).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	const parent = readParent(this, itemIndex);
	const sibling = readSibling(this, itemIndex);
	const parentBody = parent === undefined ? { type: 'workspace', workspace: true } : { type: Object.keys(parent)[0], ...parent };
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'PATCH',
		path: `/v2/pages/${pageId}/move`,
		body: { parent: parentBody, ...sibling },
	});
	return response.body;
}
