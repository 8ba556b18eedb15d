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

/** JSON text parsed, or the SyntaxError that says what is wrong with it (JSON.parse never yields an Error itself). */
function parseOrError(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		return error;
	}
}

/**
 * A JSON parameter's value: n8n hands over text, or an object or array when an expression produced one. Text is
 * parsed; blank text gives `blank` when one is given. Invalid JSON is refused naming the field.
 */
export function jsonParameter(field: string, value: unknown, blank?: unknown): unknown {
	if (typeof value !== 'string') return value;
	if (blank !== undefined && value.trim() === '') return blank;
	const parsed = parseOrError(value);
	if (parsed instanceof SyntaxError) throw new InvalidInputError(field, `is not valid JSON: ${parsed.message}`);
	return parsed;
}
