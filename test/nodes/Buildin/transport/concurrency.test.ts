// The Concurrency window: fixed when Options → Concurrency is set, otherwise adapting like a congestion window to the
// answers (round trip and 429s), up to Options → Max Concurrency. Driven by explicit times and the simulation clock.
import {
	ConcurrencyWindow,
	concurrencyWindow,
	DEFAULT_CONCURRENCY,
	DEFAULT_MAX_CONCURRENCY,
	DEFAULT_WINDOW_SETTINGS,
} from '../../../../nodes/Buildin/transport/concurrency';
import { simulate } from '../../../support/pacingSimulation';

/** Fills the window with running items. */
function fill(window: ConcurrencyWindow): void {
	while (window.tryStart());
}

/** Answers at `nowMs` one request per running item, each after `roundTripMs`, the window staying full. */
function answerAll(window: ConcurrencyWindow, nowMs: number, roundTripMs: number, spacingMs = 0): void {
	const count = window.inFlight;
	for (let index = 0; index < count; index++) {
		window.answered(nowMs, nowMs - roundTripMs, spacingMs);
		window.finished();
		fill(window);
	}
}

describe('a fixed window (Options → Concurrency)', () => {
	it('runs exactly that many items at once, whatever the answers say', () => {
		const window = ConcurrencyWindow.fixed(3);
		expect([window.tryStart(), window.tryStart(), window.tryStart(), window.tryStart()]).toEqual([true, true, true, false]);
		window.answered(100, 80, 0);
		window.throttled(120, 100);
		window.answered(1000, 100, 0); // a much slower round trip
		expect(window.limit).toBe(3);
		window.finished();
		expect(window.tryStart()).toBe(true);
	});

	it('1 means one at a time', () => {
		const window = ConcurrencyWindow.fixed(1);
		expect([window.tryStart(), window.tryStart()]).toEqual([true, false]);
	});
});

describe('an adaptive window (no Concurrency set)', () => {
	it(`starts at ${DEFAULT_CONCURRENCY} and doubles every round trip while the round trip stays as fast`, () => {
		const window = ConcurrencyWindow.adaptive(64);
		fill(window);
		expect(window.limit).toBe(5);
		answerAll(window, 100, 20);
		expect(window.limit).toBe(10);
		answerAll(window, 120, 20);
		expect(window.limit).toBe(20);
	});

	it('grows no further than Max Concurrency', () => {
		const window = ConcurrencyWindow.adaptive(8);
		fill(window);
		for (let round = 1; round <= 5; round++) answerAll(window, round * 20, 20);
		expect(window.limit).toBe(8);
	});

	it('starts no higher than Max Concurrency', () => {
		expect(ConcurrencyWindow.adaptive(3).limit).toBe(3);
	});

	it('does not grow while fewer items run than it allows (nothing shows more would go faster)', () => {
		const window = ConcurrencyWindow.adaptive(64);
		window.tryStart();
		for (let index = 0; index < 20; index++) window.answered(100 + index, 80 + index, 0);
		expect(window.limit).toBe(5);
	});

	it('grows while the round trip stays under twice the fastest, holds up to three times, shrinks beyond: requests queue', () => {
		const window = ConcurrencyWindow.adaptive(100);
		fill(window);
		answerAll(window, 100, 20);
		for (let round = 1; round <= 10; round++) answerAll(window, 100 + round * 30, 30); // 1.5x the fastest
		expect(window.limit).toBe(100);
		const slower = ConcurrencyWindow.adaptive(100);
		fill(slower);
		answerAll(slower, 100, 20);
		for (let round = 1; round <= 30; round++) answerAll(slower, 100 + round * 50, 50); // 2.5x the fastest
		const settled = slower.limit;
		for (let round = 31; round <= 60; round++) answerAll(slower, 100 + round * 50, 50);
		expect(slower.limit).toBe(settled);
		for (let round = 1; round <= 30; round++) answerAll(slower, 5000 + round * 80, 80); // 4x the fastest
		expect(slower.limit).toBeLessThan(settled);
	});

	it(`never shrinks below ${DEFAULT_CONCURRENCY} for a slow round trip: slow answers alone are no reason to go slower than before`, () => {
		const window = ConcurrencyWindow.adaptive(64);
		fill(window);
		for (let index = 0; index < 50; index++) answerAll(window, 100 + index * 500, 20 + index * 100);
		expect(window.limit).toBe(DEFAULT_WINDOW_SETTINGS.start);
	});

	it('shrinks once per round trip: answers to requests started before it shrank show the larger window', () => {
		const window = ConcurrencyWindow.adaptive(64);
		fill(window);
		answerAll(window, 100, 20);
		answerAll(window, 120, 20); // 20 at once
		// The round trip jumps to 200 ms: one more while the average is under 2x the fastest (21), and once it crosses 3x,
		// a fifth less (16.8).
		for (let index = 0; index < 10; index++) window.answered(400 + index, 200 + index, 0);
		expect(window.limit).toBe(16);
		// An answer to a request started after that shrink shows the smaller window is still too many.
		window.answered(700, 500, 0);
		expect(window.limit).toBe(13);
	});

	it('halves on a 429 (once for the requests of one burst), down to one at a time, and grows back about one per round trip', () => {
		const window = ConcurrencyWindow.adaptive(64);
		fill(window);
		answerAll(window, 100, 20); // 10
		window.throttled(110, 100);
		expect(window.limit).toBe(5);
		window.throttled(111, 105); // started before the halving: the same burst
		expect(window.limit).toBe(5);
		for (let round = 0; round < 4; round++) window.throttled(200 + round * 10, 200 + round * 10);
		expect(window.limit).toBe(1);
		while (window.inFlight > 0) window.finished();
		fill(window);
		for (let round = 0; round < 4; round++) answerAll(window, 300 + round * 20, 20);
		expect(window.limit).toBeGreaterThanOrEqual(3);
		expect(window.limit).toBeLessThanOrEqual(5);
	});

	it("under a 429's spacing keeps room for the requests one round trip holds, and does not grow beyond", () => {
		const window = ConcurrencyWindow.adaptive(64);
		fill(window);
		window.throttled(10, 0);
		window.throttled(20, 15);
		window.throttled(30, 25); // down to 1
		expect(window.limit).toBe(1);
		// Starts 21 ms apart with a 150 ms round trip: eight requests in flight at a time.
		for (let index = 0; index < 30; index++) window.answered(200 + index * 21, 50 + index * 21, 21);
		expect(window.limit).toBe(Math.ceil(150 / 21) + 1);
	});
});

