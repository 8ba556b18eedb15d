// The pacing: a 429's pause and spacing shared by every execution of the process that calls one Buildin with one
// token; recovery after a burst of 429s; each execution's own window and spreading. Driven by explicit times and by
// the simulation's driven clock (test/support/pacingSimulation.ts): nothing here depends on how fast the machine is.
import { ConcurrencyWindow } from '../../../../nodes/Buildin/transport/concurrency';
import {
	DEFAULT_PACE_SETTINGS,
	Pacer,
	pacerFor,
	SharedPace,
	SharedPaces,
	sharedPaces,
	takeStartSlot,
} from '../../../../nodes/Buildin/transport/pacing';
import { DrivenClock, simulate, startGaps } from '../../../support/pacingSimulation';

/** Reserves a start slot at `nowMs` and returns how long the request waits for it. */
const waitFor = (pacer: Pacer, nowMs: number) => pacer.reserve(nowMs) - nowMs;

/** `count` successes, one every `everyMs` from `fromMs`, each after a `roundTripMs` round trip (one `everyMs` by default). */
function succeed(pacer: Pacer | SharedPace, count: number, fromMs: number, everyMs: number, roundTripMs = everyMs): number {
	let atMs = fromMs;
	for (let index = 0; index < count; index++, atMs += everyMs) {
		pacer.started(atMs - roundTripMs);
		pacer.succeeded(atMs, atMs - roundTripMs);
	}
	return atMs - everyMs;
}

