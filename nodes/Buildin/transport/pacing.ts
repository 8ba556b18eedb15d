import { createHash } from 'crypto';
import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { ConcurrencyWindow, concurrencyWindow } from './concurrency';

/**
 * Pacing has two parts. The pace a 429 sets is shared by every execution in the n8n process that calls the same
 * Buildin with the same credential (`SharedPace`): a 429 pauses all of them until its Retry-After, then requests start
 * no faster than the rate that got through, so twenty executions of a webhook workflow do not each find the limit on
 * their own. What stays with each execution (`Pacer`) is its Concurrency window and the spreading of its starts over
 * its round trip: requests started together come back together, and in n8n each answer then waits for the others to
 * be handled before the next request can go out, so an unspread run stays in lockstep bursts.
 */
export interface PaceSettings {
	/** Requests start at most this much slower than the rate Buildin accepted before a 429 (1.05 = 5% margin). */
	margin: number;
	/** The rate Buildin accepted is counted over this window, the window most rate limits count in. */
	windowMs: number;
	/** Fewer accepted requests than this tell too little about the rate; a speed-up step waits for this many successes. */
	minEvidence: number;
	/**
	 * After a 429 that met a limit (see SharedPace), its pace holds this long before speeding up; each further time
	 * doubles the hold, up to `maxQuietMs`. A 429 within twice the hold after the previous slowdown met a limit.
	 */
	quietMs: number;
	maxQuietMs: number;
	/** Each speed-up step multiplies the spacing by this. */
	speedUp: number;
	/** Upper bound of the spacing between request starts. */
	maxIntervalMs: number;
	/** Starts are spread to at most this many times Concurrency per round trip (0 = not spread). */
	spreadMargin: number;
}

export const DEFAULT_PACE_SETTINGS: PaceSettings = {
	margin: 1.05,
	windowMs: 1000,
	minEvidence: 5,
	quietMs: 10_000,
	maxQuietMs: 80_000,
	speedUp: 0.5,
	maxIntervalMs: 10_000,
	spreadMargin: 1.25,
};

/**
 * The pace after a 429, for every execution that shares it. A 429 pauses everyone until its Retry-After; afterwards
 * requests start one spacing apart. The spacing comes from the rate the server accepted before it refused: the
 * requests that started within the window before the refused one did, less those it refused too (answers still on
 * their way count: the server counted them when they arrived). That count is the limit's own, taken over the whole
 * window, when the 429 repeats one within twice the hold or the run was at least half a window old; in a younger run
 * it is a guess, taken over the run's length (so a short burst of 429s early on does not set a slow pace). A 429
 * right after a speed-up step goes back to the pace before that step at least; one at a held pace slows down by a
 * tenth at least (by half when the count is too small to tell); one that comes before anything got through since the
 * last pause only extends the pause, since the pace was never tried.
 *
 * The spacing then halves each time `minEvidence` requests started at it have succeeded: a guess is tried faster right
 * away, back to unpaced within a few seconds of successes; the limit's own pace first holds for `quietMs` (longer each
 * time the limit is met again, since every try above a real limit costs a pause).
 */
export class SharedPace {
	private nextStartMs = 0;
	private pausedUntilMs = 0;
	private intervalMs = 0;
	/** When the pace last slowed down: a 429 of a request started before then tells nothing new. */
	private slowedAtMs = Number.NEGATIVE_INFINITY;
	/** When the spacing last changed: requests started since then tell how the current spacing fares. */
	private changedAtMs = Number.NEGATIVE_INFINITY;
	private successesSinceChange = 0;
	private successesSinceSlowdown = 0;
	/** When requests started, and when the refused ones had started: ten windows or more (a slow answer's window). */
	private starts: number[] = [];
	private refused: number[] = [];
	/** The spacing before the last speed-up step (0 = no step since the last slowdown). */
	private beforeStepMs = 0;
	/** No speed-up step before this. */
	private holdUntilMs = 0;
	/** How long the pace holds after the next 429 that confirms a limit. */
	private holdMs: number;
	/** When a slot was last taken, so an idle pace can be forgotten. */
	lastUsedMs = 0;

	constructor(private readonly settings: PaceSettings = DEFAULT_PACE_SETTINGS) {
		this.holdMs = settings.quietMs;
	}

	/** The spacing between request starts a 429 imposed, in milliseconds (0 = unpaced). */
	get spacingMs(): number {
		return this.intervalMs;
	}

	/** Whether nothing holds requests back at `nowMs` and nobody took a slot for `idleMs`: then it can be forgotten. */
	idle(nowMs: number, idleMs: number): boolean {
		return this.intervalMs === 0 && this.pausedUntilMs <= nowMs && nowMs - this.lastUsedMs > idleMs;
	}

