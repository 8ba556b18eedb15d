import type { IDataObject } from 'n8n-workflow';

/**
 * The page version to send back as If-Match: the response's ETag header, or, where a server sends none, the weak
 * ETag Buildin documents, `W/"<last_edited_time>"`.
 */
export function pageVersion(headers: IDataObject, page: IDataObject): string | undefined {
	const etag = headers.etag ?? headers.ETag;
	if (typeof etag === 'string' && etag !== '') return etag;
	return typeof page.last_edited_time === 'string' ? `W/"${page.last_edited_time}"` : undefined;
}

/** The page as the node outputs it: the API object plus its version in `etag`, ready for a later If-Match. */
export function withPageVersion(page: IDataObject, headers: IDataObject): IDataObject {
	return { ...page, etag: pageVersion(headers, page) ?? null };
}
