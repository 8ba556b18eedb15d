// Builds and runs "Manual Trigger -> [Fixed Items] -> Buildin ..." workflows through n8n-core against a sandbox.
import type { IBinaryKeyData, IDataObject, INode, INodeParameters, IRun } from 'n8n-workflow';

const { runWorkflow, nodeOutput, logLines, PACKAGE_DIR } = require('../../harness/engine');
const { startSandbox } = require('../../sandbox');
// The process-wide paces of the built package the engine loads (the same module instance: one jest registry).
const { sharedPaces } = require(`${PACKAGE_DIR}/dist/nodes/Buildin/transport/pacing`);

import type { Sandbox } from '../../sandbox';

export type { Sandbox };

export const TOKEN = 'secret-token-3f9c2a7d41e8';
export const ALL_SCOPES = [
	'pages.read',
	'pages.write',
	'blocks.read',
	'blocks.write',
	'databases.read',
	'databases.write',
	'users.read',
	'users.email.read',
	'search.read',
];

/**
 * The sandbox of one test file, on a free loopback port with TOKEN holding every scope: started before the file's
 * tests, reset before each (requests, faults, latency, rate limit; ETag headers on; and the node forgets the pace
 * earlier 429s set for it), closed after them all. What it returns forwards to the sandbox started then, so a test
 * file declares it once at the top.
 */
export function useSandbox(): Sandbox {
	let started: Sandbox | undefined;
	const current = (): Sandbox => {
		if (!started) throw new Error('the sandbox is used before beforeAll started it');
		return started;
	};
	beforeAll(async () => {
		const sandbox: Sandbox = await startSandbox({ port: 0 });
		sandbox.addToken(TOKEN, ALL_SCOPES);
		started = sandbox;
	});
	beforeEach(() => {
		current().reset();
		sharedPaces.clear();
		Object.assign(current().options, { etagOnGet: true, etagOnPatch: true });
	});
	afterAll(async () => {
		await started?.close();
	});
	return new Proxy({} as Sandbox, { get: (_target, key) => Reflect.get(current(), key) });
}

/** What a failed item under continue-on-fail holds in `$json.error` (transport/errors.ts errorItemJson). */
export interface ItemFailure {
	message: string;
	httpCode: number | null;
	code: string | null;
	apiMessage: string | null;
	requestId: string | null;
	mayHaveBeenApplied: boolean;
	fields: IDataObject[];
	description: string | null;
}

/** The failure a continue-on-fail item carries (its `$json.error`). */
export function failureOf(item: { json: IDataObject }): ItemFailure {
	return item.json.error as unknown as ItemFailure;
}

/** A resource locator value as the editor stores it. */
export function byId(id: string): INodeParameters {
	return { __rl: true, mode: 'id', value: id };
}

export function byUrl(url: string): INodeParameters {
	return { __rl: true, mode: 'url', value: url };
}

export interface BuildinStep {
	name?: string;
	parameters: INodeParameters;
	/** n8n's node settings, e.g. `{ continueOnFail: true }` or `{ onError: 'continueRegularOutput' }`. */
	settings?: Partial<INode>;
}

/** A file fed to the first Buildin node as binary data: its bytes, or a file on disk streamed into n8n's binary storage. */
export interface InputFile {
	fileName?: string;
	mimeType?: string;
	base64?: string;
	path?: string;
}

export interface RunOptions {
	/** Items fed to the first Buildin node (one empty item when absent). */
	items?: IDataObject[];
	/** Items with binary data (one per file, under `data`) fed to the first Buildin node instead. */
	files?: InputFile[];
	credentials?: IDataObject;
}

export interface RunResult {
	run: IRun;
	/** Output items of the last Buildin node, with pairing (and binary data, where a node output files). */
	output: Array<{ json: IDataObject; pairedItem?: unknown; binary?: IBinaryKeyData }>;
	/** Output of every node by name. */
	outputs: Record<string, Array<{ json: IDataObject; pairedItem?: unknown; binary?: IBinaryKeyData }> | undefined>;
	/** The error that stopped the run, if any. */
	error?: Error & IDataObject;
}

