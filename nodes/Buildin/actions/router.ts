import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { InvalidInputError } from '../helpers/errors';
import { withParameterCache } from './parameterCache';
import { requestConcurrency } from '../transport';
import { errorItemJson, errorOutputJson } from '../transport/errors';
import { ItemWithBinary, type BatchOperation } from './operation';
import { resources } from './resources';

/**
 * How long after an item starts the item that will follow it in its slot has its expressions evaluated: late enough
 * that this item's request is on its way, long before its answer is back.
 */
const READ_AHEAD_DELAY_MS = 5;

/** Any failure as the node error n8n shows: bad input names the field and the item; nothing else leaks through. */
function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof InvalidInputError) {
		return new NodeOperationError(ctx.getNode(), `${error.field} in item ${itemIndex}: ${error.message}`, {
			itemIndex,
			description: error.hint,
		});
	}
	// Only the message is kept: an unexpected error's other fields may hold request options, headers included.
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error.message : String(error), { itemIndex });
}

/**
 * Runs the chosen operation once per input item, up to Options → Concurrency items at a time. Every output item
 * (one, or several from a list operation) is paired with the input item it came from, and the output keeps the
 * input's order whatever order the answers arrive in. Without continue-on-fail the first failing item (in input
 * order) stops the run: no new items start, the ones in flight finish.
 *
 * With Concurrency above 1, the expressions of the item that will take a slot next are evaluated while the slot's
 * request is in flight (in n8n 2.41 about 0.7 ms each, one per turn of the event loop), instead of between an answer
 * and the next request.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const context = withParameterCache(this);
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const chosen = resources[resource]?.operations[operation];
	if (!chosen) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	const errorJson = context.getNode().onError === 'continueErrorOutput' ? errorOutputJson : errorItemJson;
	const continueOnFail = context.continueOnFail();
	if ('executeAll' in chosen) return await runBatch(context, chosen, continueOnFail, errorJson);
	const execute = chosen.execute;
	const items = context.getInputData();
	const concurrency = requestConcurrency(context);
	const outputs: INodeExecutionData[][] = new Array(items.length);
	let nextItem = 0;
	let finished = false;
	// The earliest failing item by input order; a holder object so the workers' writes are visible to the type checker.
	const stop: { itemIndex: number; error?: Error } = { itemIndex: items.length };

	const worker = async () => {
		while (stop.error === undefined && nextItem < items.length) {
			const itemIndex = nextItem++;
			const pairedItem = { item: itemIndex };
			const ahead = itemIndex + concurrency;
			if (concurrency > 1 && ahead < items.length) {
				const stillAhead = () => !finished && stop.error === undefined && nextItem <= ahead;
				void sleep(READ_AHEAD_DELAY_MS).then(async () => await context.readAhead(ahead, stillAhead));
			}
			try {
				const result = await execute.call(context, itemIndex);
				outputs[itemIndex] = (Array.isArray(result) ? result : [result]).map((json) =>
					json instanceof ItemWithBinary ? { json: json.json, binary: json.binary, pairedItem } : { json, pairedItem },
				);
			} catch (error) {
				const nodeError = toNodeError(context, error, itemIndex);
				if (continueOnFail) outputs[itemIndex] = [{ json: errorJson(nodeError), pairedItem }];
				else if (itemIndex < stop.itemIndex) Object.assign(stop, { itemIndex, error: nodeError });
			} finally {
				context.forgetItem(itemIndex);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	finished = true;
	if (stop.error) throw stop.error;
	return [outputs.flat()];
}

/**
 * A batch operation's results as the output: one item per input item, paired with it. Without continue-on-fail the
 * first failing item (in input order) stops the run with its error (the operation stops there too, so the items
 * after it have no result).
 */
async function runBatch(
	context: IExecuteFunctions,
	operation: BatchOperation,
	continueOnFail: boolean,
	errorJson: (error: Error) => INodeExecutionData['json'],
): Promise<INodeExecutionData[][]> {
	const results = await operation.executeAll.call(context);
	const firstFailure = Array.from(results).findIndex((result) => result instanceof Error);
	if (!continueOnFail && firstFailure >= 0) throw toNodeError(context, results[firstFailure], firstFailure);
	return [
		results.map((result, itemIndex) => {
			const pairedItem = { item: itemIndex };
			if (!(result instanceof Error)) return { json: result, pairedItem };
			return { json: errorJson(toNodeError(context, result, itemIndex)), pairedItem };
		}),
	];
}
