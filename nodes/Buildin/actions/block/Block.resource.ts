import type { INodeProperties } from 'n8n-workflow';

import { Operation } from '../types';
import * as appendChildren from './appendChildren.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getChildren from './getChildren.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { appendChildren, delete: del, get, getChildren, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['block'] } },
		options: [
			{
				name: 'Append Children',
				value: 'appendChildren',
				description: 'Add blocks to a page or block, at the end or next to a given child',
				action: 'Append child blocks',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Move a block to the trash',
				action: 'Delete block',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a block with its content',
				action: 'Get block',
			},
			{
				name: 'Get Many Children',
				value: 'getChildren',
				description: 'List the blocks in a page or block, optionally with nested blocks',
				action: 'Get many child blocks',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the text or content of a block',
				action: 'Update block',
			},
		],
		default: 'get',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
