import { endpointOf, safeToRepeat } from '../../../../nodes/Buildin/transport/endpoints';

const ID = '11111111-1111-4111-8111-111111111111';

describe('endpointOf', () => {
	it.each([
		['GET', `/v2/pages/${ID}`, 'read', 'page'],
		['GET', `/v2/pages/${ID}/properties/title`, 'read', undefined],
		['GET', `/v2/blocks/${ID}/children`, 'read', 'list'],
		['GET', '/v2/users/me', 'read', 'bot_user'],
		['GET', `/v2/users/${ID}`, 'read', 'user'],
		['POST', '/v2/search', 'read', 'list'],
		['POST', '/v2/search/semantic', 'read', 'list'],
		['POST', `/v2/databases/${ID}/query`, 'read', 'list'],
		['POST', '/v2/pages', 'create', 'page'],
		['POST', '/v2/databases', 'create', 'database'],
		['PATCH', `/v2/pages/${ID}`, 'set', 'page'],
		['DELETE', `/v2/pages/${ID}`, 'set', 'page'],
		['PUT', `/v2/pages/${ID}/content/markdown`, 'set', undefined],
		['PATCH', `/v2/blocks/${ID}`, 'set', 'block'],
		['PATCH', `/v2/blocks/${ID}/children`, 'append', 'list'],
		['POST', `/v2/databases/${ID}/mutations`, 'create', undefined],
		['POST', '/v2/files/upload-url', 'read', 'upload_link'],
		['GET', '/v2/files/download-url', 'read', 'download_link'],
		['PATCH', `/v2/pages/${ID}/move`, 'set', undefined],
		['GET', '/v2/somewhere/new', 'read', undefined],
		['POST', '/v2/somewhere/new', 'create', undefined],
		['PATCH', '/v2/somewhere/new', 'create', undefined],
	])('%s %s: %s, answers %s', (method, path, effect, answer) => {
		const endpoint = endpointOf(method, path);
		expect(endpoint.effect).toBe(effect);
		expect(endpoint.answer).toBe(answer);
	});
});

describe('safeToRepeat', () => {
	it('repeats reads and whole-value writes', () => {
		expect(safeToRepeat('read', undefined)).toBe(true);
		expect(safeToRepeat('set', { 'Content-Type': 'application/json' })).toBe(true);
	});

	it('never repeats a request with If-Match, whatever its effect', () => {
		expect(safeToRepeat('set', { 'If-Match': 'W/"1"' })).toBe(false);
		expect(safeToRepeat('read', { 'if-match': 'W/"1"' })).toBe(false);
	});

	it('repeats a create only under an Idempotency-Key, and an append never', () => {
		expect(safeToRepeat('create', undefined)).toBe(false);
		expect(safeToRepeat('create', { 'Idempotency-Key': 'order-1' })).toBe(true);
		expect(safeToRepeat('create', { 'idempotency-key': 'order-1' })).toBe(true);
		expect(safeToRepeat('append', { 'Idempotency-Key': 'order-1' })).toBe(false);
	});
});

describe('the scope each endpoint needs (named in a 403’s advice)', () => {
	it.each([
		['GET', '/v2/users/me', undefined],
		['GET', `/v2/users/${ID}`, 'users.read'],
		['GET', `/v2/pages/${ID}`, 'pages.read'],
		['GET', `/v2/pages/${ID}/content/markdown`, 'pages.read and blocks.read'],
		['PUT', `/v2/pages/${ID}/content/markdown`, 'pages.write and blocks.write'],
		['GET', `/v2/pages/${ID}/properties/title`, 'pages.read'],
		['POST', '/v2/pages', 'pages.write'],
		['PATCH', `/v2/pages/${ID}/move`, 'pages.write'],
		['GET', `/v2/blocks/${ID}/children`, 'blocks.read'],
		['PATCH', `/v2/blocks/${ID}/children`, 'blocks.write'],
		['DELETE', `/v2/blocks/${ID}`, 'blocks.write'],
		['POST', `/v2/databases/${ID}/query`, 'databases.read'],
		['POST', `/v2/databases/${ID}/mutations`, 'databases.write'],
		['POST', '/v2/search/semantic', 'search.read'],
		['POST', '/v2/files/upload-url', 'pages.write'],
		['GET', '/v2/files/download-url', 'blocks.read'],
		['GET', '/v2/somewhere/new', undefined],
	])('%s %s: %s', (method, path, scope) => {
		expect(endpointOf(method, path).scope).toBe(scope);
	});
});
