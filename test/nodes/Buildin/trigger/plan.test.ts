// The Buildin Trigger's poll planning, without HTTP: a small in-memory database answers the query the poll would send
// (records on or after the read start, oldest first), and the state goes through JSON between polls as n8n stores it.
import {
	baselineState,
	lookbackState,
	MAX_SEEN,
	OVERLAP_MS,
	readFrom,
	recordVersion,
	sampleKind,
	Scan,
	storedState,
	targetKey,
	type RecordVersion,
	type ScanSettings,
	type TriggerEvent,
	type TriggerState,
} from '../../../../nodes/Buildin/trigger/plan';

const TARGET = 'target-1';
const at = (clock: string) => `2026-04-09T${clock}Z`;

/** A record version: edited at `time` (created then too, unless given), content "v1" unless given. */
function rec(id: string, time: string, extra: Partial<RecordVersion> = {}): RecordVersion {
	return { id, content: 'v1', ...extra, time: at(time), created: at(extra.created ?? time) };
}

const roundTrip = (state: TriggerState): TriggerState => JSON.parse(JSON.stringify(state));

const UPDATES: ScanSettings = { event: 'recordAddedOrUpdated', maxItems: 50, watching: false };

/**
 * One poll against the records visible now (the current version of each): those on or after the read start, oldest
 * first, as the query returns them. Returns what fired (`id:kind`) and the stored state after a JSON round trip.
 */
function poll(state: TriggerState, visible: RecordVersion[], settings: ScanSettings = UPDATES): { fired: string[]; state: TriggerState } {
	const from = readFrom(state);
	const rows = visible
		.filter((version) => from === undefined || Date.parse(version.time) >= Date.parse(from))
		.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
	const scan = new Scan(roundTrip(state), settings);
	const fired: string[] = [];
	for (const version of rows) {
		if (scan.full) break;
		const kind = scan.offer(version);
		if (kind) fired.push(`${version.id}:${kind}`);
	}
	return { fired, state: roundTrip(scan.next()) };
}

/** The baseline of a database holding `existing` (read newest first, all of it). */
function baseline(existing: RecordVersion[], watching = false): TriggerState {
	const newestFirst = [...existing].sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
	return roundTrip(baselineState(TARGET, newestFirst, true, watching));
}

describe('the baseline run (first activation)', () => {
	it('takes "now" from the newest timestamp in the data and fires nothing that exists', () => {
		const existing = [rec('a', '09:00:00.000'), rec('b', '09:29:00.000'), rec('c', '09:30:00.000')];
		const state = baseline(existing);
		expect(state.checkpoint).toBe(at('09:30:00.000'));
		// Versions inside the overlap are kept so that re-reading them fires nothing; older ones are not needed.
		expect(Object.keys(state.seen).sort()).toEqual(['b', 'c']);
		expect(readFrom(state)).toBe(at('09:28:00.000'));
		expect(poll(state, existing).fired).toEqual([]);
	});

	it('of an empty database reads everything next time, every record as added', () => {
		const state = baseline([]);
		expect(state).toEqual({ target: TARGET, checkpoint: null, seen: {} });
		expect(readFrom(state)).toBeUndefined();
		const { fired, state: next } = poll(state, [rec('a', '10:00:00.000'), rec('b', '10:00:01.000', { created: '09:00:00.000' })]);
		expect(fired).toEqual(['a:added', 'b:added']);
		expect(next.checkpoint).toBe(at('10:00:01.000'));
	});

	it('that could not read the whole overlap keeps the next reads from what it did not read', () => {
		const newestFirst = [rec('c', '09:30:00.000'), rec('b', '09:29:30.000')];
		const state = roundTrip(baselineState(TARGET, newestFirst, false, false));
		expect(state.floor).toBe(at('09:29:30.001'));
		expect(readFrom(state)).toBe(at('09:29:30.001'));
		// 'a' sits before the floor: the baseline did not read it, and the trigger does not fire it either.
		expect(poll(state, [rec('a', '09:29:00.000'), ...newestFirst]).fired).toEqual([]);
	});
});

