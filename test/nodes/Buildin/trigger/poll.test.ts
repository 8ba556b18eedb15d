// The Buildin Trigger through n8n-core's PollContext against the sandbox, polled as a running n8n polls it: the
// static data goes through JSON between polls, and a restart starts from what n8n saved.
import type { IDataObject } from 'n8n-workflow';

import { Poller } from '../../../support/poller';
import { ALL_SCOPES, byId, TOKEN, useSandbox } from '../../../support/workflow';

const { runWorkflow, nodeOutput, logLines } = require('../../../../harness/engine');

const sandbox = useSandbox();

const T0 = '2026-04-09T09:00:00.000Z';
const RELEASES = {
	Name: 'title',
	Status: { type: 'select', select: { options: [{ name: 'Todo' }, { name: 'Doing' }, { name: 'Done' }] } },
	Notes: 'rich_text',
};

function database(): string {
	return sandbox.addDatabase({ title: 'Releases', properties: RELEASES }).id;
}

function addRecord(databaseId: string, title: string, properties?: IDataObject): IDataObject {
	return sandbox.addPage({ parent: { type: 'database_id', database_id: databaseId }, title, properties });
}

/** `count` records, one millisecond apart by the sandbox's clock. */
function addRecords(databaseId: string, count: number): IDataObject[] {
	return Array.from({ length: count }, (_, index) => {
		sandbox.clock.advance(1);
		return addRecord(databaseId, `Record ${index}`);
	});
}

const status = (name: string) => ({ Status: { select: { name } } });

function trigger(databaseId: string, parameters: IDataObject = {}, options: ConstructorParameters<typeof Poller>[2] = {}): Poller {
	return new Poller(sandbox, { event: 'recordAddedOrUpdated', databaseId: byId(databaseId), ...parameters }, options);
}

const queries = (): any[] => sandbox.requests.filter((request: any) => request.path.endsWith('/query'));
const lastQuery = (): any => queries().at(-1);

let workspaces = 0;

/** A workspace of its own (set the clock first): a token that sees only a new root page and the pages under it. */
function workspace() {
	const token = `workspace-token-${++workspaces}`;
	const root = sandbox.addPage({ title: `Workspace ${workspaces}` });
	sandbox.addToken(token, ALL_SCOPES, { sharedPages: [root.id as string] });
	return {
		add: (title: string): IDataObject => sandbox.addPage({ title, parent: { type: 'page_id', page_id: root.id } }),
		trigger: (parameters: IDataObject = {}, pollBudgetMs?: number) =>
			new Poller(sandbox, { event: 'pageAddedOrUpdated', ...parameters }, { credentials: { apiToken: token }, pollBudgetMs }),
	};
}

/** A database with one record from an hour before T0, the clock standing at T0, and a trigger activated on it. */
async function activated(parameters: IDataObject = {}, options: ConstructorParameters<typeof Poller>[2] = {}) {
	sandbox.clock.set(Date.parse(T0) - 3_600_000);
	const db = database();
	const old = addRecord(db, 'Ship v0.9');
	sandbox.clock.set(T0);
	const poller = trigger(db, parameters, options);
	expect(await poller.activate()).toEqual({ items: null, events: [] });
	sandbox.reset();
	sandbox.clock.set(T0);
	return { db, old, poller };
}

