// Runs workflows through n8n-core's real WorkflowExecute in this process (no n8n app): the package is loaded from
// its built dist/ the way n8n loads community packages, and the credential's `authenticate` is applied the way
// n8n's app (packages/cli CredentialsHelper) applies it. Used by the engine tests and `npm run demo`.
// These are semi-internal n8n-core APIs: package.json pins n8n-core and n8n-workflow exactly.
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');

process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'buildin-engine-'));
// n8n-core's instance settings would otherwise generate a key and announce it on the console.
process.env.N8N_ENCRYPTION_KEY ??= 'buildin-engine-harness';

const { Workflow, ICredentialsHelper } = require('n8n-workflow');
const { BinaryDataService, PackageDirectoryLoader, PollContext, WorkflowExecute, ExecutionLifecycleHooks } = require('n8n-core');
const { Container } = require('@n8n/di');
const { Logger } = require('@n8n/backend-common');

const { ReadParameters } = require('./nodes/ReadParameters.node');

const PACKAGE_DIR = path.resolve(__dirname, '..');

/** Stand-ins for the two n8n-nodes-base nodes the example workflows start with. */
class ManualTrigger {
	description = {
		displayName: 'Manual Trigger', name: 'manualTrigger', group: ['trigger'], version: 1, description: '',
		defaults: { name: 'When clicking ‘Execute workflow’' }, inputs: [], outputs: ['main'], properties: [],
	};
	async trigger() {
		return {};
	}
	async execute() {
		return [[{ json: {} }]];
	}
}

/** Emits the items given in its `items` parameter, like a Code node returning fixed data. */
class FixedItems {
	description = {
		displayName: 'Fixed Items', name: 'fixedItems', group: ['transform'], version: 1, description: '',
		defaults: { name: 'Items' }, inputs: ['main'], outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};
	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		const raw = this.getNodeParameter('items', 0);
		const items = typeof raw === 'string' ? JSON.parse(raw) : raw;
		return [items.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

/**
 * Emits one item per entry of its `files` parameter (`[{ fileName, mimeType, base64 | path }]`) with the file as
 * binary data under `binaryPropertyName`, stored by n8n's binary data helper as n8n's Read/Write Files node does: on
 * disk in n8n's default filesystem mode (a `path` is streamed in, never read whole), in the item in memory mode.
 */
class BinaryItems {
	description = {
		displayName: 'Binary Items', name: 'binaryItems', group: ['transform'], version: 1, description: '',
		defaults: { name: 'Files' }, inputs: ['main'], outputs: ['main'],
		properties: [
			{ displayName: 'Files', name: 'files', type: 'json', default: '[]' },
			{ displayName: 'Binary Property', name: 'binaryPropertyName', type: 'string', default: 'data' },
		],
	};
	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		const raw = this.getNodeParameter('files', 0);
		const files = typeof raw === 'string' ? JSON.parse(raw) : raw;
		const property = this.getNodeParameter('binaryPropertyName', 0);
		const items = [];
		for (const file of files) {
			const data = file.path ? fs.createReadStream(file.path) : Buffer.from(file.base64, 'base64');
			const binary = await this.helpers.prepareBinaryData(data, file.fileName, file.mimeType);
			items.push({ json: { fileName: file.fileName ?? null }, binary: { [property]: binary }, pairedItem: { item: 0 } });
		}
		return [items];
	}
}

/** Passes its input through untouched: the baseline a benchmark compares a node against. */
class NoOp {
	description = {
		displayName: 'No Operation', name: 'noOp', group: ['transform'], version: 1, description: '',
		defaults: { name: 'No Operation' }, inputs: ['main'], outputs: ['main'], properties: [],
	};
	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		return [this.getInputData()];
	}
}

