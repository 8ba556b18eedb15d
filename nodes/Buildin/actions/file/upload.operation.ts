import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fileBlockType, uploadContentType, uploadedFileBlock, uploadFileName, uploadSize, type FileBlockChoice } from '../../helpers/files';
import { textValue } from '../../helpers/validate';
import { positionParameters, readPosition } from '../../parameters/blocks';
import { pageLocator, readPageId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { appendInBatches } from '../../requests/appendBlocks';
import { buildinApiRequest } from '../../transport';
import { elaborated, errorMayHaveLanded, incompleteAnswerError } from '../../transport/errors';
import { putToUploadLink, type UploadTarget } from '../../transport/objectStorage';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		hint: 'The name of the input binary field containing the file to be uploaded',
		description: 'The binary field of the input item that holds the file, as n8n’s Read/Write Files or HTTP Request node outputs it',
	},
	{
		...pageLocator,
		description: 'The page the file belongs to; with Append to Page, the image or file block is added to it',
	},
	{
		displayName: 'Destination',
		name: 'destination',
		type: 'options',
		options: [
			{
				name: 'Append to Page',
				value: 'append',
				description: 'Upload the file, then add an image or file block showing it to the page',
			},
			{
				name: 'Upload Only',
				value: 'uploadOnly',
				description: 'Upload the file and output its oss_name and size for a later step; no block is added',
			},
		],
		default: 'append',
		description: 'What happens once the file is uploaded',
	},
	{
		displayName: 'Block Type',
		name: 'blockType',
		type: 'options',
		options: [
			{ name: 'Auto (By Content Type)', value: 'auto', description: 'An image block for images, a file block for anything else' },
			{ name: 'File', value: 'file', description: 'A file block (a download link) whatever the content type' },
			{ name: 'Image', value: 'image', description: 'An image block; the content type must be an image type' },
		],
		default: 'auto',
		description: 'The kind of block that shows the file on the page',
		displayOptions: { show: { destination: ['append'] } },
	},
	...positionParameters('block').map((parameter) => ({
		...parameter,
		displayOptions: { show: { ...parameter.displayOptions?.show, destination: ['append'] } },
	})),
	optionsCollection(
		{
			displayName: 'Content Type',
			name: 'contentType',
			type: 'string',
			default: '',
			placeholder: 'e.g. application/pdf',
			description:
				'The MIME type to upload the file as. Empty: the binary data’s own MIME type. Buildin accepts common image, document, text, archive, audio and video types; others are refused before anything is sent.',
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Release Notes 1.0.pdf',
			description: 'The name Buildin shows for the file. Empty: the binary data’s own file name.',
		},
	),
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['upload'] } }, properties);

/** The file to send: its exact size, and how to open it (a stream when n8n keeps it on disk, else its bytes). */
interface FileSource {
	length: number;
	open: () => Promise<unknown>;
}

async function fileSource(ctx: IExecuteFunctions, itemIndex: number, field: string, binary: IBinaryData): Promise<FileSource> {
	const id = binary.id;
	if (id) {
		const { fileSize } = await ctx.helpers.getBinaryMetadata(id);
		return { length: fileSize, open: async () => await ctx.helpers.getBinaryStream(id) };
	}
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, field);
	return { length: bytes.length, open: async () => bytes };
}

/** Buildin's answer to the upload-URL request (the transport checked it has a PUT link and an oss_name). */
function uploadTarget(answer: IDataObject): UploadTarget & { ossName: string } {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries((answer.headers ?? {}) as IDataObject)) headers[name] = String(value);
	return { url: String(answer.upload_url), method: 'PUT', headers, ossName: String(answer.oss_name) };
}

/**
 * A failure to add the block after the file was stored: the file exists, so the error says how to show it, unless the
 * append may have landed (then the page may show it already, and adding it again would show it twice).
 */
function blockNotAdded(error: unknown, block: IDataObject): unknown {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	const file = JSON.stringify((block[block.type as string] as IDataObject).file);
	const advice =
		errorMayHaveLanded(error)
			? `The file is stored as ${file}, and its block may have been added: check the page, and only if the block is not there, add it with Block → Append Children (JSON) rather than uploading the file again.`
			: `The file is stored as ${file}; add it with Block → Append Children (JSON) rather than uploading it again.`;
	return elaborated(error, {
		message: `The file was uploaded, but adding its block to the page failed: ${error.message}`,
		description: [error.description, advice].filter(Boolean).join(' '),
	});
}

/**
 * POST /v2/files/upload-url, then the bytes PUT to the returned link (n8n's plain request helper: no Buildin token
 * goes to the object store), then, with Append to Page, PATCH /v2/blocks/:page/children with an image or file
 * block. Every input check (binary field, content type, size) happens before the first request.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const field = textValue('Input Binary Field', this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const binary = this.helpers.assertBinaryData(itemIndex, field);
	const pageId = readPageId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const contentType = uploadContentType(options.contentType ? 'Content Type' : `Input Binary Field "${field}" (MIME type)`, options.contentType || binary.mimeType);
	const fileName = uploadFileName('File Name', options.fileName, binary.fileName);
	const append = this.getNodeParameter('destination', itemIndex, 'append') === 'append';
	const blockType = append ? fileBlockType('Block Type', this.getNodeParameter('blockType', itemIndex, 'auto') as FileBlockChoice, contentType) : undefined;
	const position = append ? readPosition(this, itemIndex) : {};
	const source = await fileSource(this, itemIndex, field, binary);
	const size = uploadSize(`Input Binary Field "${field}"`, source.length);

	const answer = await buildinApiRequest.call(this, itemIndex, {
		method: 'POST',
		path: '/v2/files/upload-url',
		body: { filename: fileName, content_type: contentType, content_length: size, parent: { type: 'page_id', page_id: pageId } },
	});
	const target = uploadTarget(answer.body);
	await putToUploadLink.call(this, itemIndex, target, { data: await source.open(), length: size });

	if (blockType === undefined) {
		return { oss_name: target.ossName, size, content_type: contentType, filename: fileName, page_id: pageId };
	}
	const block = uploadedFileBlock(blockType, target.ossName, size, contentType);
	const [created] = await appendInBatches
		.call(this, itemIndex, pageId, [block], position)
		.catch((error: unknown) => Promise.reject(blockNotAdded(error, block)));
	if (created === undefined) {
		throw incompleteAnswerError(
			this.getNode(),
			{
				message: 'Buildin answered the block append without the created block',
				description: 'The file was uploaded; check the page for its block before running the item again.',
				written: true,
			},
			itemIndex,
		);
	}
	return created;
}
