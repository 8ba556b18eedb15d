// Time in the sandbox: a clock tests set and move, whole-minute timestamps, pages that become visible late, and a
// hook for what happens in Buildin between two requests of a client.
import { useSandbox, type Json } from './helpers';

const env = useSandbox();
const { call } = env;

const T0 = '2026-04-09T09:30:20.250Z';

function releases(): string {
	return env.sb.addDatabase({ title: 'Releases', properties: { Name: 'title', Status: 'select' } }).id;
}

function record(databaseId: string, title: string): Json {
	return env.sb.addPage({ parent: { type: 'database_id', database_id: databaseId }, title });
}

async function queryIds(databaseId: string, body: Json = {}): Promise<string[]> {
	const res = await call('POST', `/v2/databases/${databaseId}/query`, { body });
	expect(res.status).toBe(200);
	return res.json.results.map((page: Json) => page.id);
}

describe('the clock', () => {
	it('stands still where a test sets it and moves only when advanced', () => {
		env.sb.clock.set(T0);
		const db = releases();
		const first = record(db, 'Ship v1.0');
		expect(first.created_time).toBe(T0);
		env.sb.clock.advance(90_000);
		const edited = env.sb.updatePage(first.id, { title: 'Ship v1.0.1' });
		expect(edited.last_edited_time).toBe('2026-04-09T09:31:50.250Z');
		expect(edited.created_time).toBe(T0);
	});

	it('at millisecond precision gives every edit a later timestamp, even at one instant', () => {
		env.sb.clock.set(T0);
		const page = record(releases(), 'Ship v1.0');
		const once = env.sb.updatePage(page.id, { title: 'Once' });
		const twice = env.sb.updatePage(page.id, { title: 'Twice' });
		expect(once.last_edited_time).toBe('2026-04-09T09:30:20.251Z');
		expect(twice.last_edited_time).toBe('2026-04-09T09:30:20.252Z');
	});

	it('at minute precision gives two edits within one minute the same timestamp, and the next minute a later one', () => {
		env.sb.clock.set(T0);
		env.sb.clock.setPrecision('minute');
		const page = record(releases(), 'Ship v1.0');
		expect(page.created_time).toBe('2026-04-09T09:30:00.000Z');
		env.sb.clock.advance(10_000);
		const once = env.sb.updatePage(page.id, { title: 'Once' });
		env.sb.clock.advance(20_000);
		const twice = env.sb.updatePage(page.id, { title: 'Twice' });
		expect(once.last_edited_time).toBe('2026-04-09T09:30:00.000Z');
		expect(twice.last_edited_time).toBe('2026-04-09T09:30:00.000Z');
		expect(twice.properties.Name.title[0].plain_text).toBe('Twice');
		env.sb.clock.advance(30_000);
		expect(env.sb.updatePage(page.id, { title: 'Later' }).last_edited_time).toBe('2026-04-09T09:31:00.000Z');
	});

	it('edits through the API move the timestamps by the same clock', async () => {
		env.sb.clock.set(T0);
		const page = record(releases(), 'Ship v1.0');
		env.sb.clock.advance(5_000);
		const res = await call('PATCH', `/v2/pages/${page.id}`, { body: { properties: { Status: { select: { name: 'Doing' } } } } });
		expect(res.json.last_edited_time).toBe('2026-04-09T09:30:25.250Z');
	});

	it('sends its time as the Date header', async () => {
		env.sb.clock.set(T0);
		const res = await call('GET', '/v2/users/me');
		expect(res.headers.get('date')).toBe('Thu, 09 Apr 2026 09:30:20 GMT');
	});

	it('reset() puts back real time, millisecond precision and no lag', () => {
		env.sb.clock.set('2020-01-01T00:00:00.000Z');
		env.sb.clock.setPrecision('minute');
		env.sb.clock.setVisibilityLag(60_000);
		env.sb.reset();
		const before = Date.now();
		const page = record(releases(), 'Now');
		expect(Date.parse(page.created_time)).toBeGreaterThanOrEqual(before);
		expect(env.sb.clock.visible(page.id)).toBe(true);
	});
});

