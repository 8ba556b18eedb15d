import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { baseUrlProblem, DEFAULT_BASE_URL, trimBaseUrl } from './baseUrl';
import { requestError, unexpectedAnswerError, type RequestFailure } from './errors';
import { oncePerExecution } from './executionCache';
import { answerProblem } from './answers';
import { endpointOf, safeToRepeat } from './endpoints';
import { noteWrite } from './itemWrites';
import { NUMBER_OPTIONS, numberOption } from './options';
import { pacerFor, takeStartSlot } from './pacing';
import { DEFAULT_RETRY_POLICY, mayHaveLanded, nextRetryDelay, retryAfterMs, worthRetrying, type RetryPolicy } from './retry';

const CREDENTIAL_TYPE = 'buildinApi';

export interface BuildinRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/v2/pages/<id>`. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	headers?: Record<string, string>;
}

export interface BuildinResponse {
	statusCode: number;
	body: IDataObject;
	/** Response headers, lower-cased. */
	headers: IDataObject;
}

const DEFAULT_TIMEOUT_MS = NUMBER_OPTIONS.timeout.default * 1000;

/**
 * Where requests come from: an operation running over items, the editor filling a list, or the trigger polling.
 * Only operations have Options (retries, timeout, concurrency); the editor and the trigger use the defaults.
 */
export type BuildinContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

function isExecution(ctx: BuildinContext): ctx is IExecuteFunctions {
	return 'getInputData' in ctx;
}

const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);

/** Retry and timeout settings from the node's Options collection; the editor's lookups use the defaults. */
function requestSettings(ctx: BuildinContext, itemIndex: number): { policy: RetryPolicy; timeoutMs: number } {
	if (!isExecution(ctx)) return { policy: DEFAULT_RETRY_POLICY, timeoutMs: DEFAULT_TIMEOUT_MS };
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		policy: {
			...DEFAULT_RETRY_POLICY,
			maxRetries: numberOption(ctx, itemIndex, options, 'maxRetries') ?? DEFAULT_RETRY_POLICY.maxRetries,
			maxWaitMs: seconds(numberOption(ctx, itemIndex, options, 'maxRetryWait')) ?? DEFAULT_RETRY_POLICY.maxWaitMs,
		},
		timeoutMs: seconds(numberOption(ctx, itemIndex, options, 'timeout')) ?? DEFAULT_TIMEOUT_MS,
	};
}

/** Options → Timeout (Seconds) in milliseconds, checked like every request's: also the limit of a file transfer. */
export function requestTimeoutMs(ctx: BuildinContext, itemIndex: number): number {
	return requestSettings(ctx, itemIndex).timeoutMs;
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
 * The one place the node talks HTTP: authenticates through the credential, retries within the bounds under Options
 * (honouring Retry-After), and turns every failure into a NodeApiError that keeps the API's code, message, request
 * id and details. A 429, and a failure before anything was sent, are always retried; a failure after which the
 * request may have been carried out (a gateway error, a lost connection) only when sending it again is harmless
 * (`endpoints.ts`). A success whose body is not what the endpoint documents is an error, never a success.
 */
export async function buildinApiRequest(
	this: BuildinContext,
	itemIndex: number,
	request: BuildinRequest,
): Promise<BuildinResponse> {
	const { baseUrl, baseUrlProblem: problem, decrypted } = await executionCredential(this, itemIndex);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex });

	const { policy, timeoutMs } = requestSettings(this, itemIndex);
	const endpoint = endpointOf(request.method, request.path);
	const repeatable = safeToRepeat(endpoint.effect, request.headers);
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
	let landed = false;
	for (let attempt = 1; ; attempt++) {
		await takeStartSlot(pacer);
		const startedMs = Date.now();
		const failure: RequestFailure = { method: request.method, path: request.path, scope: endpoint.scope, attempts: attempt, waitedMs, baseUrl };
		let retryAfter: number | undefined;
		let response: { statusCode: number; body: unknown; headers: unknown } | undefined;
		try {
			response = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options, {
				credentialsDecrypted: decrypted,
			});
		} catch (error) {
			failure.networkCode = networkCode(error);
		}
		if (response !== undefined) {
			const headers = lowerCaseKeys(response.headers);
			if (response.statusCode < 300) {
				pacer.succeeded(Date.now(), startedMs);
				if (endpoint.effect !== 'read') noteWrite(this, itemIndex, repeatable);
				const problem = answerProblem(response.body, endpoint.answer);
				if (problem === undefined) return { statusCode: response.statusCode, body: response.body as IDataObject, headers };
				throw unexpectedAnswerError(
					this.getNode(),
					{
						method: request.method,
						path: request.path,
						statusCode: response.statusCode,
						problem,
						body: response.body,
						contentType: typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined,
						// A write that got a success status most likely went through, whatever the body says.
						mayHaveLanded: endpoint.effect !== 'read',
					},
					itemIndex,
				);
			}
			failure.statusCode = response.statusCode;
			failure.body = response.body;
			if (typeof headers.location === 'string') failure.location = headers.location;
			retryAfter = retryAfterMs(headers['retry-after'], Date.now());
		}
		if (endpoint.effect !== 'read' && mayHaveLanded(failure)) {
			landed = true;
			noteWrite(this, itemIndex, repeatable);
		}
		failure.mayHaveLanded = landed;
		const delay = worthRetrying(failure, repeatable) ? nextRetryDelay(attempt, waitedMs, retryAfter, policy) : undefined;
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
