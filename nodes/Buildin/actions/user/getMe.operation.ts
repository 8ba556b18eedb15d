import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../parameters/options';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getMe'] } }, properties);

/** GET /v2/users/me: the integration (bot user) the token belongs to, its workspace and its capabilities. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body } = await buildinApiRequest.call(this, itemIndex, { method: 'GET', path: '/v2/users/me' });
	return body;
}
