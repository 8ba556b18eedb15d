import type { INodeProperties } from 'n8n-workflow';

import { Operation } from '../types';
import * as get from './get.operation';
import * as getMe from './getMe.operation';

export const operations: Record<string, Operation> = { get, getMe };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a person in the workspace by ID',
				action: 'Get user',
			},
			{
				name: 'Get Me',
				value: 'getMe',
				description: 'Get the integration the credential’s token belongs to, with its workspace and capabilities',
				action: 'Get current user',
			},
		],
		default: 'getMe',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
