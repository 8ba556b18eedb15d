import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { NUMBER_OPTIONS, numberOption } from './options';

/**
 * How many items of one execution run at once. Fixed when Options → Concurrency is set; otherwise adaptive, like a
 * congestion window: it starts at a count that is safe for any API, grows while answers come back without a 429 and
 * the round trip stays under twice the fastest seen (more at once then finishes sooner), and shrinks when it passes
 * three times (requests are queueing: in Buildin, or in n8n's own process, which handles one answer at a time) or on
 * a 429. Measured in n8n 2.41 and 2.8 at a 20 ms round trip, throughput keeps rising with the count while n8n's own
 * handling stretches the round trip to about twice, so a tighter bound would stop well short of n8n's limit.
 */
export interface WindowSettings {
	/** The count an adaptive window starts at, and the least a slower round trip can shrink it to. */
	start: number;
	/** Grow while the smoothed round trip stays below this multiple of the fastest one. */
	growBelow: number;
	/** Shrink once it is above this multiple. */
	shrinkAbove: number;
	/** Each shrink for a slower round trip multiplies the window by this. */
	shrinkBy: number;
	/** The weight of the newest round trip in its moving average. */
	roundTripWeight: number;
}

/** Where an adaptive window starts: Options → Concurrency's default (README: why 5). */
export const DEFAULT_CONCURRENCY = NUMBER_OPTIONS.concurrency.default;

export const DEFAULT_WINDOW_SETTINGS: WindowSettings = {
	start: DEFAULT_CONCURRENCY,
	growBelow: 2,
	shrinkAbove: 3,
	shrinkBy: 0.8,
	roundTripWeight: 0.1,
};

/** The most items an adaptive window runs at once: Options → Max Concurrency's default. */
export const DEFAULT_MAX_CONCURRENCY = NUMBER_OPTIONS.maxConcurrency.default;

export class ConcurrencyWindow {
	private size: number;
	private running = 0;
	/** Doubling once per round trip (one more per answer) until the first sign of queueing or a 429. */
	private slowStart: boolean;
	private fastestMs = Number.POSITIVE_INFINITY;
	private averageMs = 0;
	/** When the window last shrank: answers to requests started before then still show the larger window. */
	private shrunkAtMs = Number.NEGATIVE_INFINITY;

	private constructor(
		readonly max: number,
		readonly adaptive: boolean,
		private readonly settings: WindowSettings,
	) {
		this.size = adaptive ? Math.min(settings.start, max) : max;
		this.slowStart = adaptive;
	}

	/** Exactly `count` at once (1 = one at a time). */
	static fixed(count: number, settings: WindowSettings = DEFAULT_WINDOW_SETTINGS): ConcurrencyWindow {
		return new ConcurrencyWindow(Math.max(1, Math.floor(count)), false, settings);
	}

	/** From the safe start up to `max`, following the answers. */
	static adaptive(max: number, settings: WindowSettings = DEFAULT_WINDOW_SETTINGS): ConcurrencyWindow {
		return new ConcurrencyWindow(Math.max(1, Math.floor(max)), true, settings);
	}

	/** How many items may run at once now. */
	get limit(): number {
		return Math.max(1, Math.min(this.max, Math.floor(this.size)));
	}

	/** Items running now. */
	get inFlight(): number {
		return this.running;
	}

	/** The moving average of the round trip of successful requests (0 = none yet). */
	get roundTripMs(): number {
		return this.averageMs;
	}

	/** Whether one more item may start now; if it may, it counts as running until `finished`. */
	tryStart(): boolean {
		if (this.running >= this.limit) return false;
		this.running++;
		return true;
	}

	finished(): void {
		this.running--;
	}

	/**
	 * A request that started at `startedMs` succeeded at `nowMs`. While a 429's spacing (`spacingMs`) sets the pace,
	 * the window only keeps enough room for the requests that spacing has in flight over one round trip, and does
	 * not grow beyond it; nor does it grow while fewer items run than it allows.
	 */
	answered(nowMs: number, startedMs: number, spacingMs: number): void {
		const roundTripMs = nowMs - startedMs;
		const weight = this.averageMs === 0 ? 1 : this.settings.roundTripWeight;
		this.averageMs += weight * (roundTripMs - this.averageMs);
		this.fastestMs = Math.min(this.fastestMs, roundTripMs);
		if (!this.adaptive) return;
		if (spacingMs > 0) {
			this.size = Math.min(this.max, Math.max(this.size, Math.ceil(this.averageMs / spacingMs) + 1));
			return;
		}
		if (startedMs < this.shrunkAtMs) return;
		const slowedBy = this.averageMs / Math.max(this.fastestMs, 1);
		if (slowedBy > this.settings.shrinkAbove) {
			this.shrink(nowMs, Math.max(this.settings.start, this.size * this.settings.shrinkBy));
		} else if (slowedBy < this.settings.growBelow && this.running >= this.limit) {
			this.size = Math.min(this.max, this.size + (this.slowStart ? 1 : 1 / this.size));
		}
	}

	/** A 429 arrived for a request that started at `startedMs`: half as many at once (once per round trip). */
	throttled(nowMs: number, startedMs: number): void {
		if (!this.adaptive || startedMs < this.shrunkAtMs) return;
		this.shrink(nowMs, Math.max(1, this.size / 2));
	}

	private shrink(nowMs: number, size: number): void {
		this.size = Math.min(this.size, size);
		this.slowStart = false;
		this.shrunkAtMs = nowMs;
	}
}

/**
 * Options → Concurrency (a fixed count) or, without it, an adaptive window up to Options → Max Concurrency. The
 * editor's lookups send one request at a time.
 */
export function concurrencyWindow(context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions): ConcurrencyWindow {
	if (!('getInputData' in context)) return ConcurrencyWindow.fixed(1);
	const options = (context.getNodeParameter('options', 0, {}) ?? {}) as IDataObject;
	const fixed = numberOption(context, 0, options, 'concurrency');
	if (fixed !== undefined) return ConcurrencyWindow.fixed(fixed);
	return ConcurrencyWindow.adaptive(numberOption(context, 0, options, 'maxConcurrency') ?? DEFAULT_MAX_CONCURRENCY);
}