describe('first activation', () => {
	it('stores where "now" is in the data, returns null, and a record added afterwards fires once', async () => {
		const { db, poller } = await activated();
		expect(poller.saved).toEqual(poller.memory);
		expect(poller.state).toMatchObject({ checkpoint: '2026-04-09T08:00:00.000Z' });
		sandbox.clock.advance(1_000);
		const created = addRecord(db, 'Ship v1.0');
		const first = await poller.tick();
		expect(first.events).toEqual([`added ${created.id}`]);
		expect(first.items?.[0].json).toMatchObject({
			event: 'added',
			id: created.id,
			title: 'Ship v1.0',
			properties: { Name: 'Ship v1.0', Status: null, Notes: '' },
		});
		expect(poller.state).toMatchObject({ checkpoint: '2026-04-09T09:00:01.000Z' });
		expect(await poller.tick()).toEqual({ items: null, events: [] });
	});

	it('reads the newest records without the filter, oldest-first queries come later with it', async () => {
		sandbox.clock.set(T0);
		const db = database();
		addRecord(db, 'Ship v0.9');
		const poller = trigger(db, { filterType: 'json', filterJson: JSON.stringify({ property: 'Status', select: { equals: 'Done' } }) });
		await poller.activate();
		expect(queries().map((request: any) => request.body)).toEqual([
			{ sorts: [{ timestamp: 'last_edited_time', direction: 'descending' }], page_size: 100 },
		]);
		sandbox.clock.advance(1_000);
		const done = addRecord(db, 'Ship v1.0', status('Done'));
		addRecord(db, 'Ship v1.1', status('Doing'));
		expect((await poller.tick()).events).toEqual([`added ${done.id}`]);
		expect(lastQuery().body).toEqual({
			sorts: [{ timestamp: 'last_edited_time', direction: 'ascending' }],
			filter: {
				and: [
					{ timestamp: 'last_edited_time', last_edited_time: { on_or_after: '2026-04-09T08:58:00.000Z' } },
					{ property: 'Status', select: { equals: 'Done' } },
				],
			},
			page_size: 100,
		});
	});

	it('fails on a bad token, a missing database, a missing capability or bad input with what to fix, storing nothing', async () => {
		const db = database();
		const revoked = trigger(db, {}, { credentials: { apiToken: 'revoked-token' } });
		await expect(revoked.activate()).rejects.toMatchObject({
			message: expect.stringContaining('Buildin API error 401 (unauthorized'),
			description: expect.stringContaining('Create a new integration token'),
		});
		const missing = trigger('99999999-9999-4999-8999-999999999999');
		await expect(missing.activate()).rejects.toMatchObject({
			message: expect.stringContaining('Buildin API error 404'),
			description: expect.stringContaining('No database with this ID is visible to the integration'),
		});
		sandbox.addToken('pages-only-token', ['pages.read']);
		const unshared = trigger(db, {}, { credentials: { apiToken: 'pages-only-token' } });
		await expect(unshared.activate()).rejects.toMatchObject({
			message: expect.stringContaining('Buildin API error 403'),
			description: expect.stringContaining('the databases.read capability'),
		});
		for (const poller of [revoked, missing, unshared]) expect(poller.saved).toEqual({});
		const wrongId = trigger('not-a-database');
		const requests = sandbox.requests.length;
		await expect(wrongId.activate()).rejects.toMatchObject({ message: expect.stringContaining('Database: "not-a-database" is not a Buildin ID or URL') });
		const badFilter = trigger(db, { filterType: 'json', filterJson: '{"property": "Status",' });
		await expect(badFilter.activate()).rejects.toMatchObject({ message: expect.stringMatching(/^Filter \(JSON\): /) });
		// An expression can give what the editor's bounds would not let anyone type.
		const noItems = trigger(db, { options: { maxItems: '={{ 0 }}' } });
		await expect(noItems.activate()).rejects.toMatchObject({ message: 'Max Items per Poll: 0 is not a whole number from 1 to 500' });
		const lookback = trigger(db, { options: { firstActivation: 'lastHours', lookbackHours: '={{ "a day" }}' } });
		await expect(lookback.activate()).rejects.toMatchObject({ message: 'Hours to Look Back: "a day" is not a number' });
		expect(sandbox.requests).toHaveLength(requests);
	});

	it('with Changes in the Last Hours fires what changed since then by Buildin\'s clock', async () => {
		sandbox.clock.set(Date.parse(T0) - 3 * 3_600_000);
		const db = database();
		addRecord(db, 'Three hours ago');
		sandbox.clock.set(Date.parse(T0) - 3_600_000);
		const recent = addRecord(db, 'An hour ago');
		sandbox.clock.set(T0);
		const poller = trigger(db, { options: { firstActivation: 'lastHours', lookbackHours: 2 } });
		expect((await poller.activate()).events).toEqual([`added ${recent.id}`]);
		expect(await poller.tick()).toEqual({ items: null, events: [] });
	});

	it('of an empty database fires every record that appears, as added', async () => {
		sandbox.clock.set(T0);
		const db = database();
		const poller = trigger(db);
		await poller.activate();
		expect(poller.state).toMatchObject({ checkpoint: null });
		const first = addRecord(db, 'First');
		expect((await poller.tick()).events).toEqual([`added ${first.id}`]);
	});
});