describe('a poll', () => {
	const existing = [rec('old', '09:00:00.000')];
	const start = baseline(existing);

	it('fires a new record as added and an edit of an existing one as updated, oldest first, then nothing', () => {
		const visible = [rec('old', '09:05:00.000', { created: '09:00:00.000', content: 'v2' }), rec('new', '09:04:00.000')];
		const first = poll(start, visible);
		expect(first.fired).toEqual(['new:added', 'old:updated']);
		expect(first.state.checkpoint).toBe(at('09:05:00.000'));
		expect(poll(first.state, visible).fired).toEqual([]);
	});

	it('fires every record of a tie on one timestamp once', () => {
		const tie = ['t1', 't2', 't3'].map((id) => rec(id, '09:10:00.000'));
		const first = poll(start, tie);
		expect(first.fired).toEqual(['t1:added', 't2:added', 't3:added']);
		const fourth = rec('t4', '09:10:00.000');
		expect(poll(first.state, [...tie, fourth]).fired).toEqual(['t4:added']);
	});

	it('fires a second edit with the same timestamp as the first (whole-minute precision), by its content', () => {
		const first = poll(start, [rec('old', '09:10:00.000', { created: '09:00:00.000', content: 'Status: Doing' })]);
		expect(first.fired).toEqual(['old:updated']);
		const second = poll(first.state, [rec('old', '09:10:00.000', { created: '09:00:00.000', content: 'Status: Done' })]);
		expect(second.fired).toEqual(['old:updated']);
		expect(second.state.checkpoint).toBe(at('09:10:00.000'));
	});

	it('fires a record that becomes visible late, within the overlap, when it appears', () => {
		const a = rec('a', '09:10:00.000');
		const b = rec('b', '09:10:30.000');
		const late = rec('late', '09:09:40.000');
		const first = poll(start, [a, b]);
		expect(first.fired).toEqual(['a:added', 'b:added']);
		const second = poll(first.state, [a, b, late]);
		expect(second.fired).toEqual(['late:added']);
		expect(second.state.checkpoint).toBe(at('09:10:30.000'));
	});

	it('does not go back further than the overlap: a record visible later than that is not fired', () => {
		const first = poll(start, [rec('a', '09:10:00.000')]);
		expect(readFrom(first.state)).toBe(new Date(Date.parse(at('09:10:00.000')) - OVERLAP_MS).toISOString());
		expect(poll(first.state, [rec('a', '09:10:00.000'), rec('too-late', '09:07:59.999')]).fired).toEqual([]);
	});

	it('fires an edit made during the scan once per version: the record met again later fires as updated', () => {
		const scan = new Scan(start, UPDATES);
		expect(scan.offer(rec('a', '09:10:00.000'))).toBe('added');
		expect(scan.offer(rec('b', '09:10:01.000'))).toBe('added');
		// 'a' was edited while the next page was being read, so it comes again with its new version.
		expect(scan.offer(rec('a', '09:10:02.000', { created: '09:10:00.000', content: 'v2' }))).toBe('updated');
		// The keyset read meets the last record of a page again on the next page: the same version does not fire.
		expect(scan.offer(rec('a', '09:10:02.000', { created: '09:10:00.000', content: 'v2' }))).toBeUndefined();
		const next = scan.next();
		expect(next.checkpoint).toBe(at('09:10:02.000'));
		expect(next.seen.a).toEqual([at('09:10:02.000'), 'v2']);
	});

	it('says whether it got past the checkpoint (until then a poll reads on, whatever its budget)', () => {
		const scan = new Scan(start, UPDATES);
		scan.offer(rec('old', '09:00:00.000', { content: 'v1' }));
		expect(scan.advanced).toBe(false);
		scan.offer(rec('a', '09:10:00.000'));
		expect(scan.advanced).toBe(true);
	});

	it('leaves the state it was given untouched, so a poll that fails (a 429 mid-scan) stores nothing', () => {
		const before = JSON.stringify(start);
		const scan = new Scan(start, UPDATES);
		scan.offer(rec('a', '09:10:00.000'));
		scan.offer(rec('old', '09:11:00.000', { created: '09:00:00.000', content: 'v2' }));
		// The second page fails: the poll throws before next() and n8n keeps the state as it was.
		expect(JSON.stringify(start)).toBe(before);
		expect(poll(start, [rec('a', '09:10:00.000'), rec('old', '09:11:00.000', { created: '09:00:00.000', content: 'v2' })]).fired).toEqual([
			'a:added',
			'old:updated',
		]);
	});

	it('stops at Max Items per Poll and resumes exactly after the last record it fired, ties included', () => {
		const visible = [
			rec('r1', '09:10:00.000'),
			rec('r2', '09:11:00.000'),
			rec('r3', '09:11:00.000'),
			rec('r4', '09:11:00.000'),
			rec('r5', '09:12:00.000'),
		];
		const settings = { ...UPDATES, maxItems: 2 };
		const first = poll(start, visible, settings);
		expect(first.fired).toEqual(['r1:added', 'r2:added']);
		expect(first.state.checkpoint).toBe(at('09:11:00.000'));
		const second = poll(first.state, visible, settings);
		expect(second.fired).toEqual(['r3:added', 'r4:added']);
		const third = poll(second.state, visible, settings);
		expect(third.fired).toEqual(['r5:added']);
		expect(poll(third.state, visible, settings).fired).toEqual([]);
	});

	it('drains a backlog after downtime over several polls, in order, without repeating one', () => {
		const backlog = Array.from({ length: 23 }, (_, index) => rec(`r${index}`, `10:${String(index).padStart(2, '0')}:00.000`));
		let state = start;
		const fired: string[] = [];
		for (let round = 0; round < 4; round++) {
			const result = poll(state, backlog, { ...UPDATES, maxItems: 10 });
			expect(result.fired.length).toBeLessThanOrEqual(10);
			fired.push(...result.fired);
			state = result.state;
		}
		expect(fired).toEqual(backlog.map((version) => `${version.id}:added`));
	});
});

