// Parameters without an expression are read from n8n once per execution; parameters whose expressions are item
// fields (`{{ $json.title }}`) are read from the item; any other expression is evaluated by n8n once per item, and
// with Concurrency above 1 ahead of the item, while earlier requests are in flight.
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { ExecuteContext } from 'n8n-core';

import { withParameterCache } from '../../../../nodes/Buildin/actions/parameterCache';
import { byId, runBuildin, useSandbox, type RunResult } from '../../../support/workflow';

// The comparison also runs with n8n 2.41's `vm` expression engine: test/e2e/mappedFields.e2e.test.ts.
const { compareReads, MAPPED_FIELD_CASES, ITEMS } = require('../../../../harness/compareReads');

describe('Parameter cache, through the engine', () => {
	const sandbox = useSandbox();

	/** The (parameter, item) pairs n8n's own getNodeParameter was asked for during a run. */
	async function n8nReads(run: () => Promise<unknown>): Promise<Array<[string, number]>> {
		// n8n's getNodeParameter is an instance arrow function that hands over to this prototype method.
		const spy = jest.spyOn(
			ExecuteContext.prototype as unknown as { _getNodeParameter: (name: string, itemIndex: number) => unknown },
			'_getNodeParameter',
		);
		try {
			await run();
			return spy.mock.calls.map(([name, itemIndex]) => [name, itemIndex]);
		} finally {
			spy.mockRestore();
		}
	}

	async function readsPerParameter(run: () => Promise<unknown>): Promise<Map<string, number>> {
		const reads = new Map<string, number>();
		for (const [name] of await n8nReads(run)) reads.set(name, (reads.get(name) ?? 0) + 1);
		return reads;
	}

	it('reads a fixed title once for all items, and takes a mapped page ID from each item without n8n evaluating it', async () => {
		const pages = [0, 1, 2].map((index) => sandbox.addPage({ title: `Page ${index}` }));
		let result: RunResult | undefined;

		const reads = await readsPerParameter(async () => {
			result = await runBuildin(
				sandbox,
				{ parameters: { resource: 'page', operation: 'update', pageId: byId('={{ $json.id }}'), title: 'Same title', options: { concurrency: 2 } } },
				{ items: pages.map((page) => ({ id: page.id })) },
			);
		});

		expect(reads.get('title')).toBe(1);
		expect(reads.get('pageId')).toBeUndefined();
		expect(result?.output.map((item) => item.json.id)).toEqual(pages.map((page) => page.id));
		for (const page of pages) expect(sandbox.getPage(page.id)?.properties.title.title[0].plain_text).toBe('Same title');
	});

	it('has n8n evaluate a title with any other expression for every item, each with its own value', async () => {
		const pages = [0, 1].map((index) => sandbox.addPage({ title: `Page ${index}` }));

		const reads = await readsPerParameter(() =>
			runBuildin(
				sandbox,
				{ parameters: { resource: 'page', operation: 'update', pageId: byId('={{ $json.id }}'), title: '={{ $json.name.trim() }}' } },
				{ items: pages.map((page, index) => ({ id: page.id, name: `Name ${index}` })) },
			),
		);

		expect(reads.get('title')).toBe(2);
		pages.forEach((page, index) => expect(sandbox.getPage(page.id)?.properties.title.title[0].plain_text).toBe(`Name ${index}`));
	});

	/**
	 * Renames `count` pages to `<prefix> <index>` through Page → Update, 40 ms per answer, with expressions n8n
	 * evaluates; n8n's reads meanwhile.
	 */
	async function renameSlowly(count: number, concurrency: number, prefix: string) {
		const pages = Array.from({ length: count }, (_, index) => sandbox.addPage({ title: `Page ${index}` }));
		sandbox.setLatency(40);
		const reads = await n8nReads(() =>
			runBuildin(
				sandbox,
				{
					parameters: {
						resource: 'page',
						operation: 'update',
						pageId: byId('={{ $json.id.trim() }}'),
						title: '={{ $json.name.trim() }}',
						options: { concurrency },
					},
				},
				{ items: pages.map((page, index) => ({ id: page.id, name: `${prefix} ${index}` })) },
			),
		);
		return { pages, reads };
	}

	it('with Concurrency above 1 evaluates expressions ahead, while requests are in flight, still once per item', async () => {
		const { pages, reads } = await renameSlowly(8, 3, 'Ahead');

		const titleReads = reads.filter(([name]) => name === 'title').map(([, itemIndex]) => itemIndex);
		expect([...titleReads].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		// Item 3 was read ahead, before any answer was handled: Simplify, read once per execution, is read after the
		// first answer, by whichever of items 0 to 2 has it first.
		const item3PageId = reads.findIndex(([name, index]) => name === 'pageId' && index === 3);
		const firstAnswerHandled = reads.findIndex(([name]) => name === 'simplify');
		expect(firstAnswerHandled).toBeGreaterThan(-1);
		expect(item3PageId).toBeLessThan(firstAnswerHandled);
		pages.forEach((page, index) => expect(sandbox.getPage(page.id)?.properties.title.title[0].plain_text).toBe(`Ahead ${index}`));
	});

	it('with Concurrency 1 reads nothing ahead: each item is read when it starts, after the one before has finished', async () => {
		const { reads } = await renameSlowly(3, 1, 'One');

		const firstRead = (name: string, itemIndex: number) => reads.findIndex(([read, index]) => read === name && index === itemIndex);
		expect(firstRead('pageId', 1)).toBeGreaterThan(firstRead('simplify', 0));
	});
});

describe('Item fields, against n8n\'s own evaluation', () => {
	it.each(MAPPED_FIELD_CASES as Array<[string, IDataObject[]]>)('%s gives what n8n gives, for every kind of value', async (expression, items) => {
		const reads: Array<{ n8n: unknown; cache: unknown }> = await compareReads(expression, items);
		expect(reads).toHaveLength(items.length);
		for (const { n8n, cache } of reads) expect(cache).toStrictEqual(n8n);
	});

	it('asks n8n only for the items whose field is not a string, number or boolean', async () => {
		const spy = jest.spyOn(
			ExecuteContext.prototype as unknown as { _getNodeParameter: (name: string, itemIndex: number) => unknown },
			'_getNodeParameter',
		);
		try {
			await compareReads('={{ $json.v }}', ITEMS);
			const byCache = spy.mock.calls.filter(([name]) => name === 'text').length - ITEMS.length;
			const notPrimitive = ITEMS.filter((item: IDataObject) => !['string', 'number', 'boolean'].includes(typeof item.v)).length;
			expect(byCache).toBe(notPrimitive);
		} finally {
			spy.mockRestore();
		}
	});
});

describe('Parameter cache, unit', () => {
	/** A stand-in for n8n's context that only stores parameters and items: enough for what the cache itself decides. */
	function contextWith(parameters: INode['parameters'], beforeRead = () => {}, items: IDataObject[] = []) {
		const reads: string[] = [];
		const context = {
			getNode: () => ({ parameters }) as INode,
			getInputData: () => items.map((json) => ({ json })),
			getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => {
				reads.push(name);
				beforeRead();
				let value: unknown = parameters;
				for (const key of name.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
				return value ?? fallback;
			},
		} as unknown as IExecuteFunctions;
		return { context: withParameterCache(context), reads };
	}

	it('gives each caller its own copy of an object, so one item changing it cannot change the next', () => {
		const { context, reads } = contextWith({ options: { titleProperty: 'Name' } });
		const first = context.getNodeParameter('options', 0) as Record<string, unknown>;
		first.titleProperty = 'Changed';
		expect(context.getNodeParameter('options', 1)).toEqual({ titleProperty: 'Name' });
		expect(reads).toEqual(['options']);
	});

	it('treats a path under an expression, or a collection holding one, as different per item', () => {
		const { context, reads } = contextWith({ options: '={{ $json.options }}', properties: { property: [{ value: '={{ 1 }}' }] } });
		context.getNodeParameter('options.titleProperty', 0, 'title');
		context.getNodeParameter('options.titleProperty', 1, 'title');
		context.getNodeParameter('properties.property', 0, []);
		context.getNodeParameter('properties.property', 1, []);
		expect(reads).toEqual(['options.titleProperty', 'options.titleProperty', 'properties.property', 'properties.property']);
	});

	const ahead = () => true;

	it('hands an item what was read ahead for it instead of asking n8n again', async () => {
		const { context, reads } = contextWith({ title: '={{ $json.name.trim() }}' });
		context.getNodeParameter('title', 0, '');
		await context.readAhead(1, ahead);
		context.getNodeParameter('title', 1, '');
		expect(reads).toEqual(['title', 'title']);
	});

	it('asks n8n again when reading ahead failed, so the error belongs to the item', async () => {
		let fail = true;
		const { context, reads } = contextWith({ title: '={{ $json.name.trim() }}' }, () => {
			if (fail) throw new Error('expression failed');
		});
		fail = false;
		context.getNodeParameter('title', 0, '');
		fail = true;
		await context.readAhead(1, ahead);
		expect(() => context.getNodeParameter('title', 1, '')).toThrow('expression failed');
		expect(reads).toEqual(['title', 'title', 'title']);
	});

	it('forgets what was read ahead for an item that is done', async () => {
		const { context, reads } = contextWith({ title: '={{ $json.name.trim() }}' });
		context.getNodeParameter('title', 0, '');
		await context.readAhead(1, ahead);
		context.forgetItem(1);
		context.getNodeParameter('title', 1, '');
		expect(reads).toEqual(['title', 'title', 'title']);
	});

	it('reads ahead one expression per turn of the event loop, so answers are handled in between', async () => {
		const { context, reads } = contextWith({ title: '={{ $json.name.trim() }}', ifMatch: '={{ $json.etag.trim() }}' });
		context.getNodeParameter('title', 0, '');
		context.getNodeParameter('ifMatch', 0, '');
		let answerHandled = false;
		setImmediate(() => (answerHandled = true));

		const readingAhead = context.readAhead(1, () => {
			reads.push(answerHandled ? 'after the answer' : 'before the answer');
			return true;
		});
		await readingAhead;

		expect(reads).toEqual(['title', 'ifMatch', 'before the answer', 'title', 'after the answer', 'ifMatch']);
	});

	it('stops reading ahead once the item has started or the run has ended', async () => {
		const { context, reads } = contextWith({ title: '={{ $json.name.trim() }}', ifMatch: '={{ $json.etag.trim() }}' });
		context.getNodeParameter('title', 0, '');
		context.getNodeParameter('ifMatch', 0, '');
		let itemStarted = false;

		const readingAhead = context.readAhead(1, () => !itemStarted);
		itemStarted = true;
		await readingAhead;

		expect(reads).toEqual(['title', 'ifMatch', 'title']);
		context.getNodeParameter('title', 1, '');
		context.getNodeParameter('ifMatch', 1, '');
		expect(reads).toEqual(['title', 'ifMatch', 'title', 'ifMatch']);
	});

	it('reads a field expression from the item, and asks n8n only for an item without that field', () => {
		const { context, reads } = contextWith({ title: '={{ $json.name }}' }, () => {}, [{ name: 'First' }, {}, { name: 3 }]);
		expect(context.getNodeParameter('title', 0, '')).toBe('First');
		context.getNodeParameter('title', 1, '');
		expect(context.getNodeParameter('title', 2, '')).toBe(3);
		expect(reads).toEqual(['title']);
	});

	it('reads nothing ahead for what the item takes from its own fields', async () => {
		const { context, reads } = contextWith({ title: '={{ $json.name }}', ifMatch: '={{ $json.etag.trim() }}' }, () => {}, [
			{ name: 'First', etag: 'W/"1"' },
			{ name: 'Second', etag: 'W/"2"' },
		]);
		context.getNodeParameter('title', 0, '');
		context.getNodeParameter('ifMatch', 0, '');
		await context.readAhead(1, ahead);
		expect(reads).toEqual(['ifMatch', 'ifMatch']);
		expect(context.getNodeParameter('title', 1, '')).toBe('Second');
		expect(reads).toEqual(['ifMatch', 'ifMatch']);
	});

	it('keeps a value per fallback, and passes calls with options straight to n8n', () => {
		const { context, reads } = contextWith({});
		expect(context.getNodeParameter('ifMatch', 0, '')).toBe('');
		expect(context.getNodeParameter('ifMatch', 1, 'x')).toBe('x');
		context.getNodeParameter('ifMatch', 2, '', { extractValue: true });
		context.getNodeParameter('ifMatch', 3, '', { extractValue: true });
		expect(reads).toEqual(['ifMatch', 'ifMatch', 'ifMatch', 'ifMatch']);
	});
});