describe('SharedPace after a 429', () => {
	it('lets every request start at once until a 429 is seen', () => {
		const pacer = new Pacer();
		expect([waitFor(pacer, 0), waitFor(pacer, 0), waitFor(pacer, 1)]).toEqual([0, 0, 0]);
		expect(pacer.spacingMs).toBe(0);
	});

	it('nobody starts before the pause is over, then starts are spaced by the rate that got through', () => {
		const pacer = new Pacer();
		succeed(pacer, 100, 20, 20); // two seconds at 50 per second
		pacer.throttled(2000, 1000, 1999);
		expect(pacer.spacingMs).toBeCloseTo((1000 / 50) * DEFAULT_PACE_SETTINGS.margin);
		expect(waitFor(pacer, 2000)).toBe(1000);
		expect(waitFor(pacer, 2000)).toBeCloseTo(1000 + pacer.spacingMs);
		expect(waitFor(pacer, 2000)).toBeCloseTo(1000 + 2 * pacer.spacingMs);
	});

	it('judges a run younger than half a window by its own length: 10 requests in 50 ms are 200 per second, not 10', () => {
		// The burst: two 429s for the 11th and 12th requests of a run that had lasted 50 ms.
		const pace = new SharedPace();
		for (let index = 0; index < 12; index++) pace.started(index * 5);
		for (let index = 0; index < 10; index++) pace.succeeded(25 + index * 5, index * 5);
		pace.throttled(75, 1000, 50);
		pace.throttled(80, 1000, 55);
		expect(pace.spacingMs).toBeCloseTo((50 / 10) * DEFAULT_PACE_SETTINGS.margin);
	});

	it('counts what the server accepted before it refused: requests still on their way back count, refused ones do not', () => {
		const pace = new SharedPace();
		succeed(pace, 20, 20, 20); // 20 requests started from 0 to 380
		[390, 395].forEach((atMs) => pace.started(atMs));
		pace.throttled(410, 0, 390); // the first 429
		pace.throttled(415, 0, 395); // in flight already: only refused
		succeed(pace, 3, 550, 10, 50); // three started at 500, 510 and 520 came back
		[530, 540, 550, 560, 570, 580, 590, 600].forEach((atMs) => pace.started(atMs)); // seven still on their way
		pace.throttled(620, 1000, 600); // the one started at 600 is refused: 20 + 3 + 7 were accepted in the window
		expect(pace.spacingMs).toBeCloseTo((1000 / 30) * DEFAULT_PACE_SETTINGS.margin);
	});

	it('a 429 that repeats soon after counts the successes over the whole window: a limit per second is real', () => {
		const pace = new SharedPace();
		succeed(pace, 50, 0, 4, 0); // 50 in 200 ms, then the first 429
		pace.throttled(200, 1000, 200);
		expect(pace.spacingMs).toBeCloseTo(4 * DEFAULT_PACE_SETTINGS.margin);
		succeed(pace, 50, 1200, 4, 0); // after the pause, 50 more in 200 ms, and the limit answers 429 again
		pace.throttled(1400, 1000, 1400);
		expect(pace.spacingMs).toBeCloseTo((1000 / 50) * DEFAULT_PACE_SETTINGS.margin);
	});

	it('only counts the successes of the last window', () => {
		const pacer = new Pacer();
		succeed(pacer, 500, 10, 10); // 100 per second, for five seconds
		pacer.throttled(5000, 0, 4999);
		expect(pacer.spacingMs).toBeCloseTo(10 * DEFAULT_PACE_SETTINGS.margin, 1);
	});

	it('with too few successes to tell the rate, halves it', () => {
		const pace = new SharedPace();
		succeed(pace, 1, 10, 10, 0);
		pace.throttled(20, 0, 20);
		expect(pace.spacingMs).toBe(1);
		succeed(pace, 1, 30, 30, 0);
		pace.throttled(40, 0, 40);
		expect(pace.spacingMs).toBe(2);
	});

	it('a 429 before anything got through since the last one only extends the pause: the pace was never tried', () => {
		// Eight 429s in a row at Concurrency 1 each came after a pause; the spacing must not double eight times.
		const pace = new SharedPace();
		succeed(pace, 40, 25, 25, 20);
		pace.throttled(1000, 1000, 990);
		const spacing = pace.spacingMs;
		for (let retry = 1; retry <= 7; retry++) pace.throttled(1000 + retry * 1020, 1000, 1000 + retry * 1000);
		expect(pace.spacingMs).toBe(spacing);
		// Each still paused everyone: the last, at 8140, until 9140.
		expect(pace.take(8100)).toBe(9140);
	});

	it('does not slow down again for 429s of requests that were already in flight when it slowed down', () => {
		const pacer = new Pacer();
		succeed(pacer, 50, 20, 20);
		pacer.throttled(1000, 1000, 990);
		const spacing = pacer.spacingMs;
		// Nine more requests of the same burst come back with 429.
		for (let index = 1; index <= 9; index++) pacer.throttled(1000 + index, 1000, 995);
		expect(pacer.spacingMs).toBe(spacing);
		// Their Retry-After still counts: the last one, at 1009, asks for a pause until 2009.
		expect(waitFor(pacer, 1010)).toBe(999);
	});

	it('under a spacing, a request more than half a spacing late takes a new slot; a little late, it starts', () => {
		const pacer = new Pacer();
		succeed(pacer, 50, 20, 20);
		pacer.throttled(1000, 0, 999); // 21 ms apart
		const [first, second, third] = [pacer.reserve(1000), pacer.reserve(1000), pacer.reserve(1000)];
		expect(pacer.mayStart(first, first + 10)).toBe(true);
		// The process stalled until 1070: both requests still waiting are late, and take new slots a spacing apart.
		expect(pacer.mayStart(second, 1070)).toBe(false);
		expect(pacer.mayStart(third, 1070)).toBe(false);
		const [secondAgain, thirdAgain] = [pacer.reserve(1070), pacer.reserve(1070)];
		expect(secondAgain).toBeGreaterThanOrEqual(1070);
		expect(thirdAgain - secondAgain).toBeCloseTo(pacer.spacingMs);
	});

	it('sends a request that took its slot before a 429 paused everyone to a new slot after the pause', () => {
		const pacer = new Pacer(ConcurrencyWindow.fixed(5));
		pacer.succeeded(100, 80); // starts spread 3.2 ms apart
		pacer.reserve(100);
		const waiting = pacer.reserve(100); // a slot at 103.2
		pacer.throttled(101, 1000, 101); // a 429 at 101 pauses everyone until 1101
		expect(pacer.mayStart(waiting, waiting)).toBe(false);
		expect(pacer.reserve(waiting)).toBeGreaterThanOrEqual(1101);
	});

	it('holds no request back for being late while it only spreads starts (no 429)', () => {
		const pacer = new Pacer(ConcurrencyWindow.fixed(5));
		pacer.succeeded(100, 80);
		expect(pacer.mayStart(pacer.reserve(100), 1000)).toBe(true);
	});

	it('never spaces starts further apart than its maximum', () => {
		const pace = new SharedPace({ ...DEFAULT_PACE_SETTINGS, maxIntervalMs: 300 });
		for (let index = 0; index < 20; index++) {
			succeed(pace, 1, index * 10, 10, 0);
			pace.throttled(index * 10 + 5, 0, index * 10 + 5);
		}
		expect(pace.spacingMs).toBe(300);
	});
});

