// Parameters without an expression are read from n8n once per execution; every parameter that holds an expression
// is evaluated by n8n for each item, when the item runs: the node sees exactly what n8n gives it.
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { ExecuteContext } from 'n8n-core';

import { forgetItem, withParameterCache } from '../../../../nodes/Buildin/actions/parameterCache';
import { byId, runBuildin, useSandbox, type RunResult } from '../../../support/workflow';

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

	it('reads a fixed title once for all items, and has n8n evaluate a mapped page ID for every item', async () => {
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
		expect(reads.get('pageId')).toBe(3);
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

	it("fails with n8n's own error for a field n8n refuses to read ({{ $json.caller }}), and sends nothing", async () => {
		const page = sandbox.addPage({ title: 'Untouched' });

		const result = await runBuildin(
			sandbox,
			{ parameters: { resource: 'page', operation: 'update', pageId: byId(page.id), title: '={{ $json.caller }}' } },
			{ items: [{ caller: 'Mallory' }] },
		);

		expect(result.error?.message).toMatch(/Cannot access "caller" due to security concerns/);
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.getPage(page.id)?.properties.title.title[0].plain_text).toBe('Untouched');
	});

	it('reads an item\'s expressions when the item starts, never ahead of it, even with Concurrency above 1', async () => {
		const pages = Array.from({ length: 6 }, (_, index) => sandbox.addPage({ title: `Page ${index}` }));
		const reads = await n8nReads(() =>
			runBuildin(
				sandbox,
				{
					parameters: {
						resource: 'page',
						operation: 'update',
						pageId: byId('={{ $json.id }}'),
						title: '={{ $json.name }}',
						options: { concurrency: 3 },
					},
				},
				{ items: pages.map((page, index) => ({ id: page.id, name: `Renamed ${index}` })) },
			),
		);

		const titleReads = reads.filter(([name]) => name === 'title').map(([, itemIndex]) => itemIndex);
		expect([...titleReads].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
		// Item 3 takes the slot of an item that has finished: its page ID is read after the first answer was handled
		// (Simplify is read once per execution, by whichever item has the first answer).
		const firstAnswerHandled = reads.findIndex(([name]) => name === 'simplify');
		const item3PageId = reads.findIndex(([name, index]) => name === 'pageId' && index === 3);
		expect(firstAnswerHandled).toBeGreaterThan(-1);
		expect(item3PageId).toBeGreaterThan(firstAnswerHandled);
		pages.forEach((page, index) => expect(sandbox.getPage(page.id)?.properties.title.title[0].plain_text).toBe(`Renamed ${index}`));
	});
});

describe('Parameter cache, unit', () => {
	/** A stand-in for n8n's context that only stores parameters and items: enough for what the cache itself decides. */
	function contextWith(parameters: INode['parameters']) {
		const reads: string[] = [];
		const context = {
			getNode: () => ({ parameters }) as INode,
			getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => {
				reads.push(name);
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

	it('keeps a value per fallback and per options', () => {
		const { context, reads } = contextWith({});
		expect(context.getNodeParameter('ifMatch', 0, '')).toBe('');
		expect(context.getNodeParameter('ifMatch', 1, 'x')).toBe('x');
		context.getNodeParameter('ifMatch', 2, '', { extractValue: true });
		context.getNodeParameter('ifMatch', 3, '', { extractValue: true });
		expect(reads).toEqual(['ifMatch', 'ifMatch', 'ifMatch']);
	});

	it('resolves a parameter holding an expression once per item while the item runs, anew once it is forgotten', () => {
		const { context, reads } = contextWith({ pageId: '={{ $json.id }}' });
		context.getNodeParameter('pageId', 0);
		context.getNodeParameter('pageId', 0);
		context.getNodeParameter('pageId', 1);
		forgetItem(context, 0);
		context.getNodeParameter('pageId', 0);
		expect(reads).toEqual(['pageId', 'pageId', 'pageId']);
	});
});
