import { startSandbox } from '../../sandbox';
import { seedDemo } from '../../sandbox/seed';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type Json = Record<string, any>;

const ALL_SCOPES = ['pages.read', 'pages.write', 'blocks.read', 'blocks.write', 'databases.read', 'databases.write',
	'users.read', 'users.email.read', 'search.read'];
const RECORD_SCHEMA = {
	Name: 'title', Status: 'select', Tags: 'multi_select', Due: 'date', Estimate: 'number', Done: 'checkbox',
	Website: 'url', Contact: 'email', Phone: 'phone_number', Owner: 'people', Attachments: 'files',
	Related: 'relation', Notes: 'rich_text',
};
const OTHER_UUID = '99999999-9999-4999-8999-999999999999';
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let sb: Sandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, host: '127.0.0.1' });
	sb.addToken('tok_all', ALL_SCOPES);
	sb.addToken('tok_read', ['pages.read']);
	sb.addToken('tok_none', []);
});

afterEach(() => {
	sb.reset();
	sb.options.etagOnGet = true;
	sb.options.etagOnPatch = true;
});

afterAll(async () => {
	await sb.close();
});

async function call(method: string, path: string, opts: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}) {
	const headers: Record<string, string> = { ...opts.headers };
	const token = opts.token === undefined ? 'tok_all' : opts.token;
	if (token !== null) headers.authorization = `Bearer ${token}`;
	let body: string | undefined;
	if (opts.body !== undefined) {
		body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
		headers['content-type'] = 'application/json';
	}
	const res = await fetch(`${sb.url}${path}`, { method, headers, body });
	const text = await res.text();
	return { status: res.status, headers: res.headers, json: JSON.parse(text) as Json };
}

const getPage = (id: string, token?: string) => call('GET', `/v2/pages/${id}`, { token });
const patchPage = (id: string, body: unknown, headers?: Record<string, string>) =>
	call('PATCH', `/v2/pages/${id}`, { body, headers });

function addRecord() {
	return sb.addPage({
		parent: { type: 'database_id', database_id: OTHER_UUID },
		schema: RECORD_SCHEMA,
		properties: {
			Name: { title: [{ type: 'text', text: { content: 'Record' } }] },
			Status: { select: { name: 'Doing', color: 'blue' } },
			Estimate: { number: 3 },
			Notes: { rich_text: [{ type: 'text', text: { content: 'keep me' } }] },
			Done: { checkbox: true },
		},
	});
}

