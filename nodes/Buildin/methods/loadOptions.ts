// Options the editor loads from Buildin: the chosen database's properties, for record values, filters and sorts.
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FILTERABLE_TYPES } from '../helpers/filters';
import { resourceIdFromLocator, type LocatorValue } from '../helpers/ids';
import { propertyOptions, RECORD_PROPERTY_TYPES, schemaOf } from '../helpers/schema';
import { buildinApiRequest } from '../transport';

function databaseIdOrUndefined(locator: LocatorValue | string): string | undefined {
	try {
		return resourceIdFromLocator('Database', locator);
	} catch {
		return undefined;
	}
}

/** The properties of the database in the Database parameter, as `Name (type)` → `Name|type`, of the given types. */
async function databasePropertyOptions(ctx: ILoadOptionsFunctions, types?: readonly string[]): Promise<INodePropertyOptions[]> {
	const locator = (ctx.getCurrentNodeParameter('databaseId') ?? ctx.getNodeParameter('databaseId', null)) as
		| LocatorValue
		| string
		| undefined;
	const value = typeof locator === 'string' ? locator : locator?.value;
	// No database chosen yet: nothing to offer, and nothing to complain about.
	if (value === undefined || value === null || String(value).trim() === '') return [];
	const databaseId = databaseIdOrUndefined(locator ?? '');
	if (databaseId === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Database: ${JSON.stringify(String(value))} is not a Buildin ID or URL`, {
			description: 'Choose the database first. One given by an expression is only known when the workflow runs.',
		});
	}
	const { body } = await buildinApiRequest.call(ctx, 0, {
		method: 'GET',
		path: `/v2/databases/${databaseId}`,
		scope: 'databases.read',
	});
	return propertyOptions(schemaOf(body), types);
}

/** Properties a record value can be written for (Create / Update Record): the title and the writable types. */
export async function getDatabaseProperties(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await databasePropertyOptions(this, RECORD_PROPERTY_TYPES);
}

/** Properties a query can filter on (Query → Conditions). */
export async function getFilterProperties(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await databasePropertyOptions(this, FILTERABLE_TYPES);
}

/** Every property of the database (Query → Sort, Update → Remove Property). */
export async function getAllProperties(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await databasePropertyOptions(this);
}
