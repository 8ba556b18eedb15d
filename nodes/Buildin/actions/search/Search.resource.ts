import type { INodeProperties } from 'n8n-workflow';

import { Operation } from '../types';
import * as search from './search.operation';
import * as semanticSearch from './semanticSearch.operation';

export const operations: Record<string, Operation> = { search, semanticSearch };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['search'] } },
		options: [
			{
				name: 'Search',
				value: 'search',
				description: 'Find pages, databases, folders and mind maps by keyword, type and time',
				action: 'Search pages and databases',
			},
			{
				name: 'Semantic Search',
				value: 'semanticSearch',
				description: 'Find passages by meaning, with a similarity score',
				action: 'Search page content by meaning',
			},
		],
		default: 'search',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
