import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { imageValue, simplifyObject } from '../helpers/simplify';
import { buildinApiRequest } from '../transport';

/** One page of keyword search results for a From List mode, newest edits first. */
async function searchObjects(
	ctx: ILoadOptionsFunctions,
	objectType: 'page' | 'database',
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const body: IDataObject = {
		query: filter ?? '',
		filter: { property: 'object', value: objectType },
		sort: { timestamp: 'last_edited_time', direction: 'descending' },
		page_size: 50,
	};
	if (paginationToken) body.start_cursor = paginationToken;
	const { body: list } = await buildinApiRequest.call(ctx, 0, { method: 'POST', path: '/v2/search', body, scope: 'search.read' });
	const results = ((list.results ?? []) as IDataObject[]).map((object) => {
		const simple = simplifyObject(object);
		const icon = imageValue(object.icon);
		const title = String(simple.title || 'Untitled');
		return {
			name: icon && !icon.startsWith('http') ? `${icon} ${title}` : title,
			value: String(object.id),
			url: typeof object.url === 'string' ? object.url : undefined,
		};
	});
	return {
		results,
		paginationToken: list.has_more === true && typeof list.next_cursor === 'string' ? list.next_cursor : undefined,
	};
}

export async function searchPages(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchObjects(this, 'page', filter, paginationToken);
}

export async function searchDatabases(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchObjects(this, 'database', filter, paginationToken);
}
