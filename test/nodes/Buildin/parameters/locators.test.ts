// The By URL modes of the locators: n8n checks a typed URL against the mode's validation in the editor, and
// extracts the id with its extractValue (here through n8n-core's own extraction, as a LoadOptionsContext does it).
// Both must agree with the node's own URL reading (helpers/ids.ts, helpers/blocks.ts) on every URL form it accepts.
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { blockIdFromUrl } from '../../../../nodes/Buildin/helpers/blocks';
import { idFromUrl, normalizeId } from '../../../../nodes/Buildin/helpers/ids';
import { blockLocator, databaseLocator, pageLocator, recordLocator } from '../../../../nodes/Buildin/parameters/locators';
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