/**
 * Stands in for n8n's AI Agent 3 without a model: its `calls` parameter plays the model's tool calls. It reads the
 * connected tools as the agent does (n8n-core makes a tool of each usableAsTool node: name, description and a schema
 * from its $fromAI() calls), asks the engine to run the calls as the agent does (an engine request: n8n-core runs
 * each tool node on the agent's item merged with the call's arguments), then outputs one item: the tools as the model
 * would see them (the JSON schema OpenAI's client sends) and, for each call, the text the agent would hand the model
 * (the tool's output items as JSON; n8n-nodes-langchain utils/agent-execution/buildSteps.ts).
 */
class ToolCaller {
	description = {
		displayName: 'Tool Caller', name: 'toolCaller', group: ['transform'], version: 1, description: '',
		defaults: { name: 'Agent' }, inputs: ['main', 'ai_tool'], outputs: ['main'],
		properties: [{ displayName: 'Calls', name: 'calls', type: 'json', default: '[]' }],
	};
	/** @this {import('n8n-workflow').IExecuteFunctions} @param {import('n8n-workflow').EngineResponse} [response] */
	async execute(response) {
		if (!response?.actionResponses?.length) {
			const calls = JSON.parse(String(this.getNodeParameter('calls', 0)));
			const actions = calls.map((call, index) => ({
				actionType: 'ExecutionNodeAction', nodeName: call.tool, input: call.arguments, type: 'ai_tool', id: `call_${index}`,
				metadata: { itemIndex: 0 },
			}));
			return { actions, metadata: {} };
		}
		// A transitive dependency of n8n-core (which builds the tools with it): the converter OpenAI's client uses.
		const { toJsonSchema } = require('@langchain/core/utils/json_schema');
		const connected = await this.getInputConnectionData('ai_tool', 0);
		const tools = (Array.isArray(connected) ? connected : [connected]).map((tool) => ({
			name: tool.name,
			description: tool.description,
			parameters: toJsonSchema(tool.schema),
		}));
		const toolResults = response.actionResponses.map(({ data }) => JSON.stringify(data.data?.ai_tool?.[0]?.map((item) => item.json)));
		return [[{ json: { tools, toolResults }, pairedItem: { item: 0 } }]];
	}
}

const HARNESS_NODES = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'harness.fixedItems': new FixedItems(),
	'harness.binaryItems': new BinaryItems(),
	'harness.noOp': new NoOp(),
	'harness.readParameters': new ReadParameters(),
	'harness.toolCaller': new ToolCaller(),
};

/**
 * A usableAsTool node as the tool type n8n's app derives from it (packages/cli tool-generation/ai-tools.ts): the
 * name with "Tool" appended, no inputs, one ai_tool output, the same code.
 */
function toolVariant(nodeType) {
	const { description } = nodeType;
	if (!description.usableAsTool) throw new Error(`${description.name} is not usable as a tool`);
	const toolDescription = { ...description, name: `${description.name}Tool`, inputs: [], outputs: ['ai_tool'] };
	delete toolDescription.usableAsTool;
	return Object.assign(Object.create(nodeType), { description: toolDescription });
}

/** Every log line n8n-core and the node write during a run, so tests can check what a log would show. */
const logLines = [];
const recordingLogger = {
	scoped() {
		return recordingLogger;
	},
};
for (const level of ['error', 'warn', 'info', 'debug']) {
	recordingLogger[level] = (message, meta) => logLines.push({ level, message, meta: JSON.stringify(meta ?? {}) });
}
Container.set(Logger, recordingLogger);