	/** Takes the first start slot at or after `earliestMs` and returns when it is. */
	take(earliestMs: number): number {
		this.lastUsedMs = Math.max(this.lastUsedMs, earliestMs);
		const startMs = Math.max(earliestMs, this.nextStartMs);
		this.nextStartMs = Math.max(this.nextStartMs, startMs + this.intervalMs);
		return startMs;
	}

	/**
	 * Whether a request whose slot was `slotMs` may start now, or has to take a new slot: when a 429 paused everyone
	 * after it took this one, and, under a 429's spacing, when it is more than half a spacing late (the process
	 * stalled): the requests that waited through a stall then go one spacing apart, not in a burst that the server's
	 * limiter counts within one window.
	 */
	mayStart(slotMs: number, nowMs: number): boolean {
		if (slotMs < this.pausedUntilMs) return false;
		return this.intervalMs === 0 || nowMs - slotMs <= this.intervalMs / 2;
	}

	/** A request starts now (it took a slot and may start). */
	started(nowMs: number): void {
		this.starts.push(nowMs);
		forgetOld(this.starts, nowMs, this.settings.windowMs);
	}

	/** A request that started at `startedMs` succeeded at `nowMs`. */
	succeeded(nowMs: number, startedMs: number): void {
		this.successesSinceSlowdown++;
		if (this.intervalMs === 0 || startedMs < this.changedAtMs) return;
		this.successesSinceChange++;
		if (nowMs < this.holdUntilMs || this.successesSinceChange < this.settings.minEvidence) return;
		this.beforeStepMs = this.intervalMs;
		this.intervalMs = this.intervalMs * this.settings.speedUp < 1 ? 0 : this.intervalMs * this.settings.speedUp;
		if (this.intervalMs === 0) {
			// The limit is gone: the next 429 starts afresh.
			this.beforeStepMs = 0;
			this.holdMs = this.settings.quietMs;
		}
		this.changed(nowMs);
	}

	/** A 429 arrived at `nowMs` for a request that started at `startedMs`; nobody starts before `pauseMs` from now. */
	throttled(nowMs: number, pauseMs: number, startedMs: number): void {
		this.pausedUntilMs = Math.max(this.pausedUntilMs, nowMs + pauseMs);
		this.nextStartMs = Math.max(this.nextStartMs, this.pausedUntilMs);
		this.refused.push(startedMs);
		forgetOld(this.refused, nowMs, this.settings.windowMs);
		if (startedMs < this.slowedAtMs) return;
		const repeated = nowMs - this.slowedAtMs <= 2 * this.holdMs;
		this.slowedAtMs = nowMs;
		if (this.successesSinceSlowdown === 0) return;
		const { windowMs, minEvidence, margin, maxIntervalMs, maxQuietMs } = this.settings;
		const windowStartMs = startedMs - windowMs;
		const inWindow = (times: number[]) => times.filter((atMs) => atMs > windowStartMs && atMs < startedMs);
		const startedInWindow = inWindow(this.starts);
		const accepted = startedInWindow.length - inWindow(this.refused).length;
		// The limit's own count: a repeated 429, or a run at least half a window old (it met a limit, not a hiccup);
		// a younger run's is a guess, judged by the run's length and tried faster right away.
		const runMs = startedMs - (this.starts[0] ?? startedMs);
		const confirmed = repeated || runMs >= windowMs / 2;
		const overMs = confirmed ? windowMs : runMs;
		const fromRate = accepted >= minEvidence ? (overMs / accepted) * margin : 0;
		const held = fromRate > 0 ? this.intervalMs * 1.1 : this.intervalMs * 2;
		const slower = this.beforeStepMs > 0 ? this.beforeStepMs : held;
		this.intervalMs = Math.min(maxIntervalMs, Math.max(fromRate, slower, 1));
		this.holdUntilMs = confirmed ? this.pausedUntilMs + this.holdMs : 0;
		if (confirmed) this.holdMs = Math.min(maxQuietMs, this.holdMs * 2);
		this.beforeStepMs = 0;
		this.successesSinceSlowdown = 0;
		this.changed(nowMs);
	}

	private changed(nowMs: number): void {
		this.changedAtMs = nowMs;
		this.successesSinceChange = 0;
	}
}

/**
 * Keeps ten windows of an ascending list of times: once the oldest is twenty windows old, drops all older than ten
 * (in one go, so each time is dropped once, not the list shifted at every start).
 */
function forgetOld(times: number[], nowMs: number, windowMs: number): void {
	if (times.length === 0 || times[0] > nowMs - 20 * windowMs) return;
	let drop = 0;
	while (drop < times.length && times[drop] <= nowMs - 10 * windowMs) drop++;
	times.splice(0, drop);
}

