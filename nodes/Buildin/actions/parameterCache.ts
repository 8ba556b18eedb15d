import type { IExecuteFunctions, INodeParameters, NodeParameterValueType } from 'n8n-workflow';
import { deepCopy, isExpression, sleep } from 'n8n-workflow';

import { fieldResolver, type FieldResolver } from '../helpers/fieldExpressions';

function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/** The stored value at a dotted path, and whether an expression stands on the way to it (n8n evaluates that whole). */
function storedAt(parameters: INodeParameters, path: string): { value?: unknown; behindExpression: boolean } {
	let value: unknown = parameters;
	for (const key of path.split('.')) {
		if (isExpression(value)) return { behindExpression: true };
		if (value === null || typeof value !== 'object') return { behindExpression: false };
		value = (value as Record<string, unknown>)[key];
	}
	return { value, behindExpression: false };
}

type ParameterValue = NodeParameterValueType | object;

/** The execution context the operations see, with what the router needs to read parameters ahead. */
export interface ParameterReadingContext extends IExecuteFunctions {
	/**
	 * Evaluates, for an item that has not started yet, the expression parameters the items before it read, so that
	 * the item finds them ready: one per turn of the event loop, while `stillAhead()` says the item has not started
	 * and the run goes on. Failures are not kept: the item's own read fails again, with its own context.
	 */
	readAhead(itemIndex: number, stillAhead: () => boolean): Promise<void>;
	/** Drops what was read ahead for an item that is done (what it did not ask for). */
	forgetItem(itemIndex: number): void;
}

/**
 * The execution context the operations see. Its getNodeParameter reads a parameter that holds no expression once
 * per execution: such a value is the same for every item, while n8n resolves and validates it anew on every call, a
 * dozen calls per item. A parameter whose expressions are each one field of the input item (`{{ $json.title }}`, as
 * n8n's mapping writes them) takes the field's string, number or boolean from the item, the value n8n's evaluation
 * gives, without it: in n8n 2.41 one evaluation costs about 0.7 ms of the process's single thread. Any other
 * expression, or a field that is missing or not such a value, is evaluated once per item by n8n, either when the item
 * asks for it or earlier through `readAhead`. Calls with options go to n8n every time.
 */
export function withParameterCache(context: IExecuteFunctions): ParameterReadingContext {
	const parameters = context.getNode().parameters;
	/** What each parameter's stored value says, worked out on its first read. */
	const kinds = new Map<string, { independent: boolean; fromFields?: FieldResolver }>();
	const values = new Map<string, ParameterValue>();
	/** The per-item reads seen so far, by cache key: what `readAhead` evaluates. */
	const perItemReads = new Map<string, { name: string; fallbackValue: unknown }>();
	const readAheadValues = new Map<number, Map<string, ParameterValue>>();

	function kindOf(name: string) {
		let kind = kinds.get(name);
		if (kind === undefined) {
			const { value, behindExpression } = storedAt(parameters, name);
			kind = behindExpression
				? { independent: false }
				: { independent: !holdsExpression(value), fromFields: fieldResolver(value) };
			kinds.set(name, kind);
		}
		return kind;
	}

	/** The value of a parameter made of item fields, read from the item; undefined when n8n has to evaluate it. */
	function fromItemFields(name: string, itemIndex: number): unknown {
		return kindOf(name).fromFields?.(context.getInputData()[itemIndex]?.json);
	}

	const cacheKey = (name: string, fallbackValue: unknown) => `${name}\u0000${JSON.stringify(fallbackValue) ?? ''}`;

	function getNodeParameter(
		name: string,
		itemIndex: number,
		fallbackValue?: unknown,
		options?: Parameters<IExecuteFunctions['getNodeParameter']>[3],
	): ParameterValue {
		if (options !== undefined) return context.getNodeParameter(name, itemIndex, fallbackValue, options);
		const key = cacheKey(name, fallbackValue);
		if (!kindOf(name).independent) {
			perItemReads.set(key, { name, fallbackValue });
			const ready = readAheadValues.get(itemIndex);
			if (ready?.has(key)) {
				const value = ready.get(key) as ParameterValue;
				ready.delete(key);
				return value;
			}
			const fieldsValue = fromItemFields(name, itemIndex);
			if (fieldsValue !== undefined) return fieldsValue as ParameterValue;
			return context.getNodeParameter(name, itemIndex, fallbackValue);
		}
		if (!values.has(key)) values.set(key, context.getNodeParameter(name, itemIndex, fallbackValue));
		const value = values.get(key);
		// Callers may change what they read; each gets its own copy.
		return value !== null && typeof value === 'object' ? deepCopy(value) : (value as NodeParameterValueType);
	}

	async function readAhead(itemIndex: number, stillAhead: () => boolean): Promise<void> {
		const ready = new Map<string, ParameterValue>();
		readAheadValues.set(itemIndex, ready);
		let evaluations = 0;
		for (const [key, { name, fallbackValue }] of [...perItemReads]) {
			// Nothing to gain ahead: the item reads it from its own fields.
			if (fromItemFields(name, itemIndex) !== undefined) continue;
			// An evaluation blocks the process (about 0.7 ms in n8n 2.41): an answer that arrives meanwhile is handled
			// between two of them rather than after all.
			if (evaluations++ > 0) await sleep(0);
			if (!stillAhead()) return;
			try {
				ready.set(key, context.getNodeParameter(name, itemIndex, fallbackValue));
			} catch {
				// Read again when the item asks, so the error is raised for that item.
			}
		}
	}

	return Object.assign(Object.create(context) as IExecuteFunctions, {
		getNodeParameter: getNodeParameter as IExecuteFunctions['getNodeParameter'],
		readAhead,
		forgetItem: (itemIndex: number) => readAheadValues.delete(itemIndex),
	});
}
