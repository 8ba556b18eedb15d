// Options → Concurrency and the shared pacing through n8n's engine: many items in flight (a fixed number, or the
// adaptive default up to Max Concurrency), output in input order and paired, one output per input under
// continue-on-fail, a 429 pausing and slowing every request down together (also across two executions running at
// once), no item lost or duplicated. Assertions read the sandbox's records (what was in flight together, in which
// order, what arrived during a pause), never how long the run took.
import type { INodeParameters } from 'n8n-workflow';

import { byId, failureOf, runBuildin, useSandbox } from '../../../support/workflow';

const sandbox = useSandbox();

function pages(count: number, prefix = 'Page'): Array<{ id: string }> {
	return Array.from({ length: count }, (_, index) => sandbox.addPage({ title: `${prefix} ${index}` }) as { id: string });
}

function updateTitles(concurrency: number | undefined, options: INodeParameters = {}): INodeParameters {
	return {
		resource: 'page',
		operation: 'update',
		pageId: byId('={{ $json.id }}'),
		title: '={{ $json.title }}',
		options: concurrency === undefined ? options : { concurrency, ...options },
	};
}

function itemsFor(list: Array<{ id: string }>) {
	return list.map((page, index) => ({ id: page.id, title: `Renamed ${index}` }));
}

type Recorded = (typeof sandbox.requests)[number];

/** Requests for these pages. */
function requestsFor(list: Array<{ id: string }>): Recorded[] {
	const ids = new Set(list.map((page) => page.id));
	return sandbox.requests.filter((request) => ids.has(request.path.split('/').pop() as string));
}

/** The most of these requests the sandbox held at once (arrived, not yet answered), by its count of events. */
function mostAtOnce(requests: Recorded[]): number {
	const events = requests.flatMap((request) => [
		{ seq: request.arrivedSeq, change: 1 },
		{ seq: request.answeredSeq ?? Number.POSITIVE_INFINITY, change: -1 },
	]);
	let held = 0;
	let most = 0;
	for (const event of events.sort((a, b) => a.seq - b.seq)) most = Math.max(most, (held += event.change));
	return most;
}

/** Successful PATCHes per page id: every page must be written exactly once. */
function writesPerPage(): Map<string, number> {
	const writes = new Map<string, number>();
	for (const request of sandbox.requests) {
		if (request.method === 'PATCH' && request.status === 200) {
			const id = request.path.split('/').pop() as string;
			writes.set(id, (writes.get(id) ?? 0) + 1);
		}
	}
	return writes;
}

/** How many separate runs of 429s the sandbox answered, in arrival order: each one a time the node met the limit. */
function runsOf429s(): number {
	return sandbox.requests.filter((request, index) => request.status === 429 && sandbox.requests[index - 1]?.status !== 429).length;
}

/**
 * Requests that arrived while everyone was to wait out a 429: from 200 ms after its answer left (a request that had
 * passed its start slot before the node read the 429 is at the sandbox by then) to the end of its Retry-After.
 */
function arrivedDuringPause(the429: Recorded, pauseMs: number): Recorded[] {
	const answeredAt = the429.receivedAt + (the429.answeredAfterMs ?? 0);
	return sandbox.requests.filter((request) => request.receivedAt >= answeredAt + 200 && request.receivedAt < answeredAt + pauseMs);
}