class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(credentialTypes, credentials) {
		super();
		this.types = credentialTypes;
		this.credentials = credentials;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async getDecrypted(_additionalData, _nodeCredentials, type) {
		return structuredClone(this.credentials[type] ?? {});
	}
	async getCredentials() {
		throw new Error('not used by the engine harness');
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type) {
		return this.types[type].type.properties;
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	// Mirrors packages/cli/src/credentials-helper.ts: a function is called; a generic block's expressions are resolved.
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const credentialType = this.types[typeName].type;
		if (typeof credentialType.authenticate === 'function') {
			return await credentialType.authenticate(credentials, requestOptions);
		}
		if (credentialType.authenticate?.type === 'generic') {
			const resolve = (value) =>
				typeof value === 'string' && value.startsWith('=')
					? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '')
					: value;
			for (const [outer, pairs] of Object.entries(credentialType.authenticate.properties)) {
				requestOptions[outer] = requestOptions[outer] ?? {};
				for (const [key, value] of Object.entries(pairs)) requestOptions[outer][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}
}

let binaryDataReady;
/**
 * n8n's binary data service, set up once per process as n8n's app does, in n8n's default mode (filesystem: binary
 * data lives in files under the user folder, and nodes read it as streams).
 */
async function binaryDataService() {
	binaryDataReady ??= Container.get(BinaryDataService).init();
	await binaryDataReady;
	return Container.get(BinaryDataService);
}

/** Switches where later runs keep binary data: 'filesystem' (n8n's default) or 'memory' (base64 in the item). */
async function setBinaryDataMode(mode) {
	const service = await binaryDataService();
	service.mode = mode === 'memory' ? 'default' : 'filesystem-v2';
}

/** The bytes of a binary data object a node output, wherever n8n keeps them. */
async function binaryBytes(binary) {
	return await (await binaryDataService()).getAsBuffer(binary);
}

let loaded;
/** The built package, loaded once per process as n8n's PackageDirectoryLoader loads a community package. */
async function loadPackage(packageDir = PACKAGE_DIR) {
	if (loaded) return loaded;
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	const tools = new Map();
	const find = (type) => {
		if (HARNESS_NODES[type]) return HARNESS_NODES[type];
		const [packageName, nodeName] = type.split('.');
		const baseName = nodeName.replace(/Tool$/, '');
		const entry = packageName === loader.packageName ? loader.nodeTypes[baseName] : undefined;
		if (!entry) throw new Error(`Unknown node type ${type}`);
		if (baseName === nodeName) return entry.type;
		if (!tools.has(type)) tools.set(type, toolVariant(entry.type));
		return tools.get(type);
	};
	const nodeTypes = {
		getByName: find,
		getByNameAndVersion: (type, version) => {
			const nodeType = find(type);
			return 'nodeVersions' in nodeType ? nodeType.getNodeType(version) : nodeType;
		},
		getKnownTypes: () => ({}),
	};
	loaded = { loader, nodeTypes };
	return loaded;
}

let executions = 0;

/** Every run is an execution of its own, as in n8n: what the node keeps per execution never carries over. */
function newExecutionId() {
	executions += 1;
	return String(executions);
}

/**
 * Runs a workflow from its first node (a trigger) to the end and resolves with n8n's IRun. `extraNodeTypes` and
 * `extraCredentialTypes` add node and credential types from elsewhere (the benchmark loads n8n's HTTP Request node).
 * @param {{ nodes: any[], connections?: any, credentials?: Record<string, object>,
 *   extraNodeTypes?: Record<string, any>, extraCredentialTypes?: Record<string, any> }} workflowData
 */
async function runWorkflow({ nodes, connections = {}, credentials = {}, extraNodeTypes = {}, extraCredentialTypes = {} }) {
	const { loader, nodeTypes: packageTypes } = await loadPackage();
	await binaryDataService();
	const nodeTypes = {
		...packageTypes,
		getByName: (type) => extraNodeTypes[type] ?? packageTypes.getByName(type),
		getByNameAndVersion: (type, version) => {
			const extra = extraNodeTypes[type];
			if (!extra) return packageTypes.getByNameAndVersion(type, version);
			return 'nodeVersions' in extra ? extra.getNodeType(version) : extra;
		},
	};
	const credentialTypes = { ...loader.credentialTypes };
	for (const [name, type] of Object.entries(extraCredentialTypes)) credentialTypes[name] = { type };
	const workflow = new Workflow({ id: 'harness', nodes, connections, nodeTypes, active: false, settings: { executionOrder: 'v1' } });
	const executionId = newExecutionId();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, { id: 'harness', name: 'harness', nodes, connections, active: false });
	/** @type {(run: any) => void} */
	let finished = () => {};
	const done = new Promise((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const additionalData = harnessAdditionalData(executionId, hooks, new HarnessCredentialsHelper(credentialTypes, credentials));
	const runExecutionData = {
		resultData: { runData: {} },
		executionData: {
			metadata: {}, contextData: {}, waitingExecution: {}, waitingExecutionSource: null,
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
		},
	};
	await new WorkflowExecute(/** @type {any} */ (additionalData), 'manual', /** @type {any} */ (runExecutionData)).processRunExecutionData(workflow);
	return await done;
}

/**
 * What n8n-core needs of the app around an execution. A plain object: n8n-core reads some fields only when present,
 * and an auto-mock would answer every one.
 */
function harnessAdditionalData(executionId, hooks, credentialsHelper) {
	return {
		executionId, hooks, currentNodeExecutionIndex: 0, currentNodeParameters: undefined,
		restApiUrl: 'http://localhost/rest', instanceBaseUrl: 'http://localhost', formWaitingBaseUrl: 'http://localhost/form-waiting',
		webhookBaseUrl: 'http://localhost/webhook', webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test', variables: {}, getRunExecutionData: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not supported by the engine harness');
		},
		credentialsHelper,
	};
}

/**
 * One poll of a polling trigger through n8n-core's PollContext, as n8n's poller runs it (mode `trigger`; activation
 * `init` or `activate` for the poll at activation, `trigger` for the ticks after) or as a manual "Fetch Test Event"
 * (mode `manual`). `staticData` is the workflow's static data as n8n stored it (plain JSON); the answer gives it back
 * through JSON too, with whether the node marked it changed (what n8n checks before saving it). `pollBudgetMs`
 * stands for n8n's poll budget; null leaves getPollBudgetMs out, as n8n before 2.x.
 * @param {{ node: any, staticData?: object, credentials?: Record<string, object>, mode?: string, activation?: string,
 *   workflowId?: string, pollBudgetMs?: number | null }} options
 */
async function pollTrigger({ node, staticData = {}, credentials = {}, mode = 'trigger', activation = 'trigger', workflowId = 'harness', pollBudgetMs }) {
	const { loader, nodeTypes } = await loadPackage();
	const workflow = new Workflow({
		id: workflowId, nodes: [node], connections: {}, nodeTypes, active: true, staticData: JSON.parse(JSON.stringify(staticData)),
		settings: { executionOrder: 'v1' },
	});
	const executionId = newExecutionId();
	const hooks = new ExecutionLifecycleHooks(mode, executionId, { id: workflowId, name: 'harness', nodes: [node], connections: {}, active: true });
	const additionalData = harnessAdditionalData(executionId, hooks, new HarnessCredentialsHelper(loader.credentialTypes, credentials));
	const budget = typeof pollBudgetMs === 'number' ? () => pollBudgetMs : undefined;
	const context = new PollContext(workflow, node, additionalData, mode, activation, undefined, undefined, undefined, undefined, undefined, budget);
	if (pollBudgetMs === null) context.getPollBudgetMs = undefined;
	const result = await nodeTypes.getByNameAndVersion(node.type, node.typeVersion).poll.call(context);
	return { result, staticData: JSON.parse(JSON.stringify(workflow.staticData)), changed: workflow.staticData.__dataChanged === true };
}

/** The items a node output in a finished run (first run, first output), or undefined if it did not run. */
function nodeOutput(run, nodeName) {
	return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0];
}

module.exports = { runWorkflow, pollTrigger, nodeOutput, loadPackage, logLines, setBinaryDataMode, binaryBytes, PACKAGE_DIR };
