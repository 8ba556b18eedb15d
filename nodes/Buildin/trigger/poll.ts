// The Buildin Trigger's poll: reads what changed through the node's transport (retries, pacing, error mapping) and
// lets plan.ts decide what fires. The state is stored only when the whole poll succeeded.
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InvalidInputError } from '../helpers/errors';
import { parsePropertyKey } from '../helpers/schema';
import { simplifyPage } from '../helpers/simplify';
import { wholeNumber } from '../helpers/validate';
import { filterFromParameters } from '../parameters/filter';
import { locatorId } from '../parameters/locators';
import { databaseSchema } from '../requests/databaseSchema';
import { buildinApiRequest, type BuildinRequest } from '../transport';
import { incompleteAnswerError } from '../transport/errors';
import { fetchPage, MAX_PAGE_SIZE } from '../transport/pagination';
import { RECORD_EVENTS, TRIGGER_NUMBERS } from './description';
import {
	baselineState,
	lookbackState,
	MAX_WATCHED,
	OVERLAP_MS,
	readFrom,
	recordVersion,
	sampleKind,
	Scan,
	storedState,
	targetKey,
	timestampOf,
	type ChangeKind,
	type RecordVersion,
	type TriggerEvent,
	type TriggerState,
} from './plan';

/** The top-level key of the node's static data the state lives under (setting it is what marks the data changed). */
const STATE_KEY = 'buildinTrigger';

/** n8n 2.x gives a poll 5 minutes unless it says otherwise; older n8n has no budget at all. */
const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;

/** Pages one poll reads at most: enough to get past the overlap's versions (MAX_SEEN) and fire Max Items. */
const MAX_PAGES_PER_POLL = 30;

/** Pages a first activation reads, newest first: the overlap, or MAX_WATCHED records for Watch Properties. */
const MAX_BASELINE_PAGES = 10;

/** Polls of one trigger in flight in this n8n instance. n8n does not stop a slow poll's next tick from starting. */
const inFlight = new Set<string>();

interface Settings {
	event: TriggerEvent;
	databaseId?: string;
	filter?: IDataObject;
	watch: string[];
	simplify: boolean;
	maxItems: number;
	lookbackHours?: number;
}

interface Fired {
	record: IDataObject;
	kind: ChangeKind;
}

function inputError(ctx: IPollFunctions, error: unknown): unknown {
	if (!(error instanceof InvalidInputError)) return error;
	return new NodeOperationError(ctx.getNode(), `${error.field}: ${error.message}`, { description: error.hint });
}

/** Options → Max Items per Poll or Hours to Look Back, its default when not added. */
function triggerNumber(options: IDataObject, name: keyof typeof TRIGGER_NUMBERS): number {
	const { label, default: fallback, min, max } = TRIGGER_NUMBERS[name];
	return wholeNumber(label, options[name] ?? fallback, min, max);
}

async function readSettings(ctx: IPollFunctions): Promise<Settings> {
	const event = ctx.getNodeParameter('event', 'recordAdded') as TriggerEvent;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const settings: Settings = {
		event,
		watch: [],
		simplify: ctx.getNodeParameter('simplify', true) === true,
		maxItems: triggerNumber(options, 'maxItems'),
	};
	if (options.firstActivation === 'lastHours') settings.lookbackHours = triggerNumber(options, 'lookbackHours');
	if (!RECORD_EVENTS.includes(event)) return settings;
	const databaseId = locatorId('Database', (options) => ctx.getNodeParameter('databaseId', '', options));
	settings.databaseId = databaseId;
	settings.filter = await filterFromParameters(
		(name, fallback) => ctx.getNodeParameter(name, fallback),
		async () => await databaseSchema(ctx, 0, databaseId),
	);
	if (event !== 'recordAdded') {
		const watch = options.watchProperties;
		settings.watch = (Array.isArray(watch) ? watch : []).map((key) => parsePropertyKey(key).name).filter((name) => name !== '');
	}
	return settings;
}

/** POST /v2/databases/:id/query or POST /v2/search (pages only), with the given order and filter. */
function listRequest(settings: Settings, direction: 'ascending' | 'descending', filter?: IDataObject): BuildinRequest {
	const timestamp = timestampOf(settings.event);
	if (settings.databaseId === undefined) {
		const body = { query: '', filter: { property: 'object', value: 'page' }, sort: { timestamp, direction } };
		return { method: 'POST', path: '/v2/search', body };
	}
	const body: IDataObject = { sorts: [{ timestamp, direction }] };
	if (filter !== undefined) body.filter = filter;
	return { method: 'POST', path: `/v2/databases/${settings.databaseId}/query`, body };
}

