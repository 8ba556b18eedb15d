import { createHash } from 'crypto';

/** JSON with object keys in sorted order at every depth, so equal values always give the same text. */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, inner]) => inner !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** A short digest of a value (66 bits of SHA-256 in 11 base64url characters): small enough to keep one per record. */
export function fingerprint(value: unknown): string {
	return createHash('sha256').update(stableJson(value)).digest('base64url').slice(0, 11);
}