describe('Concurrency', () => {
	it('keeps the input order and pairing when answers arrive out of order', async () => {
		const list = pages(6);
		// The first two pages answer slowly, so later items finish first.
		sandbox.injectFault({ path: `/v2/pages/${list[0].id}`, latencyMs: 300 });
		sandbox.injectFault({ path: `/v2/pages/${list[1].id}`, latencyMs: 150 });

		const { output, error } = await runBuildin(sandbox, { parameters: updateTitles(4) }, { items: itemsFor(list) });

		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.id)).toEqual(list.map((page) => page.id));
		expect(output.map((item) => item.pairedItem)).toEqual(list.map((_, item) => ({ item })));
		// Proof that the answers did come back out of order: the slow page's request was not the last to arrive.
		expect(sandbox.requests.findIndex((r: any) => r.path.endsWith(list[0].id))).toBeLessThan(list.length - 1);
	});

	it('has as many requests in flight at once as a fixed Concurrency says, and one at a time with Concurrency 1', async () => {
		const list = pages(12);
		sandbox.setLatency(300);

		await runBuildin(sandbox, { parameters: updateTitles(3) }, { items: itemsFor(list) });
		expect(mostAtOnce(sandbox.requests)).toBe(3);
		expect(writesPerPage().size).toBe(12);

		sandbox.reset();
		sandbox.setLatency(100);
		await runBuildin(sandbox, { parameters: updateTitles(1) }, { items: itemsFor(list.slice(0, 5)) });
		expect(sandbox.requests).toHaveLength(5);
		expect(mostAtOnce(sandbox.requests)).toBe(1);
	});

	it('by default starts five at once and adapts from there, never beyond Max Concurrency', async () => {
		const list = pages(30);
		sandbox.setLatency(300);

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: updateTitles(undefined, { maxConcurrency: 8 }) },
			{ items: itemsFor(list) },
		);

		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.id)).toEqual(list.map((page) => page.id));
		// The first five are in flight together before any answer comes back.
		expect(mostAtOnce(sandbox.requests.slice(0, 5))).toBe(5);
		expect(mostAtOnce(sandbox.requests)).toBeLessThanOrEqual(8);
		expect(writesPerPage().size).toBe(30);
	});

	it.each([1, 3, 10])('with continue-on-fail at Concurrency %i: one output per input, paired, failures in place', async (concurrency) => {
		const list = pages(7);
		const items = itemsFor(list);
		items[2].id = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f'; // no such page: 404
		items[5].title = ''; // nothing to update: refused before sending

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: updateTitles(concurrency), settings: { continueOnFail: true } },
			{ items },
		);

		expect(error).toBeUndefined();
		expect(output).toHaveLength(7);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(failureOf(output[2]).message).toContain('Buildin API error 404 (not_found');
		expect(failureOf(output[5]).message).toContain('nothing to change');
		for (const index of [0, 1, 3, 4, 6]) expect(output[index].json.id).toBe(list[index].id);
	});

	it('without continue-on-fail stops at the earliest failing item in input order', async () => {
		const list = pages(6);
		const items = itemsFor(list);
		items[1].id = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
		items[4].id = '0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e';
		sandbox.injectFault({ path: `/v2/pages/${items[1].id}`, latencyMs: 200 }); // fails last, still reported first

		const { error } = await runBuildin(sandbox, { parameters: updateTitles(6) }, { items });

		expect(error?.message).toContain('Buildin API error 404');
		expect((error as any).context.itemIndex).toBe(1);
	});

	it.each([1, 4, 16])('loses and duplicates no item under injected 429s and 5xx at Concurrency %i', async (concurrency) => {
		const list = pages(40);
		// Faults on a dozen different pages, so every concurrency meets them on different items.
		list.slice(0, 6).forEach((page) => sandbox.injectFault({ path: `/v2/pages/${page.id}`, status: 429, retryAfter: 0 }));
		list.slice(10, 14).forEach((page) => sandbox.injectFault({ path: `/v2/pages/${page.id}`, status: 503 }));
		list.slice(20, 22).forEach((page) => sandbox.injectFault({ path: `/v2/pages/${page.id}`, status: 502 }));

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: updateTitles(concurrency, { maxRetries: 10 }) },
			{ items: itemsFor(list) },
		);

		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.id)).toEqual(list.map((page) => page.id));
		const writes = writesPerPage();
		expect(writes.size).toBe(40);
		expect([...writes.values()].every((count) => count === 1)).toBe(true);
		expect(sandbox.requests.filter((r: any) => r.status === 429)).toHaveLength(6);
		list.forEach((page, index) => expect(sandbox.getPage(page.id)?.properties.title.title[0].plain_text).toBe(`Renamed ${index}`));
	});

	it('slows the whole node down after a 429: the limit is met once more at most, and no item fails', async () => {
		const list = pages(60);
		sandbox.setRateLimit({ perSecond: 20, retryAfter: 1 });

		const { output, error } = await runBuildin(sandbox, { parameters: updateTitles(10) }, { items: itemsFor(list) });

		expect(error).toBeUndefined();
		expect(output).toHaveLength(60);
		expect(sandbox.requests.findIndex((request) => request.status === 429)).toBeGreaterThan(0);
		// The first burst meets the limit; speeding up right after the pause may meet it once more (a burst of 429s
		// can be a passing one); then the pace holds. Not one 429 per request in flight and per retry.
		expect(runsOf429s()).toBeLessThanOrEqual(3);
		expect(writesPerPage().size).toBe(60);
	});

	it('pauses every request for a 429, the ones waiting for their turn to start too', async () => {
		const list = pages(8);
		// Five requests start at once and are answered 2 s later; the next three then start spread 320 ms apart (at 2.0,
		// 2.32 and 2.64 s) while the fifth answer, a 429 at 2.03 s, pauses everyone for a second: the two still waiting
		// for their turn must wait for the pause too.
		sandbox.setLatency(2000);
		sandbox.injectFault({ path: `/v2/pages/${list[4].id}`, status: 429, code: 'rate_limited', retryAfter: 1, latencyMs: 30 });

		const { output } = await runBuildin(sandbox, { parameters: updateTitles(5) }, { items: itemsFor(list) });

		expect(output).toHaveLength(8);
		const the429 = sandbox.requests.find((request) => request.status === 429)!;
		expect(arrivedDuringPause(the429, 1000)).toEqual([]);
		expect(writesPerPage().size).toBe(8);
	});
});

