import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInputError } from '../../helpers/errors';
import { normalizeId } from '../../helpers/ids';
import { decimalNumber, requireText, textValue } from '../../helpers/validate';
import { optionsCollection } from '../../parameters/options';
import { limitField, readLimit } from '../../parameters/results';
import { collect, paginate } from '../../transport/pagination';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. How do we roll back a failed release?',
		description: 'What to look for, in natural language. Matches by meaning, not only by the exact words.',
	},
	// n8n's default for every Limit. Buildin's own default page is 10 results
	// (https://buildin.ai/developer-api/v2/advanced/semantic-search); Score Threshold is what trims weak matches.
	limitField,
	optionsCollection(
		{
			displayName: 'Score Threshold',
			name: 'scoreThreshold',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			default: 0.5,
			description: 'Return only results at least this similar to the query (score from 0 to 1)',
		},
		{
			displayName: 'Space ID',
			name: 'spaceId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 99999999-9999-4999-8999-999999999999',
			description: 'Search only this workspace (space), by its ID',
		},
	),
];

export const description = updateDisplayOptions({ show: { resource: ['search'], operation: ['semanticSearch'] } }, properties);

/**
 * POST /v2/search/semantic with the query and only the options that are set, following the cursor until Limit.
 * One output item per result: `{object: "semantic_search_result", page_id, block_id, score, text}`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = requireText('Query', this.getNodeParameter('query', itemIndex, ''), 'Describe what to look for, e.g. How do we roll back a failed release?');
	const limit = readLimit(this, itemIndex);
	const body: IDataObject = { query };
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.scoreThreshold !== undefined) {
		const threshold = decimalNumber('Score Threshold', options.scoreThreshold, 'Enter a number from 0 to 1, e.g. 0.75');
		if (threshold < 0 || threshold > 1) {
			throw new InvalidInputError('Score Threshold', `${JSON.stringify(options.scoreThreshold)} is not a number from 0 to 1`);
		}
		body.score_threshold = threshold;
	}
	const spaceId = textValue('Space ID', options.spaceId).trim();
	if (spaceId !== '') body.space_id = normalizeId(spaceId) ?? spaceId;
	return await collect(
		paginate.call(this, itemIndex, { method: 'POST', path: '/v2/search/semantic', body }, limit),
	);
}