function expectError(res: { status: number; headers: Headers; json: Json }, status: number, code: string) {
	expect(res.status).toBe(status);
	expect(res.headers.get('content-type')).toBe('application/json');
	expect(res.json).toMatchObject({ object: 'error', status, code });
	expect(typeof res.json.message).toBe('string');
	expect(res.json.request_id).toMatch(/^req_/);
	expect(res.headers.get('x-request-id')).toBe(res.json.request_id);
	expect(Array.isArray(res.json.details)).toBe(true);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('auth', () => {
	it.each([
		['missing header', null, undefined],
		['unknown token', 'tok_nope', undefined],
		['wrong scheme', null, { authorization: 'Basic dG9rX2FsbA==' }],
		['bearer without token', null, { authorization: 'Bearer ' }],
	])('answers 401 unauthorized for %s', async (_name, token, headers) => {
		const page = sb.addPage({ title: 'A' });
		const res = await call('GET', `/v2/pages/${page.id}`, { token, headers });
		expectError(res, 401, 'unauthorized');
	});

	it('accepts a known token with a lower-case scheme', async () => {
		const page = sb.addPage({ title: 'A' });
		const res = await call('GET', `/v2/pages/${page.id}`, { token: null, headers: { authorization: 'bearer tok_all' } });
		expect(res.status).toBe(200);
	});

	it('answers 403 naming the missing scope', async () => {
		const page = sb.addPage({ title: 'A' });
		const write = await call('PATCH', `/v2/pages/${page.id}`, { token: 'tok_read', body: {} });
		expectError(write, 403, 'forbidden');
		expect(write.json.message).toBe('The integration lacks the pages.write capability');
		const read = await getPage(page.id, 'tok_none');
		expectError(read, 403, 'forbidden');
		expect(read.json.message).toContain('pages.read');
		expect((await getPage(page.id, 'tok_read')).status).toBe(200);
	});

	it('answers 403 for a page not shared with the token, and shares sub-pages of shared pages', async () => {
		const shared = sb.addPage({ title: 'Shared' });
		const child = sb.addPage({ title: 'Child', parent: { type: 'page_id', page_id: shared.id } });
		const hidden = sb.addPage({ title: 'Hidden' });
		sb.addToken('tok_some', ['pages.read'], { sharedPages: [shared.id.toUpperCase()] });
		const res = await getPage(hidden.id, 'tok_some');
		expectError(res, 403, 'forbidden');
		expect(res.json.message).toBe('The page is not shared with this integration');
		expect((await getPage(shared.id, 'tok_some')).status).toBe(200);
		expect((await getPage(child.id, 'tok_some')).status).toBe(200);
	});
});

describe('GET /v2/users/me', () => {
	it('returns the bot user with capabilities matching the scopes, and needs no scope', async () => {
		sb.addToken('tok_mixed', ['pages.read', 'search.read'], { name: 'Mixed' });
		const res = await call('GET', '/v2/users/me', { token: 'tok_mixed' });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ object: 'bot_user', name: 'Mixed', type: 'integration' });
		expect(res.json.owner).toEqual({ object: 'user', id: expect.any(String) });
		expect(Object.keys(res.json.capabilities).sort()).toEqual([...ALL_SCOPES].sort());
		for (const scope of ALL_SCOPES) {
			expect(res.json.capabilities[scope]).toBe(scope === 'pages.read' || scope === 'search.read');
		}
		expect((await call('GET', '/v2/users/me', { token: 'tok_none' })).status).toBe(200);
	});
});

describe('routing and ids', () => {
	it('answers 404 not_found for an unknown route and an unknown page', async () => {
		expectError(await call('GET', '/v2/nothing-here'), 404, 'not_found');
		expectError(await call('DELETE', '/v2/users/me'), 404, 'not_found');
		expectError(await getPage(OTHER_UUID), 404, 'not_found');
	});

	it.each(['not-a-uuid', '11111111111141118111111111111111', '11111111-1111-4111-8111-11111111111g'])(
		'answers 400 invalid_uuid for page id %s',
		async (id) => {
			const res = await getPage(id);
			expectError(res, 400, 'validation_error');
			expect(res.json.details).toEqual([{ path: 'page_id', reason: 'invalid_uuid' }]);
		},
	);

	it('accepts an upper-case dashed uuid', async () => {
		const page = sb.addPage({ title: 'A' });
		const res = await getPage(page.id.toUpperCase());
		expect(res.status).toBe(200);
		expect(res.json.id).toBe(page.id);
	});
});