describe('events', () => {
	it('Record Added or Updated says which: a new record added, an edit of an existing one updated', async () => {
		const { db, old, poller } = await activated();
		sandbox.clock.advance(1_000);
		sandbox.updatePage(old.id as string, { properties: status('Doing') });
		sandbox.clock.advance(1_000);
		const created = addRecord(db, 'Ship v1.0');
		expect((await poller.tick()).events).toEqual([`updated ${old.id}`, `added ${created.id}`]);
	});

	it('Record Added ignores edits; Record Updated ignores new records but fires their later edits', async () => {
		const added = await activated({ event: 'recordAdded' });
		sandbox.clock.advance(1_000);
		sandbox.updatePage(added.old.id as string, { title: 'Ship v0.9.1' });
		expect((await added.poller.tick()).events).toEqual([]);
		expect(lastQuery().body.sorts).toEqual([{ timestamp: 'created_time', direction: 'ascending' }]);

		const updated = await activated({ event: 'recordUpdated' });
		sandbox.clock.advance(1_000);
		const created = addRecord(updated.db, 'Ship v1.0');
		expect(await updated.poller.tick()).toEqual({ items: null, events: [] });
		sandbox.clock.advance(1_000);
		sandbox.updatePage(created.id as string, { properties: status('Done') });
		expect((await updated.poller.tick()).events).toEqual([`updated ${created.id}`]);
	});

	it('Watch Properties fires an update only when a watched property changed', async () => {
		const { old, poller } = await activated({ event: 'recordUpdated', options: { watchProperties: ['Status|select'] } });
		sandbox.clock.advance(1_000);
		sandbox.updatePage(old.id as string, { properties: { Notes: { rich_text: [{ type: 'text', text: { content: 'typo fixed' } }] } } });
		expect((await poller.tick()).events).toEqual([]);
		sandbox.clock.advance(1_000);
		sandbox.updatePage(old.id as string, { properties: status('Done') });
		expect((await poller.tick()).events).toEqual([`updated ${old.id}`]);
	});

	it('Page Added or Updated in the Workspace reads Search newest first, back to the checkpoint only', async () => {
		sandbox.clock.set(Date.parse(T0) - 2 * 3_600_000);
		const space = workspace();
		for (let index = 0; index < 120; index++) space.add(`Archive ${index}`);
		sandbox.clock.set(Date.parse(T0) - 3_600_000);
		const page = space.add('Release Checklist');
		sandbox.clock.set(T0);
		const poller = space.trigger();
		await poller.activate();
		sandbox.reset();
		sandbox.clock.set(T0);
		sandbox.updatePage(page.id as string, { title: 'Release Checklist (v1.0)' });
		sandbox.clock.advance(1_000);
		const created = space.add('Retrospective');
		const result = await poller.tick();
		expect(result.events).toEqual([`updated ${page.id}`, `added ${created.id}`]);
		expect(result.items?.[0].json).toMatchObject({ title: 'Release Checklist (v1.0)', object: 'page' });
		// The archives are older than the read start: one request, not the whole workspace.
		expect(sandbox.requests.map((request: any) => [request.path, request.body.sort])).toEqual([
			['/v2/search', { timestamp: 'last_edited_time', direction: 'descending' }],
		]);
		expect((sandbox.requests[0].body as IDataObject).filter).toEqual({ property: 'object', value: 'page' });
	});

	it('Simplify off gives the record as Buildin returns it, plus event', async () => {
		const { db, poller } = await activated({ simplify: false });
		sandbox.clock.advance(1_000);
		const created = addRecord(db, 'Ship v1.0');
		const [item] = (await poller.tick()).items ?? [];
		expect(item.json).toEqual({ event: 'added', ...sandbox.getPage(created.id as string) });
	});
});

