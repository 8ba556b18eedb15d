// Items mean what they mean in n8n: writes to one object land one at a time in item order, while items that write to
// other objects still run at once. The sandbox holds a request before applying it (as a slow network would), so a node
// that sent writes to one page together would see them land out of order. Assertions read the sandbox's records: what
// arrived after what was answered, never how long anything took.
import type { INodeParameters } from 'n8n-workflow';

import { byId, runBuildin, useSandbox } from '../../../support/workflow';
import { textOf, type Json } from './block/support';

const sandbox = useSandbox();

type Recorded = (typeof sandbox.requests)[number];

const titleOf = (pageId: string) =>
	((sandbox.getPage(pageId)?.properties.title.title ?? []) as Json[]).map((item) => item.plain_text).join('');
const childTexts = (parentId: string) => sandbox.childrenOf(parentId).map((block: Json) => textOf(block));
const writesTo = (path: string) => sandbox.requests.filter((request) => request.method !== 'GET' && request.path === path);

/** Each request arrived only after the one before it was answered. */
function oneAfterAnother(requests: Recorded[]): boolean {
	return requests.every((request, index) => index === 0 || request.arrivedSeq > (requests[index - 1].answeredSeq ?? Infinity));
}

/** Some two of these requests were at the sandbox together (one arrived before the other was answered). */
function overlapping(requests: Recorded[]): boolean {
	return requests.some((a) => requests.some((b) => a !== b && a.arrivedSeq < b.arrivedSeq && b.arrivedSeq < (a.answeredSeq ?? Infinity)));
}

/**
 * How long a hold that waits for another request lasts at most: a node working as it should sends that request at
 * once, so only a node that never sends it waits this long (long enough for a machine that is very busy).
 */
const FOR_THE_OTHER_REQUEST = { maxMs: 20_000 };

const rename: INodeParameters = { resource: 'page', operation: 'update', pageId: byId('={{ $json.page }}'), title: '={{ $json.title }}' };
const appendLine: INodeParameters = { resource: 'block', operation: 'appendChildren', blockId: byId('={{ $json.page }}'), text: '={{ $json.line }}' };