describe('GET /v2/pages/:page_id', () => {
	it('returns the page in read shape with a weak ETag over last_edited_time', async () => {
		const page = sb.addPage({ title: 'Release Checklist', icon: { type: 'emoji', emoji: '🚀' } });
		const res = await getPage(page.id);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json');
		expect(res.headers.get('x-request-id')).toMatch(/^req_/);
		expect(res.json).toMatchObject({
			object: 'page', id: page.id, page_type: 'page', in_trash: false,
			parent: { type: 'workspace', workspace: true },
			icon: { type: 'emoji', emoji: '🚀' }, cover: null,
			url: `https://buildin.ai/docs/${page.id}`,
		});
		expect(res.json.last_edited_time).toMatch(ISO_MS);
		expect(res.json.properties.title).toEqual({
			id: 'title', type: 'title',
			title: [{
				type: 'text', text: { content: 'Release Checklist', link: null }, plain_text: 'Release Checklist', href: null,
				annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, text_color: 'default', background_color: 'default' },
			}],
		});
		expect(res.headers.get('etag')).toBe(`W/"${res.json.last_edited_time}"`);
	});

	it('omits the ETag when etagOnGet is off', async () => {
		const page = sb.addPage({ title: 'A' });
		sb.options.etagOnGet = false;
		const res = await getPage(page.id);
		expect(res.status).toBe(200);
		expect(res.headers.get('etag')).toBeNull();
	});

	it('returns trashed pages with in_trash true', async () => {
		const page = sb.addPage({ title: 'Old', inTrash: true });
		const res = await getPage(page.id);
		expect(res.status).toBe(200);
		expect(res.json.in_trash).toBe(true);
	});

	it('lists every schema property of a record, empty ones included', async () => {
		const record = addRecord();
		const res = await getPage(record.id);
		expect(Object.keys(res.json.properties).sort()).toEqual(Object.keys(RECORD_SCHEMA).sort());
		expect(res.json.properties.Tags).toMatchObject({ type: 'multi_select', multi_select: [] });
		expect(res.json.properties.Due).toMatchObject({ type: 'date', date: null });
		expect(res.json.properties.Status.select).toEqual({ id: expect.any(String), name: 'Doing', color: 'blue' });
	});
});

