/**
 * What each Buildin endpoint does, in one table: whether a request that may have reached Buildin can be sent again,
 * what a successful answer must be, and the capability (scope) the integration needs for it, which a 403's advice
 * names (https://buildin.ai/developer-api/v2/getting-started/make-your-first-request; the spec's x-required-scopes). https://buildin.ai/developer-api/v2/reference/conventions documents
 * Idempotency-Key on POST /v2/pages and If-Match on PATCH /v2/pages/:id; nothing else is idempotent by contract.
 */

/**
 * - `read`: changes nothing; always safe to send again.
 * - `set`: writes whole values (PATCH of fields, PUT of the whole Markdown, DELETE to the trash, a move): the same
 *   request twice leaves the same state, unless it carries If-Match (a landed first attempt makes the repeat a false
 *   409).
 * - `create`: makes something new; sent again only under an Idempotency-Key, which makes Buildin return the first
 *   result instead of creating a second.
 * - `append`: adds blocks after the existing ones; never sent again, a repeat would add them twice.
 */
export type Effect = 'read' | 'set' | 'create' | 'append';

/**
 * The `object` a successful answer carries; `list`: a `results` array of objects; `upload_link`: a PUT `upload_url`
 * and the `oss_name` a block names the file by; `download_link`: a `file` with its `url`.
 */
export type AnswerKind = 'page' | 'database' | 'block' | 'user' | 'bot_user' | 'markdown' | 'list' | 'upload_link' | 'download_link';

interface Endpoint {
	method: string;
	path: RegExp;
	effect: Effect;
	answer?: AnswerKind;
	/** The capability the integration needs; none for GET /v2/users/me, which any token may call. */
	scope?: string;
}

const ID = '[^/]+';
const route = (method: string, path: string, effect: Effect, more: { answer?: AnswerKind; scope?: string } = {}): Endpoint => ({
	method,
	path: new RegExp(`^${path.replace(/:id/g, ID)}$`),
	effect,
	...more,
});

const ENDPOINTS: Endpoint[] = [
	route('GET', '/v2/users/me', 'read', { answer: 'bot_user' }),
	route('GET', '/v2/users/:id', 'read', { answer: 'user', scope: 'users.read' }),
	route('GET', '/v2/pages/:id', 'read', { answer: 'page', scope: 'pages.read' }),
	route('GET', '/v2/pages/:id/content/markdown', 'read', { answer: 'markdown', scope: 'pages.read and blocks.read' }),
	// A single property item, or a list of them for the paginated types.
	route('GET', '/v2/pages/:id/properties/:id', 'read', { scope: 'pages.read' }),
	route('GET', '/v2/databases/:id', 'read', { answer: 'database', scope: 'databases.read' }),
	route('GET', '/v2/blocks/:id', 'read', { answer: 'block', scope: 'blocks.read' }),
	route('GET', '/v2/blocks/:id/children', 'read', { answer: 'list', scope: 'blocks.read' }),
	route('POST', '/v2/search', 'read', { answer: 'list', scope: 'search.read' }),
	route('POST', '/v2/search/semantic', 'read', { answer: 'list', scope: 'search.read' }),
	route('POST', '/v2/databases/:id/query', 'read', { answer: 'list', scope: 'databases.read' }),
	route('POST', '/v2/pages', 'create', { answer: 'page', scope: 'pages.write' }),
	route('POST', '/v2/databases', 'create', { answer: 'database', scope: 'databases.write' }),
	// One transaction of creations and updates, with no Idempotency-Key: a repeat could create the records twice.
	route('POST', '/v2/databases/:id/mutations', 'create', { scope: 'databases.write' }),
	// Asking for an upload link writes nothing: a repeat only issues another link.
	route('POST', '/v2/files/upload-url', 'read', { answer: 'upload_link', scope: 'pages.write' }),
	route('GET', '/v2/files/download-url', 'read', { answer: 'download_link', scope: 'blocks.read' }),
	// Moving to the same place again changes nothing.
	route('PATCH', '/v2/pages/:id/move', 'set', { scope: 'pages.write' }),
	route('PATCH', '/v2/pages/:id', 'set', { answer: 'page', scope: 'pages.write' }),
	route('DELETE', '/v2/pages/:id', 'set', { answer: 'page', scope: 'pages.write' }),
	route('PUT', '/v2/pages/:id/content/markdown', 'set', { scope: 'pages.write and blocks.write' }),
	route('PATCH', '/v2/databases/:id', 'set', { answer: 'database', scope: 'databases.write' }),
	route('DELETE', '/v2/databases/:id', 'set', { answer: 'database', scope: 'databases.write' }),
	route('PATCH', '/v2/blocks/:id', 'set', { answer: 'block', scope: 'blocks.write' }),
	route('DELETE', '/v2/blocks/:id', 'set', { answer: 'block', scope: 'blocks.write' }),
	route('PATCH', '/v2/blocks/:id/children', 'append', { answer: 'list', scope: 'blocks.write' }),
];

/** An endpoint the table does not know: reads are reads; any other method is assumed to create (never repeated). */
function fallback(method: string): Endpoint {
	return { method, path: /^/, effect: method === 'GET' ? 'read' : 'create' };
}

export function endpointOf(method: string, path: string): Endpoint {
	return ENDPOINTS.find((endpoint) => endpoint.method === method && endpoint.path.test(path)) ?? fallback(method);
}

function hasHeader(headers: Record<string, string> | undefined, name: string): boolean {
	return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === name);
}

/** Whether sending this request a second time is harmless even when the first attempt did land. */
export function safeToRepeat(effect: Effect, headers: Record<string, string> | undefined): boolean {
	if (hasHeader(headers, 'if-match')) return false;
	if (effect === 'create') return hasHeader(headers, 'idempotency-key');
	return effect !== 'append';
}
