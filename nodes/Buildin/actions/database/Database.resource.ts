import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';

export const operations: Record<string, Operation> = {};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['database'] } },
		options: [],
		default: '',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
