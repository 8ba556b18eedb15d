// The Buildin Trigger's poll planning, free of I/O: which records fire, as what, and what state the next poll starts
// from. poll.ts does the reading and hands the records over in the order Buildin returns them (oldest first).
import type { IDataObject } from 'n8n-workflow';

import { fingerprint } from '../helpers/fingerprint';
import { plainPropertyValue } from '../helpers/simplify';

/** The trigger's events, as the Event parameter stores them. */
export type TriggerEvent = 'recordAdded' | 'recordUpdated' | 'recordAddedOrUpdated' | 'pageAddedOrUpdated';

/** What an output item says in `event`. */
export type ChangeKind = 'added' | 'updated';

/**
 * How far before the checkpoint every poll reads again. Buildin's timestamp precision is undocumented: at whole
 * minutes, edits made later in the checkpoint's minute carry the checkpoint itself (reads start on or after it, so
 * they are read), and a record may become visible to queries some time after its timestamp. Two minutes cover a
 * whole-minute timestamp plus a minute of such lag, and cost nothing at millisecond precision but re-reading them.
 */
export const OVERLAP_MS = 2 * 60_000;

/** Versions kept to recognise re-read records; beyond it the oldest timestamps are given up (see settle). */
export const MAX_SEEN = 1000;

/** Records whose watched values are remembered, the most recently read kept. */
export const MAX_WATCHED = 1000;

/** Bumped when the state's shape changes: a state of another shape starts over. */
const STATE_VERSION = 1;

/** The timestamp an event reads and orders records by. */
export function timestampOf(event: TriggerEvent): 'created_time' | 'last_edited_time' {
	return event === 'recordAdded' ? 'created_time' : 'last_edited_time';
}

/** One version of a record: its timestamp and, for updates, a fingerprint of its content. */
export type SeenVersion = [time: string] | [time: string, content: string];

/** The trigger's state in the node's static data: plain JSON, bounded by MAX_SEEN and MAX_WATCHED. */
export interface TriggerState {
	/** Which event, database, filter and watched properties this state belongs to (a digest). */
	target: string;
	/** The newest timestamp read, taken from the data; null when the database had no record at the baseline. */
	checkpoint: string | null;
	/** Reads start no earlier than this: set after a burst overflowed the seen versions, or by a look-back start. */
	floor?: string;
	/** Versions already handled (fired or passed over) whose timestamps are inside the re-read window, by record id. */
	seen: Record<string, SeenVersion>;
	/** A digest of the watched properties' values by record id, the most recently read last (Watch Properties). */
	watched?: Record<string, string>;
}

/** What the trigger watches: a change of any of these starts over from now. */
export interface Target {
	event: TriggerEvent;
	databaseId?: string;
	filter?: IDataObject;
	watch: string[];
}

export function targetKey(target: Target): string {
	return fingerprint({ version: STATE_VERSION, ...target, watch: [...target.watch].sort() });
}

/** A record as the planning sees it. */
export interface RecordVersion {
	id: string;
	/** The event's timestamp (created_time for Record Added, last_edited_time otherwise). */
	time: string;
	created: string;
	/** A digest of the content, for update events: a second edit with the same timestamp still differs here. */
	content?: string;
	/** A digest of the watched properties' values, when Watch Properties is set. */
	watched?: string;
}

/** Property types Buildin computes: they change without anyone editing the record, so they are no part of a version. */
const COMPUTED_TYPES = new Set(['formula', 'rollup', 'created_time', 'last_edited_time', 'created_by', 'last_edited_by']);

