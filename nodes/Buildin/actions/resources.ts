import type { INodePropertyOptions } from 'n8n-workflow';

import { Resource } from './types';
import * as block from './block/Block.resource';
import * as database from './database/Database.resource';
import * as file from './file/File.resource';
import * as page from './page/Page.resource';
import * as search from './search/Search.resource';
import * as user from './user/User.resource';

/** Every resource by its value. */
export const resources: Record<string, Resource> = { block, database, file, page, search, user };

export const resourceOptions: INodePropertyOptions[] = [
	{ name: 'Block', value: 'block' },
	{ name: 'Database', value: 'database' },
	{ name: 'File', value: 'file' },
	{ name: 'Page', value: 'page' },
	{ name: 'Search', value: 'search' },
	{ name: 'User', value: 'user' },
];
