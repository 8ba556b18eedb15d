import type { IDataObject } from 'n8n-workflow';

import { InvalidInputError } from './errors';
import { ID_FORMS_HINT, idFromUrl, idInUrl, resourceIdFromLocator, URL_PATTERNS, type LocatorValue } from './ids';
import { toRichText } from './richText';
import { jsonParameter } from './validate';

/** The block types Buildin accepts on write: the 20 BlockInput variants of https://api.buildin.ai/v2/openapi.json. */
export const WRITABLE_BLOCK_TYPES = [
	'paragraph',
	'heading_1',
	'heading_2',
	'heading_3',
	'bulleted_list_item',
	'numbered_list_item',
	'quote',
	'toggle',
	'to_do',
	'callout',
	'code',
	'divider',
	'bookmark',
	'embed',
	'image',
	'file',
	'table',
	'table_row',
	'equation',
	'link_to_page',
] as const;

/**
 * Types that only come back on read (the Block schema of https://api.buildin.ai/v2/openapi.json); writing them gives
 * 400 unsupported_block_type.
 */
const READ_ONLY_BLOCK_TYPES = ['child_page', 'child_database', 'template', 'synced_block', 'column_list', 'column'] as const;

/** Writable types whose content is rich text, so plain text can fill them. */
export const TEXT_BLOCK_TYPES = [
	'paragraph',
	'heading_1',
	'heading_2',
	'heading_3',
	'bulleted_list_item',
	'numbered_list_item',
	'to_do',
	'toggle',
	'quote',
	'callout',
	'code',
] as const;

export type TextBlockType = (typeof TEXT_BLOCK_TYPES)[number];

/**
 * Most top-level blocks one append request may carry (https://buildin.ai/developer-api/v2/write/append-block-children).
 */
export const APPEND_BATCH_SIZE = 100;

/** Sub-pages and inline databases hang off a page as blocks; their content is another document, not this one's. */
const NO_DESCENT_TYPES = ['child_page', 'child_database'];

const WRITABLE_HINT = `Blocks Buildin can write: ${WRITABLE_BLOCK_TYPES.join(', ')}`;

const isWritable = (type: unknown): boolean => (WRITABLE_BLOCK_TYPES as readonly unknown[]).includes(type);
const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `items` in runs of at most `size`, in order. */
export function chunk<T>(items: T[], size: number): T[][] {
	const runs: T[][] = [];
	for (let start = 0; start < items.length; start += size) runs.push(items.slice(start, start + size));
	return runs;
}

const BLOCK_URL_HINT =
	'Use a page URL such as https://buildin.ai/docs/11111111111141118111111111111111, with the block id as its ' +
	`fragment to mean that block (…#55555555555545558555555555555555). ${ID_FORMS_HINT}`;

/**
 * The block a Buildin URL points at: the block id in its fragment (`https://buildin.ai/docs/<page>#<block>`), or the
 * page id when the fragment holds no id (a page is the parent of its content blocks). Undefined if it is neither.
 */
export function blockIdFromUrl(value: string): string | undefined {
	const pageId = idFromUrl(value);
	return pageId === undefined ? undefined : (idInUrl(URL_PATTERNS.block, value) ?? pageId);
}

/** The block id in a Buildin URL's fragment (`…#<block>`); undefined when there is none. */
export function fragmentBlockId(value: string): string | undefined {
	const blockId = blockIdFromUrl(value);
	return blockId === idFromUrl(value) ? undefined : blockId;
}

/** Resolves the Block locator (By ID, or By URL with the block in the fragment) to a dashed id, or throws naming the field. */
export function blockIdFromLocator(
	field: string,
	locator: LocatorValue | string,
	options: { requireFragment?: boolean } = {},
): string {
	const { mode, value } = typeof locator === 'string' ? { mode: 'id', value: locator } : locator;
	const text = typeof value === 'string' ? value.trim() : '';
	if (mode === 'url' || /^https?:\/\//i.test(text)) {
		const id = blockIdFromUrl(text);
		if (id === undefined) {
			const shown = text === '' ? 'an empty value' : JSON.stringify(text);
			throw new InvalidInputError(field, `${shown} is not a Buildin URL`, BLOCK_URL_HINT);
		}
		if (options.requireFragment && fragmentBlockId(text) === undefined) {
			throw new InvalidInputError(
				field,
				`${JSON.stringify(text)} is the URL of a page, not of a block in it`,
				'Copy the link of the block itself (its URL ends in #<block id>), or give the block ID',
			);
		}
		return id;
	}
	return resourceIdFromLocator(field, { mode: 'id', value });
}

