import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireTextBlockType, updateFromJson } from '../../helpers/blocks';
import { InvalidInputError } from '../../helpers/errors';
import { toRichText } from '../../helpers/richText';
import { textValue } from '../../helpers/validate';
import { textBlockTypeOptions } from '../../parameters/blocks';
import { blockLocator, readBlockId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		...blockLocator,
		description: 'The block to update: its ID, or a Buildin URL with the block ID as the fragment (…/docs/PAGE_ID#BLOCK_ID)',
	},
	{
		displayName: 'Content Input',
		name: 'contentInput',
		type: 'options',
		options: [
			{ name: 'Define Below', value: 'fields', description: 'Replace the text, and set Checked or Language' },
			{ name: 'JSON', value: 'json', description: 'Send the new content as a Buildin object, for any writable block type' },
		],
		default: 'fields',
		description: 'How to give the changes',
	},
	{
		displayName: 'Block Type',
		name: 'blockType',
		type: 'options',
		options: textBlockTypeOptions,
		default: 'paragraph',
		description: 'The type of the block being updated; the changes are sent under this type',
		displayOptions: { show: { contentInput: ['fields'] } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Ship the beta on Friday',
		description:
			'New text of the block, replacing the old one. Leave empty to keep the current text. Text longer than 2000 characters is split into several rich-text items.',
		displayOptions: { show: { contentInput: ['fields'] } },
	},
	{
		displayName: 'Checked',
		name: 'checked',
		type: 'options',
		options: [
			{ name: 'Checked', value: 'checked', description: 'Tick the to-do' },
			{ name: 'Leave Unchanged', value: 'unchanged', description: 'Do not touch the tick' },
			{ name: 'Unchecked', value: 'unchecked', description: 'Untick the to-do' },
		],
		default: 'unchanged',
		description: 'Whether the to-do is ticked',
		displayOptions: { show: { contentInput: ['fields'], blockType: ['to_do'] } },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'e.g. typescript',
		description: 'New programming language of the code block. Leave empty to keep the current one.',
		displayOptions: { show: { contentInput: ['fields'], blockType: ['code'] } },
	},
	{
		displayName: 'Content (JSON)',
		name: 'contentJson',
		type: 'json',
		default: '{}',
		placeholder: 'e.g. {"to_do": {"checked": true}}',
		description:
			'The fields to change under the block’s type, sent as is; fields not given keep their values. Example: {"callout": {"icon": {"type": "emoji", "emoji": "💡"}}}.',
		displayOptions: { show: { contentInput: ['json'] } },
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['block'], operation: ['update'] } }, properties);

const CHECKED_VALUES: Record<string, boolean | undefined> = { unchanged: undefined, checked: true, unchecked: false };

/** The body from the Define Below fields: only what is set, under the chosen type. */
function bodyFromFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = requireTextBlockType('Block Type', ctx.getNodeParameter('blockType', itemIndex));
	const content: IDataObject = {};
	const text = textValue('Text', ctx.getNodeParameter('text', itemIndex, ''));
	if (text.trim() !== '') content.rich_text = toRichText(text);
	if (type === 'to_do') {
		const checked = CHECKED_VALUES[ctx.getNodeParameter('checked', itemIndex, 'unchanged') as string];
		if (checked !== undefined) content.checked = checked;
	}
	if (type === 'code') {
		const language = textValue('Language', ctx.getNodeParameter('language', itemIndex, '')).trim();
		if (language !== '') content.language = language;
	}
	if (Object.keys(content).length === 0) {
		throw new InvalidInputError(
			'Update',
			'there is nothing to change',
			'Set the Text (or, for a to-do, Checked; for code, Language); an empty update is not sent',
		);
	}
	return { type, [type]: content };
}

/** PATCH /v2/blocks/:id with only what is set; the output is the updated block. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const blockId = readBlockId(this, itemIndex, 'Block');
	const body =
		this.getNodeParameter('contentInput', itemIndex) === 'json'
			? updateFromJson('Content (JSON)', this.getNodeParameter('contentJson', itemIndex))
			: bodyFromFields(this, itemIndex);
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'PATCH',
		path: `/v2/blocks/${blockId}`,
		body,
	});
	return response.body;
}