describe('the visibility lag', () => {
	it('keeps a record written under a lag out of queries and searches until the lag has passed', async () => {
		env.sb.clock.set(T0);
		env.sb.clock.setVisibilityLag(20_000);
		const db = releases();
		const early = record(db, 'Early');
		env.sb.clock.advance(20_000);
		const late = record(db, 'Late arrival');
		expect(await queryIds(db)).toEqual([early.id]);
		const search = await call('POST', '/v2/search', { body: { query: 'Late arrival' } });
		expect(search.json.results).toEqual([]);
		env.sb.clock.advance(19_999);
		expect(await queryIds(db)).toEqual([early.id]);
		env.sb.clock.advance(1);
		expect(await queryIds(db)).toEqual([early.id, late.id]);
		expect((await call('POST', '/v2/search', { body: { query: 'Late arrival' } })).json.results.map((page: Json) => page.id)).toEqual([late.id]);
	});

	it('applies to the writes made while it is set: an earlier write can appear after a later one', async () => {
		env.sb.clock.set(T0);
		const db = releases();
		env.sb.clock.setVisibilityLag(30_000);
		const slow = record(db, 'Slow');
		env.sb.clock.setVisibilityLag(0);
		env.sb.clock.advance(1_000);
		const fast = record(db, 'Fast');
		expect(Date.parse(slow.last_edited_time)).toBeLessThan(Date.parse(fast.last_edited_time));
		expect(await queryIds(db)).toEqual([fast.id]);
		env.sb.clock.advance(29_000);
		expect(await queryIds(db)).toEqual([slow.id, fast.id]);
	});

	it('hides an edited record again until its edit is visible', async () => {
		env.sb.clock.set(T0);
		const db = releases();
		const page = record(db, 'Ship v1.0');
		env.sb.clock.setVisibilityLag(5_000);
		env.sb.clock.advance(5_000);
		expect(await queryIds(db)).toEqual([page.id]);
		env.sb.updatePage(page.id, { title: 'Ship v1.1' });
		expect(await queryIds(db)).toEqual([]);
		env.sb.clock.advance(5_000);
		expect(await queryIds(db)).toEqual([page.id]);
	});
});

describe('updatePage (test helper)', () => {
	it('changes only the given values and refuses unknown properties and bad values', () => {
		const db = releases();
		const page = record(db, 'Ship v1.0');
		const edited = env.sb.updatePage(page.id, { properties: { Status: { select: { name: 'Doing' } } } });
		expect(edited.properties.Status.select.name).toBe('Doing');
		expect(edited.properties.Name.title[0].plain_text).toBe('Ship v1.0');
		expect(() => env.sb.updatePage(page.id, { properties: { Priority: { number: 1 } } })).toThrow(/not in the schema/);
		expect(() => env.sb.updatePage(page.id, { properties: { Status: { select: 5 } } })).toThrow(/invalid page/);
		expect(() => env.sb.updatePage('99999999-9999-4999-8999-999999999999', { title: 'x' })).toThrow(/no page/);
	});
});

describe('the query a polling trigger sends', () => {
	it('reads from a millisecond timestamp on, oldest edit first, combined with a property filter', async () => {
		env.sb.clock.set(T0);
		const db = releases();
		const a = record(db, 'A');
		env.sb.clock.advance(1);
		const b = record(db, 'B');
		env.sb.clock.advance(1);
		const c = record(db, 'C');
		env.sb.clock.advance(1);
		env.sb.updatePage(a.id, { properties: { Status: { select: { name: 'Doing' } } } });
		env.sb.updatePage(b.id, { properties: { Status: { select: { name: 'Doing' } } } });
		const since = (iso: string, extra?: Json) => ({
			filter: { and: [{ timestamp: 'last_edited_time', last_edited_time: { on_or_after: iso } }, ...(extra ? [extra] : [])] },
			sorts: [{ timestamp: 'last_edited_time', direction: 'ascending' }],
			page_size: 100,
		});
		expect(await queryIds(db, since('2026-04-09T09:30:20.252Z'))).toEqual([c.id, a.id, b.id]);
		expect(await queryIds(db, since('2026-04-09T09:30:20.253Z'))).toEqual([a.id, b.id]);
		expect(await queryIds(db, since('2026-04-09T09:30:20.252Z', { property: 'Status', select: { equals: 'Doing' } }))).toEqual([a.id, b.id]);
	});
});

describe('onRequest (test hook)', () => {
	it('runs before the request is answered, so a change it makes is in that answer; reset() removes it', async () => {
		const db = releases();
		const page = record(db, 'Ship v1.0');
		const seen: string[] = [];
		env.sb.onRequest((request: Json) => {
			seen.push(`${request.method} ${request.path}`);
			env.sb.updatePage(page.id, { title: 'Edited meanwhile' });
		});
		const res = await call('POST', `/v2/databases/${db}/query`, { body: {} });
		expect(seen).toEqual([`POST /v2/databases/${db}/query`]);
		expect(res.json.results[0].properties.Name.title[0].plain_text).toBe('Edited meanwhile');
		env.sb.reset();
		await call('POST', `/v2/databases/${db}/query`, { body: {} });
		expect(seen).toHaveLength(1);
	});
});