/** One text block: `{object, type, <type>: {rich_text, ...extra}}`, the text split into items of at most 2000 characters. */
export function textBlock(type: TextBlockType, text: string, extra: IDataObject = {}): IDataObject {
	return { object: 'block', type, [type]: { rich_text: toRichText(text), ...extra } };
}

/** Refuses a type that is not a text block type, naming the field. */
export function requireTextBlockType(field: string, type: unknown): TextBlockType {
	if (!(TEXT_BLOCK_TYPES as readonly unknown[]).includes(type)) {
		throw new InvalidInputError(field, `${JSON.stringify(type)} is not a text block type`, `Use one of: ${TEXT_BLOCK_TYPES.join(', ')}`);
	}
	return type as TextBlockType;
}

/**
 * Plain text as blocks of one type: one block per non-blank line, or, for `code`, the whole text as one code block
 * (its lines belong together). `extra` goes into every block's content, e.g. `{language: 'javascript'}`.
 */
export function textToBlocks(text: string, type: TextBlockType, extra: IDataObject = {}): IDataObject[] {
	const blocks =
		type === 'code'
			? text.trim() === ''
				? []
				: [textBlock(type, text.replace(/(?:\r\n|\r|\n)+$/, ''), extra)]
			: text
					.split(/\r\n|\r|\n/)
					.filter((line) => line.trim() !== '')
					.map((line) => textBlock(type, line, extra));
	if (blocks.length === 0) throw new InvalidInputError('Text', 'is empty', 'Write at least one line of text');
	return blocks;
}

/**
 * Checks one BlockInput and returns it normalised: `type` filled in when only the content key names it
 * (`{"paragraph": {...}}`), `divider: {}` added when missing; nested `children` checked the same way.
 */
function checkBlockInput(field: string, block: unknown, path: string): IDataObject {
	if (!isObject(block)) {
		throw new InvalidInputError(field, `${path} is not a block object`, 'Each block is an object such as {"type": "paragraph", "paragraph": {"rich_text": [...]}}');
	}
	let type = block.type;
	if (type === undefined) {
		const keys = Object.keys(block).filter((key) => isWritable(key) || (READ_ONLY_BLOCK_TYPES as readonly string[]).includes(key));
		if (keys.length === 1) type = keys[0];
	}
	if (typeof type !== 'string' || type === '') {
		throw new InvalidInputError(field, `${path} has no type`, 'Give each block a "type", e.g. {"type": "paragraph", "paragraph": {...}}');
	}
	if (!isWritable(type)) {
		const why = (READ_ONLY_BLOCK_TYPES as readonly string[]).includes(type)
			? 'can only be read, not written, through the API'
			: 'is not a Buildin block type';
		throw new InvalidInputError(field, `${path}: the type ${JSON.stringify(type)} ${why}`, WRITABLE_HINT);
	}
	if (block.object !== undefined && block.object !== 'block') {
		throw new InvalidInputError(field, `${path}: "object" must be "block", not ${JSON.stringify(block.object)}`);
	}
	const result: IDataObject = { ...block, type };
	if (result[type] === undefined && type === 'divider') result.divider = {};
	if (!isObject(result[type])) {
		throw new InvalidInputError(
			field,
			`${path}: the ${type} block has no "${type}" content object`,
			`Put the content under the type's key, e.g. {"type": "${type}", "${type}": {...}}`,
		);
	}
	if (result.children !== undefined) {
		if (!Array.isArray(result.children)) throw new InvalidInputError(field, `${path}.children is not an array of blocks`);
		result.children = result.children.map((child, index) => checkBlockInput(field, child, `${path}.children[${index}]`));
	}
	return result;
}

/** Checks BlockInputs before anything is sent (types against the writable list, nested children too). */
export function validateBlockInputs(field: string, blocks: unknown[]): IDataObject[] {
	return blocks.map((block, index) => checkBlockInput(field, block, `block [${index}]`));
}

