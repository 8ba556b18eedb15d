import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** An output item that carries files next to its JSON (a download); plain JSON results need no wrapper. */
export class ItemWithBinary {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

/**
 * What every `<operation>.operation.ts` exports: its parameters and how it runs for one input item. An operation
 * returns one output object, or several (list operations); the router pairs each with the input item.
 */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[] | ItemWithBinary>;
}

/**
 * An operation that sends all input items together (in batches) instead of one request per item. It returns one
 * result per input item, by input index: the output JSON, or the error that item fails with. Without continue-on-fail
 * it may stop at the first failure, leaving the entries of the items it did not finish empty. Items for which
 * `settledBefore` is true (an earlier try of the node run wrote them) are neither read nor sent.
 */
export interface BatchOperation {
	description: INodeProperties[];
	executeAll(this: IExecuteFunctions, settledBefore: (itemIndex: number) => boolean): Promise<Array<IDataObject | Error>>;
}

/** A resource: its Operation selector plus every operation's parameters, and the operations by value. */
export interface Resource {
	description: INodeProperties[];
	operations: Record<string, Operation | BatchOperation>;
}
