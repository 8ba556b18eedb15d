import type { IDataObject } from 'n8n-workflow';

import { buildinApiRequest, type BuildinContext, type BuildinRequest } from './index';

/** Buildin's largest page of results (fact sheet §2.1). */
export const MAX_PAGE_SIZE = 100;

/** One page of a paginated Buildin list: its results, the cursor of the next page if there is one, and the body. */
export interface ResultPage {
	results: IDataObject[];
	nextCursor?: string;
	body: IDataObject;
}

/** Fetches one page of `pageSize` results from `cursor` on: GET takes the cursor in the query string, POST in the body. */
export async function fetchPage(
	this: BuildinContext,
	itemIndex: number,
	request: BuildinRequest,
	pageSize: number,
	cursor?: string,
): Promise<ResultPage> {
	const page = { page_size: pageSize, ...(cursor === undefined ? {} : { start_cursor: cursor }) };
	const paged: BuildinRequest =
		request.method === 'GET' ? { ...request, qs: { ...request.qs, ...page } } : { ...request, body: { ...request.body, ...page } };
	const { body } = await buildinApiRequest.call(this, itemIndex, paged);
	return {
		body,
		results: Array.isArray(body.results) ? (body.results as IDataObject[]) : [],
		nextCursor: body.has_more === true && typeof body.next_cursor === 'string' ? body.next_cursor : undefined,
	};
}

/**
 * Yields the results of a paginated Buildin list one at a time, following `next_cursor`. With a limit it asks only
 * for what is still missing and stops there, so a Limit of 5 costs one small request, not a full page or more.
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
		const page = await fetchPage.call(this, itemIndex, request, Math.min(pageSize, remaining), cursor);
		for (const result of page.results.slice(0, remaining)) yield result;
		remaining -= page.results.length;
		cursor = page.nextCursor;
		if (cursor === undefined) return;
	}
}

/** All results of `paginate` as an array (the output has to hold them anyway). */
export async function collect(results: AsyncIterable<IDataObject>): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for await (const result of results) all.push(result);
	return all;
}
