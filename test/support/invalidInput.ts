import { InvalidInputError } from '../../nodes/Buildin/helpers/errors';

/** Runs `fn`, expecting an InvalidInputError (a helper's refusal of a value), and returns it for closer inspection. */
export function invalidInput(fn: () => unknown): InvalidInputError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidInputError);
		return error as InvalidInputError;
	}
	throw new Error('expected an InvalidInputError, but nothing was thrown');
}
