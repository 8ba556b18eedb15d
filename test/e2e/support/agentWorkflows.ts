// The AI Agent workflows of the end-to-end tool tests: Manual Trigger -> Request (the agent's item) -> AI Agent, with
// n8n's OpenAI Chat Model (its credential pointing at the scripted model) and three Buildin tools.
import { UPDATE_PAGE_TOOL } from '../../support/toolFace';
import { CREDENTIAL_ID, DATABASE_ID, type WorkflowFile } from './workflows';

const { EXAMPLE_OPENAI_CREDENTIAL_ID } = require('../../../harness/examples');

export const OPENAI_CREDENTIAL_ID: string = EXAMPLE_OPENAI_CREDENTIAL_ID;
export const OPENAI_API_KEY = 'sk-scripted-model';

const TRIGGER = 'When clicking ‘Execute workflow’';

/** The request the agent works on: its prompt, and the database its Query tool reads, mapped as {{ $json.releases }}. */
export const REQUEST = { note: 'Mark the release checklist as filed.', releases: DATABASE_ID };

function tool(name: string, x: number, parameters: Record<string, unknown>, settings: Record<string, unknown>): any {
	return {
		parameters: { options: {}, ...parameters },
		id: `node-${name.toLowerCase().replace(/\W+/g, '-')}`,
		name,
		type: 'n8n-nodes-buildin.buildinTool',
		typeVersion: 1,
		position: [x, 220],
		credentials: { buildinApi: { id: CREDENTIAL_ID, name: 'Buildin account' } },
		...settings,
	};
}

/**
 * The agent with Update Page (page and title from $fromAI()), Query Releases (the database mapped from the agent's
 * item, the filter from $fromAI() as JSON) and Search (the query from $fromAI()). `toolSettings` go on every tool node,
 * e.g. `{ onError: 'continueRegularOutput' }`.
 */
export function agentWorkflow(id: string, toolSettings: Record<string, unknown> = {}): WorkflowFile {
	const tools = [
		tool('Update Page', 440, UPDATE_PAGE_TOOL, toolSettings),
		tool(
			'Query Releases',
			620,
			{
				resource: 'database',
				operation: 'query',
				databaseId: { __rl: true, mode: 'id', value: '={{ $json.releases }}' },
				filterType: 'json',
				filterJson: "={{ $fromAI('filter', 'A Buildin database filter object', 'json') }}",
				limit: 10,
				simplify: true,
			},
			toolSettings,
		),
		tool(
			'Search',
			800,
			{ resource: 'search', operation: 'search', query: "={{ $fromAI('query', 'Words to look for in titles', 'string') }}", limit: 5 },
			toolSettings,
		),
	];
	const nodes = [
		{ parameters: {}, id: 'node-trigger', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		{
			parameters: {
				assignments: {
					assignments: Object.entries(REQUEST).map(([name, value]) => ({ id: `field-${name}`, name, value, type: 'string' })),
				},
				options: {},
			},
			id: 'node-request',
			name: 'Request',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
		},
		{
			parameters: { promptType: 'define', text: '={{ $json.note }}', options: {} },
			id: 'node-agent',
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [440, 0],
		},
		{
			parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' }, options: {} },
			id: 'node-model',
			name: 'OpenAI Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			position: [260, 220],
			credentials: { openAiApi: { id: OPENAI_CREDENTIAL_ID, name: 'OpenAI account' } },
		},
		...tools,
	];
	const connections: any = {
		[TRIGGER]: { main: [[{ node: 'Request', type: 'main', index: 0 }]] },
		Request: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
	};
	for (const node of tools) connections[node.name] = { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] };
	return { id, name: `E2E: an AI agent with Buildin tools (${id})`, nodes, connections, settings: { executionOrder: 'v1' }, active: false };
}

/** The OpenAI credential of the agent workflows and the agent example: the scripted model as its Base URL. */
export function openAiCredential(modelUrl: string): unknown {
	return { id: OPENAI_CREDENTIAL_ID, name: 'OpenAI account', type: 'openAiApi', data: { apiKey: OPENAI_API_KEY, url: modelUrl } };
}
