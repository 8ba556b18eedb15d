import { createHash, randomUUID } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

const runIds = new WeakMap<object, string | undefined>();

/**
 * The execution, node and run this context belongs to; undefined where n8n gives no execution id. The same for every
 * item of a context, so read once per context (n8n builds a whole data proxy to tell the run index).
 */
export function nodeRunId(ctx: IExecuteFunctions): string | undefined {
	if (runIds.has(ctx)) return runIds.get(ctx);
	const executionId = ctx.getExecutionId?.();
	const node = ctx.getNode();
	const id = executionId ? JSON.stringify([executionId, node.id ?? node.name, ctx.getWorkflowDataProxy(0).$runIndex]) : undefined;
	runIds.set(ctx, id);
	return id;
}

/**
 * The Idempotency-Key of an item that has none of its own: the same in every try of the node run (n8n's Retry On
 * Fail), another in every other run, execution or item: a digest of the node run and the item.
 */
export function itemIdempotencyKey(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = nodeRunId(ctx);
	if (id === undefined) return randomUUID();
	const hex = createHash('sha256').update(`${id}\u0000${itemIndex}`).digest('hex');
	// Shaped as a version 4 UUID (its version and variant bits set), as a random key would be.
	const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
