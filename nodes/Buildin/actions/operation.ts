import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { wholeNumber } from '../helpers/validate';

/**
 * What every `<operation>.operation.ts` exports: its parameters and how it runs for one input item. An operation
 * returns one output object, or several (list operations); the router pairs each with the input item.
 */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/** A resource: its Operation selector plus every operation's parameters, and the operations by value. */
export interface Resource {
	description: INodeProperties[];
	operations: Record<string, Operation>;
}

/** How many results a list operation may return: Limit, or no bound with Return All. */
export function resultLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	return ctx.getNodeParameter('returnAll', itemIndex, false) === true
		? Number.POSITIVE_INFINITY
		: wholeNumber('Limit', ctx.getNodeParameter('limit', itemIndex, 50), 1);
}