describe('SharedPace speeding up again', () => {
	/** A pace slowed by a first 429 to a 40 ms spacing (10 successes in the 400 ms the run had lasted). */
	function slowedTo40Ms(): SharedPace {
		const pace = new SharedPace({ ...DEFAULT_PACE_SETTINGS, margin: 1 });
		succeed(pace, 10, 40, 40, 40);
		pace.throttled(400, 0, 400);
		expect(pace.spacingMs).toBe(40);
		return pace;
	}

	it('halves the spacing each time five requests started at it have succeeded, back to unpaced', () => {
		const pace = slowedTo40Ms();
		succeed(pace, 4, 1100, 100, 20);
		expect(pace.spacingMs).toBe(40);
		pace.started(1480);
		pace.succeeded(1500, 1480);
		expect(pace.spacingMs).toBe(20);
		// Answers to requests started before the step tell nothing about the new spacing.
		succeed(pace, 5, 1510, 1, 20);
		expect(pace.spacingMs).toBe(20);
		let nowMs = 1600;
		while (pace.spacingMs > 0 && nowMs < 10_000) succeed(pace, 5, (nowMs += 100), 1);
		expect(pace.spacingMs).toBe(0);
		expect(nowMs).toBeLessThan(3000); // 40 -> 20 -> ... -> 0 in seven steps
	});

	it('after a 429 right after a step, goes back to the spacing before the step at least', () => {
		const pace = slowedTo40Ms();
		succeed(pace, 5, 1100, 10, 10); // 40 -> 20 ms at 1140
		expect(pace.spacingMs).toBe(20);
		// Twenty answers to requests started before the step: 30 accepted in the window ask for 33 ms only.
		succeed(pace, 20, 1150, 5, 110);
		pace.throttled(1250, 0, 1245);
		expect(pace.spacingMs).toBe(40);
	});

	it('takes the first 429 of a run at least half a window old as the limit: counted over the window, and held', () => {
		const { quietMs } = DEFAULT_PACE_SETTINGS;
		const pace = new SharedPace();
		succeed(pace, 30, 20, 20); // 30 accepted in 600 ms, then refused: a limit of 30 per second, not 50
		pace.throttled(600, 1000, 599);
		expect(pace.spacingMs).toBeCloseTo((1000 / 30) * DEFAULT_PACE_SETTINGS.margin);
		const held = pace.spacingMs;
		succeed(pace, 20, 3100, 25);
		expect(pace.spacingMs).toBe(held);
		succeed(pace, 5, 3000 + quietMs + 100, 25);
		expect(pace.spacingMs).toBe(held / 2);
	});

	it('after a 429 that repeats a recent one, holds the pace for the quiet period, then twice as long the next time', () => {
		const { quietMs } = DEFAULT_PACE_SETTINGS;
		const pace = slowedTo40Ms();
		succeed(pace, 10, 1100, 100, 20); // 40 -> 20 -> 10
		pace.throttled(2100, 1000, 2100); // repeated: pause until 3100, then hold
		const held = pace.spacingMs;
		succeed(pace, 20, 3200, 100, 20);
		expect(pace.spacingMs).toBe(held);
		succeed(pace, 5, 3100 + quietMs + 100, 100, 20);
		expect(pace.spacingMs).toBe(held / 2);
		// The faster pace meets the limit again: this time the hold is twice as long.
		const againMs = 3100 + quietMs + 700;
		pace.throttled(againMs, 1000, againMs);
		const heldAgain = pace.spacingMs;
		succeed(pace, 5, againMs + 1000 + quietMs + 100, 100, 20);
		expect(pace.spacingMs).toBe(heldAgain);
		succeed(pace, 5, againMs + 1000 + 2 * quietMs + 100, 100, 20);
		expect(pace.spacingMs).toBe(heldAgain / 2);
	});
});

