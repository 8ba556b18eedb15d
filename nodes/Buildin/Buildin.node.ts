import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as page from './actions/page/Page.resource';
import { router } from './actions/router';

export class Buildin implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Buildin',
		name: 'buildin',
		icon: { light: 'file:buildin.svg', dark: 'file:buildin.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and update pages in Buildin (buildin.ai)',
		defaults: { name: 'Buildin' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'buildinApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Page', value: 'page' }],
				default: 'page',
			},
			...page.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