describe('PATCH /v2/pages/:page_id', () => {
	it('changes only the listed properties', async () => {
		const record = addRecord();
		const res = await patchPage(record.id, { properties: { Status: { type: 'select', select: { name: 'Done' } }, Estimate: { number: 8 } } });
		expect(res.status).toBe(200);
		expect(res.json.properties.Status).toMatchObject({ type: 'select', select: { name: 'Done', color: 'default' } });
		expect(res.json.properties.Estimate.number).toBe(8);
		for (const name of ['Name', 'Notes', 'Done', 'Tags', 'Due']) {
			expect(res.json.properties[name]).toEqual(record.properties[name]);
		}
		expect(sb.getPage(record.id)).toEqual(res.json);
	});

	it('keeps the id of a select option for the same name', async () => {
		const record = addRecord();
		const res = await patchPage(record.id, { properties: { Status: { select: { name: 'Doing' } } } });
		expect(res.json.properties.Status.select).toEqual(record.properties.Status.select);
	});

	it('stores every writable type in read shape', async () => {
		const record = addRecord();
		const person = '44444444-4444-4444-8444-444444444444';
		const res = await patchPage(record.id, {
			properties: {
				Tags: { multi_select: [{ name: 'a' }, { name: 'b', color: 'red' }] },
				Due: { date: { start: '2026-04-09T09:30:00.000Z', time_zone: 'Asia/Shanghai' } },
				Website: { url: null },
				Contact: { email: 'a@b.c' },
				Phone: { phone_number: '+1' },
				Owner: { people: [{ id: person }] },
				Attachments: { files: [{ name: 'x.pdf', type: 'external', external: { url: 'https://example.com/x.pdf' } }] },
				Related: { relation: [{ id: OTHER_UUID }] },
				Done: { checkbox: false },
				Notes: { rich_text: [{ type: 'text', text: { content: 'see', link: { url: 'https://example.com' } }, annotations: { bold: true } }] },
			},
		});
		expect(res.status).toBe(200);
		const p = res.json.properties;
		expect(p.Tags.multi_select).toEqual([
			{ id: expect.any(String), name: 'a', color: 'default' },
			{ id: expect.any(String), name: 'b', color: 'red' },
		]);
		expect(p.Due.date).toEqual({ start: '2026-04-09T09:30:00.000Z', end: null, time_zone: 'Asia/Shanghai' });
		expect(p.Website).toEqual({ id: record.properties.Website.id, type: 'url', url: null });
		expect(p.Owner.people).toEqual([{ object: 'user', id: person }]);
		expect(p.Related.relation).toEqual([{ id: OTHER_UUID }]);
		expect(p.Done.checkbox).toBe(false);
		expect(p.Notes.rich_text[0]).toMatchObject({ plain_text: 'see', href: 'https://example.com', annotations: { bold: true, italic: false } });
	});

	it('accepts properties written back exactly as read', async () => {
		const record = addRecord();
		const read = await getPage(record.id);
		const res = await patchPage(record.id, { properties: read.json.properties });
		expect(res.status).toBe(200);
		expect(res.json.properties).toEqual(read.json.properties);
	});

	it('sets and removes icon and cover', async () => {
		const page = sb.addPage({
			title: 'A', icon: { type: 'emoji', emoji: '🚀' }, cover: { type: 'external', external: { url: 'https://example.com/c.png' } },
		});
		const removed = await patchPage(page.id, { icon: null, cover: null });
		expect(removed.status).toBe(200);
		expect(removed.json).toMatchObject({ icon: null, cover: null });
		expect(removed.json.properties).toEqual(page.properties);
		const icon = { type: 'external', external: { url: 'https://example.com/i.png' } };
		const set = await patchPage(page.id, { icon, cover: { type: 'external', external: { url: 'https://example.com/d.png' } } });
		expect(set.json.icon).toEqual(icon);
		expect(set.json.cover).toEqual({ type: 'external', external: { url: 'https://example.com/d.png' } });
	});

	it('trashes and restores with in_trash', async () => {
		const page = sb.addPage({ title: 'A' });
		expect((await patchPage(page.id, { in_trash: true })).json.in_trash).toBe(true);
		expect((await getPage(page.id)).json.in_trash).toBe(true);
		expect((await patchPage(page.id, { in_trash: false })).json.in_trash).toBe(false);
		expectError(await patchPage(page.id, { in_trash: 'yes' }), 400, 'validation_error');
	});

	it('advances last_edited_time strictly, sets last_edited_by to the bot and answers an ETag', async () => {
		const page = sb.addPage({ title: 'A' });
		const me = await call('GET', '/v2/users/me');
		const first = await patchPage(page.id, { properties: { title: { title: [{ type: 'text', text: { content: 'B' } }] } } });
		const second = await patchPage(page.id, { in_trash: false });
		expect(first.json.last_edited_time).toMatch(ISO_MS);
		expect(Date.parse(first.json.last_edited_time)).toBeGreaterThan(Date.parse(page.last_edited_time));
		expect(Date.parse(second.json.last_edited_time)).toBeGreaterThan(Date.parse(first.json.last_edited_time));
		expect(second.json.last_edited_by).toEqual({ object: 'user', id: me.json.id });
		expect(second.json.created_by).toEqual(page.created_by);
		expect(second.headers.get('etag')).toBe(`W/"${second.json.last_edited_time}"`);
	});

	it('moves last_edited_time 1 ms past a version that is ahead of the clock', async () => {
		const future = new Date(Date.now() + 3_600_000).toISOString();
		const page = sb.addPage({ title: 'A', lastEditedTime: future });
		const res = await patchPage(page.id, { in_trash: false });
		expect(res.json.last_edited_time).toBe(new Date(Date.parse(future) + 1).toISOString());
	});

	it('omits the ETag when etagOnPatch is off', async () => {
		const page = sb.addPage({ title: 'A' });
		sb.options.etagOnPatch = false;
		const res = await patchPage(page.id, { in_trash: false });
		expect(res.status).toBe(200);
		expect(res.headers.get('etag')).toBeNull();
	});

	it('answers an empty body with the unchanged page', async () => {
		const page = sb.addPage({ title: 'A' });
		const res = await patchPage(page.id, {});
		expect(res.status).toBe(200);
		expect(res.json).toEqual(page);
	});

	describe('If-Match', () => {
		it.each([
			['weak', (t: string) => `W/"${t}"`],
			['strong', (t: string) => `"${t}"`],
			['star', () => '*'],
			['list containing it', (t: string) => `W/"2000-01-01T00:00:00.000Z", W/"${t}"`],
		])('applies the change when it matches (%s)', async (_name, form) => {
			const page = sb.addPage({ title: 'A' });
			const res = await patchPage(page.id, { in_trash: true }, { 'if-match': form(page.last_edited_time) });
			expect(res.status).toBe(200);
			expect(res.json.in_trash).toBe(true);
		});

		it('answers 409 conflict on a stale version and changes nothing', async () => {
			const page = sb.addPage({ title: 'A' });
			const etag = (await getPage(page.id)).headers.get('etag') as string;
			expect((await patchPage(page.id, { in_trash: false }, { 'if-match': etag })).status).toBe(200);
			const res = await patchPage(page.id, { in_trash: true }, { 'if-match': etag });
			expectError(res, 409, 'conflict');
			expect(res.json.message).toBe('The page was modified since the version in If-Match; read it again');
			expect(sb.getPage(page.id)?.in_trash).toBe(false);
		});
	});

	describe('validation', () => {
		it.each([
			['a JSON array', '[]'],
			['a string', '"x"'],
			['not JSON', 'in_trash=true'],
		])('rejects a body that is %s', async (_name, body) => {
			const page = sb.addPage({ title: 'A' });
			expectError(await patchPage(page.id, body), 400, 'validation_error');
		});

		it('rejects a missing body', async () => {
			const page = sb.addPage({ title: 'A' });
			expectError(await call('PATCH', `/v2/pages/${page.id}`), 400, 'validation_error');
		});

		it('rejects unknown top-level keys', async () => {
			const page = sb.addPage({ title: 'A' });
			const res = await patchPage(page.id, { archived: true });
			expectError(res, 400, 'validation_error');
			expect(res.json.details).toEqual([{ path: 'archived', reason: 'unknown_field' }]);
		});

		it('rejects properties outside the schema', async () => {
			const page = sb.addPage({ title: 'A' });
			const res = await patchPage(page.id, { properties: { Status: { select: { name: 'x' } } } });
			expectError(res, 400, 'validation_error');
			expect(res.json.details).toEqual([{ path: 'properties.Status', reason: 'unknown_property' }]);
		});

		it('rejects rich text over 2000 characters and accepts exactly 2000', async () => {
			const record = addRecord();
			const long = await patchPage(record.id, { properties: { Notes: { rich_text: [{ type: 'text', text: { content: 'x'.repeat(2001) } }] } } });
			expectError(long, 400, 'validation_error');
			expect(long.json.details).toEqual([
				{ path: 'properties.Notes.rich_text[0].text.content', reason: 'too_long', limit: 2000, actual: 2001 },
			]);
			const max = await patchPage(record.id, { properties: { Notes: { rich_text: [{ type: 'text', text: { content: 'x'.repeat(2000) } }] } } });
			expect(max.status).toBe(200);
		});

		it.each([
			['number as string', { Estimate: { number: '5' } }, 'properties.Estimate.number'],
			['type key mismatch', { Estimate: { type: 'select', number: 5 } }, 'properties.Estimate.type'],
			['value under another type', { Estimate: { select: { name: 'x' } } }, 'properties.Estimate.select'],
			['select without name', { Status: { select: { color: 'red' } } }, 'properties.Status.select.name'],
			['bad select colour', { Status: { select: { name: 'x', color: 'mauve' } } }, 'properties.Status.select.color'],
			['multi_select not an array', { Tags: { multi_select: { name: 'x' } } }, 'properties.Tags.multi_select'],
			['bad date', { Due: { date: { start: '09/04/2026' } } }, 'properties.Due.date.start'],
			['people id not a uuid', { Owner: { people: [{ id: 'alex' }] } }, 'properties.Owner.people[0].id'],
			['file without name', { Attachments: { files: [{ type: 'external', external: { url: 'https://e.com/x' } }] } }, 'properties.Attachments.files[0].name'],
			['checkbox as string', { Done: { checkbox: 'true' } }, 'properties.Done.checkbox'],
			['url as number', { Website: { url: 1 } }, 'properties.Website.url'],
			['relation id not a uuid', { Related: { relation: [{ id: 'x' }] } }, 'properties.Related.relation[0].id'],
			['rich text without type', { Notes: { rich_text: [{ text: { content: 'x' } }] } }, 'properties.Notes.rich_text[0].type'],
			['title not an array', { Name: { title: 'x' } }, 'properties.Name.title'],
		])('rejects %s', async (_name, properties, path) => {
			const record = addRecord();
			const res = await patchPage(record.id, { properties });
			expectError(res, 400, 'validation_error');
			expect(res.json.details.map((d: Json) => d.path)).toContain(path);
			expect(sb.getPage(record.id)).toEqual(record);
		});

		it.each([
			['icon of type file', { icon: { type: 'file', file: { url: 'https://e.com/x' } } }],
			['icon as string', { icon: '🚀' }],
			['emoji cover', { cover: { type: 'emoji', emoji: '🚀' } }],
			['cover with bad url', { cover: { type: 'external', external: { url: 'not a url' } } }],
		])('rejects %s', async (_name, body) => {
			const page = sb.addPage({ title: 'A' });
			expectError(await patchPage(page.id, body), 400, 'validation_error');
		});

		it('applies nothing when any part of the body is invalid', async () => {
			const record = addRecord();
			const res = await patchPage(record.id, { icon: null, properties: { Status: { select: { name: 'Done' } }, Estimate: { number: 'many' } } });
			expectError(res, 400, 'validation_error');
			expect(sb.getPage(record.id)).toEqual(record);
		});
	});
});

