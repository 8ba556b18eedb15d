import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What a request ended with when it did not succeed, after its retries. */
export interface RequestFailure {
	method: string;
	path: string;
	/** The capability the endpoint needs, named in the 403 advice. */
	scope?: string;
	attempts: number;
	waitedMs: number;
	/** Set when the server answered. */
	statusCode?: number;
	body?: unknown;
	/** Where a redirect pointed (the Location header), which the node does not follow. */
	location?: string;
	/** Set when no answer came: a Node.js error code such as ECONNREFUSED or ETIMEDOUT. */
	networkCode?: string;
	baseUrl: string;
	/** A write of which some attempt may have been carried out although no success came back. */
	mayHaveLanded?: boolean;
}

/** A success status whose answer is not what the API documents. */
export interface UnexpectedAnswer {
	method: string;
	path: string;
	statusCode: number;
	/** What is wrong with it, as the end of "Buildin answered 200 to GET /v2/… with …". */
	problem: string;
	/** The body as n8n's request helper gave it: text, or what it parsed. */
	body: unknown;
	/** The answer's Content-Type header. */
	contentType?: string;
	/** Set for a write: the answer says little, but the request most likely went through. */
	mayHaveLanded?: boolean;
}

/**
 * The API's error body (https://buildin.ai/developer-api/v2/reference/conventions), or what can be salvaged from a body
 * that is not one.
 */
interface ApiErrorBody {
	code?: string;
	message?: string;
	request_id?: string;
	details?: unknown;
}

function apiErrorBody(body: unknown): ApiErrorBody {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const { code, message, request_id, details } = body as IDataObject;
		return {
			code: typeof code === 'string' ? code : undefined,
			message: typeof message === 'string' ? message : undefined,
			request_id: typeof request_id === 'string' ? request_id : undefined,
			details,
		};
	}
	return {};
}

function resourceNoun(path: string): string {
	const segment = path.split('/')[2] ?? '';
	return { pages: 'page', blocks: 'block', databases: 'database', users: 'user' }[segment] ?? 'resource';
}

function retriesNote(failure: RequestFailure): string {
	if (failure.attempts <= 1) return '';
	return ` The request was tried ${failure.attempts} times over ${Math.round(failure.waitedMs / 1000)} s.`;
}

/** What the user should do about an API error, by status and code. */
function adviceFor(failure: RequestFailure, code: string | undefined): string {
	const noun = resourceNoun(failure.path);
	const status = failure.statusCode ?? 0;
	if (status >= 300 && status < 400) {
		return 'The node does not follow redirects, so the API token is never sent to another address. Check the Base URL in the Buildin API credential: it should be the API itself, e.g. https://api.buildin.ai.';
	}
	if (status === 400) {
		return 'Buildin refused the request as invalid. The details list the fields it objected to; correct them and run again.';
	}
	if (status === 401) {
		return 'The API token is invalid, expired or revoked. Create a new integration token in Buildin and update the Buildin API credential.';
	}
	if (status === 403) {
		const scope = failure.scope ? `the ${failure.scope} capability` : 'a capability this operation needs';
		return `The integration lacks ${scope}, the ${noun} is not shared with the integration, or the workspace plan does not allow it. Grant the capability or share the ${noun} with the integration in Buildin.`;
	}
	if (status === 404) {
		return `No ${noun} with this ID is visible to the integration: check the ID or URL, and that the ${noun} is shared with the integration.`;
	}
	if (status === 409 && code === 'idempotency_conflict') {
		return 'This Idempotency-Key was already used with a different request body. Use a new key for a different request.';
	}
	if (status === 409) {
		return `The ${noun} changed since the version sent in If-Match, so nothing was written. Read it again (Page → Get), apply your change to the new version and send the new ETag as If-Match.`;
	}
	if (status === 429) {
		return `Buildin is still rate-limiting the integration after the retries.${retriesNote(failure)} Lower the request rate, or raise Max Retries or Max Retry Wait under Options.`;
	}
	if (status >= 500) {
		return `Buildin had a server error.${retriesNote(failure)} Try again later; quote the request ID to Buildin support if it persists.`;
	}
	return 'Buildin refused the request.';
}

