import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InvalidInputError } from '../helpers/errors';
import { elaborated, errorItemJson, errorMayHaveLanded } from '../transport/errors';
import { writesOf, type ItemWrites } from '../transport/itemWrites';
import { pacerFor } from '../transport/pacing';
import { earlierTries, type EarlierTries, type Settled } from './earlierTries';
import { ItemQueue } from './itemQueue';
import { forgetItem, withParameterCache } from './parameterCache';
import { resources } from './resources';
import { ItemWithBinary, type BatchOperation, type Operation } from './types';
import { WRITE_TARGETS, type WriteTargets } from './writeTargets';

/**
 * Any failure as the node error n8n shows: bad input names the field and the item; nothing else leaks through. As an
 * AI agent's tool there is only ever the one item the agent hands over, so the item is not named, and the message
 * carries what the model needs (`forTheModel`).
 */
function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number, asTool: boolean): NodeApiError | NodeOperationError {
	const nodeError = asNodeError(ctx, error, itemIndex, asTool);
	return asTool ? forTheModel(nodeError) : nodeError;
}

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number, asTool: boolean): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof InvalidInputError) {
		const where = asTool ? error.field : `${error.field} in item ${itemIndex}`;
		return new NodeOperationError(ctx.getNode(), `${where}: ${error.message}`, {
			itemIndex,
			description: error.hint,
		});
	}
	// Only the message is kept: an unexpected error's other fields may hold request options, headers included.
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error.message : String(error), { itemIndex });
}

/**
 * The output item a failed input item becomes under continue-on-fail: JSON an IF node can read (transport/errors.ts),
 * paired with its input item.
 */
function failedItem(error: NodeApiError | NodeOperationError, pairedItem: { item: number }, wrote: boolean): INodeExecutionData {
	return { json: errorItemJson(error, wrote), pairedItem };
}

/** `0–3, 5, 6 and 9`: item numbers, runs of three or more as ranges. */
function itemList(itemIndices: number[]): string {
	const runs: string[] = [];
	const sorted = [...itemIndices].sort((a, b) => a - b);
	for (let start = 0; start < sorted.length; ) {
		let end = start;
		while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
		if (end - start >= 2) runs.push(`${sorted[start]}–${sorted[end]}`);
		else runs.push(...sorted.slice(start, end + 1).map(String));
		start = end + 1;
	}
	return runs.length > 1 ? `${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}` : runs.join('');
}

/**
 * The error a run that stopped at a failed item ends with: n8n drops the node's whole output, so it names the other
 * items that were written (items that were already running when the failure came finish first), since running the
 * node again writes them again.
 */
function stoppedAfterWrites(
	error: NodeApiError | NodeOperationError,
	written: number[],
	mayHaveWritten: number[],
): NodeApiError | NodeOperationError {
	if (written.length === 0 && mayHaveWritten.length === 0) return error;
	const parts = [
		written.length > 0 ? `${written.length === 1 ? 'item' : 'items'} ${itemList(written)} ${written.length === 1 ? 'was' : 'were'} written` : '',
		mayHaveWritten.length > 0
			? `${mayHaveWritten.length === 1 ? 'item' : 'items'} ${itemList(mayHaveWritten)} may have been written`
			: '',
	].filter(Boolean);
	const note = `Before the node stopped, ${parts.join(' and ')}; n8n keeps no output of a stopped node, so running it again writes ${written.length + mayHaveWritten.length === 1 ? 'that item' : 'those items'} again.`;
	return elaborated(error, {
		message: `${error.message} (${parts.join('; ')})`,
		description: [error.description, note].filter(Boolean).join(' '),
	});
}

/**
 * The error a tool run ends with. n8n hands the agent's model only an error's message (AI Agent 3 answers the call
 * with `[{"error": <message>}]`), so the message also carries what the user would read elsewhere: the advice (the
 * description) and the fields Buildin objected to (the details).
 */
function forTheModel(error: NodeApiError | NodeOperationError): NodeApiError | NodeOperationError {
	const details = error instanceof NodeApiError ? error.context.details : undefined;
	const parts = [error.message, error.description ?? ''];
	if (Array.isArray(details) && details.length > 0) parts.push(`Details: ${JSON.stringify(details)}`);
	const message = parts
		.map((part) => part.trim().replace(/\.$/, ''))
		.filter((part) => part !== '')
		.map((part) => `${part}.`)
		.join(' ');
	return elaborated(error, { message });
}

