/**
 * A user-supplied value that cannot be sent to Buildin. Helpers stay free of n8n's node context, so they throw this
 * and the router turns it into a NodeOperationError naming the field and the item.
 */
export class InvalidInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'InvalidInputError';
	}
}
