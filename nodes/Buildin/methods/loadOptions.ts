// Options the editor loads from Buildin: the chosen database's properties (record values, filters, sorts) and the
// options of a select property, and the chosen page's properties (Get Property).
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FILTERABLE_TYPES } from '../helpers/filters';
import type { LocatorValue } from '../helpers/ids';
import { parsePropertyKey, propertyOptions, RECORD_PROPERTY_TYPES, schemaOf, selectOptionNames } from '../helpers/schema';
import { locatorId, type LocatorRead } from '../parameters/locators';
import { buildinApiRequest } from '../transport';

/**
 * The object in a locator parameter (`databaseId`, `pageId`), read from Buildin; undefined while none is chosen.
 * One given by an expression is only known when the workflow runs, and is refused with that advice.
 */
async function chosenObject(ctx: ILoadOptionsFunctions, parameter: 'databaseId' | 'pageId'): Promise<IDataObject | undefined> {
	const field = parameter === 'databaseId' ? 'Database' : 'Page';
	const read: LocatorRead = (options) => ctx.getCurrentNodeParameter(parameter, options) ?? ctx.getNodeParameter(parameter, null, options);
	const locator = read() as LocatorValue | string | undefined;
	const value = typeof locator === 'string' ? locator : locator?.value;
	// Nothing chosen yet: nothing to offer, and nothing to complain about.
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	let id: string;
	try {
		id = locatorId(field, read);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `${field}: ${JSON.stringify(String(value))} is not a Buildin ID or URL`, {
			description: `Choose the ${field.toLowerCase()} first. One given by an expression is only known when the workflow runs.`,
		});
	}
	const path = parameter === 'databaseId' ? `/v2/databases/${id}` : `/v2/pages/${id}`;
	const { body } = await buildinApiRequest.call(ctx, 0, { method: 'GET', path });
	return body;
}

/** The properties of the database in the Database parameter, as `Name (type)` → `Name|type`, of the given types. */
async function databasePropertyOptions(ctx: ILoadOptionsFunctions, types?: readonly string[]): Promise<INodePropertyOptions[]> {
	const database = await chosenObject(ctx, 'databaseId');
	return database === undefined ? [] : propertyOptions(schemaOf(database), types);
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

/**
 * The options of the select or multi-select property picked in the same Properties entry or condition (`&key`,
 * `Name|type`), sorted by name; nothing for another type or a property given by an expression.
 */
export async function getSelectOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { name, type } = parsePropertyKey(this.getCurrentNodeParameter('&key'));
	if (type !== 'select' && type !== 'multi_select') return [];
	const database = await chosenObject(this, 'databaseId');
	return database === undefined ? [] : selectOptionNames(database, name).map((option) => ({ name: option, value: option }));
}

/** The properties of the page in the Page parameter (Get Property), `Name (type)` → the property's ID, sorted by name. */
export async function getPageProperties(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const page = await chosenObject(this, 'pageId');
	const properties = (page?.properties ?? {}) as IDataObject;
	return propertyOptions(schemaOf({ properties })).map(({ name, value }) => {
		const propertyName = parsePropertyKey(value).name;
		const id = (properties[propertyName] as IDataObject | null)?.id;
		return { name, value: typeof id === 'string' && id !== '' ? id : propertyName };
	});
}
