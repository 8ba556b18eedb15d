// The By URL modes of the locators: n8n checks a typed URL against the mode's validation in the editor, and
// extracts the id with its extractValue (here through n8n-core's own extraction, as a LoadOptionsContext does it).
// Both must agree with the node's own URL reading (helpers/ids.ts, helpers/blocks.ts) on every URL form it accepts.
// The node reads a locator through n8n's extraction, and checks what n8n does not.
import type { IExecuteFunctions, INodeParameters, INodeProperties } from 'n8n-workflow';

import { blockIdFromUrl } from '../../../../nodes/Buildin/helpers/blocks';
import { InvalidInputError } from '../../../../nodes/Buildin/helpers/errors';
import { ID_PATTERN, idFromUrl, normalizeId, URL_PATTERNS } from '../../../../nodes/Buildin/helpers/ids';
import { blockLocator, databaseLocator, pageLocator, readBlockId, readPageId, recordLocator } from '../../../../nodes/Buildin/parameters/locators';
import { editorContext } from '../../../support/editorContext';

const PAGE = '11111111111141118111111111111111';
const BLOCK = '55555555-5555-4555-8555-555555555555';

const OBJECT_URLS = [
	`https://buildin.ai/docs/${PAGE}`,
	`https://buildin.ai/docs/11111111-1111-4111-8111-111111111111`,
	`https://buildin.ai/docs/Release-Checklist-${PAGE}`,
	`https://buildin.ai/docs/${PAGE}/`,
	`https://buildin.ai/docs/${PAGE}?from=share&v=2`,
	`https://buildin.ai/docs/${PAGE}#heading`,
	`https://buildin.ai/docs/Release-Checklist-11111111-1111-4111-8111-111111111111/?pvs=4#top`,
	`https://buildin.ai/database/${PAGE}`,
	`https://wiki.example.com/workspace/docs/${PAGE.toUpperCase()}`,
];
const BLOCK_URLS = [...OBJECT_URLS, `https://buildin.ai/docs/${PAGE}#${BLOCK}`, `https://buildin.ai/docs/${PAGE}?x=1#block-${BLOCK.replace(/-/g, '')}`];
const NOT_URLS = ['https://buildin.ai/docs/no-id-here', 'buildin.ai/docs/' + PAGE, `https://buildin.ai/docs/a${PAGE}`, ''];

const urlMode = (locator: INodeProperties) => locator.modes?.find((mode) => mode.name === 'url');

describe.each<[string, INodeProperties, INodeParameters, string[], (url: string) => string | undefined]>([
	['Page', pageLocator, { resource: 'page', operation: 'get' }, OBJECT_URLS, idFromUrl],
	['Database', databaseLocator, { resource: 'database', operation: 'get' }, OBJECT_URLS, idFromUrl],
	['Record', recordLocator, { resource: 'database', operation: 'updateRecord' }, OBJECT_URLS, idFromUrl],
	['Block', blockLocator, { resource: 'block', operation: 'get' }, BLOCK_URLS, blockIdFromUrl],
])('%s By URL', (_name, locator, operation, urls, nodeReading) => {
	const mode = urlMode(locator);
	const validation = new RegExp((mode?.validation?.[0] as unknown as { properties: { regex: string } }).properties.regex);

	test('the editor’s validation accepts every URL form the node reads, and refuses what it cannot read', () => {
		for (const url of urls) expect({ url, valid: validation.test(url) }).toEqual({ url, valid: true });
		for (const url of NOT_URLS) {
			expect(nodeReading(url)).toBeUndefined();
			expect({ url, valid: validation.test(url) }).toEqual({ url, valid: false });
		}
	});

	test('n8n’s extractValue gives the id the node reads from the URL', async () => {
		for (const url of urls) {
			const parameters = { ...operation, [locator.name]: { __rl: true, mode: 'url', value: url } };
			const { context } = await editorContext(parameters, {}, `parameters.${locator.name}`);
			const extracted = context.getCurrentNodeParameter(locator.name, { extractValue: true }) as string;
			expect({ url, id: normalizeId(extracted) }).toEqual({ url, id: nodeReading(url) });
		}
	});
});

test('the block URL names the block in its fragment', async () => {
	const { context } = await editorContext(
		{ resource: 'block', operation: 'get', blockId: { __rl: true, mode: 'url', value: `https://buildin.ai/docs/${PAGE}#${BLOCK}` } },
		{},
		'parameters.blockId',
	);
	expect(context.getCurrentNodeParameter('blockId', { extractValue: true })).toBe(BLOCK);
});

describe('the node reads locators through n8n', () => {
	/** An operation's context holding `parameters`, recording each read and its options. */
	function contextWith(parameters: Record<string, unknown>, extract: (value: unknown) => unknown) {
		const reads: Array<{ name: string; options?: unknown }> = [];
		const context = {
			getNodeParameter: (name: string, _itemIndex: number, _fallback?: unknown, options?: { extractValue?: boolean }) => {
				reads.push({ name, options });
				return options?.extractValue ? extract(parameters[name]) : parameters[name];
			},
		} as unknown as IExecuteFunctions;
		return { context, reads };
	}

	test('the editor’s patterns are the ones the node checks with: one definition in helpers/ids.ts', () => {
		for (const locator of [pageLocator, databaseLocator, recordLocator]) {
			expect(urlMode(locator)?.extractValue).toEqual({ type: 'regex', regex: URL_PATTERNS.object });
		}
		expect(urlMode(blockLocator)?.extractValue).toEqual({ type: 'regex', regex: URL_PATTERNS.block });
		const idMode = pageLocator.modes?.find((mode) => mode.name === 'id');
		expect((idMode?.validation?.[0] as unknown as { properties: { regex: string } }).properties.regex).toBe(ID_PATTERN);
	});

	test('By URL: the id is what n8n extracts (extractValue), checked by the node', () => {
		const { context, reads } = contextWith({ pageId: { __rl: true, mode: 'url', value: `https://buildin.ai/docs/${PAGE}` } }, () => PAGE.toUpperCase());
		expect(readPageId(context, 0)).toBe('11111111-1111-4111-8111-111111111111');
		expect(reads).toEqual([{ name: 'pageId', options: { extractValue: true } }]);
	});

	test('a URL n8n finds no id in is refused in the node’s words, naming the field', () => {
		const url = 'https://buildin.ai/docs/no-id-here';
		const { context } = contextWith({ pageId: { __rl: true, mode: 'url', value: url } }, () => {
			throw new Error('ERROR: Page parameter’s value is invalid. This is likely because the URL entered is incorrect');
		});
		expect(() => readPageId(context, 0)).toThrow(new InvalidInputError('Page', `${JSON.stringify(url)} is not a Buildin ID or URL`));
	});

	test('an expression that fails goes on with n8n’s error', () => {
		const failure = new Error('ReferenceError: $jsn is not defined');
		const context = {
			getNodeParameter: () => {
				throw failure;
			},
		} as unknown as IExecuteFunctions;
		expect(() => readPageId(context, 0)).toThrow(failure);
	});

	test('Block: a page URL is refused where the block must be named (Delete, Download), though n8n extracts the page', () => {
		const url = `https://buildin.ai/docs/${PAGE}`;
		const { context } = contextWith({ blockId: { __rl: true, mode: 'url', value: url } }, () => PAGE);
		expect(readBlockId(context, 0, 'Block')).toBe('11111111-1111-4111-8111-111111111111');
		expect(() => readBlockId(context, 0, 'Block', { requireFragment: true })).toThrow(`${JSON.stringify(url)} is the URL of a page, not of a block in it`);
	});
});
