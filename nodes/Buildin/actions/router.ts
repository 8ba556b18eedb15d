import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InvalidInputError } from '../helpers/errors';
import { withParameterCache } from './parameterCache';
import { requestConcurrency } from '../transport';
import { errorItemJson, errorOutputJson } from '../transport/errors';
import { resources } from './resources';

/**
 * Any failure as the node error n8n shows: bad input names the field and the item; nothing else leaks through. As an
 * AI agent's tool there is only ever the one item the agent hands over, so the item is not named.
 */
function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number, asTool: boolean): NodeApiError | NodeOperationError {
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
 * Runs the chosen operation once per input item, up to Options → Concurrency items at a time. Every output item
 * (one, or several from a list operation) is paired with the input item it came from, and the output keeps the
 * input's order whatever order the answers arrive in. Without continue-on-fail the first failing item (in input
 * order) stops the run: no new items start, the ones in flight finish.
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
	const concurrency = requestConcurrency(context);
	const errorJson = context.getNode().onError === 'continueErrorOutput' ? errorOutputJson : errorItemJson;
	const continueOnFail = context.continueOnFail();
	// n8n's own idiom: a usableAsTool node runs under its type name with "Tool" appended (e.g. buildinTool).
	const asTool = context.getNode().type.endsWith('Tool');
	const outputs: INodeExecutionData[][] = new Array(items.length);
	let nextItem = 0;
	// The earliest failing item by input order; a holder object so the workers' writes are visible to the type checker.
	const stop: { itemIndex: number; error?: NodeApiError | NodeOperationError } = { itemIndex: items.length };

	const worker = async () => {
		while (stop.error === undefined && nextItem < items.length) {
			const itemIndex = nextItem++;
			const pairedItem = { item: itemIndex };
			try {
				const result = await execute.call(context, itemIndex);
				outputs[itemIndex] = (Array.isArray(result) ? result : [result]).map((json) => ({ json, pairedItem }));
			} catch (error) {
				const nodeError = toNodeError(context, error, itemIndex, asTool);
				if (continueOnFail) outputs[itemIndex] = [{ json: errorJson(nodeError), pairedItem }];
				else if (itemIndex < stop.itemIndex) Object.assign(stop, { itemIndex, error: nodeError });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	if (stop.error) throw asTool ? forTheModel(stop.error) : stop.error;
	return [outputs.flat()];
}