describe('concurrencyWindow(options)', () => {
	const execution = (options: object) => ({ getInputData: () => [], getNodeParameter: () => options }) as never;

	it('a workflow saved with a Concurrency number keeps that fixed number', () => {
		expect(concurrencyWindow(execution({ concurrency: 5 }))).toMatchObject({ adaptive: false, limit: 5 });
		expect(concurrencyWindow(execution({ concurrency: 1 }))).toMatchObject({ adaptive: false, limit: 1 });
		expect(concurrencyWindow(execution({ concurrency: 12, maxConcurrency: 3 }))).toMatchObject({ adaptive: false, limit: 12 });
	});

	it(`without Concurrency adapts, from ${DEFAULT_CONCURRENCY} up to Max Concurrency (${DEFAULT_MAX_CONCURRENCY} unless set)`, () => {
		expect(concurrencyWindow(execution({}))).toMatchObject({ adaptive: true, limit: 5, max: DEFAULT_MAX_CONCURRENCY });
		expect(concurrencyWindow(execution({ maxConcurrency: 50 }))).toMatchObject({ adaptive: true, max: 50 });
	});

	it("the editor's lookups send one request at a time", () => {
		const lookup = { getNodeParameter: () => ({ concurrency: 10 }) } as never;
		expect(concurrencyWindow(lookup)).toMatchObject({ adaptive: false, limit: 1 });
	});
});

describe('adapting, driven by the simulation clock', () => {
	// n8n handles one answer at a time: at 1.2 ms of CPU per answer it finishes at most about 830 per second.
	const latencyBound = { items: 1000, latencyMs: 20, cpuMsPerAnswer: 1.2 };

	it('finishes a latency-bound run near the speed n8n itself allows, far ahead of a fixed 5', async () => {
		const fixed = await simulate({ ...latencyBound, window: () => ConcurrencyWindow.fixed(5) });
		const adaptive = await simulate({ ...latencyBound, window: () => ConcurrencyWindow.adaptive(DEFAULT_MAX_CONCURRENCY) });
		const cpuBoundMs = latencyBound.items * latencyBound.cpuMsPerAnswer;
		expect(adaptive.endMs).toBeLessThan(fixed.endMs / 2);
		expect(adaptive.endMs).toBeLessThan(cpuBoundMs * 1.2);
	});

	it('settles where the round trip starts to grow instead of running at its maximum', async () => {
		const { limits } = await simulate({ ...latencyBound, window: () => ConcurrencyWindow.adaptive(100) });
		// n8n's CPU is busy from about 20 / 1.2 = 17 requests in flight; more only queue answers. The window stops
		// growing once they wait as long again as the round trip itself, and shrinks when twice as long.
		const settled = limits[0].slice(-200);
		expect(Math.max(...settled)).toBeLessThanOrEqual(3 * 18);
		expect(Math.min(...settled)).toBeGreaterThanOrEqual(17);
	});

	it('goes to its maximum when nothing queues (a slow API, an idle n8n)', async () => {
		const { limits } = await simulate({ items: 300, latencyMs: 200, window: () => ConcurrencyWindow.adaptive(20) });
		expect(limits[0].at(-50)).toBe(20);
	});
});
