import { InvalidInputError } from './errors';
import { decodeSegment } from './validate';

const DASHED_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPACT_UUID = /^[0-9a-f]{32}$/i;
// An id at the end of a URL path segment, after an optional title slug ("Release-Checklist-<id>").
const TRAILING_ID = /(?:^|[^0-9a-f])([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})$/i;

export const ID_FORMS_HINT =
	'Use a Buildin ID (11111111-1111-4111-8111-111111111111 or the same 32 hex characters without dashes) ' +
	'or a Buildin URL such as https://buildin.ai/docs/11111111111141118111111111111111';

function toDashed(hex32: string): string {
	const h = hex32.toLowerCase();
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The dashed lower-case form of a UUID given dashed or as 32 hex characters; undefined if it is neither. */
export function normalizeId(value: string): string | undefined {
	const trimmed = value.trim();
	if (DASHED_UUID.test(trimmed)) return trimmed.toLowerCase();
	if (COMPACT_UUID.test(trimmed)) return toDashed(trimmed);
	return undefined;
}

/** The id a Buildin web URL points at (`/docs/<id>`, with a title slug, trailing slash, query or fragment). */
export function idFromUrl(value: string): string | undefined {
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return undefined;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
	const segments = url.pathname.split('/').filter((segment) => segment !== '');
	const last = segments.pop();
	const match = last ? TRAILING_ID.exec(decodeSegment(last)) : null;
	return match ? normalizeId(match[1].replace(/-/g, '')) : undefined;
}

/** Accepts what users paste into an ID field: an id, or a URL ending in one. */
export function idFromIdOrUrl(value: string): string | undefined {
	return normalizeId(value) ?? idFromUrl(value);
}

/** A resource locator parameter's value as n8n hands it to a node. */
export interface LocatorValue {
	mode?: string;
	value?: unknown;
}

/** Resolves a resource locator (mode `id`, `url` or `list`) to a dashed id, or throws naming the field. */
export function resourceIdFromLocator(field: string, locator: LocatorValue | string): string {
	const { mode, value } = typeof locator === 'string' ? { mode: 'id', value: locator } : locator;
	const text = typeof value === 'string' ? value : '';
	const id = mode === 'url' ? idFromUrl(text) : idFromIdOrUrl(text);
	if (id === undefined) {
		const shown = text.trim() === '' ? 'an empty value' : JSON.stringify(text);
		throw new InvalidInputError(field, `${shown} is not a Buildin ID or URL`, ID_FORMS_HINT);
	}
	return id;
}

/** Splits a comma- or newline-separated list of ids or URLs (or an array from an expression) into dashed ids. */
export function idList(field: string, value: unknown): string[] {
	return listValue(value).map((entry) => {
		const id = idFromIdOrUrl(entry);
		if (id === undefined) {
			throw new InvalidInputError(field, `${JSON.stringify(entry)} is not a Buildin ID or URL`, ID_FORMS_HINT);
		}
		return id;
	});
}

/** A comma- or newline-separated string, or an array from an expression, as trimmed non-empty strings. */
export function listValue(value: unknown): string[] {
	const entries = Array.isArray(value) ? value.map((entry) => String(entry)) : String(value ?? '').split(/[,\n]/);
	return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}