describe('events', () => {
	const start = baseline([rec('old', '09:00:00.000')]);
	const edited = rec('old', '09:10:00.000', { created: '09:00:00.000', content: 'v2' });
	const created = rec('new', '09:11:00.000');

	it('Record Updated passes over records created since the last poll, then fires their later edits', () => {
		const settings: ScanSettings = { event: 'recordUpdated', maxItems: 50, watching: false };
		const first = poll(start, [edited, created], settings);
		expect(first.fired).toEqual(['old:updated']);
		const second = poll(first.state, [edited, rec('new', '09:12:00.000', { created: '09:11:00.000', content: 'v2' })], settings);
		expect(second.fired).toEqual(['new:updated']);
	});

	it('Record Added fires each record once by its creation time, whatever is edited later', () => {
		const settings: ScanSettings = { event: 'recordAdded', maxItems: 50, watching: false };
		const byCreation = (version: RecordVersion): RecordVersion => ({ ...version, time: version.created, content: undefined });
		const addedStart = baseline([byCreation(rec('old', '09:00:00.000'))]);
		const first = poll(addedStart, [byCreation(created)], settings);
		expect(first.fired).toEqual(['new:added']);
		expect(poll(first.state, [byCreation(rec('new', '09:13:00.000', { created: '09:11:00.000', content: 'v3' }))], settings).fired).toEqual([]);
	});

	it('Watch Properties fires an update only when a watched value changed, and learns unknown records', () => {
		const watching: ScanSettings = { ...UPDATES, watching: true };
		const state = baseline([rec('old', '09:00:00.000', { watched: 'Status=Todo' })], true);
		expect(state.watched).toEqual({ old: 'Status=Todo' });
		const notesOnly = poll(state, [rec('old', '09:10:00.000', { created: '09:00:00.000', content: 'notes', watched: 'Status=Todo' })], watching);
		expect(notesOnly.fired).toEqual([]);
		const status = poll(notesOnly.state, [rec('old', '09:11:00.000', { created: '09:00:00.000', content: 'status', watched: 'Status=Done' })], watching);
		expect(status.fired).toEqual(['old:updated']);
		// A record the trigger never read before: whether its watched values changed is unknown, so it fires.
		const unknown = poll(status.state, [rec('other', '09:12:00.000', { created: '08:00:00.000', watched: 'Status=Todo' })], watching);
		expect(unknown.fired).toEqual(['other:updated']);
		expect(unknown.state.watched).toEqual({ old: 'Status=Done', other: 'Status=Todo' });
	});
});

