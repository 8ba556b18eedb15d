/** Per execution context and item: whether its requests changed something in Buildin, and whether any of those may not be sent again. */
const writesByContext = new WeakMap<object, Map<number, ItemWrites>>();

export interface ItemWrites {
	/** A write succeeded, or may have been carried out although no success came back. */
	wrote: boolean;
	/** One of those writes would change something again if sent again (an append, an If-Match update, …). */
	unrepeatable: boolean;
}

/** Records a write of the item that succeeded or may have landed; `repeatable`: sending it again is harmless. */
export function noteWrite(context: object, itemIndex: number, repeatable: boolean): void {
	let items = writesByContext.get(context);
	if (!items) {
		items = new Map();
		writesByContext.set(context, items);
	}
	const known = items.get(itemIndex);
	items.set(itemIndex, { wrote: true, unrepeatable: (known?.unrepeatable ?? false) || !repeatable });
}

export function writesOf(context: object, itemIndex: number): ItemWrites {
	return writesByContext.get(context)?.get(itemIndex) ?? { wrote: false, unrepeatable: false };
}
