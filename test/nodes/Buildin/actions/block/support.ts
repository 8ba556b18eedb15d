// Shared by the Block engine tests: block inputs, reading block text back from the sandbox, node parameters.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId } from '../../../../support/workflow';

export type Json = Record<string, any>;

export const compact = (id: string) => id.replace(/-/g, '');

/** A paragraph BlockInput. */
export const para = (content: string): IDataObject => ({
	type: 'paragraph',
	paragraph: { rich_text: [{ type: 'text', text: { content } }] },
});

/** The plain text of a read block (any text type). */
export function textOf(block: Json | undefined): string {
	const content = block?.[block?.type];
	return ((content?.rich_text ?? []) as Json[]).map((item) => item.plain_text ?? item.text?.content ?? '').join('');
}

/** Parameters of a Block operation. */
export function blockOp(operation: string, blockId: INodeParameters | string, parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'block', operation, blockId: typeof blockId === 'string' ? byId(blockId) : blockId, ...parameters };
}

/** A Buildin URL meaning `blockId` inside `pageId`. */
export const blockUrl = (pageId: string, blockId: string) => `https://buildin.ai/docs/${compact(pageId)}#${compact(blockId)}`;
