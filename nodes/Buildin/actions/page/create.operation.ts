import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { APPEND_BATCH_SIZE, blocksFromJson } from '../../helpers/blocks';
import { InvalidInputError } from '../../helpers/errors';
import { withPageVersion } from '../../helpers/pageVersion';
import { simplifyPage } from '../../helpers/simplify';
import { imageParameters, readCover, readIcon } from '../../parameters/images';
import { idempotencyKeyOption, optionsCollection, readIdempotencyKey } from '../../parameters/options';
import { propertiesParameters, readProperties, titleParameter, titlePropertyOption } from '../../parameters/pageProperties';
import { parentParameters, readParent } from '../../parameters/parent';
import { simplified, simplifyField } from '../../parameters/results';
import { appendInBatches } from '../../requests/appendBlocks';
import { buildinApiRequest } from '../../transport';
import { elaborated, errorMayHaveLanded, incompleteAnswerError } from '../../transport/errors';
import { collect, paginate } from '../../transport/pagination';

const properties: INodeProperties[] = [
	...parentParameters({
		parent: 'Where the new page goes',
		database: 'Add a record to a database',
		page: 'Create a sub-page of a page',
		workspace: 'Create a top-level page of the workspace',
		parentPage: 'The page to create the new page under',
		parentDatabase:
			'The database to add the new record to. Its properties are keyed by column name; set Options → Title Property to the title column (e.g. Name) for Title to fill it.',
	}),
	titleParameter(
		'Title of the new page, as plain text. Leave empty for an untitled page. Text longer than 2000 characters is split into several rich-text items.',
	),
	...propertiesParameters('of the new page', 'Properties of the new page; for a database record, its columns by name'),
	...imageParameters('create'),
	{
		displayName: 'Content',
		name: 'content',
		type: 'options',
		options: [
			{
				name: 'Blocks',
				value: 'blocks',
				description: 'A JSON array of Buildin blocks; more than 100 are written in batches of 100, in order',
			},
			{ name: 'Markdown', value: 'markdown', description: 'Markdown that Buildin turns into blocks' },
			{ name: 'None', value: 'none', description: 'An empty page' },
		],
		default: 'none',
		description: 'The body of the new page',
	},
	{
		displayName: 'Markdown',
		name: 'markdown',
		type: 'string',
		typeOptions: { rows: 8 },
		default: '',
		placeholder: 'e.g. # Release Checklist\n\n- [ ] Write the changelog\n- [ ] Tag the release',
		description: 'The page body as Markdown. Written right after the page is created.',
		displayOptions: { show: { content: ['markdown'] } },
	},
	{
		displayName: 'Blocks',
		name: 'blocks',
		type: 'json',
		default: '[]',
		placeholder: 'e.g. [{"type": "paragraph", "paragraph": {"rich_text": [{"type": "text", "text": {"content": "Hello"}}]}}]',
		description:
			'A JSON array of Buildin blocks, each with a type and its content under that type (optionally with nested children). The first 100 are sent with the page; the rest are appended in batches of 100, in order.',
		displayOptions: { show: { content: ['blocks'] } },
	},
	simplifyField,
	optionsCollection(
		idempotencyKeyOption,
		titlePropertyOption,
	),
];

export const description = updateDisplayOptions({ show: { resource: ['page'], operation: ['create'] } }, properties);

/** What goes into the page after it exists: Markdown, or the blocks beyond the first 100. */
interface LaterContent {
	markdown?: string;
	/** Blocks sent with the create request. */
	first: IDataObject[];
	/** Blocks appended afterwards, in batches of 100. */
	rest: IDataObject[];
}

function readContent(ctx: IExecuteFunctions, itemIndex: number): LaterContent {
	const content = ctx.getNodeParameter('content', itemIndex) as string;
	if (content === 'markdown') {
		const markdown = ctx.getNodeParameter('markdown', itemIndex, '');
		if (typeof markdown !== 'string' || markdown.trim() === '') {
			throw new InvalidInputError('Markdown', 'is empty', 'Write the page body in Markdown, or set Content to None');
		}
		return { markdown, first: [], rest: [] };
	}
	if (content === 'blocks') {
		const blocks = blocksFromJson('Blocks', ctx.getNodeParameter('blocks', itemIndex));
		return { first: blocks.slice(0, APPEND_BATCH_SIZE), rest: blocks.slice(APPEND_BATCH_SIZE) };
	}
	if (content === 'none') return { first: [], rest: [] };
	throw new InvalidInputError('Content', `unknown choice ${JSON.stringify(content)}`);
}

/**
 * Appends the blocks beyond the first 100 after the last block the create request made. The page's top-level blocks
 * are read first: on a fresh page they are the first 100, and the rest goes after the last of them. When they are
 * already all of the blocks (an Idempotency Key replayed a create that had finished), nothing is appended again;
 * any other count means the page is not as this item left it, and nothing is appended rather than duplicated.
 */
