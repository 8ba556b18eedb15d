import type { IExecuteFunctions, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { nodeRunId } from '../requests/nodeRun';

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
