import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withPageVersion } from '../../helpers/pageVersion';
import { simplifyPage } from '../../helpers/simplify';
import { databaseLocator, readDatabaseId } from '../../parameters/locators';
import { idempotencyKeyOption, optionsCollection, readIdempotencyKey } from '../../parameters/options';
import { readRecordProperties, recordPropertiesParameters } from '../../parameters/recordProperties';
import { simplified, simplifyField } from '../../parameters/results';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ ...databaseLocator, description: 'The database to add the record to; its properties are offered below' },
	...recordPropertiesParameters('Values of the new record; properties not listed stay empty'),
	simplifyField,
	optionsCollection(idempotencyKeyOption),
];

export const description = updateDisplayOptions({ show: { resource: ['database'], operation: ['createRecord'] } }, properties);

/**
 * POST /v2/pages with the database as parent, under an Idempotency-Key (one per item, the same on every retry of the
 * request, so a retry after a lost answer returns the record instead of creating a second). The properties are checked
 * against the database's schema (read once per execution) before anything is sent. The output is the new record plus
 * its version in `etag`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const databaseId = readDatabaseId(this, itemIndex);
	const properties = await readRecordProperties(this, itemIndex, databaseId);
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'POST',
		path: '/v2/pages',
		body: { parent: { database_id: databaseId }, properties },
		headers: { 'Idempotency-Key': readIdempotencyKey(this, itemIndex) },
	});
	return simplified(this, itemIndex, withPageVersion(response.body, response.headers), simplifyPage);
}
