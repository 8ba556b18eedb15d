import { NUMBER_OPTIONS } from './options';

/** How hard a request tries before its failure is reported. */
export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Total time all waits of one request may add up to. */
	maxWaitMs: number;
	/** First backoff step when the server gives no Retry-After; doubles on every retry. */
	baseDelayMs: number;
	/** Longest single backoff step. */
	maxDelayMs: number;
}

/** Without Options → Max Retries and Max Retry Wait (and in the editor's lookups and the trigger): their defaults. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: NUMBER_OPTIONS.maxRetries.default,
	maxWaitMs: NUMBER_OPTIONS.maxRetryWait.default * 1000,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
};

/** Statuses that mean "try again later": throttling and gateway trouble. 500 and 409 are answers, not hiccups. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Statuses after which the request may have been carried out: the app or a gateway in front of it failed late. */
const UNCERTAIN_STATUSES = new Set([500, 502, 503, 504]);

/** Network failures that happen before a request is sent: nothing can have reached Buildin. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** How an attempt that got no usable answer ended: a status, or a Node.js network error code. */
export interface AttemptFailure {
	statusCode?: number;
	networkCode?: string;
}

/** Whether the attempt may have been carried out by Buildin although no success came back. */
export function mayHaveLanded({ statusCode, networkCode }: AttemptFailure): boolean {
	if (statusCode !== undefined) return UNCERTAIN_STATUSES.has(statusCode);
	return networkCode === undefined || !NOT_SENT_CODES.has(networkCode);
}

/**
 * Whether to try the request again: a 429 (Buildin refused it) and a failure before sending always qualify; gateway
 * trouble and a lost connection only when repeating the request is harmless (`safeToRepeat`), since the first
 * attempt may have landed.
 */
export function worthRetrying(failure: AttemptFailure, safeToRepeat: boolean): boolean {
	const transient = failure.statusCode === undefined || RETRYABLE_STATUSES.has(failure.statusCode);
	return transient && (safeToRepeat || !mayHaveLanded(failure));
}

/** Milliseconds a Retry-After header asks for (delta seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(header: unknown, nowMs: number): number | undefined {
	const text = Array.isArray(header) ? String(header[0]) : typeof header === 'string' ? header.trim() : typeof header === 'number' ? String(header) : '';
	if (text === '') return undefined;
	if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	// An HTTP date starts with the day name ("Wed, 21 Oct 2026 07:28:00 GMT"); anything else is unreadable.
	const date = /^[a-z]{3},/i.test(text) ? Date.parse(text) : Number.NaN;
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Exponential backoff with equal jitter: half the step is fixed, half random, so a herd of clients spreads out. */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
	return Math.round(step / 2 + (step / 2) * random());
}

/**
 * How long to wait before retry number `retry` (1-based), or undefined when the retries or the wait budget are spent.
 * A Retry-After longer than the remaining budget ends the retries at once rather than waiting in vain.
 */
export function nextRetryDelay(
	retry: number,
	waitedMs: number,
	retryAfter: number | undefined,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number | undefined {
	if (retry > policy.maxRetries) return undefined;
	const delay = retryAfter ?? backoffMs(retry, policy, random);
	return waitedMs + delay > policy.maxWaitMs ? undefined : delay;
}
