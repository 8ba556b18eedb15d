import type { INodeProperties } from 'n8n-workflow';

import { Operation } from '../types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMarkdown from './getMarkdown.operation';
import * as getProperty from './getProperty.operation';
import * as move from './move.operation';
import * as moveToTrash from './moveToTrash.operation';
import * as replaceMarkdown from './replaceMarkdown.operation';
import * as restore from './restore.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = {
	create,
	get,
	getMarkdown,
	getProperty,
	move,
	moveToTrash,
	replaceMarkdown,
	restore,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['page'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a sub-page, a database record or a top-level page, optionally with content',
				action: 'Create page',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a page with its properties and its version (etag), which Update can use to keep newer edits',
				action: 'Get page',
			},
			{
				name: 'Get Content as Markdown',
				value: 'getMarkdown',
				description: 'Export the body of a page as Markdown text',
				action: 'Get page content',
			},
			{
				name: 'Get Property',
				value: 'getProperty',
				description: 'Get the full value of one property, however long (all rich text, people or relations)',
				action: 'Get page property',
			},
			{
				name: 'Move',
				value: 'move',
				description: 'Move a page under another page, into a database or to the workspace root',
				action: 'Move page',
			},
			{
				name: 'Move to Trash',
				value: 'moveToTrash',
				description: 'Move a page to the trash (it can be restored)',
				action: 'Move page to trash',
			},
			{
				name: 'Replace Content with Markdown',
				value: 'replaceMarkdown',
				description: 'Replace the whole body of a page with Markdown; title and properties stay',
				action: 'Replace page content',
			},
			{
				name: 'Restore',
				value: 'restore',
				description: 'Take a page out of the trash',
				action: 'Restore page from trash',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a page’s title, properties, icon, cover or trash state',
				action: 'Update page',
			},
		],
		default: 'update',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
