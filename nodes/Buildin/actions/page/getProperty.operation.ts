import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../helpers/validate';
import { pageLocator, readPageId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { buildinApiRequest, type BuildinRequest } from '../../transport';
import { listPage, MAX_PAGE_SIZE, pagesOf, type ResultPage } from '../../transport/pagination';

const properties: INodeProperties[] = [
	{ ...pageLocator, description: 'The page (or database record) to read the property of' },
	{
		displayName: 'Property Name or ID',
		name: 'propertyId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPageProperties', loadOptionsDependsOn: ['pageId.value'] },
		default: '',
		required: true,
		description:
			'The property to read, from the page’s own properties; an expression may give its ID (title for the title property) or its name, e.g. Related Tasks. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['page'], operation: ['getProperty'] } }, properties);

/** Types whose values Buildin pages: one property item per rich-text item, person or related page. */
const TEXT_TYPES = ['title', 'rich_text'];

function plainText(items: IDataObject[]): string {
	return items
		.map((item) => (typeof item?.plain_text === 'string' ? item.plain_text : String((item?.text as IDataObject)?.content ?? '')))
		.join('');
}

/** Every page of a paginated property, in order: the list's `property_item` header and all its items. */
async function readAllItems(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: BuildinRequest,
	first: ResultPage,
): Promise<{ header: IDataObject; items: IDataObject[] }> {
	const items: IDataObject[] = [];
	for await (const page of pagesOf.call(ctx, itemIndex, request, () => MAX_PAGE_SIZE, first)) items.push(...page.results);
	return { header: (first.body.property_item ?? {}) as IDataObject, items };
}

/** An item's value: `item[type]`, which for a paginated type is one rich-text item, user or relation (or a run of them). */
function itemValues(item: IDataObject, type: string): IDataObject[] {
	const value = item[type];
	if (value === undefined || value === null) return [];
	return (Array.isArray(value) ? value : [value]) as IDataObject[];
}

/**
 * GET /v2/pages/:id/properties/:property_id, following `next_cursor` to the end, as one output item
 * `{page_id, property_id, type, value}`: the joined rich text (plus `plain_text`) for title and rich_text, the joined
 * people or relations, or the single value of a scalar type.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	const property = requireText(
		'Property',
		this.getNodeParameter('propertyId', itemIndex, ''),
		'Give the property ID (title for the title property) or the property name as shown in Buildin',
	);
	const request: BuildinRequest = {
		method: 'GET',
		path: `/v2/pages/${pageId}/properties/${encodeURIComponent(property)}`,
	};
	const response = await buildinApiRequest.call(this, itemIndex, { ...request, qs: { page_size: MAX_PAGE_SIZE } });
	const { body } = response;

	if (body.object !== 'list') {
		const type = String(body.type ?? '');
		return {
			page_id: pageId,
			property_id: body.id ?? property,
			type: type || null,
			value: type !== '' && body[type] !== undefined ? body[type] : null,
		};
	}

	const { header, items } = await readAllItems(this, itemIndex, request, listPage(this, itemIndex, request, response));
	const type = String(header.type ?? items[0]?.type ?? '');
	const value = items.flatMap((item) => itemValues(item, String(item.type ?? type)));
	const result: IDataObject = {
		page_id: pageId,
		property_id: header.id ?? items[0]?.id ?? property,
		type: type || null,
		value,
	};
	if (TEXT_TYPES.includes(type)) result.plain_text = plainText(value);
	return result;
}
