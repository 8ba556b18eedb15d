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

/**
 * The execution context the operations see. Its getNodeParameter reuses the value n8n returned for a parameter whose
 * stored value holds no expression anywhere: such a value is the same for every item, while n8n resolves and validates
 * it anew on every call, a dozen calls per item. Every parameter that holds an expression is read from n8n for each
 * item, so the node sees exactly what n8n evaluates in every mode (an AI agent's tool included). Calls with options
 * go to n8n every time.
 */
export function withParameterCache(context: IExecuteFunctions): IExecuteFunctions {
	const parameters = context.getNode().parameters;
	const sameForEveryItem = new Map<string, boolean>();
	const values = new Map<string, ParameterValue>();

	function getNodeParameter(
		name: string,
		itemIndex: number,
		fallbackValue?: unknown,
		options?: Parameters<IExecuteFunctions['getNodeParameter']>[3],
	): ParameterValue {
		if (options !== undefined) return context.getNodeParameter(name, itemIndex, fallbackValue, options);
		let independent = sameForEveryItem.get(name);
		if (independent === undefined) {
			independent = !expressionAt(parameters, name);
			sameForEveryItem.set(name, independent);
		}
		if (!independent) return context.getNodeParameter(name, itemIndex, fallbackValue);
		const key = `${name}\u0000${JSON.stringify(fallbackValue) ?? ''}`;
		if (!values.has(key)) values.set(key, context.getNodeParameter(name, itemIndex, fallbackValue));
		const value = values.get(key);
		// Callers may change what they read; each gets its own copy.
		return value !== null && typeof value === 'object' ? deepCopy(value) : (value as NodeParameterValueType);
	}

	return Object.assign(Object.create(context) as IExecuteFunctions, {
		getNodeParameter: getNodeParameter as IExecuteFunctions['getNodeParameter'],
	});
}

/**
 * The context one item runs in: each parameter n8n resolves for this item is resolved once, however often the item
 * reads it (the router reads the IDs an item writes to before the operation reads them again). Each read gets its own
 * copy of an object.
 */
export function forItem(context: IExecuteFunctions, itemIndex: number): IExecuteFunctions {
	const values = new Map<string, ParameterValue>();

	function getNodeParameter(
		name: string,
		index: number,
		fallbackValue?: unknown,
		options?: Parameters<IExecuteFunctions['getNodeParameter']>[3],
	): ParameterValue {
		if (index !== itemIndex) return context.getNodeParameter(name, index, fallbackValue, options);
		const key = JSON.stringify([name, fallbackValue ?? null, options ?? null]);
		if (!values.has(key)) values.set(key, context.getNodeParameter(name, index, fallbackValue, options));
		const value = values.get(key);
		return value !== null && typeof value === 'object' ? deepCopy(value) : (value as NodeParameterValueType);
	}

	return Object.assign(Object.create(context) as IExecuteFunctions, {
		getNodeParameter: getNodeParameter as IExecuteFunctions['getNodeParameter'],
	});
}