const NETWORK_PROBLEMS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was closed before an answer came',
	EPIPE: 'the connection was closed before an answer came',
	ETIMEDOUT: 'no answer came within the timeout',
	ECONNABORTED: 'no answer came within the timeout',
	ENOTFOUND: 'the host name does not resolve',
	EAI_AGAIN: 'the host name could not be resolved',
};

const MAY_HAVE_LANDED = 'the request may have been applied';

/** The advice for a write that may have been carried out: check before running the item again. */
function landedNote(failure: { path: string }): string {
	const noun = resourceNoun(failure.path);
	return `An attempt reached Buildin but no clear answer came back (a gateway error, a lost connection or an unexpected answer), so the change may have been made. Read the ${noun} before running this item again; the node did not repeat the request, since repeating it could apply it twice.`;
}

/** The first characters of an answer's body, for an error about an answer that is not what the API documents. */
function answerStart(body: unknown): string {
	const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
	if (text === '') return 'an empty body';
	return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

/** What an API error says and carries, given at once: the error is built once, with all of it. */
export interface ApiErrorParts {
	message: string;
	description?: string;
	httpCode?: string;
	itemIndex?: number;
	/** What n8n keeps as the error's response: plain values from the answer, never the request (its token). */
	response?: JsonObject;
	/** Facts later steps read: the failed item's JSON (apiCode, requestId, mayHaveLanded, …), Retry On Fail. */
	context?: IDataObject;
	/** The error this one says more about. */
	cause?: Error;
	/** Let n8n word a message that names a Node.js network error (ECONNREFUSED, …) its own way, as for any node. */
	n8nWording?: boolean;
}

/**
 * The one place the node builds a NodeApiError. It says exactly `message` (unless `n8nWording`): n8n's constructor
 * swaps a message holding a Node.js error code (e.g. "FreeAccess" holds EACCES) for a generic text, and Buildin's own
 * words are the point.
 */
export function apiError(node: INode, parts: ApiErrorParts): NodeApiError {
	const { message, description, httpCode, itemIndex } = parts;
	const error = new NodeApiError(node, parts.response ?? ({ message } as JsonObject), { message, description, httpCode, itemIndex });
	if (!parts.n8nWording) error.message = message;
	if ('description' in parts) error.description = description;
	Object.assign(error.context, parts.context);
	if (parts.cause) Object.defineProperty(error, 'cause', { value: parts.cause, configurable: true, writable: true });
	return error;
}

/**
 * The error for a success status whose answer is not what the API documents (never taken for a success): it names the
 * status, the content type and the first characters of the body, nothing of the request.
 */
export function unexpectedAnswerError(node: INode, answer: UnexpectedAnswer, itemIndex: number): NodeApiError {
	const landed = answer.mayHaveLanded === true;
	const message = `Buildin answered ${answer.statusCode} to ${answer.method} ${answer.path} with ${answer.problem}`;
	const description = [
		`Content type ${answer.contentType ?? 'none'}; the answer begins with ${answerStart(answer.body)}. Something between n8n and Buildin (a proxy, captive portal or gateway) may have answered instead of Buildin: check the Base URL in the Buildin API credential and the network.`,
		landed ? landedNote(answer) : '',
	]
		.filter(Boolean)
		.join(' ');
	return apiError(node, {
		message: landed ? `${message}; ${MAY_HAVE_LANDED}` : message,
		description,
		httpCode: String(answer.statusCode),
		itemIndex,
		response: { message: answer.problem },
		context: { unexpectedAnswer: true, mayHaveLanded: landed },
	});
}

/**
 * The error for an answer of the right shape that lacks what the operation needs from it (the id of what was created,
 * the records written). An API error like any answer that is not what Buildin documents; `written` when the request
 * did change something, which the message's reader must know before running the item again.
 */
export function incompleteAnswerError(
	node: INode,
	answer: { message: string; description: string; written: boolean },
	itemIndex?: number,
): NodeApiError {
	return apiError(node, {
		message: answer.message,
		description: answer.description,
		itemIndex,
		context: { unexpectedAnswer: true, mayHaveLanded: answer.written },
	});
}

/** The node error for a failed request. Built from plain values only, so no request header (the token) can leak. */
export function requestError(node: INode, failure: RequestFailure, itemIndex: number): NodeApiError {
	const landed = failure.mayHaveLanded === true;
	if (failure.statusCode === undefined) {
		const problem = NETWORK_PROBLEMS[failure.networkCode ?? ''] ?? 'the network request failed';
		const message = landed
			? `No answer from Buildin at ${failure.baseUrl}: ${problem}; ${MAY_HAVE_LANDED}`
			: `Could not reach Buildin at ${failure.baseUrl}: ${problem}`;
		return apiError(node, {
			message,
			description: [landed ? landedNote(failure) : '', `Check the Base URL in the Buildin API credential and the network.${retriesNote(failure)}`]
				.filter(Boolean)
				.join(' '),
			itemIndex,
			response: { message: problem },
			context: { networkCode: failure.networkCode, mayHaveLanded: landed },
		});
	}
	const body = apiErrorBody(failure.body);
	const apiText =
		[body.code, body.message].filter(Boolean).join(': ') ||
		(failure.location ? `a redirect to ${failure.location}` : 'no error details in the response');
	const message = `Buildin API error ${failure.statusCode} (${apiText})${landed ? `; ${MAY_HAVE_LANDED}` : ''}`;
	const advice = adviceFor(failure, body.code);
	return apiError(node, {
		message,
		description: landed ? `${landedNote(failure)} ${advice}` : advice,
		httpCode: String(failure.statusCode),
		itemIndex,
		response: { ...body, status: failure.statusCode } as JsonObject,
		context: {
			mayHaveLanded: landed,
			apiCode: body.code,
			apiMessage: body.message,
			requestId: body.request_id,
			details: body.details as IDataObject,
		},
	});
}

/**
 * The same failure with more said about it (what the operation adds: what was written before it, what to do now), as
 * a new error of the same kind with the first as its cause: its context carried over, plus `change.context`.
 */
export function elaborated(
	error: NodeApiError | NodeOperationError,
	change: { message?: string; description?: string; context?: IDataObject },
): NodeApiError | NodeOperationError {
	const message = change.message ?? error.message;
	const description = change.description ?? error.description ?? undefined;
	const itemIndex = error.context.itemIndex as number | undefined;
	const context = { ...error.context, ...change.context };
	if (error instanceof NodeApiError) {
		const response = (error.errorResponse ?? { message }) as JsonObject;
		return apiError(error.node, { message, description, httpCode: error.httpCode ?? undefined, itemIndex, response, context, cause: error });
	}
	const next = new NodeOperationError(error.node, message, { description, itemIndex });
	// NodeOperationError drops a description equal to its message.
	next.description = description;
	Object.assign(next.context, context);
	Object.defineProperty(next, 'cause', { value: error, configurable: true, writable: true });
	return next;
}

/** Whether a failure says the write it reports may have been carried out (set where the failure is understood). */
export function errorMayHaveLanded(error: unknown): boolean {
	return (error as { context?: { mayHaveLanded?: unknown } } | undefined)?.context?.mayHaveLanded === true;
}

/**
 * The JSON of the output item a failed input item becomes under "continue on fail": one key, `error`, holding the
 * message (the same text as the node error's) and what a workflow branches on, the same fields for every failure,
 * null where one does not apply: `$json.error.httpCode`, `$json.error.code`, `$json.error.mayHaveBeenApplied`. One key,
 * so every n8n line routes the item to the error output ("Continue (using error output)"; n8n before 2.10 accepts no
 * other key beside `error` but `message`); no node error on the item, since n8n would replace its JSON with the message
 * alone. `wrote`: an earlier request of the item changed something (its own failure may have written nothing).
 */
export function errorItemJson(error: Error, wrote = false): IDataObject {
	const nodeError = error instanceof NodeApiError || error instanceof NodeOperationError ? error : undefined;
	const context = nodeError?.context ?? {};
	const apiError = error instanceof NodeApiError ? error : undefined;
	return {
		error: {
			message: error.message,
			httpCode: apiError?.httpCode ? Number(apiError.httpCode) : null,
			code: (context.apiCode ?? context.networkCode ?? null) as string | null,
			apiMessage: (context.apiMessage ?? null) as string | null,
			requestId: (context.requestId ?? null) as string | null,
			mayHaveBeenApplied: wrote || errorMayHaveLanded(error),
			fields: (context.details ?? []) as IDataObject[],
			description: nodeError?.description ?? null,
		},
	};
}
