// The pacer shared by one execution's requests: starts spread over the round trip; after a 429 a common pause and a
// spacing learned from the rate that got through, shrinking again after quiet periods.
import { DEFAULT_PACER_SETTINGS, Pacer, pacerFor } from '../../../../nodes/Buildin/transport/pacing';

/** Reserves a start slot at `nowMs` and returns how long the request waits for it. */
const waitFor = (pacer: Pacer, nowMs: number) => pacer.reserve(nowMs) - nowMs;

describe('Pacer', () => {
	it('lets every request start at once until a 429 is seen', () => {
		const pacer = new Pacer();
		expect([waitFor(pacer, 0), waitFor(pacer, 0), waitFor(pacer, 1)]).toEqual([0, 0, 0]);
		expect(pacer.spacingMs).toBe(0);
	});

	it('after a 429 nobody starts before the pause is over, then starts are spaced by the rate that got through', () => {
		const pacer = new Pacer();
		for (let t = 20; t <= 1000; t += 20) pacer.succeeded(t); // 50 successes within the last second
		pacer.throttled(1000, 1000);
		expect(pacer.spacingMs).toBeCloseTo((1000 / 50) * DEFAULT_PACER_SETTINGS.margin);
		expect(waitFor(pacer, 1000)).toBe(1000);
		expect(waitFor(pacer, 1000)).toBeCloseTo(1000 + pacer.spacingMs);
		expect(waitFor(pacer, 1000)).toBeCloseTo(1000 + 2 * pacer.spacingMs);
	});

	it('halves the rate on a further 429 when nothing got through meanwhile', () => {
		const pacer = new Pacer();
		for (let t = 0; t < 1000; t += 100) pacer.succeeded(t); // 10 per second
		pacer.throttled(1000, 0);
		const first = pacer.spacingMs;
		pacer.throttled(1100, 0);
		expect(pacer.spacingMs).toBeCloseTo(first * 2);
	});

	it('only counts the successes of the last second', () => {
		const pacer = new Pacer();
		for (let t = 10; t <= 5000; t += 10) pacer.succeeded(t); // 100 per second, for five seconds
		pacer.throttled(5000, 0);
		expect(pacer.spacingMs).toBeCloseTo(10 * DEFAULT_PACER_SETTINGS.margin, 1);
	});

	it('with too few successes to tell the rate, only doubles the spacing', () => {
		const pacer = new Pacer();
		pacer.succeeded(10);
		pacer.throttled(20, 0);
		expect(pacer.spacingMs).toBe(1);
		pacer.succeeded(30);
		pacer.throttled(40, 0);
		expect(pacer.spacingMs).toBe(2);
	});

	it('speeds up step by step after quiet periods, back to unpaced', () => {
		const pacer = new Pacer({ ...DEFAULT_PACER_SETTINGS, quietMs: 1000, speedUp: 0.5 });
		for (let t = 100; t <= 1000; t += 100) pacer.succeeded(t);
		pacer.throttled(1000, 0); // spacing from 10 successes per second
		const throttledSpacing = pacer.spacingMs;
		waitFor(pacer, 1500);
		expect(pacer.spacingMs).toBe(throttledSpacing);
		waitFor(pacer, 2000);
		expect(pacer.spacingMs).toBeCloseTo(throttledSpacing / 2);
		let now = 2000;
		while (pacer.spacingMs > 0 && now < 100_000) waitFor(pacer, (now += 1000));
		expect(pacer.spacingMs).toBe(0);
	});

	it('after a speed-up step, a 429 goes back to the spacing that ran quiet instead of doubling the faster one', () => {
		const pacer = new Pacer({ ...DEFAULT_PACER_SETTINGS, quietMs: 1000, speedUp: 0.75, minEvidence: 1000 });
		pacer.throttled(0, 0);
		pacer.throttled(1, 0);
		pacer.throttled(2, 0); // 1 -> 2 -> 4 ms
		expect(pacer.spacingMs).toBe(4);
		waitFor(pacer, 1002); // a quiet second: 4 -> 3 ms
		expect(pacer.spacingMs).toBe(3);
		pacer.throttled(1100, 0, 1050);
		expect(pacer.spacingMs).toBe(4);
		// Without a speed-up step since, the next 429 doubles again.
		pacer.throttled(1200, 0, 1150);
		expect(pacer.spacingMs).toBe(8);
	});

	it('does not slow down again for 429s of requests that were already in flight when it slowed down', () => {
		const pacer = new Pacer();
		for (let t = 20; t <= 1000; t += 20) pacer.succeeded(t);
		pacer.throttled(1000, 1000, 990);
		const spacing = pacer.spacingMs;
		// Nine more requests of the same burst come back with 429.
		for (let i = 1; i <= 9; i++) pacer.throttled(1000 + i, 1000, 995);
		expect(pacer.spacingMs).toBe(spacing);
		// Their Retry-After still counts: the last one, at 1009, asks for a pause until 2009.
		expect(waitFor(pacer, 1010)).toBe(999);
	});

	it('under a 429 spacing, a request more than half a spacing late takes a new slot; a little late, it starts', () => {
		const pacer = new Pacer();
		for (let t = 20; t <= 1000; t += 20) pacer.succeeded(t);
		pacer.throttled(1000, 0); // 21 ms apart
		const [first, second, third] = [pacer.reserve(1000), pacer.reserve(1000), pacer.reserve(1000)];
		expect(pacer.mayStart(first, first + 10)).toBe(true);
		// The process stalled until 1070: both requests still waiting are late, and take new slots a spacing apart.
		expect(pacer.mayStart(second, 1070)).toBe(false);
		expect(pacer.mayStart(third, 1070)).toBe(false);
		const [secondAgain, thirdAgain] = [pacer.reserve(1070), pacer.reserve(1070)];
		expect(secondAgain).toBeGreaterThanOrEqual(1070);
		expect(thirdAgain - secondAgain).toBeCloseTo(pacer.spacingMs);
	});

	it('sends a request that took its slot before a 429 paused the execution to a new slot after the pause', () => {
		const pacer = new Pacer(DEFAULT_PACER_SETTINGS, 5);
		pacer.succeeded(100, 80); // starts spread 3.2 ms apart
		pacer.reserve(100);
		const waiting = pacer.reserve(100); // a slot at 103.2
		pacer.throttled(101, 1000); // a 429 at 101 pauses everyone until 1101
		expect(pacer.mayStart(waiting, waiting)).toBe(false);
		expect(pacer.reserve(waiting)).toBeGreaterThanOrEqual(1101);
	});

	it('holds no request back for being late while it only spreads starts (no 429)', () => {
		const pacer = new Pacer(DEFAULT_PACER_SETTINGS, 5);
		pacer.succeeded(100, 80);
		expect(pacer.mayStart(pacer.reserve(100), 1000)).toBe(true);
	});

	it('never spaces starts further apart than its maximum', () => {
		const pacer = new Pacer({ ...DEFAULT_PACER_SETTINGS, maxIntervalMs: 300 });
		for (let i = 0; i < 20; i++) pacer.throttled(i, 0);
		expect(pacer.spacingMs).toBe(300);
	});
});