describe('Recovery and limits, driven by the simulation clock', () => {
	const latencyMs = 20;

	it('the issue\'s burst: 50 updates at Concurrency 5 with two 429s after the 10th take the pause plus about the run itself', async () => {
		const clean = await simulate({ items: 50, window: () => ConcurrencyWindow.fixed(5), latencyMs });
		const burst = await simulate({
			items: 50,
			window: () => ConcurrencyWindow.fixed(5),
			latencyMs,
			inject429: (arrival) => arrival === 10 || arrival === 11,
		});
		expect(burst.failedItems).toBe(0);
		expect(burst.requests.filter((request) => request.status === 429)).toHaveLength(2);
		// On 376e7b5 this took 4.9 s: the spacing stayed at 105 ms for the rest of the run.
		expect(burst.endMs).toBeLessThan(clean.endMs + 1000 + 500);
		const afterPause = startGaps(burst.requests.filter((request) => request.startedMs > 1100));
		expect(Math.max(...afterPause.slice(-20))).toBeLessThan(latencyMs);
	});

	it('eight 429s in a row at Concurrency 1: the gaps are the pauses, and back to the round trip right after', async () => {
		const { requests, failedItems } = await simulate({
			items: 50,
			window: () => ConcurrencyWindow.fixed(1),
			latencyMs,
			inject429: (arrival) => arrival >= 10 && arrival < 18,
			maxRetries: 10,
		});
		expect(failedItems).toBe(0);
		const gaps = startGaps(requests);
		// On 376e7b5 the gap grew to 6.7 s and shrank by a fifth every 10 s.
		expect(Math.max(...gaps)).toBeLessThanOrEqual(1000 + latencyMs + 1);
		expect(Math.max(...gaps.slice(20))).toBeLessThanOrEqual(latencyMs * 1.25);
	});

	it.each([
		['Concurrency 5', () => ConcurrencyWindow.fixed(5)],
		['Concurrency 1', () => ConcurrencyWindow.fixed(1)],
		['the adaptive default', () => ConcurrencyWindow.adaptive(32)],
	])('holds a sustained limit of 50 per second with %s: 500 items within 1.2x the floor, none failed', async (_label, window) => {
		const { endMs, failedItems } = await simulate({ items: 500, window, latencyMs, perSecond: 50, cpuMsPerAnswer: 1 });
		expect(failedItems).toBe(0);
		expect(endMs / 10_000).toBeLessThanOrEqual(1.2);
	});

	it('holds a limit over a long run, probing it less and less often', async () => {
		const { endMs, failedItems, requests } = await simulate({
			items: 3000,
			window: () => ConcurrencyWindow.adaptive(32),
			latencyMs,
			perSecond: 50,
		});
		expect(failedItems).toBe(0);
		expect(endMs / 60_000).toBeLessThanOrEqual(1.15);
		const throttledAfterFirstMinute = requests.filter((request) => request.status === 429 && request.startedMs > 30_000);
		expect(throttledAfterFirstMinute.length).toBeLessThan(requests.filter((request) => request.status === 429).length / 2);
	});
});

