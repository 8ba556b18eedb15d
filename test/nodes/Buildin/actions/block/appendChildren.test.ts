// Block → Append Children through n8n's engine against the sandbox: batches of 100 chained with `after`, positions,
// Text mode, and what is refused before anything is sent.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byUrl, failureOf, runBuildin, useSandbox } from '../../../../support/workflow';
import { blockOp, blockUrl, para, textOf, type Json } from './support';

const sandbox = useSandbox();

const getBlock = (id: string): Json => sandbox.getBlock(id) as Json;

const append = (parentId: INodeParameters | string, parameters: INodeParameters) => blockOp('appendChildren', parentId, parameters);
const asJson = (blocks: IDataObject[]): INodeParameters => ({ blocksInput: 'json', blocksJson: JSON.stringify(blocks) });
const numbered = (count: number, prefix = 'n') => Array.from({ length: count }, (_, i) => para(`${prefix}${i + 1}`));
const childTexts = (parentId: string) => sandbox.childrenOf(parentId).map((block: Json) => textOf(block));
const sentBodies = () => sandbox.requests.map((r) => r.body as Json);

/** A page holding "X" and "Y". */
function pageXY() {
	const page = sandbox.addPage({ title: 'Target' });
	const [x, y] = sandbox.addBlocks(page.id, [para('X'), para('Y')]);
	return { page, x, y };
}

