// Block → Get through n8n's engine against the sandbox: by ID, by URL with the block in the fragment, and by page URL.
import { byUrl, runBuildin, useSandbox } from '../../../../support/workflow';
import { blockOp, blockUrl, compact, para, type Json } from './support';

const sandbox = useSandbox();

const getBlock = (id: string): Json => sandbox.getBlock(id) as Json;

describe('Block → Get', () => {
	test('by ID: GET /v2/blocks/:id, the block as Buildin returns it', async () => {
		const page = sandbox.addPage({ title: 'Notes' });
		const [, second] = sandbox.addBlocks(page.id, [para('first'), para('second')]);

		const { output, error } = await runBuildin(sandbox, { parameters: blockOp('get', compact(second.id).toUpperCase()) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`GET /v2/blocks/${second.id} 200`]);
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual(getBlock(second.id));
		expect(output[0].json).toMatchObject({ object: 'block', type: 'paragraph', parent: { type: 'page_id', page_id: page.id } });
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	test.each([
		['compact ids', (p: string, b: string) => blockUrl(p, b)],
		['dashed ids with a title slug and query', (p: string, b: string) => `https://buildin.ai/docs/Notes-${p}?pvs=4#${b}`],
		['a prefixed fragment', (p: string, b: string) => `https://buildin.ai/docs/${compact(p)}#block-${compact(b)}`],
	])('by URL with the block in the fragment (%s): that block, not the page', async (_variant, url) => {
		const page = sandbox.addPage({ title: 'Notes' });
		const [, block] = sandbox.addBlocks(page.id, [para('first'), para('linked')]);

		const { output, error } = await runBuildin(sandbox, { parameters: blockOp('get', byUrl(url(page.id, block.id))) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v2/blocks/${block.id}`]);
		expect(output[0].json.id).toBe(block.id);
		expect(output[0].json.paragraph).toMatchObject({ rich_text: [{ plain_text: 'linked' }] });
	});

	test('by URL without a fragment: the page id is asked for', async () => {
		const page = sandbox.addPage({ title: 'Notes' });

		await runBuildin(sandbox, { parameters: blockOp('get', byUrl(`https://buildin.ai/docs/${compact(page.id)}#intro`)) });

		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v2/blocks/${page.id}`]);
	});

	test('a typed URL without a Buildin id is stopped by the By URL mode\'s validation: n8n does not run the node', async () => {
		await expect(runBuildin(sandbox, { parameters: blockOp('get', byUrl('https://buildin.ai/docs/no-id-here')) })).rejects.toThrow(
			/Not a Buildin block URL/,
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('the same URL from an expression is refused by the node, naming the field and the item, before any request', async () => {
		const { error } = await runBuildin(
			sandbox,
			{ parameters: blockOp('get', byUrl('={{ $json.link }}')) },
			{ items: [{ link: 'https://buildin.ai/docs/no-id-here' }] },
		);

		expect(error?.message).toBe('Block in item 0: "https://buildin.ai/docs/no-id-here" is not a Buildin URL');
		expect(sandbox.requests).toHaveLength(0);
	});

	test('an unknown block: the API error comes through', async () => {
		const { error } = await runBuildin(sandbox, { parameters: blockOp('get', '99999999-9999-4999-8999-999999999999') });

		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', status: 404 });
		expect(error?.message).toMatch(/404/);
	});
});
