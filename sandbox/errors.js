// @ts-check
'use strict';

const { randomBytes } = require('node:crypto');

/**
 * @typedef {{ path: string, reason: string, limit?: number, actual?: number, [k: string]: unknown }} ErrorDetail
 */

/** Default `code` per HTTP status, as documented in https://buildin.ai/developer-api/v2/reference/conventions. */
const CODE_BY_STATUS = {
	400: 'validation_error',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	409: 'conflict',
	429: 'rate_limited',
	500: 'internal_error',
	502: 'bad_gateway',
	503: 'service_unavailable',
	504: 'gateway_timeout',
};

const MESSAGE_BY_CODE = {
	validation_error: 'The request is invalid',
	unauthorized: 'The bearer token is missing, malformed or unknown',
	forbidden: 'The integration is not allowed to do this',
	not_found: 'The resource does not exist or is not visible to this integration',
	conflict: 'The resource was modified concurrently',
	idempotency_conflict: 'The Idempotency-Key was already used with a different body',
	unsupported_filter: 'The filter is not supported for this property',
	unsupported_sort: 'The sort is not supported',
	unsupported_block_type: 'The block type cannot be written through the API',
	rate_limited: 'Too many requests; retry later',
	internal_error: 'Internal server error',
	bad_gateway: 'Bad gateway',
	service_unavailable: 'Service unavailable',
	gateway_timeout: 'Gateway timeout',
};

/** @param {number} status */
function codeForStatus(status) {
	return /** @type {Record<number, string>} */ (CODE_BY_STATUS)[status] ?? (status >= 500 ? 'internal_error' : 'error');
}

function newRequestId() {
	return `req_${randomBytes(8).toString('hex')}`;
}

/** Thrown by handlers; the server turns it into an error answer. */
class ApiError extends Error {
	/**
	 * @param {number} status
	 * @param {string} [code]
	 * @param {string} [message]
	 * @param {ErrorDetail[]} [details]
	 */
	constructor(status, code, message, details) {
		const c = code ?? codeForStatus(status);
		super(message ?? /** @type {Record<string, string>} */ (MESSAGE_BY_CODE)[c] ?? c);
		this.status = status;
		this.code = c;
		this.details = details ?? [];
	}
}

/**
 * @param {ErrorDetail[]} details
 * @param {string} [message]
 */
function validationError(details, message) {
	return new ApiError(400, 'validation_error', message ?? describeDetails(details), details);
}

/** @param {ErrorDetail[]} details */
function describeDetails(details) {
	if (details.length === 0) return 'The request is invalid';
	return `Invalid request: ${details.map((d) => `${d.path} (${d.reason})`).join(', ')}`;
}

/**
 * Throws when `errs` holds anything: 400 unsupported_block_type when a block type was refused, else validation_error.
 * @param {ErrorDetail[]} errs
 */
function throwIfAny(errs) {
	if (errs.length === 0) return;
	if (errs.some((d) => d.reason === 'unsupported_block_type')) {
		throw new ApiError(400, 'unsupported_block_type', describeDetails(errs), errs);
	}
	throw validationError(errs);
}

/**
 * @param {ApiError} err
 * @param {string} requestId
 */
function errorBody(err, requestId) {
	return {
		object: 'error',
		status: err.status,
		code: err.code,
		message: err.message,
		request_id: requestId,
		details: err.details,
	};
}

module.exports = { ApiError, validationError, throwIfAny, errorBody, codeForStatus, newRequestId };