describe('Block → Append Children', () => {
	test('250 blocks at the end: 3 requests of 100, 100, 50, each batch after the last block of the one before', async () => {
		const { page, y } = pageXY();
		const blocks = numbered(250);

		const { output, error } = await runBuildin(sandbox, { parameters: append(page.id, asJson(blocks)) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
			Array(3).fill(`PATCH /v2/blocks/${page.id}/children 200`),
		);
		const bodies = sentBodies();
		expect(bodies.map((body) => body.children.length)).toEqual([100, 100, 50]);
		expect(bodies.flatMap((body) => body.children.map((child: Json) => child.paragraph.rich_text[0].text.content))).toEqual(
			blocks.map((_, i) => `n${i + 1}`),
		);
		expect(bodies[0]).not.toHaveProperty('after');
		expect(bodies[0]).not.toHaveProperty('before');
		expect(bodies[1].after).toBe(output[99].json.id);
		expect(bodies[2].after).toBe(output[199].json.id);
		expect(output).toHaveLength(250);
		expect(output.map((item) => textOf(item.json as Json))).toEqual(blocks.map((_, i) => `n${i + 1}`));
		expect(childTexts(page.id)).toEqual(['X', 'Y', ...blocks.map((_, i) => `n${i + 1}`)]);
		expect(childTexts(page.id)[1]).toBe(textOf(getBlock(y.id)));
	});

	test('250 blocks After Block X: all of them between X and Y, in order (the chaining keeps later batches there)', async () => {
		const { page, x } = pageXY();

		const { output, error } = await runBuildin(sandbox, {
			parameters: append(page.id, { ...asJson(numbered(250)), position: 'after', siblingBlockId: x.id }),
		});

		expect(error).toBeUndefined();
		const bodies = sentBodies();
		expect(bodies.map((body) => [body.children.length, body.after, body.before])).toEqual([
			[100, x.id, undefined],
			[100, output[99].json.id, undefined],
			[50, output[199].json.id, undefined],
		]);
		expect(childTexts(page.id)).toEqual(['X', ...numbered(250).map((_, i) => `n${i + 1}`), 'Y']);
	});

	test('Before Block Y (Text mode): the lines land between X and Y; the first request carries before', async () => {
		const { page, y } = pageXY();

		const { output, error } = await runBuildin(sandbox, {
			parameters: append(page.id, { text: 'one\ntwo', position: 'before', siblingBlockId: y.id }),
		});

		expect(error).toBeUndefined();
		expect(sentBodies()).toEqual([
			{
				children: [
					{ object: 'block', ...para('one') },
					{ object: 'block', ...para('two') },
				],
				before: y.id,
			},
		]);
		expect(childTexts(page.id)).toEqual(['X', 'one', 'two', 'Y']);
		expect(output.map((item) => item.json.id)).toEqual(sandbox.childrenOf(page.id).slice(1, 3).map((b: Json) => b.id));
	});

	test('Before Block with 150 blocks: the first batch goes before Y, the second after the first batch', async () => {
		const { page, y } = pageXY();

		const { output, error } = await runBuildin(sandbox, {
			parameters: append(page.id, { ...asJson(numbered(150)), position: 'before', siblingBlockId: y.id }),
		});

		expect(error).toBeUndefined();
		const bodies = sentBodies();
		expect(bodies.map((body) => [body.children.length, body.after, body.before])).toEqual([
			[100, undefined, y.id],
			[50, output[99].json.id, undefined],
		]);
		expect(childTexts(page.id)).toEqual(['X', ...numbered(150).map((_, i) => `n${i + 1}`), 'Y']);
	});

	test('After Block given as a block URL', async () => {
		const { page, x } = pageXY();

		await runBuildin(sandbox, {
			parameters: append(page.id, { text: 'between', position: 'after', siblingBlockId: blockUrl(page.id, x.id) }),
		});

		expect(sentBodies()[0].after).toBe(x.id);
		expect(childTexts(page.id)).toEqual(['X', 'between', 'Y']);
	});

	test('into a block given by URL fragment: nested under it', async () => {
		const { page, x } = pageXY();

		const { error } = await runBuildin(sandbox, { parameters: append(byUrl(blockUrl(page.id, x.id)), { text: 'child' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe(`/v2/blocks/${x.id}/children`);
		expect(childTexts(x.id)).toEqual(['child']);
		expect(getBlock(x.id).has_children).toBe(true);
	});

	test('Text mode: one block per line; a 4500-character line split into rich text items of 2000, 2000, 500', async () => {
		const page = sandbox.addPage({ title: 'Long text' });
		const long = Array.from({ length: 4500 }, (_, i) => String.fromCharCode(65 + (i % 26))).join('');

		const { output, error } = await runBuildin(sandbox, {
			parameters: append(page.id, { text: `Short line\n\n${long}`, blockType: 'paragraph' }),
		});

		expect(error).toBeUndefined();
		const children = sentBodies()[0].children as Json[];
		expect(children).toHaveLength(2);
		const items = children[1].paragraph.rich_text as Json[];
		expect(items.map((item) => item.text.content.length)).toEqual([2000, 2000, 500]);
		expect(items.map((item) => item.text.content).join('')).toBe(long);
		expect(output).toHaveLength(2);
		expect(childTexts(page.id)).toEqual(['Short line', long]);
	});

	test.each([
		['heading_2', 'heading_2'],
		['to_do', 'to_do'],
		['bulleted_list_item', 'bulleted_list_item'],
	])('Text mode with Block Type %s', async (blockType, type) => {
		const page = sandbox.addPage({ title: 'Typed' });

		const { output } = await runBuildin(sandbox, { parameters: append(page.id, { text: 'a\nb', blockType }) });

		expect(sentBodies()[0].children.map((child: Json) => child.type)).toEqual([type, type]);
		expect(sandbox.childrenOf(page.id).map((block: Json) => [block.type, textOf(block)])).toEqual([
			[type, 'a'],
			[type, 'b'],
		]);
		expect(output.map((item) => item.json.type)).toEqual([type, type]);
	});

	test('Text mode with Code: the whole text is one code block, with the language', async () => {
		const page = sandbox.addPage({ title: 'Code' });

		await runBuildin(sandbox, {
			parameters: append(page.id, { text: 'const a = 1;\n\nconsole.log(a);', blockType: 'code', language: 'javascript' }),
		});

		const [code] = sandbox.childrenOf(page.id);
		expect(code.type).toBe('code');
		expect(code.code.language).toBe('javascript');
		expect(textOf(code)).toBe('const a = 1;\n\nconsole.log(a);');
	});

	test('JSON with nested children: created with them', async () => {
		const page = sandbox.addPage({ title: 'Nested' });
		const blocks = [{ type: 'toggle', toggle: { rich_text: [{ type: 'text', text: { content: 'Details' } }] }, children: [para('inner')] }];

		const { output } = await runBuildin(sandbox, { parameters: append(page.id, asJson(blocks)) });

		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ type: 'toggle', has_children: true });
		expect(childTexts(output[0].json.id as string)).toEqual(['inner']);
	});

	test('a dropped connection is not repeated (a repeat could add the blocks twice): one request, a clear error', async () => {
		const { page } = pageXY();
		sandbox.injectFault({ method: 'PATCH', drop: true, times: 5 });

		const { error } = await runBuildin(sandbox, { parameters: append(page.id, asJson(numbered(150))) });

		expect(sandbox.requests).toHaveLength(1);
		expect(error?.message).toBe(`No answer from Buildin at ${sandbox.url}: the connection was closed before an answer came; the request may have been applied`);
		expect(childTexts(page.id)).toEqual(['X', 'Y']);
	});

	test('429s are retried, and the batches still land in order', async () => {
		const { page, y } = pageXY();
		sandbox.injectFault({ method: 'PATCH', status: 429, retryAfter: 0 });
		sandbox.injectFault({ method: 'PATCH', status: 429, retryAfter: 0 });

		const { output, error } = await runBuildin(sandbox, {
			parameters: append(page.id, { ...asJson(numbered(150)), position: 'before', siblingBlockId: y.id }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.status)).toEqual([429, 429, 200, 200]);
		expect(output).toHaveLength(150);
		expect(childTexts(page.id)).toEqual(['X', ...numbered(150).map((_, i) => `n${i + 1}`), 'Y']);
	});

	test('a batch Buildin refuses after others landed: the error says how many are in place and after which block', async () => {
		const { page } = pageXY();
		// Valid to the node (a writable type), refused by Buildin (an unknown content field) in the second batch.
		const blocks = [...numbered(150)];
		blocks[120] = { type: 'paragraph', paragraph: { rich_text: [], bogus: true } };

		const { output, error } = await runBuildin(sandbox, {
			parameters: append(page.id, asJson(blocks)),
			settings: { continueOnFail: true },
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.status)).toEqual([200, 400]);
		const lastLanded = sandbox.childrenOf(page.id)[101];
		expect(textOf(lastLanded)).toBe('n100');
		expect(output).toHaveLength(1);
		expect(failureOf(output[0]).message).toMatch(/^100 of 150 blocks were appended, then the next batch failed: Buildin API error 400/);
		const { description } = failureOf(output[0]);
		expect(description).toContain(`the last one is ${lastLanded.id}`);
		expect(description).toContain('append only the remaining 50');
		expect(childTexts(page.id)).toHaveLength(102);
	});

	test('an answer without the created blocks stops the chain: the rest is not sent, and the error says what landed', async () => {
		const { page } = pageXY();
		sandbox.injectFault({
			method: 'PATCH',
			afterApp: true,
			body: '{"object": "list", "results": [], "has_more": false, "next_cursor": null}',
			contentType: 'application/json',
		});

		const { error } = await runBuildin(sandbox, { parameters: append(page.id, asJson(numbered(150))) });

		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: "Buildin appended 100 of 150 blocks, then answered without the created blocks' ids",
			context: expect.objectContaining({ unexpectedAnswer: true, mayHaveLanded: true }),
		});
		expect(sandbox.requests).toHaveLength(1);
		expect(childTexts(page.id)).toHaveLength(102);
	});

	describe('refused before any request', () => {
		test.each([
			['a read-only type', [para('ok'), { type: 'child_page', child_page: { title: 'Sub' } }], /block \[1\]: the type "child_page" can only be read/],
			['an unknown type', [{ type: 'banner', banner: {} }], /the type "banner" is not a Buildin block type/],
			['a bad nested type', [{ ...para('ok'), children: [{ type: 'column', column: {} }] }], /block \[0\]\.children\[0\]: the type "column"/],
		])('%s', async (_case, blocks, message) => {
			const page = sandbox.addPage({ title: 'Untouched' });

			const { error } = await runBuildin(sandbox, { parameters: append(page.id, asJson(blocks)) });

			expect(error?.message).toMatch(/^Blocks \(JSON\) in item 0: /);
			expect(error?.message).toMatch(message);
			expect(sandbox.requests).toHaveLength(0);
			expect(sandbox.childrenOf(page.id)).toHaveLength(0);
		});

		test('an invalid type in the third batch stops the first two batches too', async () => {
			const page = sandbox.addPage({ title: 'Untouched' });
			const blocks = [...numbered(230), { type: 'synced_block', synced_block: {} }];

			const { error } = await runBuildin(sandbox, { parameters: append(page.id, asJson(blocks)) });

			expect(error?.message).toMatch(/block \[230\]: the type "synced_block"/);
			expect(sandbox.requests).toHaveLength(0);
		});

		test('a position without a sibling block', async () => {
			const page = sandbox.addPage({ title: 'Untouched' });

			const { error } = await runBuildin(sandbox, { parameters: append(page.id, { text: 'x', position: 'after' }) });

			expect(error?.message).toBe('Sibling Block in item 0: an empty value is not a Buildin ID or URL');
			expect(sandbox.requests).toHaveLength(0);
		});

		test('empty text', async () => {
			const page = sandbox.addPage({ title: 'Untouched' });

			const { error } = await runBuildin(sandbox, { parameters: append(page.id, { text: ' \n ' }) });

			expect(error?.message).toBe('Text in item 0: is empty');
			expect(sandbox.requests).toHaveLength(0);
		});
	});

	test('with Continue On Fail a refused item gives an error item and the next item still runs', async () => {
		const page = sandbox.addPage({ title: 'Two items' });

		const { output, error } = await runBuildin(
			sandbox,
			{
				parameters: append(page.id, { blocksInput: 'json', blocksJson: '={{ $json.blocks }}' }),
				settings: { continueOnFail: true },
			},
			{ items: [{ blocks: [{ type: 'template', template: {} }] }, { blocks: [para('second')] }] },
		);

		expect(error).toBeUndefined();
		expect(failureOf(output[0]).message).toMatch(/Blocks \(JSON\) in item 0: block \[0\]: the type "template" can only be read/);
		expect(output[1].json).toMatchObject({ type: 'paragraph', parent: { page_id: page.id } });
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(sandbox.requests).toHaveLength(1);
	});
});