/** Runs the Buildin steps in a chain after a Manual Trigger and, if given, a node emitting `items`. */
export async function runBuildin(sandbox: Sandbox, steps: BuildinStep[] | BuildinStep, options: RunOptions = {}): Promise<RunResult> {
	const chain = Array.isArray(steps) ? steps : [steps];
	const nodes: INode[] = [
		{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	];
	if (options.files) {
		nodes.push({
			id: 'files',
			name: 'Files',
			type: 'harness.binaryItems',
			typeVersion: 1,
			position: [200, 0],
			parameters: { files: JSON.stringify(options.files) },
		});
	} else if (options.items) {
		nodes.push({
			id: 'items',
			name: 'Items',
			type: 'harness.fixedItems',
			typeVersion: 1,
			position: [200, 0],
			parameters: { items: JSON.stringify(options.items) },
		});
	}
	chain.forEach((step, index) => {
		nodes.push({
			id: `buildin-${index}`,
			name: step.name ?? (chain.length === 1 ? 'Buildin' : `Buildin ${index + 1}`),
			type: 'n8n-nodes-buildin.buildin',
			typeVersion: 1,
			position: [400 + index * 200, 0],
			parameters: step.parameters,
			credentials: { buildinApi: { id: 'sandbox', name: 'Buildin sandbox' } },
			...step.settings,
		});
	});
	const connections: IDataObject = {};
	for (let index = 1; index < nodes.length; index++) {
		connections[nodes[index - 1].name] = { main: [[{ node: nodes[index].name, type: 'main', index: 0 }]] };
	}
	const run: IRun = await runWorkflow({
		nodes,
		connections,
		credentials: { buildinApi: { apiToken: TOKEN, baseUrl: sandbox.url, ...options.credentials } },
	});
	const outputs = Object.fromEntries(nodes.map((node) => [node.name, nodeOutput(run, node.name)]));
	return {
		run,
		output: outputs[nodes[nodes.length - 1].name] ?? [],
		outputs,
		error: run.data.resultData.error as RunResult['error'],
	};
}

export interface OfferedTool {
	name: string;
	description: string;
	parameters: IDataObject;
}

export interface ToolRunResult {
	run: IRun;
	/** The tool as the model sees it: its name, description and the JSON schema of its arguments. */
	tool?: OfferedTool;
	/** For each call, in order, what the agent hands the model: the tool's output items, parsed from their JSON text. */
	toolResults: unknown[];
	/** The error that stopped the run, if any. */
	error?: Error & IDataObject;
}

/**
 * Runs the Buildin node as an AI agent's tool the way n8n-core runs one for AI Agent 3: Manual Trigger -> Items (the
 * agent's item) -> Agent, a stand-in that plays the model's tool calls (harness/engine.js ToolCaller), with the node
 * attached as the tool "Buildin" (type n8n-nodes-buildin.buildinTool). Each call's arguments are what the model sent.
 */
export async function runAsTool(
	sandbox: Sandbox,
	tool: BuildinStep,
	{ agentItem = {}, calls }: { agentItem?: IDataObject; calls: IDataObject[] },
): Promise<ToolRunResult> {
	const name = tool.name ?? 'Buildin';
	const nodes: INode[] = [
		{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'items', name: 'Items', type: 'harness.fixedItems', typeVersion: 1, position: [200, 0], parameters: { items: JSON.stringify([agentItem]) } },
		{
			id: 'agent',
			name: 'Agent',
			type: 'harness.toolCaller',
			typeVersion: 1,
			position: [400, 0],
			parameters: { calls: JSON.stringify(calls.map((args) => ({ tool: name, arguments: args }))) },
		},
		{
			id: 'tool',
			name,
			type: 'n8n-nodes-buildin.buildinTool',
			typeVersion: 1,
			position: [400, 200],
			parameters: tool.parameters,
			credentials: { buildinApi: { id: 'sandbox', name: 'Buildin sandbox' } },
			...tool.settings,
		},
	];
	const connections: IDataObject = {
		'Manual Trigger': { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
		Items: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
		[name]: { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] },
	};
	const run: IRun = await runWorkflow({ nodes, connections, credentials: { buildinApi: { apiToken: TOKEN, baseUrl: sandbox.url } } });
	const agent = nodeOutput(run, 'Agent')?.[0]?.json as { tools: OfferedTool[]; toolResults: string[] } | undefined;
	return {
		run,
		tool: agent?.tools[0],
		toolResults: (agent?.toolResults ?? []).map((text) => JSON.parse(text)),
		error: run.data.resultData.error as ToolRunResult['error'],
	};
}

/** Every log line written so far (n8n-core's and the node's). */
export function logText(): string {
	return JSON.stringify(logLines);
}
