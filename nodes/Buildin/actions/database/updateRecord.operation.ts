import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInputError } from '../../helpers/errors';
import { withPageVersion } from '../../helpers/pageVersion';
import { simplifyPage } from '../../helpers/simplify';
import { databaseLocator, readDatabaseId, readLocatorId, recordLocator } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { readRecordProperties, recordPropertiesParameters } from '../../parameters/recordProperties';
import { simplified, simplifyField } from '../../parameters/results';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ ...databaseLocator, description: 'The database the record belongs to; its properties are offered below' },
	recordLocator,
	...recordPropertiesParameters('Properties to change; properties not listed keep their values'),
	simplifyField,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['database'], operation: ['updateRecord'] } }, properties);

/**
 * PATCH /v2/pages/:id with only the listed properties, checked against the database's schema (read once per
 * execution) before anything is sent. The output is the updated record plus its new version in `etag`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const databaseId = readDatabaseId(this, itemIndex);
	const recordId = readLocatorId(this, itemIndex, 'recordId', 'Record');
	const properties = await readRecordProperties(this, itemIndex, databaseId);
	if (Object.keys(properties).length === 0) {
		throw new InvalidInputError('Properties', 'there is nothing to change', 'Add at least one property; an empty update is not sent');
	}
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'PATCH',
		path: `/v2/pages/${recordId}`,
		body: { properties },
	});
	return simplified(this, itemIndex, withPageVersion(response.body, response.headers), simplifyPage);
}
