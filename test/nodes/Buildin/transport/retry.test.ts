import {
	backoffMs,
	DEFAULT_RETRY_POLICY,
	mayHaveLanded,
	nextRetryDelay,
	retryAfterMs,
	worthRetrying,
	type RetryPolicy,
} from '../../../../nodes/Buildin/transport/retry';

const NOW = Date.UTC(2026, 3, 9, 9, 30, 0);
const POLICY: RetryPolicy = { maxRetries: 4, maxWaitMs: 60_000, baseDelayMs: 500, maxDelayMs: 30_000 };
const low = () => 0;
const high = () => 1;

describe('which failed attempts are tried again', () => {
	// [failure, may have landed, retried when repeating is harmless, retried when it is not]
	it.each([
		[{ statusCode: 429 }, false, true, true],
		[{ statusCode: 502 }, true, true, false],
		[{ statusCode: 503 }, true, true, false],
		[{ statusCode: 504 }, true, true, false],
		[{ statusCode: 500 }, true, false, false],
		[{ statusCode: 400 }, false, false, false],
		[{ statusCode: 404 }, false, false, false],
		[{ statusCode: 409 }, false, false, false],
		[{ networkCode: 'ECONNREFUSED' }, false, true, true],
		[{ networkCode: 'ENOTFOUND' }, false, true, true],
		[{ networkCode: 'EAI_AGAIN' }, false, true, true],
		[{ networkCode: 'ECONNRESET' }, true, true, false],
		[{ networkCode: 'ETIMEDOUT' }, true, true, false],
		[{ networkCode: 'ECONNABORTED' }, true, true, false],
		[{}, true, true, false],
	])('%j: may have landed %s, retried if harmless %s, otherwise %s', (failure, landed, ifHarmless, otherwise) => {
		expect(mayHaveLanded(failure)).toBe(landed);
		expect(worthRetrying(failure, true)).toBe(ifHarmless);
		expect(worthRetrying(failure, false)).toBe(otherwise);
	});

	it('defaults to 4 retries within 60 s', () => {
		expect(DEFAULT_RETRY_POLICY).toEqual({ maxRetries: 4, maxWaitMs: 60_000, baseDelayMs: 500, maxDelayMs: 30_000 });
	});
});

describe('retryAfterMs', () => {
	it.each([
		['0', 0],
		['2', 2000],
		['1.5', 1500],
		[' 3 ', 3000],
		['120', 120_000],
	])('reads %j seconds as %j ms', (header, expected) => {
		expect(retryAfterMs(header, NOW)).toBe(expected);
	});

	it('reads a number of seconds', () => {
		expect(retryAfterMs(4, NOW)).toBe(4000);
	});

	it('reads an HTTP date in the future as the time until then', () => {
		const header = new Date(NOW + 7000).toUTCString();
		expect(retryAfterMs(header, NOW)).toBe(7000);
	});

	it('clamps an HTTP date in the past to 0', () => {
		const header = new Date(NOW - 60_000).toUTCString();
		expect(retryAfterMs(header, NOW)).toBe(0);
	});

	it('reads the first value of an array header', () => {
		expect(retryAfterMs(['2', '9'], NOW)).toBe(2000);
	});

	it.each([
		['garbage', 'soon'],
		['seconds with a unit', '5s'],
		['an empty string', ''],
		['blank', '   '],
	])('is undefined for %s', (_label, header) => {
		expect(retryAfterMs(header, NOW)).toBeUndefined();
	});

	it('is undefined when the header is absent', () => {
		expect(retryAfterMs(undefined, NOW)).toBeUndefined();
		expect(retryAfterMs(null, NOW)).toBeUndefined();
	});

	it('is undefined for an empty array header', () => {
		expect(retryAfterMs([], NOW)).toBeUndefined();
	});
});

describe('backoffMs', () => {
	it('gives half the step with random 0 and the full step with random 1', () => {
		expect(backoffMs(1, POLICY, low)).toBe(250);
		expect(backoffMs(1, POLICY, high)).toBe(500);
	});

	it('doubles the step on every retry', () => {
		expect([1, 2, 3, 4, 5].map((retry) => backoffMs(retry, POLICY, high))).toEqual([500, 1000, 2000, 4000, 8000]);
		expect([1, 2, 3, 4, 5].map((retry) => backoffMs(retry, POLICY, low))).toEqual([250, 500, 1000, 2000, 4000]);
	});

	it('stays within [step/2, step] for a random value in between', () => {
		expect(backoffMs(3, POLICY, () => 0.5)).toBe(1500);
		for (let i = 0; i < 50; i++) {
			const delay = backoffMs(3, POLICY);
			expect(delay).toBeGreaterThanOrEqual(1000);
			expect(delay).toBeLessThanOrEqual(2000);
		}
	});

	it('caps the step at maxDelayMs', () => {
		expect(backoffMs(7, POLICY, high)).toBe(30_000); // 500 * 2^6 = 32 000 > 30 000
		expect(backoffMs(20, POLICY, high)).toBe(30_000);
		expect(backoffMs(20, POLICY, low)).toBe(15_000);
	});
});

describe('nextRetryDelay', () => {
	it('uses the backoff when there is no Retry-After', () => {
		expect(nextRetryDelay(1, 0, undefined, POLICY, high)).toBe(500);
		expect(nextRetryDelay(3, 1500, undefined, POLICY, low)).toBe(1000);
	});

	it('uses Retry-After when given, instead of the backoff', () => {
		expect(nextRetryDelay(1, 0, 5000, POLICY, high)).toBe(5000);
	});

	it('honours a Retry-After of 0', () => {
		expect(nextRetryDelay(1, 0, 0, POLICY, high)).toBe(0);
	});

	it('allows every retry up to maxRetries', () => {
		expect(nextRetryDelay(4, 0, undefined, POLICY, high)).toBe(4000);
	});

	it('stops after maxRetries', () => {
		expect(nextRetryDelay(5, 0, undefined, POLICY, low)).toBeUndefined();
		expect(nextRetryDelay(5, 0, 0, POLICY, low)).toBeUndefined();
	});

	it('never retries with maxRetries 0', () => {
		expect(nextRetryDelay(1, 0, 0, { ...POLICY, maxRetries: 0 }, low)).toBeUndefined();
	});

	it('stops when the backoff would exceed the wait budget', () => {
		expect(nextRetryDelay(3, 58_500, undefined, POLICY, high)).toBeUndefined(); // 58.5 s + 2 s > 60 s
	});

	it('allows a wait that uses the budget exactly', () => {
		expect(nextRetryDelay(3, 58_000, undefined, POLICY, high)).toBe(2000);
	});

	it('stops at once when Retry-After is longer than the remaining budget', () => {
		expect(nextRetryDelay(1, 0, 61_000, POLICY, low)).toBeUndefined();
		expect(nextRetryDelay(2, 50_000, 10_001, POLICY, low)).toBeUndefined();
	});

	it('waits for a Retry-After that fits the remaining budget', () => {
		expect(nextRetryDelay(2, 50_000, 10_000, POLICY, low)).toBe(10_000);
	});
});
