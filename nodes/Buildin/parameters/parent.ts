// Parent (Database, Page or Workspace Root) and its locators: where Page → Create puts a page, where Page → Move moves it.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInputError } from '../helpers/errors';
import { databaseLocator, pageLocator, readLocatorId } from './locators';

/** What Parent and its locators say in the operation at hand (Create: where the new page goes; Move: where it moves). */
interface ParentTexts {
	parent: string;
	database: string;
	page: string;
	workspace: string;
	parentPage: string;
	parentDatabase: string;
}

/** Parent (Database, Page or Workspace Root) with the Parent Page and Parent Database locators. */
export function parentParameters(texts: ParentTexts): INodeProperties[] {
	return [
		{
			displayName: 'Parent',
			name: 'parent',
			type: 'options',
			options: [
				{ name: 'Database', value: 'database', description: texts.database },
				{ name: 'Page', value: 'page', description: texts.page },
				{ name: 'Workspace Root', value: 'workspace', description: texts.workspace },
			],
			default: 'page',
			description: texts.parent,
		},
		{
			...pageLocator,
			name: 'parentPageId',
			displayName: 'Parent Page',
			description: texts.parentPage,
			displayOptions: { show: { parent: ['page'] } },
		},
		{
			...databaseLocator,
			name: 'parentDatabaseId',
			displayName: 'Parent Database',
			description: texts.parentDatabase,
			displayOptions: { show: { parent: ['database'] } },
		},
	];
}

/** The chosen parent as `{page_id}` or `{database_id}`; undefined for the workspace root. */
export function readParent(ctx: IExecuteFunctions, itemIndex: number): { page_id: string } | { database_id: string } | undefined {
	const parent = ctx.getNodeParameter('parent', itemIndex) as string;
	if (parent === 'page') {
		return { page_id: readLocatorId(ctx, itemIndex, 'parentPageId', 'Parent Page') };
	}
	if (parent === 'database') {
		return {
			database_id: readLocatorId(ctx, itemIndex, 'parentDatabaseId', 'Parent Database'),
		};
	}
	if (parent === 'workspace') return undefined;
	throw new InvalidInputError('Parent', `unknown choice ${JSON.stringify(parent)}`);
}
