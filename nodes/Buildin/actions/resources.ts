import type { INodePropertyOptions } from 'n8n-workflow';

import * as page from './page/Page.resource';
import type { Resource } from './operation';

/** Every resource by its value, in the order the editor lists them. */
export const resources: Record<string, Resource> = { page };

export const resourceOptions: INodePropertyOptions[] = [{ name: 'Page', value: 'page' }];
