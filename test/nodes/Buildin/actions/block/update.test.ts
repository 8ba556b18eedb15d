// Block → Update through n8n's engine against the sandbox: only what is set is sent.
import type { INodeParameters } from 'n8n-workflow';

import { byUrl, runBuildin, useSandbox } from '../../../../support/workflow';
import { blockOp, blockUrl, para, textOf, type Json } from './support';

const sandbox = useSandbox();

const getBlock = (id: string): Json => sandbox.getBlock(id) as Json;

const update = (blockId: INodeParameters | string, parameters: INodeParameters) => blockOp('update', blockId, parameters);
const rich = (content: string) => ({ type: 'text', text: { content } });

function pageWith(...inputs: Json[]) {
	const page = sandbox.addPage({ title: 'Edits' });
	return { page, blocks: sandbox.addBlocks(page.id, inputs) };
}

describe('Block → Update', () => {
	test('Text on a paragraph: PATCH with the new rich text only; the block reads back with it', async () => {
		const { blocks } = pageWith(para('old text'), para('neighbour'));

		const { output, error } = await runBuildin(sandbox, { parameters: update(blocks[0].id, { text: 'new text' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`PATCH /v2/blocks/${blocks[0].id} 200`]);
		expect(sandbox.requests[0].body).toEqual({ type: 'paragraph', paragraph: { rich_text: [rich('new text')] } });
		expect(textOf(getBlock(blocks[0].id))).toBe('new text');
		expect(textOf(getBlock(blocks[1].id))).toBe('neighbour');
		expect(output[0].json).toEqual(getBlock(blocks[0].id));
	});

	test('Checked on a to-do: only checked is sent; its text stays', async () => {
		const { blocks } = pageWith({ type: 'to_do', to_do: { rich_text: [rich('Ship it')], checked: false } });

		const { output, error } = await runBuildin(sandbox, {
			parameters: update(blocks[0].id, { blockType: 'to_do', checked: 'checked' }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ type: 'to_do', to_do: { checked: true } });
		expect(getBlock(blocks[0].id).to_do).toMatchObject({ checked: true });
		expect(textOf(getBlock(blocks[0].id))).toBe('Ship it');
		expect(output[0].json).toMatchObject({ type: 'to_do', to_do: { checked: true } });
	});

	test('Text and Unchecked on a to-do together', async () => {
		const { blocks } = pageWith({ type: 'to_do', to_do: { rich_text: [rich('Old')], checked: true } });

		await runBuildin(sandbox, { parameters: update(blocks[0].id, { blockType: 'to_do', text: 'New', checked: 'unchecked' }) });

		expect(sandbox.requests[0].body).toEqual({ type: 'to_do', to_do: { rich_text: [rich('New')], checked: false } });
		expect(getBlock(blocks[0].id).to_do).toMatchObject({ checked: false });
		expect(textOf(getBlock(blocks[0].id))).toBe('New');
	});

	test('Language on a code block, by URL', async () => {
		const { page, blocks } = pageWith({ type: 'code', code: { rich_text: [rich('SELECT 1')], language: 'plain text' } });

		await runBuildin(sandbox, {
			parameters: update(byUrl(blockUrl(page.id, blocks[0].id)), { blockType: 'code', language: 'sql' }),
		});

		expect(sandbox.requests[0]).toMatchObject({ path: `/v2/blocks/${blocks[0].id}`, body: { type: 'code', code: { language: 'sql' } } });
		expect(getBlock(blocks[0].id).code).toMatchObject({ language: 'sql' });
		expect(textOf(getBlock(blocks[0].id))).toBe('SELECT 1');
	});

	test('Text longer than 2000 characters is sent as several rich text items', async () => {
		const { blocks } = pageWith({ type: 'quote', quote: { rich_text: [rich('short')] } });
		const long = 'x'.repeat(4100);

		await runBuildin(sandbox, { parameters: update(blocks[0].id, { blockType: 'quote', text: long }) });

		const sent = (sandbox.requests[0].body as Json).quote.rich_text as Json[];
		expect(sent.map((item) => item.text.content.length)).toEqual([2000, 2000, 100]);
		expect(textOf(getBlock(blocks[0].id))).toBe(long);
	});

	test('JSON content is sent as is, under its type', async () => {
		const { blocks } = pageWith({ type: 'callout', callout: { rich_text: [rich('Note')] } });

		const { error } = await runBuildin(sandbox, {
			parameters: update(blocks[0].id, {
				contentInput: 'json',
				contentJson: JSON.stringify({ callout: { icon: { type: 'emoji', emoji: '💡' }, background_color: 'yellow' } }),
			}),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			type: 'callout',
			callout: { icon: { type: 'emoji', emoji: '💡' }, background_color: 'yellow' },
		});
		expect(getBlock(blocks[0].id).callout).toMatchObject({ icon: { emoji: '💡' }, background_color: 'yellow' });
		expect(textOf(getBlock(blocks[0].id))).toBe('Note');
	});

	describe('refused before any request', () => {
		test.each([
			['nothing set', { text: '  ' }, 'Update in item 0: there is nothing to change'],
			['Checked left unchanged on a to-do', { blockType: 'to_do', checked: 'unchanged' }, 'Update in item 0: there is nothing to change'],
			['JSON of a read-only type', { contentInput: 'json', contentJson: '{"child_page": {"title": "x"}}' }, 'Content (JSON) in item 0: "child_page" is not a block type Buildin can write'],
			['empty JSON', { contentInput: 'json', contentJson: '{}' }, 'Content (JSON) in item 0: holds no content to change'],
		])('%s', async (_case, parameters, message) => {
			const { blocks } = pageWith(para('keep'));

			const { error } = await runBuildin(sandbox, { parameters: update(blocks[0].id, parameters as INodeParameters) });

			expect(error?.message).toBe(message);
			expect(sandbox.requests).toHaveLength(0);
			expect(textOf(getBlock(blocks[0].id))).toBe('keep');
		});
	});
});
