import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { imageValue, simplifyObject } from '../helpers/simplify';
import { fetchPage } from '../transport/pagination';

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
	};
	const page = await fetchPage.call(ctx, 0, { method: 'POST', path: '/v2/search', body }, 50, paginationToken || undefined);
	const results = page.results.map((object) => {
		const simple = simplifyObject(object);
		const icon = imageValue(object.icon);
		const title = String(simple.title || 'Untitled');
		return {
			name: icon && !icon.startsWith('http') ? `${icon} ${title}` : title,
			value: String(object.id),
			url: typeof object.url === 'string' ? object.url : undefined,
		};
	});
	return { results, paginationToken: page.nextCursor };
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
