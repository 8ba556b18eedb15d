// Options → Concurrency and the shared pacing: many items in flight, output in input order and paired, one output
// per input under continue-on-fail, starts spread over the round trip, a 429 slowing every request down together,
// no item lost or duplicated.
import type { INodeParameters } from 'n8n-workflow';

import { byId, runBuildin, useSandbox } from '../../../support/workflow';

const sandbox = useSandbox();

function pages(count: number): Array<{ id: string }> {
	return Array.from({ length: count }, (_, index) => sandbox.addPage({ title: `Page ${index}` }) as { id: string });
}

function updateTitles(concurrency: number, options: INodeParameters = {}): INodeParameters {
	return {
		resource: 'page',
		operation: 'update',
		pageId: byId('={{ $json.id }}'),
		title: '={{ $json.title }}',
		options: { concurrency, ...options },
	};
}

function itemsFor(list: Array<{ id: string }>) {
	return list.map((page, index) => ({ id: page.id, title: `Renamed ${index}` }));
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

	it('has several requests in flight at once, and one at a time with Concurrency 1', async () => {
		const list = pages(8);
		sandbox.setLatency(100);
		const parallel = Date.now();
		await runBuildin(sandbox, { parameters: updateTitles(8) }, { items: itemsFor(list) });
		const parallelMs = Date.now() - parallel;
		const serial = Date.now();
		await runBuildin(sandbox, { parameters: updateTitles(1) }, { items: itemsFor(list) });
		const serialMs = Date.now() - serial;
		// 8 x 100 ms one by one against about 100 ms all at once; loose bounds, the machine is shared.
		expect(serialMs).toBeGreaterThanOrEqual(800);
		expect(parallelMs).toBeLessThan(serialMs / 2);
	});

	it('spreads the requests over the round trip instead of sending them in bursts of Concurrency', async () => {
		const list = pages(30);
		sandbox.setLatency(60);

		await runBuildin(sandbox, { parameters: updateTitles(5) }, { items: itemsFor(list) });

		// The first five start together; after the first answers, starts are about 60 ms / (5 x 1.25) apart, where
		// an unspread run would send each next burst of five within a millisecond or two.
		const arrived: number[] = sandbox.requests.map((request: any) => request.receivedAt);
		const gaps = arrived.slice(5).map((at, index) => at - arrived[4 + index]);
		const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
		expect(median).toBeGreaterThanOrEqual(6);
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
		expect(output[2].json.error).toContain('Buildin API error 404 (not_found');
		expect(output[5].json.error).toContain('nothing to change');
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

	it('slows the whole node down after a 429: the sandbox sees the request rate drop, and no item fails', async () => {
		const list = pages(60);
		sandbox.setRateLimit({ perSecond: 20, retryAfter: 1 });

		const { output, error } = await runBuildin(sandbox, { parameters: updateTitles(10) }, { items: itemsFor(list) });

		expect(error).toBeUndefined();
		expect(output).toHaveLength(60);
		const throttled = sandbox.requests.map((r: any) => ({ status: r.status, at: r.receivedAt }));
		const first429 = throttled.findIndex((r: any) => r.status === 429);
		expect(first429).toBeGreaterThan(0);
		// Requests in the burst before the first 429 came faster than the limit...
		const burst = throttled.slice(0, first429);
		const burstRate = burst.length / Math.max(0.001, (burst.at(-1)!.at - burst[0].at) / 1000);
		expect(burstRate).toBeGreaterThan(20);
		// ...and after the pause the node keeps below it: a few 429s at most, not one per in-flight request and retry.
		const afterPause = throttled.filter((r: any) => r.at >= throttled[first429].at + 1000);
		const after429s = afterPause.filter((r: any) => r.status === 429).length;
		expect(after429s).toBeLessThanOrEqual(3);
		const span = (afterPause.at(-1)!.at - afterPause[0].at) / 1000;
		expect(afterPause.length / span).toBeLessThanOrEqual(22);
		expect(writesPerPage().size).toBe(60);
	});

	it('pauses every request for a 429, the ones waiting for their turn to start too', async () => {
		const list = pages(8);
		// Five requests start at once. Four answers come back 400 ms later and the next starts are spread 64 ms apart
		// (at 400, 464, 528 and 592 ms); the fifth answer, a 429 at 430 ms, finds three of them waiting for their turn.
		sandbox.setLatency(400);
		sandbox.injectFault({ path: `/v2/pages/${list[4].id}`, status: 429, code: 'rate_limited', retryAfter: 1, latencyMs: 30 });

		const { output } = await runBuildin(sandbox, { parameters: updateTitles(5) }, { items: itemsFor(list) });

		expect(output).toHaveLength(8);
		const the429 = sandbox.requests.find((request) => request.status === 429);
		expect(the429?.answeredAfterMs).toBeDefined();
		const answeredAt = the429!.receivedAt + the429!.answeredAfterMs!;
		const duringPause = sandbox.requests.filter((request: any) => request.receivedAt > answeredAt + 50 && request.receivedAt < answeredAt + 950);
		expect(duringPause).toEqual([]);
		expect(writesPerPage().size).toBe(8);
	});
});