/** The records on or after `from` (when given) that also pass the user's filter. */
function windowFilter(settings: Settings, from: string | undefined): IDataObject | undefined {
	const timestamp = timestampOf(settings.event);
	const time = from === undefined ? undefined : { timestamp, [timestamp]: { on_or_after: from } };
	if (time === undefined || settings.filter === undefined) return time ?? settings.filter;
	const { and } = settings.filter;
	return { and: [time, ...(Array.isArray(and) && Object.keys(settings.filter).length === 1 ? and : [settings.filter])] };
}

function versionOf(ctx: IPollFunctions, settings: Settings, record: IDataObject): RecordVersion {
	const version = recordVersion(record, settings.event, settings.watch);
	if (version !== undefined) return version;
	throw incompleteAnswerError(ctx.getNode(), {
		message: `Buildin returned a page without an id, created_time or ${timestampOf(settings.event)}`,
		description: 'The answer is not the page object Buildin documents. Nothing was stored: the next poll reads the same changes again.',
		written: false,
	});
}

function outputItem(settings: Settings, { record, kind }: Fired): INodeExecutionData {
	return { json: { event: kind, ...(settings.simplify ? simplifyPage(record) : record) } };
}

/** The poll's deadline for starting another request: half of n8n's budget, so the last answer still comes in time. */
function pollDeadline(ctx: IPollFunctions): number {
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;
	return Date.now() + budget / 2;
}

/**
 * The first activation's reading, newest first, without the user's filter (a record that matches only later must
 * not count as new then): past the overlap before the newest record, or MAX_WATCHED records for Watch Properties.
 */
async function readBaseline(ctx: IPollFunctions, settings: Settings): Promise<{ versions: RecordVersion[]; complete: boolean }> {
	const versions: RecordVersion[] = [];
	const pastOverlap = () => versions.length === 0 || Date.parse(versions[versions.length - 1].time) < Date.parse(versions[0].time) - OVERLAP_MS;
	let cursor: string | undefined;
	for (let pages = 0; pages < MAX_BASELINE_PAGES; pages++) {
		const page = await fetchPage.call(ctx, 0, listRequest(settings, 'descending'), MAX_PAGE_SIZE, cursor);
		versions.push(...page.results.map((record) => versionOf(ctx, settings, record)));
		if (page.nextCursor === undefined) return { versions, complete: true };
		if (pastOverlap() && (settings.watch.length === 0 || versions.length >= MAX_WATCHED)) break;
		cursor = page.nextCursor;
	}
	return { versions, complete: pastOverlap() };
}

/**
 * Where a look-back starts: that many hours before Buildin's clock (the Date header of its answer), or before the
 * newest record when Buildin sends no date; undefined for an empty database (then everything is new anyway).
 */
async function lookbackStart(ctx: IPollFunctions, settings: Settings, hours: number): Promise<string | undefined> {
	const request = listRequest(settings, 'descending');
	const { body, headers } = await buildinApiRequest.call(ctx, 0, { ...request, body: { ...request.body, page_size: 1 } });
	const [first] = Array.isArray(body.results) ? (body.results as IDataObject[]) : [];
	const newest = first === undefined ? undefined : versionOf(ctx, settings, first).time;
	const serverNow = Date.parse(String(headers.date ?? ''));
	const nowMs = Number.isNaN(serverNow) ? (newest === undefined ? Number.NaN : Date.parse(newest)) : serverNow;
	return Number.isNaN(nowMs) ? undefined : new Date(nowMs - hours * 3_600_000).toISOString();
}

/**
 * A database, oldest first from the read start. Each further page is a new query from the last timestamp read
 * (keyset), not the cursor: an edit during the scan moves a record to the end, which would shift a cursor's offsets
 * and skip a record. Only a run of one timestamp longer than a page goes on with the cursor.
 */
async function scanDatabase(ctx: IPollFunctions, settings: Settings, state: TriggerState, scan: Scan): Promise<Fired[]> {
	const fired: Fired[] = [];
	const deadline = pollDeadline(ctx);
	let from = readFrom(state);
	let cursor: string | undefined;
	for (let pages = 0; pages < MAX_PAGES_PER_POLL; pages++) {
		if (scan.advanced && Date.now() >= deadline) break;
		const request = listRequest(settings, 'ascending', windowFilter(settings, from));
		const page = await fetchPage.call(ctx, 0, request, MAX_PAGE_SIZE, cursor);
		let last: RecordVersion | undefined;
		for (const record of page.results) {
			if (scan.full) break;
			last = versionOf(ctx, settings, record);
			const kind = scan.offer(last);
			if (kind) fired.push({ record, kind });
		}
		if (scan.full || last === undefined || page.nextCursor === undefined) break;
		const sameRun = from !== undefined && Date.parse(last.time) === Date.parse(from);
		cursor = sameRun ? page.nextCursor : undefined;
		from = sameRun ? from : last.time;
	}
	return fired;
}