describe('a record fires once per version', () => {
	it('whole-minute timestamps: a second edit within the same minute fires again, re-reading the overlap never does', async () => {
		const { old, poller } = await activated();
		sandbox.clock.setPrecision('minute');
		sandbox.clock.advance(61_000);
		const first = sandbox.updatePage(old.id as string, { properties: status('Doing') });
		expect((await poller.tick()).events).toEqual([`updated ${old.id}`]);
		sandbox.clock.advance(20_000);
		const second = sandbox.updatePage(old.id as string, { properties: status('Done') });
		expect(second.last_edited_time).toBe(first.last_edited_time);
		const again = await poller.tick();
		expect(again.events).toEqual([`updated ${old.id}`]);
		expect(again.items?.[0].json.properties).toMatchObject({ Status: 'Done' });
		sandbox.clock.advance(30_000);
		expect((await poller.tick()).events).toEqual([]);
	});

	it('a record that becomes visible late, with an older timestamp than one already fired, fires when it appears', async () => {
		const { db, poller } = await activated();
		sandbox.clock.setVisibilityLag(45_000);
		const slow = addRecord(db, 'Written slowly');
		sandbox.clock.setVisibilityLag(0);
		sandbox.clock.advance(5_000);
		const fast = addRecord(db, 'Written fast');
		expect((await poller.tick()).events).toEqual([`added ${fast.id}`]);
		sandbox.clock.advance(60_000);
		expect((await poller.tick()).events).toEqual([`added ${slow.id}`]);
		expect(await poller.tick()).toEqual({ items: null, events: [] });
	});

	it('an edit during the scan: every record fires once, the edited one once more as updated, none is skipped', async () => {
		const { db, poller } = await activated({ options: { maxItems: 500 } });
		const records = addRecords(db, 150);
		const edited = records[10];
		sandbox.onRequest((request: any) => {
			if (!request.path.endsWith('/query') || queries().length !== 2) return;
			sandbox.clock.advance(1_000);
			sandbox.updatePage(edited.id as string, { properties: status('Doing') });
		});
		const result = await poller.tick();
		expect(result.events.filter((event) => event.startsWith('added')).sort()).toEqual(records.map((record) => `added ${record.id}`).sort());
		expect(result.events.filter((event) => event.startsWith('updated'))).toEqual([`updated ${edited.id}`]);
		expect(await poller.tick()).toEqual({ items: null, events: [] });
	});
});

