const caches = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * A value loaded once per node execution and shared by all of its items: n8n hands every item of a run the same
 * execution context, and items running at the same time share the one load in flight. A failed load is forgotten,
 * so the next item tries again.
 */
export async function oncePerExecution<T>(context: object, key: string, load: () => Promise<T>): Promise<T> {
	let cache = caches.get(context);
	if (!cache) {
		cache = new Map();
		caches.set(context, cache);
	}
	let value = cache.get(key) as Promise<T> | undefined;
	if (!value) {
		const entries = cache;
		value = load();
		value.catch(() => entries.delete(key));
		cache.set(key, value);
	}
	return await value;
}