describe('state', () => {
	it('survives a JSON round trip: the same records fire after it as before', () => {
		const start = baseline([rec('old', '09:00:00.000')]);
		const visible = [rec('a', '09:10:00.000'), rec('old', '09:11:00.000', { created: '09:00:00.000', content: 'v2' })];
		const scan = new Scan(start, UPDATES);
		visible.forEach((version) => scan.offer(version));
		const next = scan.next();
		expect(roundTrip(next)).toEqual(next);
		expect(storedState(roundTrip(next), TARGET)).toEqual(next);
		expect(poll(roundTrip(next), visible).fired).toEqual([]);
	});

	it('is bounded: a burst beyond MAX_SEEN gives up its oldest timestamps and raises the floor instead of firing them again', () => {
		const start = baseline([]);
		const burst = Array.from({ length: MAX_SEEN + 5 }, (_, index) => rec(`r${index}`, `09:10:00.${String(index % 1000).padStart(3, '0')}`));
		burst.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.id.localeCompare(b.id));
		const first = poll(start, burst, { ...UPDATES, maxItems: 2000 });
		expect(first.fired).toHaveLength(MAX_SEEN + 5);
		expect(Object.keys(first.state.seen).length).toBeLessThanOrEqual(MAX_SEEN);
		expect(first.state.floor).toBeDefined();
		expect(poll(first.state, burst, { ...UPDATES, maxItems: 2000 }).fired).toEqual([]);
		expect(JSON.stringify(first.state).length).toBeLessThan(120_000);
	});

	it('of another target, or of another shape, is not used: the trigger starts over', () => {
		const state = baseline([rec('a', '09:00:00.000')]);
		expect(storedState(state, 'target-2')).toBeUndefined();
		expect(storedState({ ...state, checkpoint: 'yesterday' }, TARGET)).toBeUndefined();
		expect(storedState({ ...state, seen: { a: 'v1' } }, TARGET)).toBeUndefined();
		expect(storedState(undefined, TARGET)).toBeUndefined();
		expect(storedState('x', TARGET)).toBeUndefined();
	});

	it('belongs to a target: the event, the database, the filter and the watched properties (in any order)', () => {
		const base = { event: 'recordAddedOrUpdated' as TriggerEvent, databaseId: 'db-1', filter: { property: 'Status', select: { equals: 'Doing' } }, watch: ['Status', 'Owner'] };
		const key = targetKey(base);
		expect(targetKey({ ...base, watch: ['Owner', 'Status'] })).toBe(key);
		expect(targetKey({ ...base, filter: { property: 'Status', select: { equals: 'Doing' } } })).toBe(key);
		for (const changed of [{ event: 'recordUpdated' as TriggerEvent }, { databaseId: 'db-2' }, { filter: undefined }, { watch: ['Status'] }]) {
			expect(targetKey({ ...base, ...changed })).not.toBe(key);
		}
	});

	it('of a look-back start reads the hours before from Buildin\'s clock, records created since as added', () => {
		const state = lookbackState(TARGET, at('07:00:00.000'), false);
		expect(readFrom(state)).toBe(at('07:00:00.000'));
		const { fired, state: next } = poll(state, [
			rec('before', '06:59:59.999'),
			rec('edited', '07:30:00.000', { created: '05:00:00.000' }),
			rec('created', '08:00:00.000'),
		]);
		expect(fired).toEqual(['edited:updated', 'created:added']);
		expect(readFrom(next)).toBe(at('07:58:00.000'));
	});
});

describe('recordVersion', () => {
	const page = {
		id: 'r1',
		created_time: at('09:00:00.000'),
		last_edited_time: at('09:10:00.000'),
		properties: {
			Name: { id: 'title', type: 'title', title: [{ plain_text: 'Ship v1.0' }] },
			Status: { id: 's', type: 'select', select: { name: 'Doing' } },
			Age: { id: 'f', type: 'formula', formula: { type: 'number', number: 3 } },
		},
	};

	it('reads the event\'s timestamp and fingerprints the content, computed properties left out', () => {
		const version = recordVersion(page, 'recordUpdated', []) as RecordVersion;
		expect(version).toMatchObject({ id: 'r1', time: at('09:10:00.000'), created: at('09:00:00.000') });
		const recomputed = recordVersion({ ...page, properties: { ...page.properties, Age: { id: 'f', type: 'formula', formula: { type: 'number', number: 4 } } } }, 'recordUpdated', []);
		expect(recomputed?.content).toBe(version.content);
		const edited = recordVersion({ ...page, properties: { ...page.properties, Status: { id: 's', type: 'select', select: { name: 'Done' } } } }, 'recordUpdated', []);
		expect(edited?.content).not.toBe(version.content);
		expect(recordVersion(page, 'recordAdded', [])).toEqual({ id: 'r1', time: at('09:00:00.000'), created: at('09:00:00.000') });
	});

	it('digests only the watched values, by their plain values', () => {
		const watched = (status: string, title: string) =>
			recordVersion({ ...page, properties: { ...page.properties, Name: { type: 'title', title: [{ plain_text: title }] }, Status: { type: 'select', select: { name: status } } } }, 'recordUpdated', ['Status'])?.watched;
		expect(watched('Doing', 'A')).toBe(watched('Doing', 'B'));
		expect(watched('Doing', 'A')).not.toBe(watched('Done', 'A'));
	});

	it('refuses a record without an id or readable timestamps', () => {
		expect(recordVersion({ ...page, id: undefined }, 'recordUpdated', [])).toBeUndefined();
		expect(recordVersion({ ...page, last_edited_time: 'soon' }, 'recordUpdated', [])).toBeUndefined();
	});
});

describe('manual mode (Fetch Test Event)', () => {
	it('labels the sample by the event, or for Added or Updated by whether it was ever edited', () => {
		const fresh = rec('a', '09:00:00.000');
		const edited = rec('a', '09:10:00.000', { created: '09:00:00.000' });
		expect(sampleKind(edited, 'recordAdded')).toBe('added');
		expect(sampleKind(fresh, 'recordUpdated')).toBe('updated');
		expect(sampleKind(fresh, 'recordAddedOrUpdated')).toBe('added');
		expect(sampleKind(edited, 'pageAddedOrUpdated')).toBe('updated');
	});
});
