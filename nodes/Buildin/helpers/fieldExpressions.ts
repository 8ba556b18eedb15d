import { isExpression } from 'n8n-workflow';

type PathSegment = string | number;
type FieldValue = string | number | boolean;

// What n8n's drag-and-drop mapping writes for one field of the input item: `={{ $json.title }}`,
// `={{ $json['Due date'] }}`, `={{ $json.tags[0] }}`, `={{ $json.address.city }}`.
const FIELD_EXPRESSION = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\['[^'\\]*'\]|\["[^"\\]*"\])+)\s*\}\}$/;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\['([^'\\]*)'\]|\["([^"\\]*)"\]/g;

/** The path of an expression that is one field of the input item and nothing else; undefined for any other value. */
export function fieldPath(value: unknown): PathSegment[] | undefined {
	if (typeof value !== 'string') return undefined;
	const match = FIELD_EXPRESSION.exec(value);
	if (!match) return undefined;
	return [...match[1].matchAll(SEGMENT)].map(([, name, index, single, double]) =>
		index !== undefined ? Number(index) : (name ?? single ?? double),
	);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const prototype = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

/**
 * The string, number or boolean at a path of an item's JSON, following keys of plain objects and indexes of arrays
 * only; undefined when the path leads anywhere else (missing, null, an object, an array, a string's length).
 */
export function fieldValue(json: unknown, path: PathSegment[]): FieldValue | undefined {
	let value = json;
	for (const segment of path) {
		if (typeof segment === 'number' ? !Array.isArray(value) : !isPlainObject(value)) return undefined;
		value = (value as Record<PathSegment, unknown>)[segment];
	}
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** Resolves a stored parameter value for one item's JSON; undefined when n8n has to evaluate it after all. */
export type FieldResolver = (json: unknown) => unknown;

const UNRESOLVED = Symbol('unresolved');

/** Like FieldResolver, with UNRESOLVED for "n8n has to evaluate it"; undefined when any expression is not a field. */
function compile(stored: unknown, fields: { count: number }): FieldResolver | undefined {
	if (isExpression(stored)) {
		const path = fieldPath(stored);
		if (path === undefined) return undefined;
		fields.count++;
		return (json) => fieldValue(json, path) ?? UNRESOLVED;
	}
	if (Array.isArray(stored)) {
		const elements = stored.map((element) => compile(element, fields));
		if (!elements.every((element): element is FieldResolver => element !== undefined)) return undefined;
		return (json) => {
			const resolved = elements.map((element) => element(json));
			return resolved.includes(UNRESOLVED) ? UNRESOLVED : resolved;
		};
	}
	if (stored !== null && typeof stored === 'object') {
		const entries: Array<[string, FieldResolver]> = [];
		for (const [key, entry] of Object.entries(stored)) {
			const resolveEntry = compile(entry, fields);
			if (resolveEntry === undefined) return undefined;
			entries.push([key, resolveEntry]);
		}
		return (json) => {
			const resolved: Record<string, unknown> = {};
			for (const [key, entry] of entries) {
				const value = entry(json);
				if (value === UNRESOLVED) return UNRESOLVED;
				resolved[key] = value;
			}
			return resolved;
		};
	}
	return () => stored;
}

/**
 * For a stored parameter value (a string, or an object or array holding strings) whose every expression is one field
 * of the input item, a resolver giving what n8n's evaluation gives: a copy with each expression replaced by the
 * field's string, number or boolean. Undefined when the value holds no expression or any other kind of expression.
 */
export function fieldResolver(stored: unknown): FieldResolver | undefined {
	const fields = { count: 0 };
	const resolve = compile(stored, fields);
	if (resolve === undefined || fields.count === 0) return undefined;
	return (json) => {
		const value = resolve(json);
		return value === UNRESOLVED ? undefined : value;
	};
}