describe('writes to one object keep item order', () => {
	test('three items rename one page to v1, v2, v3: the page ends titled v3, the renames one after another', async () => {
		const page = sandbox.addPage({ title: 'v0' });
		const path = `/v2/pages/${page.id}`;
		// The first rename waits until two more renames of the page arrived and were answered (which only a node that
		// sends them together can do), or half a second: sent at once, v1 would land last.
		sandbox.holdRequests({
			method: 'PATCH',
			path,
			releaseWhen: (requests) => requests.filter((r) => r.method === 'PATCH' && r.path === path && r.answeredSeq !== undefined).length >= 2,
			maxMs: 500,
		});

		const { output, error } = await runBuildin(sandbox, { parameters: rename }, { items: ['v1', 'v2', 'v3'].map((title) => ({ page: page.id, title })) });

		expect(error).toBeUndefined();
		expect(titleOf(page.id)).toBe('v3');
		const renames = writesTo(path);
		expect(renames.map((r) => (r.body as Json).properties.title.title[0].text.content)).toEqual(['v1', 'v2', 'v3']);
		expect(oneAfterAnother(renames)).toBe(true);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('four items each append a line to one log page: it reads line 1 to line 4', async () => {
		const log = sandbox.addPage({ title: 'Release log' });
		const path = `/v2/blocks/${log.id}/children`;
		sandbox.holdRequests({
			method: 'PATCH',
			path,
			releaseWhen: (requests) => requests.filter((r) => r.path === path).length >= 2,
			maxMs: 500,
		});

		const { error } = await runBuildin(sandbox, { parameters: appendLine }, { items: [1, 2, 3, 4].map((n) => ({ page: log.id, line: `line ${n}` })) });

		expect(error).toBeUndefined();
		expect(childTexts(log.id)).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
		expect(oneAfterAnother(writesTo(path))).toBe(true);
	});

	test('appends to four different pages still run at once', async () => {
		const pages = [1, 2, 3, 4].map((n) => sandbox.addPage({ title: `Log ${n}` }));
		// The first append waits for a second one: a node that sent them one after another would never overlap them.
		sandbox.holdRequests({
			method: 'PATCH',
			path: /\/children$/,
			releaseWhen: (requests) => requests.filter((r) => r.path.endsWith('/children')).length >= 2,
			...FOR_THE_OTHER_REQUEST,
		});

		const { error } = await runBuildin(sandbox, { parameters: appendLine }, { items: pages.map((page, n) => ({ page: page.id, line: `line ${n}` })) });

		expect(error).toBeUndefined();
		pages.forEach((page, n) => expect(childTexts(page.id)).toEqual([`line ${n}`]));
		expect(overlapping(sandbox.requests.filter((r) => r.path.endsWith('/children')))).toBe(true);
	});

	test('items alternating between two pages: each page in item order, the two pages at once', async () => {
		const [a, b] = [sandbox.addPage({ title: 'A0' }), sandbox.addPage({ title: 'B0' })];
		const items = [1, 2, 3].flatMap((n) => [
			{ page: a.id, title: `A${n}` },
			{ page: b.id, title: `B${n}` },
		]);
		// A1 waits for another write to page A (which only a node sending them together makes), or half a second; B's
		// writes arrive meanwhile.
		sandbox.holdRequests({
			method: 'PATCH',
			path: `/v2/pages/${a.id}`,
			releaseWhen: (requests) => requests.filter((r) => r.path === `/v2/pages/${a.id}`).length >= 2,
			maxMs: 500,
		});

		const { output, error } = await runBuildin(sandbox, { parameters: rename }, { items });

		expect(error).toBeUndefined();
		expect([titleOf(a.id), titleOf(b.id)]).toEqual(['A3', 'B3']);
		for (const page of [a, b]) expect(oneAfterAnother(writesTo(`/v2/pages/${page.id}`))).toBe(true);
		expect(overlapping(sandbox.requests.filter((r) => r.method === 'PATCH'))).toBe(true);
		expect(output.map((item) => item.json.id)).toEqual(items.map((item) => item.page));
	});

	test('records created in one database still run at once (a view sorts them by its own rules)', async () => {
		const database = sandbox.addDatabase({ title: 'Tasks', parent: { type: 'workspace', workspace: true }, properties: { Name: 'title' } });
		sandbox.holdRequests({
			method: 'POST',
			path: '/v2/pages',
			releaseWhen: (requests) => requests.filter((r) => r.method === 'POST' && r.path === '/v2/pages').length >= 2,
			...FOR_THE_OTHER_REQUEST,
		});

		const { error } = await runBuildin(
			sandbox,
			{ parameters: { resource: 'database', operation: 'createRecord', databaseId: byId(database.id), propertiesInput: 'json', propertiesJson: '={{ JSON.stringify({ Name: { title: [{ type: "text", text: { content: $json.name } }] } }) }}' } },
			{ items: ['a', 'b', 'c'].map((name) => ({ name })) },
		);

		expect(error).toBeUndefined();
		expect(sandbox.recordsOf(database.id)).toHaveLength(3);
		expect(overlapping(sandbox.requests.filter((r) => r.method === 'POST'))).toBe(true);
	});
});

describe('a run that stops at a failed item names the items written', () => {
	test('items 0, 1 and 3 written, item 2 missing: the error says so', async () => {
		const [p0, p1, p3] = [0, 1, 3].map((n) => sandbox.addPage({ title: `Page ${n}` }));
		const missing = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
		// The failing item's request waits until item 3's rename was answered: item 3 was already running.
		sandbox.holdRequests({
			path: `/v2/pages/${missing}`,
			releaseWhen: (requests) => requests.some((r) => r.path === `/v2/pages/${p3.id}` && r.answeredSeq !== undefined),
			...FOR_THE_OTHER_REQUEST,
		});

		const { error } = await runBuildin(
			sandbox,
			{ parameters: rename },
			{ items: [p0, p1, { id: missing }, p3].map((page, n) => ({ page: page.id, title: `Renamed ${n}` })) },
		);

		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: expect.stringMatching(/^Buildin API error 404 \(not_found: .*\) \(items 0, 1 and 3 were written\)$/),
			description: expect.stringContaining(
				'Before the node stopped, items 0, 1 and 3 were written; n8n keeps no output of a stopped node, so running it again writes those items again.',
			),
			context: expect.objectContaining({ itemIndex: 2 }),
		});
		expect(titleOf(p3.id)).toBe('Renamed 3');
	});

	test('a read that stops names nothing', async () => {
		const page = sandbox.addPage({ title: 'Page' });
		const { error } = await runBuildin(
			sandbox,
			{ parameters: { resource: 'page', operation: 'get', pageId: byId('={{ $json.page }}') } },
			{ items: [{ page: page.id }, { page: '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f' }] },
		);
		expect(error?.message).toMatch(/^Buildin API error 404 \(not_found: [^)]*\)$/);
	});
});