describe('how much a poll reads', () => {
	it('Max Items per Poll: a backlog drains over several polls, oldest first, in pages of 100, none repeated', async () => {
		const { db, poller } = await activated({ options: { maxItems: 50 } });
		const records = addRecords(db, 120);
		const fired: string[] = [];
		for (const expected of [50, 50, 20, 0]) {
			const result = await poller.tick();
			expect(result.events).toHaveLength(expected);
			fired.push(...result.events);
		}
		expect(fired).toEqual(records.map((record) => `added ${record.id}`));
		expect(queries().every((request: any) => request.body.page_size === 100)).toBe(true);
	});

	it("stops at n8n's poll budget and leaves the rest to the next poll; n8n without a budget reads on", async () => {
		const { db, poller } = await activated({ options: { maxItems: 500 } }, { pollBudgetMs: 0 });
		const records = addRecords(db, 150);
		// One page of 100: the record the baseline saw (in the overlap, passed over) and 99 new ones.
		const fired = (await poller.tick()).events;
		expect(fired).toHaveLength(99);
		expect(queries()).toHaveLength(1);
		// Each later poll reads past the overlap it has to re-read, however short its budget, and fires something.
		for (let poll = 0; poll < 3 && fired.length < records.length; poll++) {
			const next = (await poller.tick()).events;
			expect(next.length).toBeGreaterThan(0);
			fired.push(...next);
		}
		expect(fired).toEqual(records.map((record) => `added ${record.id}`));
		expect(await poller.tick()).toEqual({ items: null, events: [] });

		const older = await activated({ options: { maxItems: 500 } }, { pollBudgetMs: null });
		for (let index = 0; index < 150; index++) addRecord(older.db, `Record ${index}`);
		expect((await older.poller.tick()).events).toHaveLength(150);
	});

	it('the workspace: a backlog the budget does not let it read back to the checkpoint starts from the oldest change read, and says so', async () => {
		sandbox.clock.set(T0);
		const space = workspace();
		const poller = space.trigger({ options: { maxItems: 500 } }, 0);
		await poller.activate();
		const pages = Array.from({ length: 150 }, (_, index) => {
			sandbox.clock.advance(1_000);
			return space.add(`Page ${index}`);
		});
		const lines = logLines.length;
		expect((await poller.tick()).events).toEqual(pages.slice(50).map((page) => `added ${page.id}`));
		expect(JSON.stringify(logLines.slice(lines))).toContain('more pages changed since the last poll than one poll reads');
		expect(await poller.tick()).toEqual({ items: null, events: [] });
	});

	it('a record without an id or timestamp is an API error; nothing is stored and the next poll fires the record', async () => {
		const { db, poller } = await activated();
		const record = addRecord(db, 'Ship v1.0');
		const before = JSON.stringify(poller.memory);
		sandbox.injectFault({
			path: `/v2/databases/${db}/query`,
			body: JSON.stringify({ object: 'list', results: [{ object: 'page' }], has_more: false, next_cursor: null }),
			contentType: 'application/json',
		});
		await expect(poller.tick()).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Buildin returned a page without an id, created_time or last_edited_time',
			context: expect.objectContaining({ unexpectedAnswer: true }),
		});
		expect(JSON.stringify(poller.memory)).toBe(before);
		expect((await poller.tick()).events).toEqual([`added ${record.id}`]);
	});

	it('a 429 that outlasts the retries fails the poll and stores nothing; the next poll fires the same changes once', async () => {
		const { db, poller } = await activated({ options: { maxItems: 500 } });
		const records = addRecords(db, 150);
		sandbox.onRequest((request: any) => {
			if (request.path.endsWith('/query') && queries().length === 2) {
				sandbox.injectFault({ path: request.path, status: 429, retryAfter: 0, times: 5 });
			}
		});
		const before = JSON.stringify(poller.memory);
		await expect(poller.tick()).rejects.toMatchObject({ message: expect.stringContaining('Buildin API error 429 (rate_limited') });
		expect(queries().filter((request: any) => request.status === 429)).toHaveLength(5);
		expect(JSON.stringify(poller.memory)).toBe(before);
		sandbox.onRequest(undefined);
		const retried = await poller.tick();
		expect(retried.events).toEqual(records.map((record) => `added ${record.id}`));
	});
});

