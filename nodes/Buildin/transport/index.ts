import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { baseUrlProblem, DEFAULT_BASE_URL, trimBaseUrl } from './baseUrl';
import { requestError, type RequestFailure } from './errors';
import { oncePerExecution } from './executionCache';
import { pacerFor, takeStartSlot } from './pacing';
import { DEFAULT_RETRY_POLICY, nextRetryDelay, retryAfterMs, RETRYABLE_STATUSES, type RetryPolicy } from './retry';

export const CREDENTIAL_TYPE = 'buildinApi';

export interface BuildinRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/v2/pages/<id>`. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	headers?: Record<string, string>;
	/** The capability the endpoint needs, for the 403 advice. */
	scope?: string;
	/** Whether a request that may have reached the server can be sent again; by default decided from the method. */
	repeatable?: boolean;
}

export interface BuildinResponse {
	statusCode: number;
	body: IDataObject;
	/** Response headers, lower-cased. */
	headers: IDataObject;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Where requests come from: an operation running over items, or the editor filling a list. */
export type BuildinContext = IExecuteFunctions | ILoadOptionsFunctions;

function isExecution(ctx: BuildinContext): ctx is IExecuteFunctions {
	return 'getInputData' in ctx;
}

/** Retry and timeout settings from the node's Options collection; the editor's lookups use the defaults. */
function requestSettings(ctx: BuildinContext, itemIndex: number): { policy: RetryPolicy; timeoutMs: number } {
	const options = isExecution(ctx) ? (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject) : {};
	const seconds = (value: unknown, fallbackMs: number) => (typeof value === 'number' ? value * 1000 : fallbackMs);
	return {
		policy: {
			...DEFAULT_RETRY_POLICY,
			maxRetries: typeof options.maxRetries === 'number' ? options.maxRetries : DEFAULT_RETRY_POLICY.maxRetries,
			maxWaitMs: seconds(options.maxRetryWait, DEFAULT_RETRY_POLICY.maxWaitMs),
		},
		timeoutMs: seconds(options.timeout, DEFAULT_TIMEOUT_MS),
	};
}

/**
 * A request that may have reached the server is repeated only when repeating it cannot do harm: reads, whole-value
 * writes, and creates with an Idempotency-Key. A PATCH with If-Match is not, since a first attempt that did land
 * would make the repeat a false 409.
 */
function safeToRepeat(request: BuildinRequest): boolean {
	if (request.repeatable !== undefined) return request.repeatable;
	const headers = Object.keys(request.headers ?? {}).map((name) => name.toLowerCase());
	if (request.method === 'POST') return headers.includes('idempotency-key');
	if (request.method === 'PATCH') return !headers.includes('if-match');
	return true;
}

function lowerCaseKeys(headers: unknown): IDataObject {
	const result: IDataObject = {};
	for (const [name, value] of Object.entries((headers ?? {}) as IDataObject)) result[name.toLowerCase()] = value;
	return result;
}

function networkCode(error: unknown): string | undefined {
	for (let cause = error as { code?: unknown; cause?: unknown } | undefined; cause; cause = cause.cause as typeof cause) {
		if (typeof cause.code === 'string' && /^E[A-Z_]+$/.test(cause.code)) return cause.code;
	}
	return undefined;
}

interface ExecutionCredential {
	baseUrl: string;
	/** Why the Base URL may not carry the token, if it may not (checked once, with the read). */
	baseUrlProblem?: string;
	decrypted: ICredentialsDecrypted;
}

/**
 * The credential, read once per node execution and handed to n8n's request helper with every request: in a real
 * n8n each credential read is a database read and a decryption, which would otherwise happen for every item.
 */
async function executionCredential(ctx: BuildinContext, itemIndex: number): Promise<ExecutionCredential> {
	return await oncePerExecution(ctx, 'credential', async () => {
		const decrypted = isExecution(ctx)
			? await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex)
			: await ctx.getCredentials(CREDENTIAL_TYPE);
		const reference = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
		const baseUrl = trimBaseUrl(String(decrypted.baseUrl || DEFAULT_BASE_URL));
		return {
			baseUrl,
			baseUrlProblem: baseUrlProblem(baseUrl),
			decrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data: decrypted },
		};
	});
}

/**
 * The one place the node talks HTTP: authenticates through the credential, retries 429 and 502/503/504 (honouring
 * Retry-After) within the bounds under Options, and turns every failure into a NodeApiError that keeps the API's
 * code, message, request id and details.
 */
export async function buildinApiRequest(
	this: BuildinContext,
	itemIndex: number,
	request: BuildinRequest,
): Promise<BuildinResponse> {
	const { baseUrl, baseUrlProblem: problem, decrypted } = await executionCredential(this, itemIndex);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex });

	const { policy, timeoutMs } = requestSettings(this, itemIndex);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		headers: { accept: 'application/json', ...request.headers },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// n8n would send the Authorization header on to wherever a redirect points; the API has no reason to redirect.
		disableFollowRedirect: true,
		timeout: timeoutMs,
	};
	const pacer = pacerFor(this, { baseUrl, token: String(decrypted.data?.apiToken ?? '') });
	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		await takeStartSlot(pacer);
		const startedMs = Date.now();
		const failure: RequestFailure = { method: request.method, path: request.path, scope: request.scope, attempts: attempt, waitedMs, baseUrl };
		let retryAfter: number | undefined;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options, {
				credentialsDecrypted: decrypted,
			})) as {
				statusCode: number;
				body: unknown;
				headers: unknown;
			};
			const headers = lowerCaseKeys(response.headers);
			if (response.statusCode < 300) {
				pacer.succeeded(Date.now(), startedMs);
				return { statusCode: response.statusCode, body: (response.body ?? {}) as IDataObject, headers };
			}
			failure.statusCode = response.statusCode;
			failure.body = response.body;
			if (typeof headers.location === 'string') failure.location = headers.location;
			retryAfter = retryAfterMs(headers['retry-after'], Date.now());
		} catch (error) {
			failure.networkCode = networkCode(error);
		}
		const retryable =
			failure.statusCode === undefined ? safeToRepeat(request) : RETRYABLE_STATUSES.has(failure.statusCode);
		const delay = retryable ? nextRetryDelay(attempt, waitedMs, retryAfter, policy) : undefined;
		if (delay === undefined) throw requestError(this.getNode(), failure, itemIndex);
		this.logger.debug('Buildin request will be retried', {
			method: request.method,
			path: request.path,
			status: failure.statusCode ?? failure.networkCode,
			attempt,
			delayMs: delay,
		});
		// A 429 pauses and slows every request of this execution; other failures wait on their own.
		if (failure.statusCode === 429) pacer.throttled(Date.now(), delay, startedMs);
		else await sleep(delay);
		waitedMs += delay;
	}
}