describe('Sharing the pace between executions', () => {
	it('twenty executions of 25 items under 50 per second: sharing stays within 1.25x the floor, none failed', async () => {
		const scenario = { items: 25, executions: 20, window: () => ConcurrencyWindow.adaptive(32), latencyMs: 20, perSecond: 50, cpuMsPerAnswer: 1 };
		const shared = await simulate(scenario);
		const separate = await simulate({ ...scenario, sharedPace: false });
		expect(shared.failedItems).toBe(0);
		expect(shared.endMs / 10_000).toBeLessThanOrEqual(1.25);
		// Each finding the limit on its own costs every execution its own 429s and pauses.
		const throttled = (outcome: typeof shared) => outcome.requests.filter((request) => request.status === 429).length;
		expect(throttled(shared)).toBeLessThan(throttled(separate) / 2);
		expect(shared.endMs).toBeLessThan(separate.endMs);
	});

	it('a 429 seen by one execution pauses and spaces the others; a speed-up reaches them all', () => {
		const pace = new SharedPace();
		const [first, second] = [new Pacer(ConcurrencyWindow.fixed(5), pace), new Pacer(ConcurrencyWindow.fixed(2), pace)];
		succeed(first, 20, 20, 20); // a run of 400 ms: the pace is a guess, tried faster right after the pause
		first.throttled(400, 1000, 399);
		expect(second.spacingMs).toBe(first.spacingMs);
		expect(waitFor(second, 400)).toBe(1000);
		// The slots are shared too: the two executions together start one spacing apart.
		expect(first.reserve(1400) - second.reserve(1400)).toBeCloseTo(-pace.spacingMs);
		// Both executions' successes count towards the next step, which speeds both up.
		const spacing = pace.spacingMs;
		for (let index = 0; index < 5; index++) (index % 2 ? first : second).succeeded(2100 + index * 30, 2090 + index * 30);
		expect([first.spacingMs, second.spacingMs]).toEqual([spacing / 2, spacing / 2]);
	});

	it('each execution keeps its own window and spreads its own starts', () => {
		const pace = new SharedPace();
		const [one, five] = [new Pacer(ConcurrencyWindow.fixed(1), pace), new Pacer(ConcurrencyWindow.fixed(5), pace)];
		one.succeeded(100, 60);
		five.succeeded(100, 60);
		expect(one.window.limit).toBe(1);
		expect(five.window.limit).toBe(5);
		expect(one.spreadMs).toBe(0);
		expect(five.spreadMs).toBeCloseTo(40 / (5 * DEFAULT_PACE_SETTINGS.spreadMargin));
		// Spreading one execution does not hold back the other.
		five.reserve(100);
		expect(waitFor(one, 100)).toBe(0);
	});

	it('gives executions of one Base URL and token one pace; another token or Base URL has its own', () => {
		const paces = new SharedPaces();
		const pace = paces.for('https://api.buildin.ai', 'token-a', 0);
		expect(paces.for('https://api.buildin.ai', 'token-a', 1)).toBe(pace);
		expect(paces.for('https://api.buildin.ai', 'token-b', 2)).not.toBe(pace);
		expect(paces.for('http://127.0.0.1:4010', 'token-a', 3)).not.toBe(pace);
		expect(paces.size).toBe(3);
	});

	it('keys paces by a SHA-256 of the token, so no copy of the token is kept', () => {
		const paces = new SharedPaces();
		paces.for('https://api.buildin.ai', 'secret-token-3f9c2a7d41e8', 0);
		const keys = [...(paces as unknown as { paces: Map<string, unknown> }).paces.keys()];
		expect(keys).toEqual([expect.stringMatching(/^https:\/\/api\.buildin\.ai [0-9a-f]{64}$/)]);
		expect(keys[0]).not.toContain('secret-token');
	});

	it('forgets a pace nobody used for ten minutes once another is created', () => {
		const paces = new SharedPaces();
		const idle = paces.for('https://api.buildin.ai', 'a', 0);
		idle.take(1000);
		paces.for('https://api.buildin.ai', 'b', 1000 + 10 * 60_000 + 1);
		expect(paces.size).toBe(1);
		expect(paces.for('https://api.buildin.ai', 'a', 1000 + 10 * 60_000 + 2)).not.toBe(idle);
	});

	it('keeps a pace that is still pausing or spacing requests, however long ago it was used', () => {
		const paces = new SharedPaces();
		const limited = paces.for('https://api.buildin.ai', 'a', 0);
		succeed(limited, 10, 0, 10);
		limited.throttled(100, 1000, 100);
		paces.for('https://api.buildin.ai', 'b', 20 * 60_000);
		expect(paces.for('https://api.buildin.ai', 'a', 20 * 60_000)).toBe(limited);
	});
});

describe('pacerFor', () => {
	const execution = (options: object = {}) => ({ getInputData: () => [], getNodeParameter: () => options }) as never;

	beforeEach(() => sharedPaces.clear());

	it('gives every request of one execution the same pacer, and another execution its own', () => {
		const context = execution();
		expect(pacerFor(context)).toBe(pacerFor(context));
		expect(pacerFor(execution())).not.toBe(pacerFor(context));
	});

	it('joins the pace of its account at the first request, and two executions of one account share it', () => {
		const [first, second] = [execution(), execution()];
		const account = { baseUrl: 'https://api.buildin.ai', token: 'token-a' };
		pacerFor(first, account).succeeded(0, 0);
		for (let index = 1; index <= 5; index++) pacerFor(first, account).succeeded(index * 10, index * 10);
		pacerFor(first, account).throttled(100, 1000, 100);
		expect(pacerFor(second, account).spacingMs).toBe(pacerFor(first).spacingMs);
		expect(waitFor(pacerFor(second, account), 100)).toBe(1000);
		expect(pacerFor(execution(), { ...account, token: 'token-b' }).spacingMs).toBe(0);
	});

	it('reads the window from Options once: a Concurrency number is fixed, without it the window adapts', () => {
		expect(pacerFor(execution({ concurrency: 3 })).window).toMatchObject({ adaptive: false, limit: 3 });
		expect(pacerFor(execution({})).window).toMatchObject({ adaptive: true, limit: 5, max: 32 });
		expect(pacerFor(execution({ maxConcurrency: 12 })).window).toMatchObject({ adaptive: true, max: 12 });
	});
});

