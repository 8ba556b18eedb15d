import type { IDataObject } from 'n8n-workflow';

import { listProblem } from './answers';
import { unexpectedAnswerError } from './errors';
import { buildinApiRequest, type BuildinContext, type BuildinRequest, type BuildinResponse } from './index';

/** Buildin's largest page of results (https://buildin.ai/developer-api/v2/reference/conventions). */
export const MAX_PAGE_SIZE = 100;

/** One page of a paginated Buildin list: its results, the cursor of the next page if there is one, and the body. */
export interface ResultPage {
	results: IDataObject[];
	nextCursor?: string;
	body: IDataObject;
}

/** A list answer as a page of results, or the error saying it is not the list Buildin documents. */
export function listPage(ctx: BuildinContext, itemIndex: number, request: BuildinRequest, response: BuildinResponse): ResultPage {
	const { body } = response;
	const problem = listProblem(body);
	if (problem !== undefined) {
		throw unexpectedAnswerError(
			ctx.getNode(),
			{ method: request.method, path: request.path, statusCode: response.statusCode, problem, body },
			itemIndex,
		);
	}
	return {
		body,
		results: body.results as IDataObject[],
		nextCursor: body.has_more === true ? (body.next_cursor as string) : undefined,
	};
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
	return listPage(this, itemIndex, request, await buildinApiRequest.call(this, itemIndex, paged));
}

/**
 * The pages of one list, following `next_cursor` from `first` (or from the start), each asking for `pageSize()`
 * results. A cursor the list already gave ends it with an error: a server repeating itself would otherwise be paged
 * forever.
 */
export async function* pagesOf(
	this: BuildinContext,
	itemIndex: number,
	request: BuildinRequest,
	pageSize: () => number,
	first?: ResultPage,
): AsyncGenerator<ResultPage> {
	const seen = new Set<string>();
	let page = first ?? (await fetchPage.call(this, itemIndex, request, pageSize()));
	for (;;) {
		yield page;
		const cursor = page.nextCursor;
		if (cursor === undefined) return;
		if (seen.has(cursor)) {
			throw unexpectedAnswerError(
				this.getNode(),
				{
					method: request.method,
					path: request.path,
					statusCode: 200,
					problem: `the cursor ${JSON.stringify(cursor)} it had already given for this list`,
					body: page.body,
				},
				itemIndex,
			);
		}
		seen.add(cursor);
		page = await fetchPage.call(this, itemIndex, request, pageSize(), cursor);
	}
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
	if (remaining <= 0) return;
	for await (const page of pagesOf.call(this, itemIndex, request, () => Math.min(pageSize, remaining))) {
		for (const result of page.results.slice(0, remaining)) yield result;
		remaining -= page.results.length;
		if (remaining <= 0) return;
	}
}

/** All results of `paginate` as an array (the output has to hold them anyway). */
export async function collect(results: AsyncIterable<IDataObject>): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for await (const result of results) all.push(result);
	return all;
}