/** An item's output items, each paired with it. */
function outputOf(result: Awaited<ReturnType<Operation['execute']>>, itemIndex: number): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	return (Array.isArray(result) ? result : [result]).map((json) =>
		json instanceof ItemWithBinary ? { json: json.json, binary: json.binary, pairedItem } : { json, pairedItem },
	);
}

/**
 * Runs the chosen operation once per input item, as many items at a time as the execution's Concurrency window
 * allows (fixed, or adapting as answers come back: transport/concurrency.ts), except that items writing to the same
 * object run one after another in input order (actions/writeTargets.ts, actions/itemQueue.ts). Every output item
 * (one, or several from a list operation) is paired with the input item it came from, and the output keeps the
 * input's order whatever order the answers arrive in. Without continue-on-fail the first failing item (in input
 * order) stops the run: no new items start, the ones in flight finish, and the error names the items written. When
 * n8n runs the node again (Retry On Fail), a writing operation's items that already succeeded, or whose write may
 * have landed and could not be repeated harmlessly, end as they did (actions/earlierTries.ts).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const context = withParameterCache(this);
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const chosen = resources[resource]?.operations[operation];
	if (!chosen) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	const continueOnFail = context.continueOnFail();
	// n8n's own idiom: a usableAsTool node runs under its type name with "Tool" appended (e.g. buildinTool).
	const asTool = context.getNode().type.endsWith('Tool');
	const writeTargets: WriteTargets | undefined = WRITE_TARGETS[`${resource}.${operation}`];
	const tries = writeTargets === undefined ? undefined : earlierTries(context);
	const run = { context, continueOnFail, asTool, tries };
	const result = 'executeAll' in chosen ? await runBatch(run, chosen) : await runItems(run, chosen, writeTargets);
	// n8n runs a node again when it throws (above) or when its first output item is an error (continue-on-fail).
	if (!result[0][0]?.json.error) tries?.forget();
	return result;
}

interface NodeRun {
	context: IExecuteFunctions;
	continueOnFail: boolean;
	asTool: boolean;
	tries?: EarlierTries;
}

/** What each item ended with, and the error a run without continue-on-fail stops with. */
class ItemOutcomes {
	readonly outputs: INodeExecutionData[][];
	private readonly written: number[] = [];
	private readonly mayHaveWritten: number[] = [];
	/** The earliest failing item by input order; set only without continue-on-fail. */
	private stop?: { itemIndex: number; error: NodeApiError | NodeOperationError };

	constructor(
		private readonly run: NodeRun,
		count: number,
	) {
		this.outputs = new Array(count);
	}

	get stopped(): boolean {
		return this.stop !== undefined;
	}

	succeeded(itemIndex: number, output: INodeExecutionData[]): void {
		this.outputs[itemIndex] = output;
		if (this.run.tries) {
			this.written.push(itemIndex);
			this.run.tries.keep(itemIndex, { output });
		}
	}

	/** `writes`: what the item's requests wrote before it failed. */
	failed(itemIndex: number, error: unknown, writes: ItemWrites): void {
		this.settleFailure(itemIndex, toNodeError(this.run.context, error, itemIndex, this.run.asTool), writes);
	}

	/** The item failed in an earlier try of this node run after a write that is not sent again. */
	failedBefore(itemIndex: number, error: NodeApiError | NodeOperationError): void {
		this.settleFailure(itemIndex, error, { wrote: true, unrepeatable: true });
	}

	private settleFailure(itemIndex: number, nodeError: NodeApiError | NodeOperationError, writes: ItemWrites): void {
		if (writes.wrote) this.mayHaveWritten.push(itemIndex);
		if (writes.unrepeatable) this.run.tries?.keep(itemIndex, { error: nodeError });
		if (this.run.continueOnFail) this.outputs[itemIndex] = [failedItem(nodeError, { item: itemIndex }, writes.wrote)];
		else if (this.stop === undefined || itemIndex < this.stop.itemIndex) this.stop = { itemIndex, error: nodeError };
	}