async function appendRest(ctx: IExecuteFunctions, itemIndex: number, pageId: string, content: LaterContent): Promise<void> {
	const existing = await collect(
		paginate.call(ctx, itemIndex, { method: 'GET', path: `/v2/blocks/${pageId}/children` }),
	);
	const total = content.first.length + content.rest.length;
	if (existing.length === total) return;
	const lastId = existing[existing.length - 1]?.id;
	if (existing.length !== content.first.length || typeof lastId !== 'string') {
		throw new NodeOperationError(
			ctx.getNode(),
			`The page has ${existing.length} top-level blocks where ${content.first.length} were just created, so the remaining ${content.rest.length} were not appended`,
			{
				itemIndex,
				description:
					'The page changed since it was created, or an Idempotency Key returned a page an earlier run had only partly filled. Appending now could duplicate or misplace blocks; check the page.',
			},
		);
	}
	await appendInBatches.call(ctx, itemIndex, pageId, content.rest, { after: lastId });
}

/**
 * A failure after the page was created: the error says so, since running the workflow again would create another
 * page. When the failing write may have landed, the content may be there already: look before adding it.
 */
function afterCreation(ctx: IExecuteFunctions, itemIndex: number, error: unknown, page: IDataObject): Error {
	const message = `The page ${String(page.id)} was created, but writing its content failed: ${error instanceof Error ? error.message : String(error)}`;
	const where = String(page.url ?? page.id);
	const advice = `${
		errorMayHaveLanded(error)
			? `The page exists (${where}) with its properties, and its content may have been written in full or in part: read it first, then replace its content (Page → Replace Content with Markdown) or move it to the trash, rather than adding content that may be there already.`
			: `The page exists (${where}) with its properties and possibly part of its content. Fix the cause, then replace its content (Page → Replace Content with Markdown, Block → Append Children) or move it to the trash.`
	} Running the workflow again creates another page unless Options → Idempotency Key is set.`;
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const description = [error.description, advice].filter(Boolean).join(' ');
		return elaborated(error, { message, description, context: { createdPageId: page.id } });
	}
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description: advice });
}

/**
 * POST /v2/pages with the parent, properties, icon, cover and up to 100 blocks, under an Idempotency-Key (one per
 * item, the same on every retry of the request). Then Markdown content (PUT …/content/markdown) or the blocks beyond
 * 100 (PATCH /v2/blocks/:id/children, batches of 100 after the last created block), and, when content was written
 * afterwards, the page read again so that the output's `etag` is its current version. Everything is checked before
 * the first request.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {};
	const parent = readParent(this, itemIndex);
	if (parent) body.parent = parent;
	const pageProperties = readProperties(this, itemIndex);
	if (Object.keys(pageProperties).length > 0) body.properties = pageProperties;
	const icon = readIcon(this, itemIndex);
	if (icon !== undefined) body.icon = icon;
	const cover = readCover(this, itemIndex);
	if (cover !== undefined) body.cover = cover;
	const content = readContent(this, itemIndex);
	if (content.first.length > 0) body.children = content.first;
	// n8n sends no body at all for an empty object; an untitled page at the root still needs a JSON body.
	if (Object.keys(body).length === 0) body.properties = {};

	const created = await buildinApiRequest.call(this, itemIndex, {
		method: 'POST',
		path: '/v2/pages',
		body,
		headers: { 'Idempotency-Key': readIdempotencyKey(this, itemIndex) },
	});
	const page = withPageVersion(created.body, created.headers);
	if (content.markdown === undefined && content.rest.length === 0) return simplified(this, itemIndex, page, simplifyPage);
	if (typeof page.id !== 'string' || page.id === '') {
		throw incompleteAnswerError(
			this.getNode(),
			{
				message: 'Buildin created the page but answered without its id, so its content was not written',
				description: 'The page exists without its content: find it in its parent and add the content there rather than creating it again.',
				written: true,
			},
			itemIndex,
		);
	}
	const pageId = page.id;
	try {
		if (content.markdown !== undefined) {
			await buildinApiRequest.call(this, itemIndex, {
				method: 'PUT',
				path: `/v2/pages/${pageId}/content/markdown`,
				body: { markdown: content.markdown },
			});
		}
		if (content.rest.length > 0) await appendRest(this, itemIndex, pageId, content);
		const current = await buildinApiRequest.call(this, itemIndex, { method: 'GET', path: `/v2/pages/${pageId}` });
		return simplified(this, itemIndex, withPageVersion(current.body, current.headers), simplifyPage);
	} catch (error) {
		throw afterCreation(this, itemIndex, error, page);
	}
}
