import type { INodeProperties } from 'n8n-workflow';

import { Operation } from '../types';
import * as download from './download.operation';
import * as upload from './upload.operation';

export const operations: Record<string, Operation> = { download, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				description: 'Download the file or image of a block into a binary field',
				action: 'Download file',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload a file from a binary field and add it to a page as an image or file block',
				action: 'Upload file',
			},
		],
		default: 'upload',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