	/** The node's output, or the error the run stopped with. */
	result(): INodeExecutionData[][] {
		if (this.stop) {
			const { itemIndex, error } = this.stop;
			// Items written by an earlier try of this node run count too: n8n keeps no output of it either.
			const written = new Set([...this.written, ...(this.run.tries?.succeeded() ?? [])]);
			throw stoppedAfterWrites(
				error,
				[...written],
				this.mayHaveWritten.filter((index) => index !== itemIndex),
			);
		}
		for (let itemIndex = 0; itemIndex < this.outputs.length; itemIndex++) {
			// Every item ends one way or another; an item left out would be lost without a word.
			if (this.outputs[itemIndex] === undefined) throw new NodeOperationError(this.run.context.getNode(), `Item ${itemIndex} was not run`, { itemIndex });
		}
		return [this.outputs.flat()];
	}
}

async function runItems(run: NodeRun, operation: Operation, writeTargets: WriteTargets | undefined): Promise<INodeExecutionData[][]> {
	const { context, tries } = run;
	const count = context.getInputData().length;
	const outcomes = new ItemOutcomes(run, count);
	// An item whose target IDs cannot be read fails when it runs, with the error its operation would give.
	const keys = new Map<number, string[] | { error: unknown }>();
	// An item an earlier try settled writes nothing now. Read once: the queue asks again when the item finishes.
	const keysOf = (itemIndex: number): string[] => {
		let known = keys.get(itemIndex);
		if (known === undefined) {
			try {
				known = writeTargets === undefined || tries?.has(itemIndex) ? [] : writeTargets(context, itemIndex);
			} catch (error) {
				known = { error };
			}
			keys.set(itemIndex, known);
		}
		return Array.isArray(known) ? known : [];
	};
	const runItem = async (itemIndex: number) => {
		const earlier = tries?.settled(itemIndex);
		if (earlier) {
			if ('output' in earlier) outcomes.succeeded(itemIndex, earlier.output);
			else outcomes.failedBefore(itemIndex, earlier.error);
			return;
		}
		try {
			const known = keys.get(itemIndex);
			if (known !== undefined && !Array.isArray(known)) throw known.error;
			outcomes.succeeded(itemIndex, outputOf(await operation.execute.call(context, itemIndex), itemIndex));
		} catch (error) {
			outcomes.failed(itemIndex, error, writesOf(context, itemIndex));
		} finally {
			forgetItem(context, itemIndex);
		}
	};

	const { window } = pacerFor(context);
	const queue = new ItemQueue(count, keysOf);
	await new Promise<void>((allDone) => {
		// Starts items while the window has room; every finished item makes room and looks again.
		const startItems = () => {
			while (!outcomes.stopped && window.inFlight < window.limit) {
				const itemIndex = queue.take();
				if (itemIndex === undefined) break;
				window.tryStart();
				void runItem(itemIndex).then(() => {
					window.finished();
					queue.finished(itemIndex);
					keys.delete(itemIndex);
					startItems();
				});
			}
			if (window.inFlight === 0) allDone();
		};
		startItems();
	});
	return outcomes.result();
}

/**
 * A batch operation's results as the output: one item per input item, paired with it. Without continue-on-fail the
 * first failing item (in input order) stops the run with its error (the operation stops there too, so the items
 * after it have no result). Items settled by an earlier try are not sent again.
 */
async function runBatch(run: NodeRun, operation: BatchOperation): Promise<INodeExecutionData[][]> {
	const { context, tries } = run;
	const count = context.getInputData().length;
	const outcomes = new ItemOutcomes(run, count);
	const earlier = new Map<number, Settled>();
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const settled = tries?.has(itemIndex) ? tries.settled(itemIndex) : undefined;
		if (settled) earlier.set(itemIndex, settled);
	}
	// A failure of the whole operation (a parameter read once for all items) belongs to the first item.
	const results = await operation.executeAll
		.call(context, (itemIndex) => earlier.has(itemIndex))
		.catch((error: unknown) => Promise.reject(toNodeError(context, error, 0, run.asTool)));
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const settled = earlier.get(itemIndex);
		const result = results[itemIndex];
		if (settled && 'output' in settled) outcomes.succeeded(itemIndex, settled.output);
		else if (settled) outcomes.failedBefore(itemIndex, settled.error);
		// Not reached: the operation stopped at a failure.
		else if (result === undefined) continue;
		else if (!(result instanceof Error)) outcomes.succeeded(itemIndex, [{ json: result, pairedItem: { item: itemIndex } }]);
		else {
			// A batch sent in one request: whether it may have landed is the request's own verdict.
			const landed = errorMayHaveLanded(result);
			outcomes.failed(itemIndex, result, { wrote: landed, unrepeatable: landed });
		}
	}
	return outcomes.result();
}
