import { createHash, randomUUID } from 'crypto';
import { deepCopy, type IExecuteFunctions, type INodeExecutionData, type NodeApiError, type NodeOperationError } from 'n8n-workflow';

/**
 * n8n's Settings → Retry On Fail runs the whole node again, every item, in the same execution and with the same run
 * index (also when the first output item is a continue-on-fail error). What the items of a writing operation ended
 * with is kept per node run in this process, so that a try after the first gives back what an item already wrote
 * instead of writing it again, and keeps the failure of an item whose write may have landed and would not be
 * harmless to send again. Nothing is kept when n8n will not run the node again.
 */
export type Settled = { output: INodeExecutionData[] } | { error: NodeApiError | NodeOperationError };

interface NodeRun {
	savedAtMs: number;
	items: Map<number, Settled>;
}

/** A retry comes within seconds (n8n waits at most 5 s between tries); an hour covers the slowest node run. */
const KEEP_MS = 60 * 60_000;
const KEEP_RUNS = 64;
const runs = new Map<string, NodeRun>();

/** The execution, node and run this context belongs to; undefined where n8n gives no execution id. */
export function nodeRunId(ctx: IExecuteFunctions): string | undefined {
	const executionId = ctx.getExecutionId?.();
	if (!executionId) return undefined;
	const node = ctx.getNode();
	return JSON.stringify([executionId, node.id ?? node.name, ctx.getWorkflowDataProxy(0).$runIndex]);
}

function forgetOld(nowMs: number): void {
	for (const [id, run] of runs) {
		if (runs.size <= KEEP_RUNS && nowMs - run.savedAtMs < KEEP_MS) break;
		runs.delete(id);
	}
}

export interface EarlierTries {
	has(itemIndex: number): boolean;
	/** What the item ended with in an earlier try of this node run (its output as a fresh copy). */
	settled(itemIndex: number): Settled | undefined;
	keep(itemIndex: number, settled: Settled): void;
	/** The items that succeeded in this node run, in this try or an earlier one. */
	succeeded(): number[];
	/** The node run is over and n8n will not run it again. */
	forget(): void;
}

export function earlierTries(ctx: IExecuteFunctions): EarlierTries {
	const id = nodeRunId(ctx);
	const nowMs = Date.now();
	forgetOld(nowMs);
	const run = id === undefined ? undefined : (runs.get(id) ?? { savedAtMs: nowMs, items: new Map<number, Settled>() });
	return {
		has: (itemIndex) => run?.items.has(itemIndex) === true,
		settled(itemIndex) {
			const settled = run?.items.get(itemIndex);
			return settled && 'output' in settled ? { output: deepCopy(settled.output) } : settled;
		},
		keep(itemIndex, settled) {
			if (id === undefined || run === undefined) return;
			run.items.set(itemIndex, settled);
			// Newest last, so the oldest go first.
			runs.delete(id);
			run.savedAtMs = Date.now();
			runs.set(id, run);
		},
		succeeded: () => [...(run?.items ?? [])].filter(([, settled]) => 'output' in settled).map(([itemIndex]) => itemIndex),
		forget() {
			if (id !== undefined) runs.delete(id);
		},
	};
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