describe('Two executions at once, one pace', () => {
	const run = (list: Array<{ id: string }>, parameters: INodeParameters) => runBuildin(sandbox, { parameters }, { items: itemsFor(list) });

	it('a 429 in one execution pauses the other: nothing of either starts until the pause is over', async () => {
		const [first, second] = [pages(4, 'First'), pages(12, 'Second')];
		sandbox.setLatency(300);
		sandbox.injectFault({ path: `/v2/pages/${first[1].id}`, status: 429, code: 'rate_limited', retryAfter: 1 });

		const results = await Promise.all([run(first, updateTitles(2)), run(second, updateTitles(2))]);

		expect(results.map((result) => result.error)).toEqual([undefined, undefined]);
		const the429 = sandbox.requests.find((request) => request.status === 429)!;
		// Without a shared pace the second execution would go on meanwhile, two at a time, a start every 120 ms.
		expect(arrivedDuringPause(the429, 1000)).toEqual([]);
		expect(requestsFor(second).filter((request) => request.receivedAt > the429.receivedAt + 1000).length).toBeGreaterThan(0);
		expect(writesPerPage().size).toBe(16);
	});

	it('each keeps its own Concurrency', async () => {
		const [one, three] = [pages(6, 'One'), pages(12, 'Three')];
		sandbox.setLatency(200);

		await Promise.all([run(one, updateTitles(1)), run(three, updateTitles(3))]);

		expect(mostAtOnce(requestsFor(one))).toBe(1);
		expect(mostAtOnce(requestsFor(three))).toBe(3);
		// They did run at the same time.
		expect(mostAtOnce(sandbox.requests)).toBe(4);
		expect(writesPerPage().size).toBe(18);
	});

	it('under a limit two executions lose and duplicate no item, and meet the limit a few times at most', async () => {
		const [first, second] = [pages(30, 'First'), pages(30, 'Second')];
		sandbox.setRateLimit({ perSecond: 20, retryAfter: 1 });

		const results = await Promise.all([run(first, updateTitles(5)), run(second, updateTitles(5))]);

		expect(results.map((result) => result.error)).toEqual([undefined, undefined]);
		expect(results.map((result) => result.output.length)).toEqual([30, 30]);
		expect(runsOf429s()).toBeLessThanOrEqual(3);
		const writes = writesPerPage();
		expect(writes.size).toBe(60);
		expect([...writes.values()].every((count) => count === 1)).toBe(true);
	});
});
