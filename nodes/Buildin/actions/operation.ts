import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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

/** An operation's output object in its Simplify shape when Simplify is on (its default), otherwise as it is. */
export function simplified(ctx: IExecuteFunctions, itemIndex: number, object: IDataObject, shape: (object: IDataObject) => IDataObject): IDataObject {
	return ctx.getNodeParameter('simplify', itemIndex, true) === true ? shape(object) : object;
}

/** How many results a list operation may return: Limit, or no bound with Return All. */
export function resultLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	return ctx.getNodeParameter('returnAll', itemIndex, false) === true
		? Number.POSITIVE_INFINITY
		: (ctx.getNodeParameter('limit', itemIndex, 50) as number);
}
