import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['page'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a page with its properties and version (ETag)',
				action: 'Get a page',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a page’s title, properties, icon, cover or trash state',
				action: 'Update a page',
			},
		],
		default: 'update',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
