import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInputError } from '../../helpers/errors';
import { ifMatchHeader } from '../../helpers/headers';
import { withPageVersion } from '../../helpers/pageVersion';
import { simplifyPage } from '../../helpers/simplify';
import { imageParameters, readCover, readIcon } from '../../parameters/images';
import { pageLocator, readPageId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { propertiesParameters, readProperties, titleParameter, titlePropertyOption } from '../../parameters/pageProperties';
import { simplified, simplifyField } from '../../parameters/results';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	pageLocator,
	titleParameter(
		'New title of the page, as plain text. Leave empty to keep the current title. Text longer than 2000 characters is split into several rich-text items.',
	),
	...propertiesParameters('to change', 'Properties to change; properties not listed keep their values'),
	...imageParameters('update'),
	{
		displayName: 'Trash',
		name: 'trash',
		type: 'options',
		options: [
			{ name: 'Leave Unchanged', value: 'unchanged', description: 'Do not move the page' },
			{ name: 'Move to Trash', value: 'trash', description: 'Move the page to the trash' },
			{ name: 'Restore', value: 'restore', description: 'Take the page out of the trash' },
		],
		default: 'unchanged',
	},
	{
		displayName: 'If-Match',
		name: 'ifMatch',
		type: 'string',
		default: '',
		placeholder: 'e.g. W/"2026-04-09T09:30:00.000Z"',
		hint: 'Keeps edits made since you read the page: the update is refused (409) if the page changed in between',
		description:
			'The page version the update is meant for: the etag field of a Get Page output. Buildin applies the update only if the page is still at this version, and answers 409 if it changed since. Leave empty to update unconditionally.',
	},
	simplifyField,
	optionsCollection(titlePropertyOption),
];

export const description = updateDisplayOptions({ show: { resource: ['page'], operation: ['update'] } }, properties);

const TRASH_VALUES: Record<string, boolean | undefined> = { unchanged: undefined, trash: true, restore: false };

/**
 * PATCH /v2/pages/:id with only what the user set, so a partial update never clears what it did not mention.
 * The output is the updated page and, in `etag`, its new version.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	const body: IDataObject = {};
	const properties = readProperties(this, itemIndex);
	if (Object.keys(properties).length > 0) body.properties = properties;
	const icon = readIcon(this, itemIndex);
	if (icon !== undefined) body.icon = icon;
	const cover = readCover(this, itemIndex);
	if (cover !== undefined) body.cover = cover;
	const inTrash = TRASH_VALUES[this.getNodeParameter('trash', itemIndex) as string];
	if (inTrash !== undefined) body.in_trash = inTrash;
	if (Object.keys(body).length === 0) {
		throw new InvalidInputError(
			'Update',
			'there is nothing to change',
			'Set a Title, a property, the Icon, the Cover or Trash; an empty update is not sent',
		);
	}
	const ifMatch = ifMatchHeader(this.getNodeParameter('ifMatch', itemIndex, ''));
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'PATCH',
		path: `/v2/pages/${pageId}`,
		body,
		headers: ifMatch === '' ? undefined : { 'If-Match': ifMatch },
	});
	const page = withPageVersion(response.body, response.headers);
	return simplified(this, itemIndex, page, simplifyPage);
}
