import { InvalidInputError } from './errors';
import { textValue } from './validate';

/**
 * An Idempotency-Key as an HTTP header can carry it. n8n's HTTP client drops what a header cannot hold (张三-2026 and
 * 李四-2026 would both leave as -2026), so every character other than A-Z a-z 0-9 - . _ ~ is sent percent-encoded as
 * UTF-8 (RFC 3986): distinct keys stay distinct, and the same key is always sent the same way.
 */
export function idempotencyKeyHeader(key: string): string {
	return encodeURIComponent(key).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * An If-Match value, trimmed. A version has to reach Buildin exactly as it was read, so anything a header cannot carry
 * (characters outside visible ASCII, line breaks) is refused rather than altered.
 */
export function ifMatchHeader(value: unknown): string {
	const text = textValue('If-Match', value).trim();
	if (/[^\x20-\x7e]/.test(text)) {
		throw new InvalidInputError(
			'If-Match',
			`${JSON.stringify(text)} holds characters an HTTP header cannot carry`,
			'Use the etag of a Page → Get output as it is, e.g. W/"2026-04-09T09:30:00.000Z"',
		);
	}
	return text;
}
