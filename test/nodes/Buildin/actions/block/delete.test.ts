// Block → Delete through n8n's engine against the sandbox: a soft delete, and the page-URL guard.
import { byUrl, runBuildin, useSandbox } from '../../../../support/workflow';
import { blockOp, blockUrl, compact, para, textOf, type Json } from './support';

const sandbox = useSandbox();

const getBlock = (id: string): Json => sandbox.getBlock(id) as Json;

describe('Block → Delete', () => {
	test('DELETE /v2/blocks/:id: the output is the block with in_trash true; it leaves the page’s children', async () => {
		const page = sandbox.addPage({ title: 'Cleanup' });
		const [a, b, c] = sandbox.addBlocks(page.id, [para('a'), para('b'), para('c')]);

		const { output, error } = await runBuildin(sandbox, { parameters: blockOp('delete', b.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`DELETE /v2/blocks/${b.id} 200`]);
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ object: 'block', id: b.id, in_trash: true, type: 'paragraph' });
		expect(getBlock(b.id).in_trash).toBe(true);
		expect(sandbox.childrenOf(page.id).map((block: Json) => block.id)).toEqual([a.id, c.id]);
		expect(sandbox.childrenOf(page.id).map((block: Json) => textOf(block))).toEqual(['a', 'c']);
	});

	test('by a block URL: that block', async () => {
		const page = sandbox.addPage({ title: 'Cleanup' });
		const [a] = sandbox.addBlocks(page.id, [para('a')]);

		const { error } = await runBuildin(sandbox, { parameters: blockOp('delete', byUrl(blockUrl(page.id, a.id))) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /v2/blocks/${a.id}`]);
		expect(getBlock(a.id).in_trash).toBe(true);
	});

	test('a page URL without a block fragment is refused: it would trash the page', async () => {
		const page = sandbox.addPage({ title: 'Keep me' });
		const url = `https://buildin.ai/docs/${compact(page.id)}`;

		const { error } = await runBuildin(sandbox, { parameters: blockOp('delete', byUrl(url)) });

		expect(error?.message).toBe(`Block in item 0: "${url}" is the URL of a page, not of a block in it`);
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.getPage(page.id)?.in_trash).toBe(false);
	});
});
