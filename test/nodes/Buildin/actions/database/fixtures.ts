// A database with one property of every writable type (plus computed ones), and records in it, for the Database
// engine tests.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId } from '../../../../support/workflow';
import type { Sandbox } from '../../../../../sandbox';

export const ALEX = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
export const SAM = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

export const text = (content: string) => [{ type: 'text', text: { content } }];

export const RELEASES_SCHEMA: IDataObject = {
	Name: 'title',
	Status: { type: 'select', select: { options: [{ name: 'Todo', color: 'gray' }, { name: 'Doing', color: 'blue' }, { name: 'Done', color: 'green' }] } },
	Tags: { type: 'multi_select', multi_select: { options: [{ name: 'backend' }, { name: 'release' }] } },
	Due: 'date',
	Estimate: { type: 'number', number: { format: 'number' } },
	Done: 'checkbox',
	Website: 'url',
	Contact: 'email',
	Phone: 'phone_number',
	Owner: 'people',
	Attachments: 'files',
	Notes: 'rich_text',
	Related: { type: 'relation', relation: { database_id: '99999999-9999-4999-8999-999999999999' } },
	Created: 'created_time',
};

/** A Releases database at the workspace root. */
export function addReleases(sandbox: Sandbox, properties: IDataObject = RELEASES_SCHEMA) {
	return sandbox.addDatabase({
		title: 'Releases',
		description: 'Every release with its status',
		icon: { type: 'emoji', emoji: '🚀' },
		parent: { type: 'workspace', workspace: true },
		properties,
	});
}

/** A record of `databaseId`; `values` are property values by name in write shape without `type`. */
export function addRecord(sandbox: Sandbox, databaseId: string, values: IDataObject = {}, extra: IDataObject = {}) {
	return sandbox.addPage({ parent: { type: 'database_id', database_id: databaseId }, properties: values, ...extra });
}

export const database = (id: string, operation: string, parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'database',
	operation,
	databaseId: byId(id),
	...parameters,
});
