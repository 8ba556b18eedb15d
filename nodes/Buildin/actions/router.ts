import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InvalidInputError } from '../helpers/errors';
import { withParameterCache } from './parameterCache';
import { errorItemJson, errorOutputJson } from '../transport/errors';
import { pacerFor } from '../transport/pacing';
import { resources } from './resources';

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
 * Runs the chosen operation once per input item, as many items at a time as the execution's Concurrency window
 * allows (fixed, or adapting as answers come back: transport/concurrency.ts). Every output item (one, or several from
 * a list operation) is paired with the input item it came from, and the output keeps the input's order whatever
 * order the answers arrive in. Without continue-on-fail the first failing item (in input order) stops the run: no
 * new items start, the ones in flight finish.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const context = withParameterCache(this);
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const execute = resources[resource]?.operations[operation]?.execute;
	if (!execute) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	const items = context.getInputData();
	const { window } = pacerFor(context);
	const errorJson = context.getNode().onError === 'continueErrorOutput' ? errorOutputJson : errorItemJson;
	const continueOnFail = context.continueOnFail();
	const outputs: INodeExecutionData[][] = new Array(items.length);
	let nextItem = 0;
	// The earliest failing item by input order; a holder object so the items' writes are visible to the type checker.
	const stop: { itemIndex: number; error?: Error } = { itemIndex: items.length };

	const run = async (itemIndex: number) => {
		const pairedItem = { item: itemIndex };
		try {
			const result = await execute.call(context, itemIndex);
			outputs[itemIndex] = (Array.isArray(result) ? result : [result]).map((json) => ({ json, pairedItem }));
		} catch (error) {
			const nodeError = toNodeError(context, error, itemIndex);
			if (continueOnFail) outputs[itemIndex] = [{ json: errorJson(nodeError), pairedItem }];
			else if (itemIndex < stop.itemIndex) Object.assign(stop, { itemIndex, error: nodeError });
		}
	};
	await new Promise<void>((allDone) => {
		// Starts items while the window has room; every finished item makes room and looks again.
		const startItems = () => {
			while (stop.error === undefined && nextItem < items.length && window.tryStart()) {
				void run(nextItem++).then(() => {
					window.finished();
					startItems();
				});
			}
			if (window.inFlight === 0) allDone();
		};
		startItems();
	});
	if (stop.error) throw stop.error;
	return [outputs.flat()];
}
