import type { IExecuteFunctions, INodeParameters, NodeParameterValueType } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

function isExpression(value: unknown): boolean {
	return typeof value === 'string' && value.startsWith('=');
}

function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/** Whether the stored value at a dotted path (or anything on the way to it, or inside it) is an expression. */
function pathHoldsExpression(parameters: INodeParameters, path: string): boolean {
	let value: unknown = parameters;
	for (const key of path.split('.')) {
		if (isExpression(value)) return true;
		if (value === null || typeof value !== 'object') return false;
		value = (value as Record<string, unknown>)[key];
	}
	return holdsExpression(value);
}

/**
 * The execution context the operations see. Its getNodeParameter reads a parameter that holds no expression once
 * per execution: such a value is the same for every item, while n8n resolves and validates it anew on every call, a
 * dozen calls per item. Parameters with expressions, and calls with options, go to n8n every time.
 */
export function withParameterCache(context: IExecuteFunctions): IExecuteFunctions {
	const parameters = context.getNode().parameters;
	const itemIndependent = new Map<string, boolean>();
	const values = new Map<string, NodeParameterValueType | object>();

	function getNodeParameter(
		name: string,
		itemIndex: number,
		fallbackValue?: unknown,
		options?: Parameters<IExecuteFunctions['getNodeParameter']>[3],
	): NodeParameterValueType | object {
		let independent = itemIndependent.get(name);
		if (independent === undefined) {
			independent = !pathHoldsExpression(parameters, name);
			itemIndependent.set(name, independent);
		}
		if (!independent || options !== undefined) {
			return context.getNodeParameter(name, itemIndex, fallbackValue, options);
		}
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
