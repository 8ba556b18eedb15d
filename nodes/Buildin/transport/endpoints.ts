/**
 * What each Buildin endpoint does, in one table: whether a request that may have reached Buildin can be sent again,
 * and what a successful answer must be. https://buildin.ai/developer-api/v2/reference/conventions documents
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
}

const ID = '[^/]+';
const route = (method: string, path: string, effect: Effect, answer?: AnswerKind): Endpoint => ({
	method,
	path: new RegExp(`^${path.replace(/:id/g, ID)}$`),
	effect,
	answer,
});

const ENDPOINTS: Endpoint[] = [
	route('GET', '/v2/users/me', 'read', 'bot_user'),
	route('GET', '/v2/users/:id', 'read', 'user'),
	route('GET', '/v2/pages/:id', 'read', 'page'),
	route('GET', '/v2/pages/:id/content/markdown', 'read', 'markdown'),
	// A single property item, or a list of them for the paginated types.
	route('GET', '/v2/pages/:id/properties/:id', 'read'),
	route('GET', '/v2/databases/:id', 'read', 'database'),
	route('GET', '/v2/blocks/:id', 'read', 'block'),
	route('GET', '/v2/blocks/:id/children', 'read', 'list'),
	route('POST', '/v2/search', 'read', 'list'),
	route('POST', '/v2/search/semantic', 'read', 'list'),
	route('POST', '/v2/databases/:id/query', 'read', 'list'),
	route('POST', '/v2/pages', 'create', 'page'),
	route('POST', '/v2/databases', 'create', 'database'),
	// One transaction of creations and updates, with no Idempotency-Key: a repeat could create the records twice.
	route('POST', '/v2/databases/:id/mutations', 'create'),
	// Asking for an upload link writes nothing: a repeat only issues another link.
	route('POST', '/v2/files/upload-url', 'read', 'upload_link'),
	route('GET', '/v2/files/download-url', 'read', 'download_link'),
	// Moving to the same place again changes nothing.
	route('PATCH', '/v2/pages/:id/move', 'set'),
	route('PATCH', '/v2/pages/:id', 'set', 'page'),
	route('DELETE', '/v2/pages/:id', 'set', 'page'),
	route('PUT', '/v2/pages/:id/content/markdown', 'set'),
	route('PATCH', '/v2/databases/:id', 'set', 'database'),
	route('DELETE', '/v2/databases/:id', 'set', 'database'),
	route('PATCH', '/v2/blocks/:id', 'set', 'block'),
	route('DELETE', '/v2/blocks/:id', 'set', 'block'),
	route('PATCH', '/v2/blocks/:id/children', 'append', 'list'),
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
