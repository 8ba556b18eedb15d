import type { IExecuteFunctions, INodeParameters, NodeParameterValueType } from 'n8n-workflow';
import { deepCopy, isExpression } from 'n8n-workflow';

function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/** Whether the stored value at a dotted path, or anything on the way to it, holds an expression. */
function expressionAt(parameters: INodeParameters, path: string): boolean {
	let value: unknown = parameters;
	for (const key of path.split('.')) {
		if (isExpression(value)) return true;
		if (value === null || typeof value !== 'object') return false;
		value = (value as Record<string, unknown>)[key];
	}
	return holdsExpression(value);
}

type ParameterValue = NodeParameterValueType | object;

const itemValuesOf = new WeakMap<object, Map<number, Map<string, ParameterValue>>>();

/** Each read gets its own copy of an object: callers may change what they read. */
function copied(value: ParameterValue | undefined): ParameterValue {
	return value !== null && typeof value === 'object' ? deepCopy(value) : (value as NodeParameterValueType);
}

/**
 * The execution context the operations see. Its getNodeParameter reuses the value n8n returned for a parameter whose
 * stored value holds no expression anywhere: such a value is the same for every item, while n8n resolves and validates
 * it anew on every call, a dozen calls per item. Every parameter that holds an expression is resolved by n8n for each
 * item, once per item while the item runs (the router reads the IDs an item writes to before its operation reads them
 * again; `forgetItem` when it is done), so the node sees exactly what n8n evaluates in every mode (an AI agent's tool
 * included).
 */
export function withParameterCache(context: IExecuteFunctions): IExecuteFunctions {
	const parameters = context.getNode().parameters;
	const sameForEveryItem = new Map<string, boolean>();
	const values = new Map<string, ParameterValue>();
	const itemValues = new Map<number, Map<string, ParameterValue>>();

	function getNodeParameter(
		name: string,
		itemIndex: number,
		fallbackValue?: unknown,
		options?: Parameters<IExecuteFunctions['getNodeParameter']>[3],
	): ParameterValue {
		let independent = sameForEveryItem.get(name);
		if (independent === undefined) {
			independent = !expressionAt(parameters, name);
			sameForEveryItem.set(name, independent);
		}
		const key = JSON.stringify([name, fallbackValue ?? null, options ?? null]);
		let cache = values;
		if (!independent) {
			cache = itemValues.get(itemIndex) ?? new Map<string, ParameterValue>();
			itemValues.set(itemIndex, cache);
		}
		if (!cache.has(key)) cache.set(key, context.getNodeParameter(name, itemIndex, fallbackValue, options));
		return copied(cache.get(key));
	}

	const cached = Object.assign(Object.create(context) as IExecuteFunctions, {
		getNodeParameter: getNodeParameter as IExecuteFunctions['getNodeParameter'],
	});
	itemValuesOf.set(cached, itemValues);
	return cached;
}

/** The item is done: what was resolved for it is let go. */
export function forgetItem(context: IExecuteFunctions, itemIndex: number): void {
	itemValuesOf.get(context)?.delete(itemIndex);
}
