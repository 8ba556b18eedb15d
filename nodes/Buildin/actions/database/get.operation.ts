import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyDatabase } from '../../helpers/simplify';
import { databaseLocator, readDatabaseId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { simplified, simplifyField } from '../../parameters/results';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	databaseLocator,
	simplifyField,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['database'], operation: ['get'] } }, properties);

/** GET /v2/databases/:id: the database with its schema (property definitions). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const databaseId = readDatabaseId(this, itemIndex);
	const { body } = await buildinApiRequest.call(this, itemIndex, {
		method: 'GET',
		path: `/v2/databases/${databaseId}`,
	});
	return simplified(this, itemIndex, body, simplifyDatabase);
}
