import { InvalidInputError } from './errors';

/** A URL path segment decoded, or as it is when its percent-escapes are malformed ("100%-Done"). */
export function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** An absolute http(s) URL, trimmed; anything else is refused before a request is made. */
export function requireHttpUrl(field: string, value: unknown): string {
	const text = String(value ?? '').trim();
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		throw new InvalidInputError(
			field,
			`${JSON.stringify(text)} is not an absolute http(s) URL`,
			'Use a full URL such as https://example.com/cover.png',
		);
	}
	return text;
}

/** Non-empty trimmed text. */
export function requireText(field: string, value: unknown, hint?: string): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '') throw new InvalidInputError(field, 'is empty', hint);
	return text;
}
