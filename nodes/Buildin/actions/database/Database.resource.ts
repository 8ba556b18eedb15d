import type { INodeProperties } from 'n8n-workflow';

import { BatchOperation, Operation } from '../types';
import * as create from './create.operation';
import * as createOrUpdateRecords from './createOrUpdateRecords.operation';
import * as createRecord from './createRecord.operation';
import * as get from './get.operation';
import * as query from './query.operation';
import * as update from './update.operation';
import * as updateRecord from './updateRecord.operation';

export const operations: Record<string, Operation | BatchOperation> = {
	create,
	createOrUpdateRecords,
	createRecord,
	get,
	query,
	update,
	updateRecord,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['database'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a database with its properties (schema) in a page or the workspace root',
				action: 'Create database',
			},
			{
				name: 'Create or Update Records in Batch',
				value: 'createOrUpdateRecords',
				description: 'Create records, or update those that name a record, many per request in one transaction each',
				action: 'Create or update database records in batch',
			},
			{
				name: 'Create Record',
				value: 'createRecord',
				description: 'Add a record to a database, with values for its properties',
				action: 'Create database record',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a database with its properties (schema)',
				action: 'Get database',
			},
			{
				name: 'Get Many Records',
				value: 'query',
				description: 'List the records of a database, filtered and sorted (a database query)',
				action: 'Get many database records',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change a database’s title, description, icon, cover, trash state or properties',
				action: 'Update database',
			},
			{
				name: 'Update Record',
				value: 'updateRecord',
				description: 'Change property values of a database record',
				action: 'Update database record',
			},
		],
		default: 'query',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
