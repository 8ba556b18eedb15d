import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fileNameFromUrl } from '../../helpers/files';
import { textValue } from '../../helpers/validate';
import { blockLocator, readBlockId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { buildinApiRequest } from '../../transport';
import { downloadFile } from '../../transport/objectStorage';
import { ItemWithBinary } from '../types';

const properties: INodeProperties[] = [
	{
		...blockLocator,
		description:
			'The image or file block to download: its ID, or a Buildin URL with the block ID as the fragment (…/docs/PAGE_ID#BLOCK_ID)',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		hint: 'The name of the output binary field to put the file in',
		description: 'The binary field of the output item the downloaded file goes into',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['download'] } }, properties);

/** Where a block's file is: an upload (by its key, or the temporary link the read carried) or an external URL. */
type FileLocation = { source: 'file'; ossName?: string; url?: string } | { source: 'external'; url: string };

function locateFile(ctx: IExecuteFunctions, itemIndex: number, block: IDataObject): FileLocation {
	const type = String(block.type);
	const content = block[type] as IDataObject | undefined;
	const external = (content?.external as IDataObject | undefined)?.url;
	const file = content?.file as IDataObject | undefined;
	if ((type === 'image' || type === 'file') && content?.type === 'external' && typeof external === 'string') {
		return { source: 'external', url: external };
	}
	if ((type === 'image' || type === 'file') && content?.type === 'file' && file) {
		const ossName = typeof file.oss_name === 'string' && file.oss_name !== '' ? file.oss_name : undefined;
		const url = typeof file.url === 'string' ? file.url : undefined;
		if (ossName || url) return { source: 'file', ossName, url };
	}
	throw new NodeOperationError(ctx.getNode(), `Block in item ${itemIndex}: a ${type} block holds no file to download`, {
		itemIndex,
		description: 'Give an image or file block: its ID, or the page URL with the block ID as the fragment.',
	});
}

/**
 * GET /v2/blocks/:id; for an uploaded file GET /v2/files/download-url with the block's id and oss_name, then the
 * temporary link, streamed into n8n's binary data without the Buildin token. An external file is downloaded from
 * its URL. When the block as read carries no oss_name, the temporary link it came with is used instead.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemWithBinary> {
	const blockId = readBlockId(this, itemIndex, 'Block', { requireFragment: true });
	const field = textValue('Put Output File in Field', this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const { body: block } = await buildinApiRequest.call(this, itemIndex, { method: 'GET', path: `/v2/blocks/${blockId}` });
	const location = locateFile(this, itemIndex, block);

	let url = location.url;
	let name: string | undefined;
	if (location.source === 'file' && location.ossName) {
		const { body: link } = await buildinApiRequest.call(this, itemIndex, {
			method: 'GET',
			path: '/v2/files/download-url',
			qs: { block_id: blockId, oss_name: location.ossName },
		});
		url = String((link.file as IDataObject).url);
		name = typeof link.name === 'string' && link.name !== '' ? link.name : undefined;
	}
	const source = location.source;
	const downloaded = await downloadFile.call(this, itemIndex, url as string, name ?? fileNameFromUrl(url as string), {
		followRedirects: source === 'external',
		linkDescription:
			source === 'external'
				? 'The block’s file is an external URL, which answered with an error: check that it is still reachable.'
				: 'Buildin’s temporary link did not give the file. Run the item again for a new link.',
	});
	const json: IDataObject = {
		block_id: blockId,
		block_type: block.type,
		source,
		file_name: downloaded.binary.fileName ?? null,
		mime_type: downloaded.binary.mimeType,
		file_size: downloaded.binary.bytes ?? downloaded.binary.fileSize ?? null,
	};
	return new ItemWithBinary(json, { [field]: downloaded.binary });
}