describe('Pacer spreading starts over the round trip', () => {
	const spread = (concurrency: number, roundTripMs: number) =>
		roundTripMs / (concurrency * DEFAULT_PACER_SETTINGS.spreadMargin);

	it('lets the first requests start at once, before any round trip is known', () => {
		const pacer = new Pacer(DEFAULT_PACER_SETTINGS, 5);
		expect([0, 0, 0, 0, 0].map((now) => waitFor(pacer, now))).toEqual([0, 0, 0, 0, 0]);
	});

	it('then spaces starts by the round trip over Concurrency (with a margin), so answers stop coming back in bursts', () => {
		const pacer = new Pacer(DEFAULT_PACER_SETTINGS, 5);
		pacer.succeeded(100, 80); // a 20 ms round trip
		expect(pacer.spreadMs).toBeCloseTo(spread(5, 20));
		expect(waitFor(pacer, 100)).toBe(0);
		expect(waitFor(pacer, 100)).toBeCloseTo(spread(5, 20));
		expect(waitFor(pacer, 100)).toBeCloseTo(2 * spread(5, 20));
		// A request that comes later than its slot starts at once: the spacing never holds back a run that is spread.
		expect(waitFor(pacer, 200)).toBe(0);
	});

	it('follows the round trip as a moving average', () => {
		const pacer = new Pacer(DEFAULT_PACER_SETTINGS, 4);
		pacer.succeeded(100, 0); // 100 ms
		pacer.succeeded(300, 290); // 10 ms
		const average = 100 + DEFAULT_PACER_SETTINGS.roundTripWeight * (10 - 100);
		expect(pacer.spreadMs).toBeCloseTo(spread(4, average));
	});

	it('does not spread with Concurrency 1: one request at a time is spread already', () => {
		const pacer = new Pacer(DEFAULT_PACER_SETTINGS, 1);
		pacer.succeeded(100, 80);
		expect(pacer.spreadMs).toBe(0);
		expect([waitFor(pacer, 100), waitFor(pacer, 100)]).toEqual([0, 0]);
	});

	it('keeps the wider of the two spacings when a 429 asks for more', () => {
		const pacer = new Pacer(DEFAULT_PACER_SETTINGS, 5);
		for (let t = 100; t <= 1000; t += 100) pacer.succeeded(t, t - 20); // 10 per second, 20 ms round trips
		pacer.throttled(1000, 0);
		expect(pacer.spacingMs).toBeGreaterThan(pacer.spreadMs);
		waitFor(pacer, 1000);
		expect(waitFor(pacer, 1000)).toBeCloseTo(pacer.spacingMs);
	});
});

describe('pacerFor', () => {
	it('gives every request of one execution the same pacer, and another execution its own', () => {
		const execution = {};
		expect(pacerFor(execution, () => 5)).toBe(pacerFor(execution, () => 5));
		expect(pacerFor({}, () => 5)).not.toBe(pacerFor(execution, () => 5));
	});

	it('spreads by the Concurrency of the execution that created it, asked for once', () => {
		const execution = {};
		const concurrency = jest.fn(() => 4);
		const pacer = pacerFor(execution, concurrency);
		pacer.succeeded(100, 60);
		expect(pacer.spreadMs).toBeCloseTo(40 / (4 * DEFAULT_PACER_SETTINGS.spreadMargin));
		pacerFor(execution, concurrency);
		expect(concurrency).toHaveBeenCalledTimes(1);
	});
});
