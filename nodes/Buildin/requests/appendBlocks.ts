import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { APPEND_BATCH_SIZE, chunk } from '../helpers/blocks';
import { InvalidInputError } from '../helpers/errors';
import { buildinApiRequest } from '../transport';
import { elaborated, errorMayHaveLanded, incompleteAnswerError } from '../transport/errors';

/**
 * A failure after some batches landed says so: running the item again would add those blocks a second time. When
 * the failing batch may have landed too, how many are in place is not known, and the advice says to look first.
 */
function partlyAppended(error: unknown, created: IDataObject[], total: number): unknown {
	if (created.length === 0 || !(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	const lastId = String(created[created.length - 1].id);
	const advice =
		errorMayHaveLanded(error)
			? `The first ${created.length} blocks are in place (the last one is ${lastId}), and the next batch may have been appended too. Running this item again would add them twice: check the page after that block, then append only what is missing.`
			: `The first ${created.length} blocks are in place (the last one is ${lastId}). Running this item again would add them twice: append only the remaining ${total - created.length}, after that block.`;
	return elaborated(error, {
		message: `${created.length} of ${total} blocks were appended, then the next batch failed: ${error.message}`,
		description: [error.description, advice].filter(Boolean).join(' '),
		context: { appendedCount: created.length, lastAppendedId: lastId },
	});
}

/**
 * Appends `blocks` under `parentId` (a page or a block) with `PATCH /v2/blocks/:parentId/children`, at most 100
 * top-level blocks per request (https://buildin.ai/developer-api/v2/write/append-block-children), in order. The first
 * request carries the given `after` or `before`; every later one carries `after` = the id of the last block the
 * previous request created, so the blocks land in the order given, contiguously, wherever the first batch went.
 * Returns every created top-level block in order. No blocks: no request. Types are not checked here; callers
 * validate their input first (`validateBlockInputs` in helpers/blocks.ts) so nothing is sent on bad input.
 */
export async function appendInBatches(
	this: IExecuteFunctions,
	itemIndex: number,
	parentId: string,
	blocks: IDataObject[],
	position?: { after?: string; before?: string },
): Promise<IDataObject[]> {
	if (position?.after && position?.before) {
		throw new InvalidInputError('Position', 'after and before are mutually exclusive; give one of them');
	}
	const created: IDataObject[] = [];
	let anchor: IDataObject = position?.after ? { after: position.after } : position?.before ? { before: position.before } : {};
	const batches = chunk(blocks, APPEND_BATCH_SIZE);
	for (const [index, batch] of batches.entries()) {
		const response = await buildinApiRequest
			.call(this, itemIndex, {
				method: 'PATCH',
				path: `/v2/blocks/${parentId}/children`,
				body: { children: batch, ...anchor },
			})
			.catch((error: unknown) => Promise.reject(partlyAppended(error, created, blocks.length)));
		const results = Array.isArray(response.body.results) ? (response.body.results as IDataObject[]) : [];
		created.push(...results);
		if (index === batches.length - 1) break;
		const lastId = results.length > 0 ? results[results.length - 1].id : undefined;
		if (typeof lastId !== 'string' || lastId === '') {
			const sent = (index + 1) * APPEND_BATCH_SIZE;
			throw incompleteAnswerError(
				this.getNode(),
				{
					message: `Buildin appended ${sent} of ${blocks.length} blocks, then answered without the created blocks' ids`,
					description:
						'The remaining blocks were not sent, since their position depends on the last created block. Check the page and append the rest.',
					written: true,
				},
				itemIndex,
			);
		}
		anchor = { after: lastId };
	}
	return created;
}
