import type { IDataObject } from 'n8n-workflow';

import { buildinApiRequest, type BuildinContext, type BuildinRequest } from './index';

/** Buildin's largest page of results (fact sheet §2.1). */
export const MAX_PAGE_SIZE = 100;

/**
 * Yields the results of a paginated Buildin list one at a time, following `next_cursor`. With a limit it asks only
 * for what is still missing and stops there, so a Limit of 5 costs one small request, not a full page or more.
 * GET endpoints take the cursor in the query string, POST endpoints in the body.
 */
export async function* paginate(
	this: BuildinContext,
	itemIndex: number,
	request: BuildinRequest,
	limit = Number.POSITIVE_INFINITY,
	pageSize = MAX_PAGE_SIZE,
): AsyncGenerator<IDataObject> {
	let remaining = limit;
	let cursor: string | undefined;
	while (remaining > 0) {
		const page = { page_size: Math.min(pageSize, remaining), ...(cursor === undefined ? {} : { start_cursor: cursor }) };
		const paged: BuildinRequest =
			request.method === 'GET' ? { ...request, qs: { ...request.qs, ...page } } : { ...request, body: { ...request.body, ...page } };
		const { body } = await buildinApiRequest.call(this, itemIndex, paged);
		const results = Array.isArray(body.results) ? (body.results as IDataObject[]) : [];
		for (const result of results.slice(0, remaining)) yield result;
		remaining -= results.length;
		cursor = body.has_more === true && typeof body.next_cursor === 'string' ? body.next_cursor : undefined;
		if (cursor === undefined) return;
	}
}

/** All results of `paginate` as an array (the output has to hold them anyway). */
export async function collect(results: AsyncIterable<IDataObject>): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for await (const result of results) all.push(result);
	return all;
}
