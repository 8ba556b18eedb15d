import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { wholeNumber } from '../helpers/validate';

/** Limit, in n8n's wording and with n8n's default; `readLimit` reads it. */
export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
};

/** Return All plus Limit, for list operations; `resultLimit` reads them. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{ ...limitField, displayOptions: { show: { returnAll: [false] } } },
];

/** The Limit parameter: a whole number from 1. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	return wholeNumber('Limit', ctx.getNodeParameter('limit', itemIndex, limitField.default), 1);
}

/** How many results a list operation may return: Limit, or no bound with Return All. */
export function resultLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	return ctx.getNodeParameter('returnAll', itemIndex, false) === true ? Number.POSITIVE_INFINITY : readLimit(ctx, itemIndex);
}

/**
 * Simplify, in n8n's wording and with n8n's default (on), on every operation whose output is a page, a database
 * record or a database: plain values keyed by property name instead of the API object. The shapes are in the
 * README's Simplify section; `simplified` applies them.
 */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** An operation's output object in its Simplify shape when Simplify is on (its default), otherwise as it is. */
export function simplified(ctx: IExecuteFunctions, itemIndex: number, object: IDataObject, shape: (object: IDataObject) => IDataObject): IDataObject {
	return ctx.getNodeParameter('simplify', itemIndex, true) === true ? shape(object) : object;
}
