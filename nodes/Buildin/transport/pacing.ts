import { sleep } from 'n8n-workflow';

/**
 * One pacing state per node execution, shared by all of its in-flight requests: a 429 slows the whole node down
 * (everyone waits out the Retry-After, then requests start no faster than the rate that was getting through),
 * instead of each request retrying on its own and the herd hitting the limit again. After a quiet period without
 * a 429 the spacing shrinks again, step by step.
 *
 * Without a 429, starts are still spread over the round trip (at most Concurrency starts per round trip, times a
 * margin): requests started together come back together, and in n8n each answer then waits for the others to be
 * handled before the next request can go out, so an unspread run stays in lockstep bursts.
 */
export interface PacerSettings {
	/** How long without a 429 before the spacing shrinks one step. */
	quietMs: number;
	/** Each quiet step multiplies the spacing by this. */
	speedUp: number;
	/** Requests start at most this much slower than the rate that got through before a 429 (1.05 = 5% margin). */
	margin: number;
	/** Upper bound of the spacing between request starts. */
	maxIntervalMs: number;
	/** Fewer successes than this in the last second are too little evidence of the allowed rate. */
	minEvidence: number;
	/** Starts are spread to at most this many times Concurrency per round trip (0 = not spread). */
	spreadMargin: number;
	/** The weight of the newest round trip in its moving average. */
	roundTripWeight: number;
}

export const DEFAULT_PACER_SETTINGS: PacerSettings = {
	quietMs: 10_000,
	speedUp: 0.8,
	margin: 1.05,
	maxIntervalMs: 10_000,
	minEvidence: 5,
	spreadMargin: 1.25,
	roundTripWeight: 0.1,
};

/** How many requests of one execution are in flight at once unless Options → Concurrency says otherwise (README: why 5). */
export const DEFAULT_CONCURRENCY = 5;

const WINDOW_MS = 1000;

export class Pacer {
	private nextStartMs = 0;
	private pausedUntilMs = 0;
	private intervalMs = 0;
	private lastThrottleMs = Number.NEGATIVE_INFINITY;
	/** The spacing the last speed-up step shrank after it ran a quiet period (0 = no step since the last 429). */
	private quietIntervalMs = 0;
	/** When requests succeeded within the last second; bounded by the rate, not by the length of the run. */
	private recentSuccesses: number[] = [];
	/** Moving average of the round trip of successful requests (0 = none yet). */
	private roundTripMs = 0;

	constructor(
		private readonly settings: PacerSettings = DEFAULT_PACER_SETTINGS,
		private readonly concurrency = 1,
	) {}

	/** The spacing between request starts a 429 imposed, in milliseconds (0 = unpaced). */
	get spacingMs(): number {
		return this.intervalMs;
	}

	/** The spacing that spreads Concurrency starts over one round trip (0 with Concurrency 1 or before any answer). */
	get spreadMs(): number {
		if (this.concurrency <= 1 || this.settings.spreadMargin <= 0) return 0;
		return this.roundTripMs / (this.concurrency * this.settings.spreadMargin);
	}

	/** Reserves the next start slot and returns when it is. */
	reserve(nowMs: number): number {
		this.relax(nowMs);
		const startMs = Math.max(nowMs, this.nextStartMs);
		this.nextStartMs = startMs + Math.max(this.intervalMs, this.spreadMs);
		return startMs;
	}

	/**
	 * Whether a request whose slot was `slotMs` may start now, or has to take a new slot: when a 429 paused the
	 * execution after it took this one, and, under a 429's spacing, when it is more than half a spacing late (the
	 * process stalled): the requests that waited through a stall then go one spacing apart, not in a burst that the
	 * server's limiter counts within one window.
	 */
	mayStart(slotMs: number, nowMs: number): boolean {
		if (slotMs < this.pausedUntilMs) return false;
		return this.intervalMs === 0 || nowMs - slotMs <= this.intervalMs / 2;
	}

	/** A request that started at `startedMs` succeeded just now. */
	succeeded(nowMs: number, startedMs = nowMs): void {
		this.recentSuccesses.push(nowMs);
		this.forgetBefore(nowMs - WINDOW_MS);
		const roundTrip = nowMs - startedMs;
		const weight = this.roundTripMs === 0 ? 1 : this.settings.roundTripWeight;
		this.roundTripMs += weight * (roundTrip - this.roundTripMs);
	}

	/**
	 * A 429 arrived for a request that started at `startedMs`: nobody starts before `pauseMs` from now, and
	 * afterwards requests start at the slower of two paces: the successes of the last second (with a margin), the
	 * rate the server let through, when there are enough of them to tell; and half the pace before this 429, or, when
	 * it follows a speed-up step, the pace that ran quiet before that step (only the step was too fast). A request
	 * that was already in flight when the node last slowed down tells nothing new about the rate, so it only extends
	 * the pause.
	 */
	throttled(nowMs: number, pauseMs: number, startedMs = nowMs): void {
		this.pausedUntilMs = Math.max(this.pausedUntilMs, nowMs + pauseMs);
		this.nextStartMs = Math.max(this.nextStartMs, this.pausedUntilMs);
		if (startedMs < this.lastThrottleMs) return;
		this.forgetBefore(nowMs - WINDOW_MS);
		const gotThrough = this.recentSuccesses.length;
		const fromRate = gotThrough >= this.settings.minEvidence ? (WINDOW_MS / gotThrough) * this.settings.margin : 0;
		const slower = this.quietIntervalMs > 0 ? this.quietIntervalMs : this.intervalMs * 2;
		this.intervalMs = Math.min(this.settings.maxIntervalMs, Math.max(fromRate, slower, 1));
		this.quietIntervalMs = 0;
		this.lastThrottleMs = nowMs;
		this.recentSuccesses = [];
	}

	private relax(nowMs: number): void {
		if (this.intervalMs === 0 || nowMs - this.lastThrottleMs < this.settings.quietMs) return;
		this.quietIntervalMs = this.intervalMs;
		this.intervalMs = this.intervalMs * this.settings.speedUp < 1 ? 0 : this.intervalMs * this.settings.speedUp;
		this.lastThrottleMs = nowMs;
	}

	private forgetBefore(cutoffMs: number): void {
		let drop = 0;
		while (drop < this.recentSuccesses.length && this.recentSuccesses[drop] <= cutoffMs) drop++;
		if (drop > 0) this.recentSuccesses.splice(0, drop);
	}
}

/** Waits for a start slot of the pacer (every attempt of every request takes one). */
export async function takeStartSlot(pacer: Pacer): Promise<void> {
	for (;;) {
		const nowMs = Date.now();
		const slotMs = pacer.reserve(nowMs);
		// A wait under a millisecond is not worth a timer.
		if (slotMs - nowMs >= 1) await sleep(slotMs - nowMs);
		if (pacer.mayStart(slotMs, Date.now())) return;
	}
}

const pacers = new WeakMap<object, Pacer>();

/**
 * The pacer of one node execution: n8n hands every item of a run the same execution context. `concurrency` is
 * asked for only when the first request of the execution creates it.
 */
export function pacerFor(context: object, concurrency: () => number): Pacer {
	let pacer = pacers.get(context);
	if (!pacer) {
		pacer = new Pacer(DEFAULT_PACER_SETTINGS, concurrency());
		pacers.set(context, pacer);
	}
	return pacer;
}
