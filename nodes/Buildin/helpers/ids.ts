import { InvalidInputError } from './errors';

// The one definition of what a Buildin ID and a Buildin URL look like. The editor's locator modes check with these
// patterns and n8n extracts the ID with them (extractValue, parameters/locators.ts); the node reads an ID or a URL
// given any other way (an ID field, an expression, a list) with the same patterns.
const UUID = '[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}';
// What may stand before an id in its URL segment or fragment: nothing, or a slug ending in a character that is not
// hex ("Release-Checklist-<id>", "#block-<id>").
const SLUG = '(?:[^\\s/?#]*[^0-9a-fA-F\\s/?#])?';

/** An id: 36 characters with dashes, or the same 32 hex characters without; spaces around it do not count. */
export const ID_PATTERN = '^\\s*(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})\\s*$';

/** URLs, each with one group: the id it points at. */
export const URL_PATTERNS = {
	/**
	 * A page or database URL: the id at the end of the path, then an optional slash, query and fragment. The path
	 * is matched as short as it can be, so an id inside the query or fragment is not taken for the page's.
	 */
	object: `^https?://\\S*?/${SLUG}(${UUID})/?(?:[?#]\\S*)?$`,
	/** A block URL: the block id as the fragment (`…/docs/<page>#<block>`); without one, the page id. */
	block: `^https?://\\S*[/#]${SLUG}(${UUID})/?(?:\\?[^\\s#]*)?(?:#\\S*)?$`,
};

export const ID_FORMS_HINT =
	'Use a Buildin ID (11111111-1111-4111-8111-111111111111 or the same 32 hex characters without dashes) ' +
	'or a Buildin URL such as https://buildin.ai/docs/11111111111141118111111111111111';

/** The dashed lower-case form of a UUID given dashed or as 32 hex characters; undefined if it is neither. */
export function normalizeId(value: string): string | undefined {
	if (!new RegExp(ID_PATTERN).test(value)) return undefined;
	const h = value.trim().replace(/-/g, '').toLowerCase();
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The id a URL pattern's group holds in `value` (the scheme in any case, spaces around ignored), dashed. */
export function idInUrl(pattern: string, value: string): string | undefined {
	const match = new RegExp(pattern, 'i').exec(value.trim());
	return match ? normalizeId(match[1].replace(/-/g, '')) : undefined;
}

/** The id a Buildin web URL points at (`/docs/<id>`, with a title slug, trailing slash, query or fragment). */
export function idFromUrl(value: string): string | undefined {
	return idInUrl(URL_PATTERNS.object, value);
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
