import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { blockIdFromLocator, blocksFromJson, requireTextBlockType, textToBlocks } from '../../helpers/blocks';
import { InvalidInputError } from '../../helpers/errors';
import type { LocatorValue } from '../../helpers/ids';
import { blockLocator, optionsCollection } from '../common.descriptions';
import { appendInBatches } from './appendInBatches';
import { textValue } from '../../helpers/validate';

/** The block types Text mode offers, by display name. */
export const textBlockTypeOptions = [
	{ name: 'Bulleted List Item', value: 'bulleted_list_item' },
	{ name: 'Callout', value: 'callout' },
	{ name: 'Code', value: 'code' },
	{ name: 'Heading 1', value: 'heading_1' },
	{ name: 'Heading 2', value: 'heading_2' },
	{ name: 'Heading 3', value: 'heading_3' },
	{ name: 'Numbered List Item', value: 'numbered_list_item' },
	{ name: 'Paragraph', value: 'paragraph' },
	{ name: 'Quote', value: 'quote' },
	{ name: 'To-Do', value: 'to_do' },
	{ name: 'Toggle', value: 'toggle' },
];

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

/** Position and Sibling Block: where appended blocks go among the parent's children (also File → Upload). */
export function positionParameters(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Position',
			name: 'position',
			type: 'options',
			options: [
				{ name: 'After Block', value: 'after', description: 'Insert right after a given child block' },
				{ name: 'Before Block', value: 'before', description: 'Insert right before a given child block' },
				{ name: 'End', value: 'end', description: 'Add after the last child' },
			],
			default: 'end',
			description: `Where the new ${what} go among the parent’s children`,
		},
		{
			displayName: 'Sibling Block',
			name: 'siblingBlockId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 55555555-5555-4555-8555-555555555555',
			description: `ID (or URL ending in #BLOCK_ID) of the existing child block the new ${what} go next to`,
			displayOptions: { show: { position: ['after', 'before'] } },
		},
	];
}

export const description = updateDisplayOptions({ show: { resource: ['block'], operation: ['appendChildren'] } }, properties);

function readBlocks(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	if (ctx.getNodeParameter('blocksInput', itemIndex) === 'json') {
		return blocksFromJson('Blocks (JSON)', ctx.getNodeParameter('blocksJson', itemIndex));
	}
	const type = requireTextBlockType('Block Type', ctx.getNodeParameter('blockType', itemIndex));
	const language = type === 'code' ? textValue('Language', ctx.getNodeParameter('language', itemIndex, '')).trim() : '';
	return textToBlocks(textValue('Text', ctx.getNodeParameter('text', itemIndex, '')), type, language === '' ? {} : { language });
}

/** Position and Sibling Block as the `after` / `before` of an append. */
export function readPosition(ctx: IExecuteFunctions, itemIndex: number): { after?: string; before?: string } {
	const position = ctx.getNodeParameter('position', itemIndex, 'end') as string;
	if (position === 'end') return {};
	if (position !== 'after' && position !== 'before') {
		throw new InvalidInputError('Position', `${JSON.stringify(position)} is not one of End, After Block, Before Block`);
	}
	const sibling = textValue('Sibling Block', ctx.getNodeParameter('siblingBlockId', itemIndex, ''));
	return { [position]: blockIdFromLocator('Sibling Block', sibling) };
}

/**
 * PATCH /v2/blocks/:id/children, in batches of 100 top-level blocks chained with `after`, so any number of blocks
 * lands in order. Everything is checked before the first request. One output item per created top-level block.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const parentId = blockIdFromLocator('Parent', this.getNodeParameter('blockId', itemIndex) as LocatorValue);
	const blocks = readBlocks(this, itemIndex);
	const position = readPosition(this, itemIndex);
	return await appendInBatches.call(this, itemIndex, parentId, blocks, position);
}