describe('takeStartSlot', () => {
	it('waits on its clock until the slot, and takes a new one when a 429 paused everyone meanwhile', async () => {
		const clock = new DrivenClock();
		const pacer = new Pacer();
		succeed(pacer, 50, 20, 20);
		pacer.throttled(1000, 500, 999); // a pause until 1500, then 21 ms apart
		const started: number[] = [];
		const requests = [0, 1, 2].map(async () => {
			await takeStartSlot(pacer, clock);
			started.push(clock.now());
		});
		// While the first waits, another 429 extends the pause to 2000.
		void clock.sleep(1400).then(() => pacer.throttled(clock.now(), 600, 990));
		await clock.run();
		await Promise.all(requests);
		expect(started[0]).toBe(2000);
		expect(started[1] - started[0]).toBeCloseTo(pacer.spacingMs);
		expect(started[2] - started[1]).toBeCloseTo(pacer.spacingMs);
	});
});

describe('Spreading starts over the round trip', () => {
	const spread = (concurrency: number, roundTripMs: number) => roundTripMs / (concurrency * DEFAULT_PACE_SETTINGS.spreadMargin);

	it('lets the first requests start at once, before any round trip is known', () => {
		const pacer = new Pacer(ConcurrencyWindow.fixed(5));
		expect([0, 0, 0, 0, 0].map((now) => waitFor(pacer, now))).toEqual([0, 0, 0, 0, 0]);
	});

	it('then spaces starts by the round trip over Concurrency (with a margin), so answers stop coming back in bursts', () => {
		const pacer = new Pacer(ConcurrencyWindow.fixed(5));
		pacer.succeeded(100, 80); // a 20 ms round trip
		expect(pacer.spreadMs).toBeCloseTo(spread(5, 20));
		expect(waitFor(pacer, 100)).toBe(0);
		expect(waitFor(pacer, 100)).toBeCloseTo(spread(5, 20));
		expect(waitFor(pacer, 100)).toBeCloseTo(2 * spread(5, 20));
		// A request that comes later than its slot starts at once: the spacing never holds back a run that is spread.
		expect(waitFor(pacer, 200)).toBe(0);
	});

	it('spreads a run over the round trip instead of sending it in bursts of Concurrency', async () => {
		const { requests } = await simulate({ items: 30, window: () => ConcurrencyWindow.fixed(5), latencyMs: 60 });
		// The first five start together; from the first answers on, starts are about 60 ms / (5 x 1.25) apart, where an
		// unspread run would send each next burst of five at the same moment.
		const gaps = startGaps(requests).slice(5);
		expect(gaps.filter((gap) => gap < 1)).toHaveLength(0);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(spread(5, 60) - 0.01);
	});

	it('does not spread with Concurrency 1: one request at a time is spread already', () => {
		const pacer = new Pacer(ConcurrencyWindow.fixed(1));
		pacer.succeeded(100, 80);
		expect(pacer.spreadMs).toBe(0);
		expect([waitFor(pacer, 100), waitFor(pacer, 100)]).toEqual([0, 0]);
	});

	it('keeps the wider of the two spacings when a 429 asks for more', () => {
		const pacer = new Pacer(ConcurrencyWindow.fixed(5));
		succeed(pacer, 10, 100, 100, 20); // 10 per second, 20 ms round trips
		pacer.throttled(1000, 0, 1000);
		expect(pacer.spacingMs).toBeGreaterThan(pacer.spreadMs);
		waitFor(pacer, 1000);
		expect(waitFor(pacer, 1000)).toBeCloseTo(pacer.spacingMs);
	});
});
