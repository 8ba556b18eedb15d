import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InvalidInputError } from '../helpers/errors';
import { errorItemJson } from '../transport/errors';
import { pacerFor } from '../transport/pacing';
import { withParameterCache } from './parameterCache';
import { resources } from './resources';
import { ItemWithBinary, type BatchOperation } from './types';

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

/** The output item a failed input item becomes under continue-on-fail, carrying the node error as n8n's nodes do. */
function failedItem(error: NodeApiError | NodeOperationError, pairedItem: { item: number }): INodeExecutionData {
	return { json: errorItemJson(error), error, pairedItem };
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
	error.message = parts
		.map((part) => part.trim().replace(/\.$/, ''))
		.filter((part) => part !== '')
		.map((part) => `${part}.`)
		.join(' ');
	return error;
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
	const chosen = resources[resource]?.operations[operation];
	if (!chosen) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	const continueOnFail = context.continueOnFail();
	// n8n's own idiom: a usableAsTool node runs under its type name with "Tool" appended (e.g. buildinTool).
	const asTool = context.getNode().type.endsWith('Tool');
	if ('executeAll' in chosen) return await runBatch(context, chosen, continueOnFail, asTool);
	const execute = chosen.execute;
	const items = context.getInputData();
	const { window } = pacerFor(context);
	const outputs: INodeExecutionData[][] = new Array(items.length);
	let nextItem = 0;
	// The earliest failing item by input order; a holder object so the items' writes are visible to the type checker.
	const stop: { itemIndex: number; error?: NodeApiError | NodeOperationError } = { itemIndex: items.length };

	const run = async (itemIndex: number) => {
		const pairedItem = { item: itemIndex };
		try {
			const result = await execute.call(context, itemIndex);
			outputs[itemIndex] = (Array.isArray(result) ? result : [result]).map((json) =>
				json instanceof ItemWithBinary ? { json: json.json, binary: json.binary, pairedItem } : { json, pairedItem },
			);
		} catch (error) {
			const nodeError = toNodeError(context, error, itemIndex, asTool);
			if (continueOnFail) outputs[itemIndex] = [failedItem(nodeError, pairedItem)];
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

/**
 * A batch operation's results as the output: one item per input item, paired with it. Without continue-on-fail the
 * first failing item (in input order) stops the run with its error (the operation stops there too, so the items
 * after it have no result).
 */
async function runBatch(
	context: IExecuteFunctions,
	operation: BatchOperation,
	continueOnFail: boolean,
	asTool: boolean,
): Promise<INodeExecutionData[][]> {
	const nodeError = (error: unknown, itemIndex: number) => toNodeError(context, error, itemIndex, asTool);
	// A failure of the whole operation (a parameter read once for all items) belongs to the first item.
	const results = await operation.executeAll.call(context).catch((error: unknown) => Promise.reject(nodeError(error, 0)));
	const firstFailure = Array.from(results).findIndex((result) => result instanceof Error);
	if (!continueOnFail && firstFailure >= 0) throw nodeError(results[firstFailure], firstFailure);
	return [
		results.map((result, itemIndex) => {
			const pairedItem = { item: itemIndex };
			if (!(result instanceof Error)) return { json: result, pairedItem };
			return failedItem(nodeError(result, itemIndex), pairedItem);
		}),
	];
}
