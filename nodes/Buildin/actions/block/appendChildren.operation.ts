import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { blocksFromJson, requireTextBlockType, textToBlocks } from '../../helpers/blocks';
import { textValue } from '../../helpers/validate';
import { positionParameters, readPosition, textBlockTypeOptions } from '../../parameters/blocks';
import { blockLocator, readBlockId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { appendInBatches } from '../../requests/appendBlocks';

const properties: INodeProperties[] = [
	{
		...blockLocator,
		displayName: 'Parent',
		description:
			'The page or block to add the blocks to: an ID, or a Buildin URL (a page URL adds to the page; with a block ID as the fragment, …/docs/PAGE_ID#BLOCK_ID, to that block)',
	},
	{
		displayName: 'Blocks Input',
		name: 'blocksInput',
		type: 'options',
		options: [
			{ name: 'JSON', value: 'json', description: 'An array of Buildin block objects, nested children included' },
			{ name: 'Text', value: 'text', description: 'Plain text: one block per line, all of one type' },
		],
		default: 'text',
		description: 'How to give the blocks to add',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		placeholder: 'e.g. First paragraph\nSecond paragraph',
		description:
			'One block per line; blank lines are skipped. A Code block takes the whole text. Text longer than 2000 characters is split into several rich-text items.',
		displayOptions: { show: { blocksInput: ['text'] } },
	},
	{
		displayName: 'Block Type',
		name: 'blockType',
		type: 'options',
		options: textBlockTypeOptions,
		default: 'paragraph',
		description: 'The type of every block made from the text',
		displayOptions: { show: { blocksInput: ['text'] } },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'e.g. javascript',
		description: 'Programming language of the code block, for highlighting. Leave empty to let Buildin choose.',
		displayOptions: { show: { blocksInput: ['text'], blockType: ['code'] } },
	},
	{
		displayName: 'Blocks (JSON)',
		name: 'blocksJson',
		type: 'json',
		default: '[]',
		placeholder:
			'e.g. [{"type": "heading_2", "heading_2": {"rich_text": [{"type": "text", "text": {"content": "Notes"}}]}}, {"type": "divider", "divider": {}}]',
		description:
			'An array of Buildin block objects (BlockInput), sent in batches of 100. Only writable types are accepted; they are checked before anything is sent.',
		displayOptions: { show: { blocksInput: ['json'] } },
	},
	...positionParameters('blocks'),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['block'], operation: ['appendChildren'] } }, properties);

function readBlocks(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	if (ctx.getNodeParameter('blocksInput', itemIndex) === 'json') {
		return blocksFromJson('Blocks (JSON)', ctx.getNodeParameter('blocksJson', itemIndex));
	}
	const type = requireTextBlockType('Block Type', ctx.getNodeParameter('blockType', itemIndex));
	const language = type === 'code' ? textValue('Language', ctx.getNodeParameter('language', itemIndex, '')).trim() : '';
	return textToBlocks(textValue('Text', ctx.getNodeParameter('text', itemIndex, '')), type, language === '' ? {} : { language });
}

/**
 * PATCH /v2/blocks/:id/children, in batches of 100 top-level blocks chained with `after`, so any number of blocks
 * lands in order. Everything is checked before the first request. One output item per created top-level block.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const parentId = readBlockId(this, itemIndex, 'Parent');
	const blocks = readBlocks(this, itemIndex);
	const position = readPosition(this, itemIndex);
	return await appendInBatches.call(this, itemIndex, parentId, blocks, position);
}
