// Block → Get Children through n8n's engine against the sandbox: Limit across pages, Return All, Recursive.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byUrl, runBuildin, useSandbox } from '../../../../support/workflow';
import { blockOp, blockUrl, para, textOf, type Json } from './support';

const sandbox = useSandbox();

const getChildren = (blockId: INodeParameters | string, parameters: INodeParameters = {}) =>
	blockOp('getChildren', blockId, parameters);

/** A page with `count` paragraphs "p1".."p<count>". */
function pageWithParagraphs(count: number) {
	const page = sandbox.addPage({ title: 'Long page' });
	const blocks: Json[] = [];
	// The seed helper takes at most 100 blocks at a time, as the API does.
	for (let start = 0; start < count; start += 100) {
		const run = Array.from({ length: Math.min(100, count - start) }, (_, i) => para(`p${start + i + 1}`));
		blocks.push(...sandbox.addBlocks(page.id, run));
	}
	return { page, blocks };
}

const pageSizes = () => sandbox.requests.map((r) => Number(r.query.page_size));
const texts = (output: Array<{ json: IDataObject }>) => output.map((item) => textOf(item.json as Json));

describe('Block → Get Children', () => {
	test('Limit 3 of 7: exactly 3, one request asking for page_size 3', async () => {
		const { page } = pageWithParagraphs(7);

		const { output, error } = await runBuildin(sandbox, { parameters: getChildren(page.id, { limit: 3 }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: `/v2/blocks/${page.id}/children`, status: 200 });
		expect(sandbox.requests[0].query).toEqual({ page_size: '3' });
		expect(texts(output)).toEqual(['p1', 'p2', 'p3']);
		expect(output[0].json).toEqual(sandbox.childrenOf(page.id)[0]);
		expect(output.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	test('Limit 150 of 250 crosses a page: 100 then only the missing 50, with the cursor', async () => {
		const { page } = pageWithParagraphs(250);

		const { output, error } = await runBuildin(sandbox, { parameters: getChildren(page.id, { limit: 150 }) });

		expect(error).toBeUndefined();
		expect(pageSizes()).toEqual([100, 50]);
		expect(sandbox.requests[0].query.start_cursor).toBeUndefined();
		expect(sandbox.requests[1].query.start_cursor).toEqual(expect.any(String));
		expect(output).toHaveLength(150);
		expect(texts(output)).toEqual(Array.from({ length: 150 }, (_, i) => `p${i + 1}`));
	});

	test('Return All: every child of 250, in order, in pages of 100', async () => {
		const { page, blocks } = pageWithParagraphs(250);

		const { output, error } = await runBuildin(sandbox, { parameters: getChildren(page.id, { returnAll: true }) });

		expect(error).toBeUndefined();
		expect(pageSizes()).toEqual([100, 100, 100]);
		expect(output.map((item) => item.json.id)).toEqual(blocks.map((block: Json) => block.id));
		expect(output[249].json).not.toHaveProperty('depth');
	});

	test('no children: no output item, one request', async () => {
		const page = sandbox.addPage({ title: 'Empty' });

		const { output, error } = await runBuildin(sandbox, { parameters: getChildren(page.id, { returnAll: true }) });

		expect(error).toBeUndefined();
		expect(output).toHaveLength(0);
		expect(sandbox.requests).toHaveLength(1);
	});

	test('by URL with a block fragment: that block’s children', async () => {
		const page = sandbox.addPage({ title: 'Nested' });
		const [toggle] = sandbox.addBlocks(page.id, [
			{ type: 'toggle', toggle: { rich_text: [{ type: 'text', text: { content: 'More' } }] }, children: [para('inside')] },
		]);

		const { output } = await runBuildin(sandbox, { parameters: getChildren(byUrl(blockUrl(page.id, toggle.id))) });

		expect(sandbox.requests.map((r) => r.path)).toEqual([`/v2/blocks/${toggle.id}/children`]);
		expect(texts(output)).toEqual(['inside']);
	});

	describe('Recursive', () => {
		/**
		 * Intro
		 * Toggle A
		 *   A1
		 *     A1a
		 *   A2
		 * Outro
		 * Toggle B
		 *   B1
		 */
		function nestedPage() {
			const page = sandbox.addPage({ title: 'Tree' });
			const toggle = (content: string, children: IDataObject[]) => ({
				type: 'toggle',
				toggle: { rich_text: [{ type: 'text', text: { content } }] },
				children,
			});
			sandbox.addBlocks(page.id, [
				para('Intro'),
				toggle('Toggle A', [{ ...para('A1'), children: [para('A1a')] }, para('A2')]),
				para('Outro'),
				toggle('Toggle B', [para('B1')]),
			]);
			const ids: Record<string, string> = { page: page.id };
			const collect = (parentId: string) => {
				for (const child of sandbox.childrenOf(parentId)) {
					ids[textOf(child)] = child.id;
					collect(child.id);
				}
			};
			collect(page.id);
			return ids;
		}

		test('depth first in document order, with parent_id and depth', async () => {
			const ids = nestedPage();

			const { output, error } = await runBuildin(sandbox, {
				parameters: getChildren(ids.page, { returnAll: true, recursive: true }),
			});

			expect(error).toBeUndefined();
			expect(output.map(({ json }) => [textOf(json as Json), json.depth, json.parent_id])).toEqual([
				['Intro', 1, ids.page],
				['Toggle A', 1, ids.page],
				['A1', 2, ids['Toggle A']],
				['A1a', 3, ids.A1],
				['A2', 2, ids['Toggle A']],
				['Outro', 1, ids.page],
				['Toggle B', 1, ids.page],
				['B1', 2, ids['Toggle B']],
			]);
			expect(sandbox.requests.map((r) => r.path)).toEqual([
				`/v2/blocks/${ids.page}/children`,
				`/v2/blocks/${ids['Toggle A']}/children`,
				`/v2/blocks/${ids.A1}/children`,
				`/v2/blocks/${ids['Toggle B']}/children`,
			]);
			expect(output[1].json).toMatchObject({ type: 'toggle', has_children: true, id: ids['Toggle A'] });
		});

		test('Max Depth 2 stops above the third level', async () => {
			const ids = nestedPage();

			const { output } = await runBuildin(sandbox, {
				parameters: getChildren(ids.page, { returnAll: true, recursive: true, maxDepth: 2 }),
			});

			expect(texts(output)).toEqual(['Intro', 'Toggle A', 'A1', 'A2', 'Outro', 'Toggle B', 'B1']);
			expect(sandbox.requests.map((r) => r.path)).not.toContain(`/v2/blocks/${ids.A1}/children`);
		});

		test('Limit counts nested blocks too, and each request asks only for what is missing', async () => {
			const ids = nestedPage();

			const { output } = await runBuildin(sandbox, {
				parameters: getChildren(ids.page, { limit: 4, recursive: true }),
			});

			expect(texts(output)).toEqual(['Intro', 'Toggle A', 'A1', 'A1a']);
			expect(sandbox.requests.map((r) => [r.path, r.query.page_size])).toEqual([
				[`/v2/blocks/${ids.page}/children`, '4'],
				[`/v2/blocks/${ids['Toggle A']}/children`, '2'],
				[`/v2/blocks/${ids.A1}/children`, '1'],
			]);
		});
	});
});
