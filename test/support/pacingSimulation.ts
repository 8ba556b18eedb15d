// A driven clock and a simulated Buildin for the pacer's unit tests: executions run their items through the router's
// window and the transport's pacing calls (takeStartSlot, succeeded, throttled) against a server with a latency, an
// optional requests-per-second limit (a sliding one-second window, as the sandbox's) and injected 429s, and an n8n
// process that handles one answer at a time. Time only moves when every waiting party sleeps, so the figures are the
// same on any machine.
import { ConcurrencyWindow } from '../../nodes/Buildin/transport/concurrency';
import { Pacer, SharedPace, takeStartSlot, type Clock, type PaceSettings } from '../../nodes/Buildin/transport/pacing';

/** A clock whose time moves only from one sleeper's wake-up to the next. */
export class DrivenClock implements Clock {
	private nowMs = 0;
	private sleepers: Array<{ atMs: number; order: number; wake: () => void }> = [];
	private order = 0;

	now(): number {
		return this.nowMs;
	}

	async sleep(ms: number): Promise<void> {
		await new Promise<void>((wake) => this.sleepers.push({ atMs: this.nowMs + Math.max(0, ms), order: this.order++, wake }));
	}

	/** Wakes sleepers in time order until nobody sleeps any more, letting the woken code run before the next. */
	async run(): Promise<void> {
		for (;;) {
			await new Promise((resolve) => setImmediate(resolve));
			if (this.sleepers.length === 0) return;
			this.sleepers.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
			const next = this.sleepers.shift()!;
			this.nowMs = Math.max(this.nowMs, next.atMs);
			next.wake();
		}
	}
}

export interface Request {
	execution: number;
	item: number;
	attempt: number;
	/** When it left the client. */
	startedMs: number;
	status: 200 | 429;
}

export interface Scenario {
	/** Items per execution. */
	items: number;
	/** One window per execution, e.g. `() => ConcurrencyWindow.fixed(5)`. */
	window: () => ConcurrencyWindow;
	executions?: number;
	/** One pace for all executions (as in one n8n process), or one each (as before paces were shared). */
	sharedPace?: boolean;
	latencyMs: number;
	/** The server's limit: requests per sliding second beyond which it answers 429. */
	perSecond?: number;
	/** The Retry-After of every 429. */
	retryAfterMs?: number;
	/** Which requests (by arrival, from 0) the server answers 429 whatever the limit. */
	inject429?: (arrival: number) => boolean;
	/** CPU time n8n spends on each answer, one answer at a time. */
	cpuMsPerAnswer?: number;
	maxRetries?: number;
	paceSettings?: PaceSettings;
}

export interface Outcome {
	/** When the last item finished. */
	endMs: number;
	requests: Request[];
	failedItems: number;
	/** Items of each execution running at once, at most. */
	mostInFlight: number[];
	/** The window limits seen after each answer, per execution. */
	limits: number[][];
}

export async function simulate(scenario: Scenario): Promise<Outcome> {
	const clock = new DrivenClock();
	const executions = scenario.executions ?? 1;
	const retryAfterMs = scenario.retryAfterMs ?? 1000;
	const maxRetries = scenario.maxRetries ?? 4;
	const sharedPace = new SharedPace(scenario.paceSettings);
	const pacers = Array.from(
		{ length: executions },
		() => new Pacer(scenario.window(), scenario.sharedPace === false ? new SharedPace(scenario.paceSettings) : sharedPace, scenario.paceSettings),
	);
	const requests: Request[] = [];
	const hits: number[] = [];
	let cpuFreeMs = 0;
	let failedItems = 0;
	let endMs = 0;
	const mostInFlight = pacers.map(() => 0);
	const limits: number[][] = pacers.map(() => []);

	const send = async (request: Request): Promise<200 | 429> => {
		const arrival = requests.push(request) - 1;
		const nowMs = clock.now();
		while (hits.length > 0 && nowMs - hits[0] >= 1000) hits.shift();
		let status: 200 | 429 = 200;
		if (scenario.inject429?.(arrival)) status = 429;
		else if (scenario.perSecond !== undefined && hits.length >= scenario.perSecond) status = 429;
		else hits.push(nowMs);
		request.status = status;
		await clock.sleep(scenario.latencyMs);
		// n8n handles one answer after the other.
		cpuFreeMs = Math.max(cpuFreeMs, clock.now()) + (scenario.cpuMsPerAnswer ?? 0);
		await clock.sleep(cpuFreeMs - clock.now());
		return status;
	};

	const runItem = async (execution: number, item: number) => {
		const pacer = pacers[execution];
		for (let attempt = 1; ; attempt++) {
			await takeStartSlot(pacer, clock);
			const startedMs = clock.now();
			const status = await send({ execution, item, attempt, startedMs, status: 200 });
			if (status === 200) {
				pacer.succeeded(clock.now(), startedMs);
				limits[execution].push(pacer.window.limit);
				return;
			}
			if (attempt > maxRetries) {
				failedItems++;
				return;
			}
			pacer.throttled(clock.now(), retryAfterMs, startedMs);
		}
	};

	// The router's loop: start items while the window has room; each finished item makes room.
	const runExecution = (execution: number) =>
		new Promise<void>((done) => {
			const { window } = pacers[execution];
			let next = 0;
			const startItems = () => {
				while (next < scenario.items && window.tryStart()) {
					mostInFlight[execution] = Math.max(mostInFlight[execution], window.inFlight);
					void runItem(execution, next++).then(() => {
						window.finished();
						endMs = Math.max(endMs, clock.now());
						startItems();
					});
				}
				if (window.inFlight === 0) done();
			};
			startItems();
		});

	const finished = Promise.all(pacers.map((_, execution) => runExecution(execution)));
	await clock.run();
	await finished;
	return { endMs, requests, failedItems, mostInFlight, limits };
}

/** The gaps between consecutive request starts, in start order. */
export function startGaps(requests: Request[]): number[] {
	const starts = requests.map((request) => request.startedMs).sort((a, b) => a - b);
	return starts.slice(1).map((at, index) => at - starts[index]);
}
