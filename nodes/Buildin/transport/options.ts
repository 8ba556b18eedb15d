import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Node's timers hold at most 2^31 - 1 ms: a longer wait would fire at once. */
const MAX_SECONDS = Math.floor(2 ** 31 / 1000) - 1;

/**
 * The numbers under Options the transport reads (Concurrency, retries, timeout), with their labels and the values
 * they may take: the editor keeps typed values in range, but an expression can produce anything.
 */
const NUMBER_OPTIONS = {
	concurrency: { label: 'Concurrency', min: 1, max: 100, whole: true },
	maxConcurrency: { label: 'Max Concurrency', min: 1, max: 100, whole: true },
	maxRetries: { label: 'Max Retries', min: 0, max: 20, whole: true },
	maxRetryWait: { label: 'Max Retry Wait (Seconds)', min: 0, max: MAX_SECONDS, whole: false },
	timeout: { label: 'Timeout (Seconds)', min: 1, max: MAX_SECONDS, whole: false },
};

export type NumberOption = keyof typeof NUMBER_OPTIONS;

/**
 * One of those options as a number, or undefined when it is not set. A value that is not a number in range is refused
 * naming the option and the item (a Timeout beyond Node's timer limit would otherwise become a 1 ms timeout after the
 * request was sent).
 */
export function numberOption(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject, name: NumberOption): number | undefined {
	const value = options[name];
	if (value === undefined || value === null || value === '') return undefined;
	const { label, min, max, whole } = NUMBER_OPTIONS[name];
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
	if (!Number.isFinite(number) || number < min || number > max || (whole && !Number.isInteger(number))) {
		const kind = whole ? 'a whole number' : 'a number';
		throw new NodeOperationError(ctx.getNode(), `${label} in item ${itemIndex}: ${JSON.stringify(value)} is not ${kind} from ${min} to ${max}`, {
			itemIndex,
		});
	}
	return number;
}