describe('faults', () => {
	it('answers 429 with Retry-After in seconds, once, before auth', async () => {
		const page = sb.addPage({ title: 'A' });
		sb.injectFault({ status: 429, retryAfter: 2 });
		const res = await call('GET', `/v2/pages/${page.id}`, { token: null });
		expectError(res, 429, 'rate_limited');
		expect(res.headers.get('retry-after')).toBe('2');
		expect((await getPage(page.id)).status).toBe(200);
		expect(sb.requests.map((r) => [r.fault, r.status])).toEqual([['status:429', 429], [undefined, 200]]);
	});

	it('sends a string Retry-After verbatim and none when not given', async () => {
		const page = sb.addPage({ title: 'A' });
		const date = new Date(Date.now() + 3000).toUTCString();
		sb.injectFault({ status: 429, retryAfter: date });
		sb.injectFault({ status: 429 });
		const first = await getPage(page.id);
		const second = await getPage(page.id);
		expect(first.headers.get('retry-after')).toBe(date);
		expectError(second, 429, 'rate_limited');
		expect(second.headers.get('retry-after')).toBeNull();
	});

	it.each([
		[500, 'internal_error'],
		[502, 'bad_gateway'],
		[503, 'service_unavailable'],
		[504, 'gateway_timeout'],
	])('answers %i with code %s', async (status, code) => {
		sb.injectFault({ status });
		expectError(await call('GET', '/v2/users/me'), status, code);
	});

	it('answers a redirect with the Location given', async () => {
		sb.injectFault({ status: 307, location: 'https://elsewhere.example/v2/users/me' });
		const res = await fetch(`${sb.url}/v2/users/me`, { headers: { authorization: 'Bearer tok_all' }, redirect: 'manual' });
		expect(res.status).toBe(307);
		expect(res.headers.get('location')).toBe('https://elsewhere.example/v2/users/me');
	});

	it('matches faults by method and by exact or RegExp path, and honours times', async () => {
		const page = sb.addPage({ title: 'A' });
		sb.injectFault({ method: 'patch', path: `/v2/pages/${page.id}`, status: 503, times: 2 });
		// A /g RegExp is stateful in test(); it must still match on every request.
		sb.injectFault({ path: /\/users\/me$/g, status: 502, times: Infinity });
		expect((await getPage(page.id)).status).toBe(200);
		expect((await patchPage(page.id, {})).status).toBe(503);
		expect((await patchPage(page.id, {})).status).toBe(503);
		expect((await patchPage(page.id, {})).status).toBe(200);
		for (let i = 0; i < 3; i += 1) expect((await call('GET', '/v2/users/me')).status).toBe(502);
	});

	it('drops the connection without an answer', async () => {
		sb.injectFault({ path: '/v2/users/me', drop: true });
		await expect(fetch(`${sb.url}/v2/users/me`, { headers: { authorization: 'Bearer tok_all' } })).rejects.toThrow();
		expect(sb.requests[0]).toMatchObject({ path: '/v2/users/me', fault: 'drop', status: undefined, answeredAfterMs: undefined });
		expect((await call('GET', '/v2/users/me')).status).toBe(200);
	});

	it('delays answers by setLatency and by a fault latencyMs', async () => {
		sb.setLatency(150);
		let t = Date.now();
		expect((await call('GET', '/v2/users/me')).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(140);
		// Timed from the request's arrival: never earlier than the latency.
		expect(sb.requests[0].answeredAfterMs).toBeGreaterThanOrEqual(150);
		sb.setLatency(0);
		sb.injectFault({ latencyMs: 200 });
		t = Date.now();
		expect((await call('GET', '/v2/users/me')).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(190);
		expect(sb.requests[1].fault).toBe('latency:200');
		// The fault was used up: the next request has only the (zero) latency.
		await call('GET', '/v2/users/me');
		expect(sb.requests[2].fault).toBeUndefined();
	});

	it('answers no request more than half a millisecond before its latency is over, however busy it is', async () => {
		sb.setLatency(20);
		await Promise.all(Array.from({ length: 40 }, () => call('GET', '/v2/users/me')));
		const answeredAfter = sb.requests.map((r) => r.answeredAfterMs ?? 0);
		expect(answeredAfter).toHaveLength(40);
		expect(Math.min(...answeredAfter)).toBeGreaterThanOrEqual(19.5);
	});

	it('reset clears faults, latency and the rate limit but keeps pages and tokens', async () => {
		const page = sb.addPage({ title: 'A' });
		sb.injectFault({ status: 500, times: Infinity });
		// A latency longer than the test's timeout: the requests below answer only if reset cleared it.
		sb.setLatency(60_000);
		sb.setRateLimit({ perSecond: 1 });
		sb.reset();
		expect((await getPage(page.id)).status).toBe(200);
		expect((await getPage(page.id)).status).toBe(200);
		expect(sb.requests).toHaveLength(2);
	});
});

describe('rate limit', () => {
	it('answers 429 beyond perSecond in a sliding second, then lets requests through again', async () => {
		sb.setRateLimit({ perSecond: 3, retryAfter: 1 });
		const statuses = [];
		for (let i = 0; i < 4; i += 1) statuses.push((await call('GET', '/v2/users/me')).status);
		expect(statuses).toEqual([200, 200, 200, 429]);
		const limited = await call('GET', '/v2/users/me');
		expectError(limited, 429, 'rate_limited');
		expect(limited.headers.get('retry-after')).toBe('1');
		expect(sb.requests[4].fault).toBe('rate_limit');
		await sleep(1050);
		expect((await call('GET', '/v2/users/me')).status).toBe(200);
		sb.setRateLimit(null);
		for (let i = 0; i < 5; i += 1) expect((await call('GET', '/v2/users/me')).status).toBe(200);
	});
});

describe('request recording', () => {
	it('records method, path, query, lower-cased headers, body, status and arrival time in arrival order', async () => {
		const before = Date.now();
		const page = sb.addPage({ title: 'A' });
		await call('GET', `/v2/pages/${page.id}?a=1&b=two`, { headers: { 'X-Custom': 'Yes' } });
		await patchPage(page.id, { in_trash: false }, { 'If-Match': '*' });
		await call('PATCH', `/v2/pages/${page.id}`, { body: 'not json' });
		expect(sb.requests).toHaveLength(3);
		expect(sb.requests[0]).toMatchObject({
			method: 'GET', path: `/v2/pages/${page.id}`, query: { a: '1', b: 'two' }, body: undefined, status: 200, fault: undefined,
		});
		expect(sb.requests[0].headers).toMatchObject({ authorization: 'Bearer tok_all', 'x-custom': 'Yes' });
		expect(sb.requests[1]).toMatchObject({ method: 'PATCH', body: { in_trash: false }, status: 200 });
		expect(sb.requests[1].headers['if-match']).toBe('*');
		expect(sb.requests[2]).toMatchObject({ body: 'not json', status: 400 });
		const arrivals = sb.requests.map((r) => r.receivedAt);
		expect(arrivals[0]).toBeGreaterThanOrEqual(before);
		expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
		expect(arrivals[2]).toBeLessThanOrEqual(Date.now());
	});

	it('counts arrivals and answers in one sequence, so overlap is read without a clock', async () => {
		sb.injectFault({ path: '/v2/users/me', latencyMs: 300 });
		const slow = call('GET', '/v2/users/me');
		while (sb.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
		await call('GET', '/v2/users/me');
		await slow;
		const [first, second] = sb.requests;
		// The second arrived while the first was held, and was answered first.
		expect(first.arrivedSeq).toBeLessThan(second.arrivedSeq);
		expect(second.arrivedSeq).toBeLessThan(second.answeredSeq ?? 0);
		expect(second.answeredSeq).toBeLessThan(first.answeredSeq ?? 0);
	});
});

describe('store helpers', () => {
	it('addPage and getPage return deep copies', () => {
		const page = sb.addPage({ title: 'A' });
		page.properties.title.title[0].plain_text = 'changed';
		const copy = sb.getPage(page.id) as Json;
		expect(copy.properties.title.title[0].plain_text).toBe('A');
		copy.in_trash = true;
		expect(sb.getPage(page.id)?.in_trash).toBe(false);
		expect(sb.getPage(OTHER_UUID)).toBeUndefined();
	});

	it('addPage rejects bad input', () => {
		expect(() => sb.addPage({ id: 'nope' })).toThrow(/uuid/);
		expect(() => sb.addPage({ schema: { Name: 'rich_text' } })).toThrow(/title/);
		expect(() => sb.addPage({ properties: { Missing: { number: 1 } } })).toThrow(/schema/);
		expect(() => sb.addToken('t', ['pages.admin'])).toThrow(/scopes/);
	});

	it('seedDemo creates a token, a page and a record that the API serves', async () => {
		const demo = seedDemo(sb);
		expect(demo.token).toBe('demo-token');
		const page = await getPage(demo.pageId, demo.token);
		expect(page.json).toMatchObject({ icon: { type: 'emoji' }, cover: { type: 'external' } });
		expect(page.json.properties.title.title[0].plain_text).toBe('Release Checklist');
		const record = await getPage(demo.recordId, demo.token);
		expect(record.json.parent).toMatchObject({ type: 'database_id' });
		expect(Object.keys(record.json.properties).sort()).toEqual(Object.keys(RECORD_SCHEMA).sort());
		const me = await call('GET', '/v2/users/me', { token: demo.token });
		expect(Object.values(me.json.capabilities).every(Boolean)).toBe(true);
	});
});
