import type { IDataObject } from 'n8n-workflow';

/** Longest text Buildin is known to accept in one rich-text item (the limit is not documented; 2000 is safe). */
export const RICH_TEXT_ITEM_MAX_LENGTH = 2000;

/** Splits text into chunks of at most `max` UTF-16 units without cutting a surrogate pair (an emoji) in half. */
export function splitText(text: string, max = RICH_TEXT_ITEM_MAX_LENGTH): string[] {
	const chunks: string[] = [];
	let start = 0;
	while (start < text.length) {
		let end = Math.min(start + max, text.length);
		const last = text.charCodeAt(end - 1);
		if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - 1 > start ? -1 : 1;
		chunks.push(text.slice(start, end));
		start = end;
	}
	return chunks;
}

/** Plain text as a rich-text array: one text item per chunk, so long text is never rejected. */
export function toRichText(text: string): IDataObject[] {
	return splitText(text).map((content) => ({ type: 'text', text: { content } }));
}