/**
 * The Blocks JSON parameter as checked BlockInputs: an array of blocks, one block object, or a request body
 * `{"children": [...]}`. At least one block.
 */
export function blocksFromJson(field: string, value: unknown): IDataObject[] {
	const parsed = jsonParameter(field, value);
	const list = Array.isArray(parsed) ? parsed : isObject(parsed) && Array.isArray(parsed.children) && parsed.type === undefined ? parsed.children : [parsed];
	if (list.length === 0) throw new InvalidInputError(field, 'holds no blocks', 'Give an array with at least one block');
	return validateBlockInputs(field, list);
}

/**
 * The Update JSON parameter as a PATCH body: an object holding exactly one writable type's partial content,
 * `{"to_do": {"checked": true}}`, optionally with a matching `"type"`.
 */
export function updateFromJson(field: string, value: unknown): IDataObject {
	const parsed = jsonParameter(field, value);
	const example = 'e.g. {"to_do": {"checked": true}} or {"paragraph": {"rich_text": [{"type": "text", "text": {"content": "Hi"}}]}}';
	if (!isObject(parsed)) throw new InvalidInputError(field, 'is not a JSON object', `Give the new content under the block type, ${example}`);
	const keys = Object.keys(parsed).filter((key) => key !== 'type');
	if (keys.length !== 1) {
		throw new InvalidInputError(
			field,
			keys.length === 0 ? 'holds no content to change' : `holds ${keys.length} keys (${keys.join(', ')}); give exactly one block type`,
			`Give the new content under the block type, ${example}`,
		);
	}
	const [type] = keys;
	if (!isWritable(type)) throw new InvalidInputError(field, `${JSON.stringify(type)} is not a block type Buildin can write`, WRITABLE_HINT);
	if (parsed.type !== undefined && parsed.type !== type) {
		throw new InvalidInputError(field, `"type" is ${JSON.stringify(parsed.type)} but the content is under "${type}"`);
	}
	if (!isObject(parsed[type])) throw new InvalidInputError(field, `"${type}" is not an object`, `Give the fields to change, ${example}`);
	if (Object.keys(parsed[type] as IDataObject).length === 0) {
		throw new InvalidInputError(field, `"${type}" holds nothing to change`, `Give the fields to change, ${example}`);
	}
	return { type, [type]: parsed[type] };
}

/** One page of a block's children, as the API lists them. */
export interface ChildrenPage {
	results: IDataObject[];
}

/** The pages of a block's children in order, each asking for `pageSize()` blocks. */
export type ChildrenPages = (parentId: string, pageSize: () => number) => AsyncIterable<ChildrenPage>;

/**
 * A block's descendants depth first, in document order (each block, then its children, then its next sibling), each
 * with `parent_id` (the block it was listed under) and `depth` (1 for direct children). Descends into blocks with
 * `has_children` down to `maxDepth` levels, not into sub-pages or inline databases. Stops after `limit` blocks
 * in all, asking each request only for what is still missing (at most `pageSize`).
 */
export async function* walkBlocks(
	childrenPages: ChildrenPages,
	rootId: string,
	options: { maxDepth: number; limit?: number; pageSize?: number },
): AsyncGenerator<IDataObject> {
	let remaining = options.limit ?? Number.POSITIVE_INFINITY;
	const pageSize = options.pageSize ?? 100;
	const visited = new Set<string>([rootId]);

	async function* level(parentId: string, depth: number): AsyncGenerator<IDataObject> {
		if (remaining <= 0) return;
		for await (const page of childrenPages(parentId, () => Math.min(pageSize, remaining))) {
			for (const block of page.results) {
				if (remaining <= 0) return;
				remaining--;
				yield { ...block, parent_id: parentId, depth };
				const id = block.id;
				if (
					block.has_children === true &&
					depth < options.maxDepth &&
					typeof id === 'string' &&
					!NO_DESCENT_TYPES.includes(String(block.type)) &&
					!visited.has(id)
				) {
					visited.add(id);
					yield* level(id, depth + 1);
				}
			}
			if (remaining <= 0) return;
		}
	}

	yield* level(rootId, 1);
}