const isTimestamp = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** A page or record read from Buildin as a version, or undefined when it lacks an id or the timestamps. */
export function recordVersion(record: IDataObject, event: TriggerEvent, watch: string[]): RecordVersion | undefined {
	const time = record[timestampOf(event)];
	const { id, created_time: created } = record;
	if (typeof id !== 'string' || !isTimestamp(time) || !isTimestamp(created)) return undefined;
	const properties = (record.properties ?? {}) as IDataObject;
	const version: RecordVersion = { id, time, created };
	if (event !== 'recordAdded') {
		const edited = Object.entries(properties).filter(([, property]) => !COMPUTED_TYPES.has(String((property as IDataObject)?.type)));
		const { icon, cover, in_trash: inTrash, parent } = record;
		version.content = fingerprint({ properties: Object.fromEntries(edited), icon, cover, inTrash, parent });
	}
	if (watch.length > 0) version.watched = fingerprint(watch.map((name) => [name, plainPropertyValue(properties[name])]));
	return version;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Where the next read starts (ms): the overlap before the checkpoint, or the floor if later; -Infinity reads all. */
function windowStartMs(state: Pick<TriggerState, 'checkpoint' | 'floor'>): number {
	if (state.checkpoint === null) return Number.NEGATIVE_INFINITY;
	const overlap = Date.parse(state.checkpoint) - OVERLAP_MS;
	return state.floor === undefined ? overlap : Math.max(overlap, Date.parse(state.floor));
}

/** The timestamp the next read starts on or after, or undefined to read everything (the database was empty). */
export function readFrom(state: TriggerState): string | undefined {
	const start = windowStartMs(state);
	return Number.isFinite(start) ? iso(start) : undefined;
}

const sameVersion = (a: SeenVersion | undefined, b: SeenVersion) => a !== undefined && a[0] === b[0] && a[1] === b[1];

/**
 * Drops the versions the next read will not meet again (older than its start) and bounds what is left: when more
 * than MAX_SEEN versions remain (a burst of changes within the overlap), the oldest timestamps are given up whole
 * and the floor moves past them, so those records are not read again rather than fired again.
 */
function settle(state: TriggerState): TriggerState {
	const start = windowStartMs(state);
	let seen = Object.entries(state.seen).filter(([, [time]]) => Date.parse(time) >= start);
	// A floor the overlap has moved past says nothing any more.
	let floor = state.floor !== undefined && windowStartMs({ checkpoint: state.checkpoint }) < Date.parse(state.floor) ? state.floor : undefined;
	if (seen.length > MAX_SEEN) {
		const times = seen.map(([, [time]]) => Date.parse(time)).sort((a, b) => a - b);
		const cutMs = times[seen.length - MAX_SEEN - 1];
		seen = seen.filter(([, [time]]) => Date.parse(time) > cutMs);
		floor = iso(cutMs + 1);
	}
	const next: TriggerState = { target: state.target, checkpoint: state.checkpoint, seen: Object.fromEntries(seen) };
	if (floor !== undefined) next.floor = floor;
	if (state.watched !== undefined) next.watched = Object.fromEntries(Object.entries(state.watched).slice(-MAX_WATCHED));
	return next;
}

/**
 * The state of a first activation, or after the target changed: the checkpoint is the newest timestamp in the data
 * ("now" as Buildin sees it) and every version inside the re-read window counts as handled, so nothing that exists
 * already fires. `newestFirst` are the records read from the newest on; `complete` says whether the reading got
 * past the window (or to the last record): if not, the floor keeps the next reads from what was not read.
 */
export function baselineState(target: string, newestFirst: RecordVersion[], complete: boolean, watching: boolean): TriggerState {
	const seen: Record<string, SeenVersion> = {};
	const watched: Record<string, string> = {};
	// Oldest first, so the newest version of a record read twice wins and the watched digests end most recent last.
	for (const version of [...newestFirst].reverse()) {
		seen[version.id] = version.content === undefined ? [version.time] : [version.time, version.content];
		if (version.watched !== undefined) {
			delete watched[version.id];
			watched[version.id] = version.watched;
		}
	}
	const state: TriggerState = { target, checkpoint: newestFirst[0]?.time ?? null, seen };
	const oldest = newestFirst.at(-1);
	if (!complete && oldest !== undefined) state.floor = iso(Date.parse(oldest.time) + 1);
	if (watching) state.watched = watched;
	return settle(state);
}

/** The state of a first activation that looks back: everything from `from` on (Buildin's clock) is read as new. */
export function lookbackState(target: string, from: string, watching: boolean): TriggerState {
	const state: TriggerState = { target, checkpoint: from, floor: from, seen: {} };
	if (watching) state.watched = {};
	return state;
}

/** The stored state if it is one of this trigger's for this target, after a JSON round trip; otherwise undefined. */
export function storedState(stored: unknown, target: string): TriggerState | undefined {
	if (stored === null || typeof stored !== 'object') return undefined;
	const { target: storedTarget, checkpoint, floor, seen, watched } = stored as Partial<TriggerState>;
	if (storedTarget !== target || !(checkpoint === null || isTimestamp(checkpoint))) return undefined;
	if (floor !== undefined && !isTimestamp(floor)) return undefined;
	if (seen === null || typeof seen !== 'object') return undefined;
	if (!Object.values(seen).every((version) => Array.isArray(version) && isTimestamp(version[0]))) return undefined;
	if (watched !== undefined && (watched === null || typeof watched !== 'object')) return undefined;
	return stored as TriggerState;
}

/** The event a manual run ("Fetch Test Event") labels its sample with. */
export function sampleKind(version: RecordVersion, event: TriggerEvent): ChangeKind {
	if (event === 'recordAdded') return 'added';
	if (event === 'recordUpdated') return 'updated';
	return version.created === version.time ? 'added' : 'updated';
}

export interface ScanSettings {
	event: TriggerEvent;
	maxItems: number;
	/** Whether Watch Properties is set: then "updated" fires only when a watched value changed. */
	watching: boolean;
}

/**
 * One poll's pass over the records, offered oldest first. A record fires once per version: a version already
 * handled is passed over, so re-reading the overlap never fires twice, while a second edit with the same timestamp
 * still differs in its content. The state given is never changed; next() gives the state after the pass, which the
 * poll stores only once it succeeded.
 */
export class Scan {
	private readonly seen: Record<string, SeenVersion>;
	private readonly watched: Record<string, string> | undefined;
	private readonly windowStartMs: number;
	private readonly checkpointMs: number;
	private newestMs: number;
	private fired = 0;

	constructor(
		private readonly state: TriggerState,
		private readonly settings: ScanSettings,
	) {
		this.seen = { ...state.seen };
		this.watched = settings.watching ? { ...state.watched } : undefined;
		this.windowStartMs = windowStartMs(state);
		this.checkpointMs = state.checkpoint === null ? Number.NEGATIVE_INFINITY : Date.parse(state.checkpoint);
		this.newestMs = this.checkpointMs;
	}

	/**
	 * Whether the pass got past the checkpoint. Until it does, the poll reads on even beyond its budget: otherwise an
	 * overlap holding more records than the budget lets it read would be read again at every poll, never further.
	 */
	get advanced(): boolean {
		return this.newestMs > this.checkpointMs;
	}

	/** Max Items per Poll fired: the rest waits for the next poll. */
	get full(): boolean {
		return this.fired >= this.settings.maxItems;
	}

	/**
	 * The next record: what it fires as, or undefined when it does not fire (a version already handled, a new record
	 * under Record Updated, an update that left the watched properties as they were).
	 */
	offer(record: RecordVersion): ChangeKind | undefined {
		const { event } = this.settings;
		const version: SeenVersion = record.content === undefined ? [record.time] : [record.time, record.content];
		const before = this.seen[record.id];
		if (sameVersion(before, version)) return undefined;
		const isNew = event === 'recordAdded' || (before === undefined && Date.parse(record.created) >= this.windowStartMs);
		const kind: ChangeKind = isNew ? 'added' : 'updated';
		delete this.seen[record.id];
		this.seen[record.id] = version;
		this.newestMs = Math.max(this.newestMs, Date.parse(record.time));
		let fires = kind === 'updated' || event !== 'recordUpdated';
		if (this.watched !== undefined) {
			const watchedBefore = this.watched[record.id];
			delete this.watched[record.id];
			this.watched[record.id] = record.watched ?? '';
			if (kind === 'updated' && watchedBefore === record.watched) fires = false;
		}
		if (!fires) return undefined;
		this.fired++;
		return kind;
	}

	/** The state after this pass: the checkpoint moves to the newest timestamp handled. */
	next(): TriggerState {
		const checkpoint = Number.isFinite(this.newestMs) ? iso(this.newestMs) : null;
		const next: TriggerState = { target: this.state.target, checkpoint, seen: this.seen };
		if (this.state.floor !== undefined) next.floor = this.state.floor;
		if (this.watched !== undefined) next.watched = this.watched;
		return settle(next);
	}
}
