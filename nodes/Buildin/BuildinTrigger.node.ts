import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch, loadOptions } from './methods';
import { triggerProperties } from './trigger/description';
import { poll } from './trigger/poll';

export class BuildinTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Buildin Trigger',
		name: 'buildinTrigger',
		icon: { light: 'file:buildin.svg', dark: 'file:buildin.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when a record is added or changed in a Buildin database, or a page in the workspace',
		defaults: { name: 'Buildin Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'buildinApi', required: true }],
		properties: triggerProperties,
	};

	methods = { listSearch, loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await poll.call(this);
	}
}