/** The pacing of one node execution: its Concurrency window, its spreading, and the pace it shares. */
export class Pacer {
	private nextSpreadMs = 0;
	private shared = false;

	constructor(
		readonly window: ConcurrencyWindow = ConcurrencyWindow.fixed(1),
		private pace: SharedPace = new SharedPace(),
		private readonly settings: PaceSettings = DEFAULT_PACE_SETTINGS,
	) {}

	/** Paces this execution with `pace` from now on; only the first call counts (one execution, one account). */
	share(pace: () => SharedPace): void {
		if (this.shared) return;
		this.pace = pace();
		this.shared = true;
	}

	/** The spacing between request starts a 429 imposed, in milliseconds (0 = unpaced). */
	get spacingMs(): number {
		return this.pace.spacingMs;
	}

	/** The spacing that spreads the window's starts over one round trip (0 with one at a time or before any answer). */
	get spreadMs(): number {
		const concurrency = this.window.limit;
		if (concurrency <= 1 || this.settings.spreadMargin <= 0) return 0;
		return this.window.roundTripMs / (concurrency * this.settings.spreadMargin);
	}

	/** Reserves the next start slot and returns when it is. */
	reserve(nowMs: number): number {
		const startMs = this.pace.take(Math.max(nowMs, this.nextSpreadMs));
		this.nextSpreadMs = startMs + this.spreadMs;
		return startMs;
	}

	mayStart(slotMs: number, nowMs: number): boolean {
		return this.pace.mayStart(slotMs, nowMs);
	}

	/** A request starts now. */
	started(nowMs: number): void {
		this.pace.started(nowMs);
	}

	/** A request that started at `startedMs` succeeded just now. */
	succeeded(nowMs: number, startedMs = nowMs): void {
		this.pace.succeeded(nowMs, startedMs);
		this.window.answered(nowMs, startedMs, this.pace.spacingMs);
	}

	/** A 429 arrived for a request that started at `startedMs`: see `SharedPace.throttled`. */
	throttled(nowMs: number, pauseMs: number, startedMs = nowMs): void {
		this.pace.throttled(nowMs, pauseMs, startedMs);
		this.window.throttled(nowMs, startedMs);
	}
}

/** Where the pacer reads the time and waits: n8n's clock and `sleep` in the node, a driven clock in tests. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const systemClock: Clock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };

/** Waits for a start slot of the pacer (every attempt of every request takes one). */
export async function takeStartSlot(pacer: Pacer, clock: Clock = systemClock): Promise<void> {
	for (;;) {
		const nowMs = clock.now();
		const slotMs = pacer.reserve(nowMs);
		// A wait under a millisecond is not worth a timer.
		if (slotMs - nowMs >= 1) await clock.sleep(slotMs - nowMs);
		const startMs = clock.now();
		if (pacer.mayStart(slotMs, startMs)) {
			pacer.started(startMs);
			return;
		}
	}
}

/** A pace nobody took a slot of for this long, with no pause or spacing left, is forgotten. */
const IDLE_MS = 10 * 60_000;

/** The paces of this n8n process, by Base URL and a SHA-256 of the API token (never the token itself). */
export class SharedPaces {
	private readonly paces = new Map<string, SharedPace>();

	constructor(private readonly settings: PaceSettings = DEFAULT_PACE_SETTINGS) {}

	get size(): number {
		return this.paces.size;
	}

	/** The pace every execution that calls `baseUrl` with `token` shares. */
	for(baseUrl: string, token: string, nowMs: number): SharedPace {
		const key = `${baseUrl} ${createHash('sha256').update(token).digest('hex')}`;
		let pace = this.paces.get(key);
		if (!pace) {
			for (const [otherKey, other] of this.paces) {
				if (other.idle(nowMs, IDLE_MS)) this.paces.delete(otherKey);
			}
			pace = new SharedPace(this.settings);
			pace.lastUsedMs = nowMs;
			this.paces.set(key, pace);
		}
		return pace;
	}

	/** Forgets every pace (the tests start each case against a fresh sandbox). */
	clear(): void {
		this.paces.clear();
	}
}

export const sharedPaces = new SharedPaces();

const pacers = new WeakMap<object, Pacer>();

/**
 * The pacer of one node execution: n8n hands every item of a run the same execution context. Its window comes from
 * Options → Concurrency when the first caller (the router) creates it; the first request names the account (Base
 * URL and token), which joins it to the pace every execution of this process shares for that account.
 */
export function pacerFor(
	context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	account?: { baseUrl: string; token: string },
): Pacer {
	let pacer = pacers.get(context);
	if (!pacer) {
		pacer = new Pacer(concurrencyWindow(context));
		pacers.set(context, pacer);
	}
	if (account) pacer.share(() => sharedPaces.for(account.baseUrl, account.token, Date.now()));
	return pacer;
}
