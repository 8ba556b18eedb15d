// Block parameters several operations share: the text block types (Block → Append Children and Update), and Position
// with Sibling Block, where appended blocks go (Block → Append Children and File → Upload).
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { blockIdFromLocator } from '../helpers/blocks';
import { InvalidInputError } from '../helpers/errors';
import { textValue } from '../helpers/validate';

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
