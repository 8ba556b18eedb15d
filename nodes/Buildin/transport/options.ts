import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Node's timers hold at most 2^31 - 1 ms: a longer wait would fire at once. */
const MAX_SECONDS = Math.floor(2 ** 31 / 1000) - 1;

export type NumberOption = 'concurrency' | 'maxConcurrency' | 'maxRetries' | 'maxRetryWait' | 'timeout';

interface NumberOptionSpec {
	/** The field's display name, also what an error calls it. */
	label: string;
	/** What applies when the option is not added; what the editor's field shows when it is. */
	default: number;
	min: number;
	/** The editor's bound; none for the waits, which Node's timer limit bounds when the node runs. */
	max?: number;
	whole: boolean;
}

/**
 * The numbers under Options (Concurrency, retries, timeout) in one table: their labels, defaults and the values they
 * may take. The editor's fields are built from it (parameters/options.ts); the transport falls back on the defaults
 * and checks what an expression gives against the bounds (the editor keeps typed values in range, an expression can
 * produce anything).
 */
export const NUMBER_OPTIONS: Readonly<Record<NumberOption, NumberOptionSpec>> = {
	concurrency: { label: 'Concurrency', default: 5, min: 1, max: 100, whole: true },
	maxConcurrency: { label: 'Max Concurrency', default: 32, min: 1, max: 100, whole: true },
	maxRetries: { label: 'Max Retries', default: 4, min: 0, max: 20, whole: true },
	maxRetryWait: { label: 'Max Retry Wait (Seconds)', default: 60, min: 0, whole: false },
	timeout: { label: 'Timeout (Seconds)', default: 60, min: 1, whole: false },
};

/**
 * One of those options as a number, or undefined when it is not set. A value that is not a number in range is refused
 * naming the option and the item (a Timeout beyond Node's timer limit would otherwise become a 1 ms timeout after the
 * request was sent).
 */
export function numberOption(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject, name: NumberOption): number | undefined {
	const value = options[name];
	if (value === undefined || value === null || value === '') return undefined;
	const { label, min, max = MAX_SECONDS, whole } = NUMBER_OPTIONS[name];
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
	if (!Number.isFinite(number) || number < min || number > max || (whole && !Number.isInteger(number))) {
		const kind = whole ? 'a whole number' : 'a number';
		throw new NodeOperationError(ctx.getNode(), `${label} in item ${itemIndex}: ${JSON.stringify(value)} is not ${kind} from ${min} to ${max}`, {
			itemIndex,
		});
	}
	return number;
}
