import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInputError } from '../../helpers/errors';
import { normalizeId } from '../../helpers/ids';
import { requireText } from '../../helpers/validate';
import { optionsCollection } from '../../parameters/options';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
		description: 'The Buildin user ID, e.g. from a page’s created_by or a People property',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

const USER_ID_HINT = 'Use a user ID such as bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb (dashes optional)';

/** GET /v2/users/:id: a person in the workspace. `person.email` is null unless the integration has users.email.read. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const text = requireText('User ID', this.getNodeParameter('userId', itemIndex, ''), USER_ID_HINT);
	const userId = normalizeId(text);
	if (userId === undefined) throw new InvalidInputError('User ID', `${JSON.stringify(text)} is not a Buildin user ID`, USER_ID_HINT);
	const { body } = await buildinApiRequest.call(this, itemIndex, {
		method: 'GET',
		path: `/v2/users/${userId}`,
	});
	return body;
}
