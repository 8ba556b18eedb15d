import { InvalidInputError } from './errors';

/** A URL path segment decoded, or as it is when its percent-escapes are malformed ("100%-Done"). */
export function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** What a user may mean by a value that is no text: the two ways to make it text in n8n. */
const TEXT_HINT = 'Map a text field of it, e.g. {{ $json.customer.name }}, or make it text with {{ JSON.stringify($json.customer) }}';

/**
 * A text parameter's value as text. n8n hands over what an expression produced: a number or boolean is written as
 * text, a date as ISO 8601; an object or array is refused (it would be written as "[object Object]" or "a,b").
 */
export function textValue(field: string, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return String((value as { toISO: () => string }).toISO());
	}
	const kind = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
	throw new InvalidInputError(field, `is ${kind}, not text`, TEXT_HINT);
}

/** Non-empty trimmed text. */
export function requireText(field: string, value: unknown, hint?: string): string {
	const text = textValue(field, value).trim();
	if (text === '') throw new InvalidInputError(field, 'is empty', hint);
	return text;
}

// Plain decimal notation only: Number() would also read 0x1A, 0b101, 0o7, "Infinity" and " ".
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** A finite number, given as one or as decimal text ("12.5", "-3", "1e3"). */
export function decimalNumber(field: string, value: unknown, hint = 'Enter a number in decimal notation, e.g. 5 or 12.5'): number {
	const number = typeof value === 'number' ? value : DECIMAL.test(requireText(field, value, hint)) ? Number(String(value).trim()) : Number.NaN;
	if (!Number.isFinite(number)) {
		throw new InvalidInputError(field, `${typeof value === 'string' ? JSON.stringify(value) : String(value)} is not a number`, hint);
	}
	return number;
}

/** A whole number from `min` to `max`, given as one or as decimal text. */
export function wholeNumber(field: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
	const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
	const hint = `Enter a whole number ${range}`;
	const number = decimalNumber(field, value, hint);
	if (!Number.isInteger(number) || number < min || number > max) {
		throw new InvalidInputError(field, `${String(value)} is not a whole number ${range}`, hint);
	}
	return number;
}

// The scheme, two slashes and a host, as typed: the URL parser would also take http:example.com or http:\\host.
const HTTP_URL = /^https?:\/\/[^\s/\\?#@]+(?:[/?#][^\s\\]*)?$/i;

/** An absolute http(s) URL, trimmed; anything else is refused before a request is made. */
export function requireHttpUrl(field: string, value: unknown): string {
	const text = textValue(field, value).trim();
	let url: URL | undefined;
	try {
		url = HTTP_URL.test(text) ? new URL(text) : undefined;
	} catch {
		url = undefined;
	}
	if (!url || url.hostname === '') {
		throw new InvalidInputError(
			field,
			`${JSON.stringify(text)} is not an absolute http(s) URL`,
			'Use a full URL such as https://example.com/cover.png',
		);
	}
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
 * How deeply a JSON value may nest. Buildin publishes no limit; real property, filter and block JSON stays far below,
 * and much deeper input would only exhaust the stack on the way to the request.
 */
const MAX_JSON_DEPTH = 100;

/** Whether a value nests deeper than `limit` (counted without recursion, so any depth is safe to measure). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
	const stack: Array<[unknown, number]> = [[value, 1]];
	while (stack.length > 0) {
		const [current, depth] = stack.pop() as [unknown, number];
		if (current === null || typeof current !== 'object') continue;
		if (depth > limit) return true;
		for (const child of Object.values(current)) stack.push([child, depth + 1]);
	}
	return false;
}

/**
 * A JSON parameter's value: n8n hands over text, or an object or array when an expression produced one. Text is
 * parsed; blank text gives `blank` when one is given. Invalid JSON, and JSON nested deeper than MAX_JSON_DEPTH, are
 * refused naming the field.
 */
export function jsonParameter(field: string, value: unknown, blank?: unknown): unknown {
	let parsed = value;
	if (typeof value === 'string') {
		if (blank !== undefined && value.trim() === '') return blank;
		parsed = parseOrError(value);
		if (parsed instanceof SyntaxError) throw new InvalidInputError(field, `is not valid JSON: ${parsed.message}`);
	}
	if (nestsDeeperThan(parsed, MAX_JSON_DEPTH)) {
		throw new InvalidInputError(field, `nests deeper than ${MAX_JSON_DEPTH} levels`, 'Flatten the JSON; Buildin objects nest far less');
	}
	return parsed;
}