/**
 * The workspace through Search, which has no time filter: newest first back to the read start, then offered oldest
 * first. A backlog longer than the poll can read is started from the oldest change it reached.
 */
async function scanWorkspace(ctx: IPollFunctions, settings: Settings, state: TriggerState, scan: Scan): Promise<Fired[]> {
	const deadline = pollDeadline(ctx);
	const from = readFrom(state);
	const fromMs = from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(from);
	const newestFirst: Array<{ record: IDataObject; version: RecordVersion }> = [];
	const ids = new Set<string>();
	let reachedStart = false;
	let cursor: string | undefined;
	for (let pages = 0; pages < MAX_PAGES_PER_POLL && !reachedStart; pages++) {
		if (pages > 0 && Date.now() >= deadline) break;
		const page = await fetchPage.call(ctx, 0, listRequest(settings, 'descending'), MAX_PAGE_SIZE, cursor);
		for (const record of page.results) {
			const version = versionOf(ctx, settings, record);
			if (Date.parse(version.time) < fromMs) {
				reachedStart = true;
				break;
			}
			// A page edited while the search is read comes first again; its newest version is the one met first.
			if (!ids.has(version.id)) newestFirst.push({ record, version });
			ids.add(version.id);
		}
		cursor = page.nextCursor;
		if (cursor === undefined) reachedStart = true;
	}
	if (!reachedStart) {
		ctx.logger.warn('Buildin Trigger: more pages changed since the last poll than one poll reads; older changes are skipped', {
			oldestRead: newestFirst.at(-1)?.version.time,
			readFrom: from,
		});
	}
	const fired: Fired[] = [];
	for (const { record, version } of newestFirst.reverse()) {
		if (scan.full) break;
		const kind = scan.offer(version);
		if (kind) fired.push({ record, kind });
	}
	return fired;
}

async function pollChanges(ctx: IPollFunctions, settings: Settings): Promise<INodeExecutionData[][] | null> {
	const staticData = ctx.getWorkflowStaticData('node');
	const { event, databaseId, filter, watch } = settings;
	const target = targetKey({ event, databaseId, filter, watch });
	const watching = watch.length > 0;
	let state = storedState(staticData[STATE_KEY], target);
	if (state === undefined) {
		if (settings.lookbackHours === undefined) {
			const { versions, complete } = await readBaseline(ctx, settings);
			staticData[STATE_KEY] = baselineState(target, versions, complete, watching) as unknown as IDataObject;
			return null;
		}
		const from = await lookbackStart(ctx, settings, settings.lookbackHours);
		state = from === undefined ? baselineState(target, [], true, watching) : lookbackState(target, from, watching);
	}
	const scan = new Scan(state, { event, maxItems: settings.maxItems, watching });
	const fired = databaseId === undefined ? await scanWorkspace(ctx, settings, state, scan) : await scanDatabase(ctx, settings, state, scan);
	staticData[STATE_KEY] = scan.next() as unknown as IDataObject;
	return fired.length > 0 ? [fired.map((change) => outputItem(settings, change))] : null;
}

/** A manual run ("Fetch Test Event"): the newest matching record as a sample; the state is not read or written. */
async function sample(ctx: IPollFunctions, settings: Settings): Promise<INodeExecutionData[][]> {
	const page = await fetchPage.call(ctx, 0, listRequest(settings, 'descending', settings.filter), 1);
	const record = page.results[0];
	if (record === undefined) {
		const what = settings.databaseId === undefined ? 'No page is visible to the integration' : 'No record of the database matches';
		throw new NodeOperationError(ctx.getNode(), `${what} yet, so there is no test event to show`, {
			description: 'Add or edit one in Buildin, then fetch the test event again. Activating the workflow does not need one.',
		});
	}
	return [[outputItem(settings, { record, kind: sampleKind(versionOf(ctx, settings, record), settings.event) })]];
}

/**
 * The trigger's poll. Returns null when nothing changed (an empty array would still start an execution). The first
 * poll of an activation fails with the API's error when the token or the database is wrong, which makes n8n refuse
 * the activation with that message.
 */
export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	// n8n keeps one context for all polls of an activation: a view of it per poll limits what the transport keeps per
	// execution (the credential, the pacing) to one poll, so a changed credential applies from the next poll on.
	const ctx = Object.create(this) as IPollFunctions;
	let settings: Settings;
	try {
		settings = await readSettings(ctx);
	} catch (error) {
		throw inputError(ctx, error);
	}
	if (this.getMode() === 'manual') return await sample(ctx, settings);
	const key = `${this.getWorkflow().id}:${this.getNode().id}`;
	if (inFlight.has(key)) {
		this.logger.debug('Buildin Trigger: the previous poll is still running; this one is skipped');
		return null;
	}
	inFlight.add(key);
	try {
		return await pollChanges(ctx, settings);
	} finally {
		inFlight.delete(key);
	}
}
