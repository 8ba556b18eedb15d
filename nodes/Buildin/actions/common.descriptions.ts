import type { INodeProperties } from 'n8n-workflow';

/** The page a Page operation acts on: pasted as an ID or a Buildin URL. */
export const pageLocator: INodeProperties = {
	displayName: 'Page',
	name: 'pageId',
	type: 'resourceLocator',
	default: { mode: 'url', value: '' },
	required: true,
	description: 'The Buildin page (or database record) to act on',
	modes: [
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://buildin.ai/docs/11111111111141118111111111111111',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^https?://\\S+[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}/?(?:[?#]\\S*)?$',
						errorMessage: 'Not a Buildin page URL',
					},
				},
			],
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: '11111111-1111-4111-8111-111111111111',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})\\s*$',
						errorMessage: 'Not a Buildin ID: use 36 characters with dashes or 32 hex characters',
					},
				},
			],
		},
	],
};

/** Retry and timeout settings every operation offers under Options; read by the transport. */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 20 },
		default: 4,
		description:
			'How many times a request is repeated after Buildin answers 429 (rate limited) or 502/503/504. 0 turns retries off.',
	},
	{
		displayName: 'Max Retry Wait (Seconds)',
		name: 'maxRetryWait',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description:
			'Longest total time one request may spend waiting between retries. A Retry-After longer than what is left ends the retries at once.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description: 'How long to wait for Buildin to answer one request before treating it as failed',
	},
];