describe('state', () => {
	it('survives a restart: changes made while n8n was down fire once each after it, none missed or repeated', async () => {
		const { db, old, poller } = await activated();
		sandbox.clock.advance(1_000);
		const first = addRecord(db, 'Before the stop');
		expect((await poller.tick()).events).toEqual([`added ${first.id}`]);
		// A poll that finds nothing returns null: n8n does not save, and a restart forgets what it changed.
		expect((await poller.tick()).events).toEqual([]);
		poller.restart();
		sandbox.clock.advance(600_000);
		const during = addRecord(db, 'While n8n was down');
		sandbox.clock.advance(1_000);
		sandbox.updatePage(old.id as string, { properties: status('Done') });
		sandbox.clock.advance(1_000);
		sandbox.updatePage(first.id as string, { properties: status('Doing') });
		const after = await poller.tick();
		expect(after.events).toEqual([`added ${during.id}`, `updated ${old.id}`, `updated ${first.id}`]);
		poller.restart();
		expect(await poller.tick()).toEqual({ items: null, events: [] });
	});

	it('is plain JSON in one top-level key of the node\'s static data, and stays small', async () => {
		const { db, poller } = await activated({ options: { maxItems: 500 } });
		for (let index = 0; index < 300; index++) addRecord(db, `Record ${index}`);
		await poller.tick();
		expect(Object.keys(poller.memory)).toEqual(['node:Buildin Trigger']);
		expect(Object.keys(poller.memory['node:Buildin Trigger'] as IDataObject)).toEqual(['buildinTrigger']);
		expect(JSON.stringify(poller.memory).length).toBeLessThan(40_000);
	});

	it('starts over from now when the database, the event or the filter changes', async () => {
		const { old, poller } = await activated();
		sandbox.clock.advance(1_000);
		sandbox.updatePage(old.id as string, { properties: status('Doing') });
		const other = database();
		addRecord(other, 'Elsewhere');
		for (const parameters of [{ databaseId: byId(other) }, { event: 'recordUpdated' }, { filterType: 'json', filterJson: '{"property": "Status", "select": {"equals": "Doing"}}' }]) {
			const changed = new Poller(sandbox, { ...poller.node.parameters, ...parameters });
			changed.memory = structuredClone(poller.memory);
			expect(await changed.activate()).toEqual({ items: null, events: [] });
			expect((changed.state as IDataObject).target).not.toBe((poller.state as IDataObject).target);
		}
		expect((await poller.tick()).events).toEqual([`updated ${old.id}`]);
	});

	it('overlapping polls: a poll that starts while the previous one runs returns null without a request', async () => {
		const { db, poller } = await activated();
		sandbox.clock.advance(1_000);
		const created = addRecord(db, 'Ship v1.0');
		// The second tick of the same workflow starts when the first one's request has arrived and waits for its answer.
		const second = new Poller(sandbox, poller.node.parameters, { workflowId: poller.workflowId });
		second.memory = structuredClone(poller.memory);
		let overlapping: Promise<unknown> | undefined;
		sandbox.onRequest(() => {
			overlapping ??= second.tick();
		});
		sandbox.setLatency(200);
		const slow = await poller.tick();
		expect(slow.events).toEqual([`added ${created.id}`]);
		expect(await overlapping).toEqual({ items: null, events: [] });
		expect(queries()).toHaveLength(1);
	});
});

describe('manual runs (Fetch Test Event)', () => {
	it('return the newest matching record, labelled, and never touch the state', async () => {
		const { db, poller } = await activated({ filterType: 'json', filterJson: '{"property": "Status", "select": {"equals": "Doing"}}' });
		sandbox.clock.advance(1_000);
		const doing = addRecord(db, 'Ship v1.0', status('Doing'));
		sandbox.clock.advance(1_000);
		addRecord(db, 'Ship v1.1', status('Todo'));
		const before = structuredClone(poller.memory);
		const sample = await poller.manual();
		expect(sample.events).toEqual([`added ${doing.id}`]);
		expect(sample.staticData).toEqual(before);
		expect(sample.changed).toBe(false);
		expect(lastQuery().body).toEqual({
			sorts: [{ timestamp: 'last_edited_time', direction: 'descending' }],
			filter: { property: 'Status', select: { equals: 'Doing' } },
			page_size: 1,
		});
	});

	it('run as n8n runs them (WorkflowExecute in manual mode), and say so when nothing matches yet', async () => {
		const db = database();
		const node = { ...trigger(db).node };
		const empty = await runWorkflow({ nodes: [node], credentials: { buildinApi: { apiToken: TOKEN, baseUrl: sandbox.url } } });
		expect(empty.data.resultData.error.message).toContain('No record of the database matches yet');
		const created = addRecord(db, 'Ship v1.0');
		const run = await runWorkflow({ nodes: [node], credentials: { buildinApi: { apiToken: TOKEN, baseUrl: sandbox.url } } });
		expect(nodeOutput(run, 'Buildin Trigger').map((item: any) => item.json.id)).toEqual([created.id]);
	});

});
