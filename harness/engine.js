// Runs workflows through n8n-core's real WorkflowExecute in this process (no n8n app): the package is loaded from
// its built dist/ the way n8n loads community packages, and the credential's `authenticate` is applied the way
// n8n's app (packages/cli CredentialsHelper) applies it. Used by the engine tests and `npm run demo`.
// These are semi-internal n8n-core APIs: package.json pins n8n-core and n8n-workflow exactly.
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');

process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'buildin-engine-'));

const { Workflow, ICredentialsHelper } = require('n8n-workflow');
const { PackageDirectoryLoader, PollContext, WorkflowExecute, ExecutionLifecycleHooks } = require('n8n-core');
const { Container } = require('@n8n/di');
const { Logger } = require('@n8n/backend-common');

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
 * Passes its input through after reading its Page ID and Title for every item: with the expressions the benchmark
 * gives the Buildin node, what n8n charges any node for evaluating them.
 */
class ReadParameters {
	description = {
		displayName: 'Read Parameters', name: 'readParameters', group: ['transform'], version: 1, description: '',
		defaults: { name: 'Read Parameters' }, inputs: ['main'], outputs: ['main'],
		properties: [
			{ displayName: 'Page ID', name: 'pageId', type: 'string', default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	};
	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		const items = this.getInputData();
		items.forEach((_item, index) => ['pageId', 'title'].forEach((name) => this.getNodeParameter(name, index)));
		return [items];
	}
}

const HARNESS_NODES = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'harness.fixedItems': new FixedItems(),
	'harness.noOp': new NoOp(),
	'harness.readParameters': new ReadParameters(),
};

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

let loaded;
/** The built package, loaded once per process as n8n's PackageDirectoryLoader loads a community package. */
async function loadPackage(packageDir = PACKAGE_DIR) {
	if (loaded) return loaded;
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	const find = (type) => {
		if (HARNESS_NODES[type]) return HARNESS_NODES[type];
		const [packageName, nodeName] = type.split('.');
		const entry = packageName === loader.packageName ? loader.nodeTypes[nodeName] : undefined;
		if (!entry) throw new Error(`Unknown node type ${type}`);
		return entry.type;
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

/**
 * Runs a workflow from its first node (a trigger) to the end and resolves with n8n's IRun. `extraNodeTypes` and
 * `extraCredentialTypes` add node and credential types from elsewhere (the benchmark loads n8n's HTTP Request node).
 * @param {{ nodes: any[], connections?: any, credentials?: Record<string, object>,
 *   extraNodeTypes?: Record<string, any>, extraCredentialTypes?: Record<string, any> }} workflowData
 */
async function runWorkflow({ nodes, connections = {}, credentials = {}, extraNodeTypes = {}, extraCredentialTypes = {} }) {
	const { loader, nodeTypes: packageTypes } = await loadPackage();
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
	const hooks = new ExecutionLifecycleHooks('manual', '1', { id: 'harness', name: 'harness', nodes, connections, active: false });
	/** @type {(run: any) => void} */
	let finished = () => {};
	const done = new Promise((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const additionalData = harnessAdditionalData(hooks, new HarnessCredentialsHelper(credentialTypes, credentials));
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
function harnessAdditionalData(hooks, credentialsHelper) {
	return {
		executionId: '1', hooks, currentNodeExecutionIndex: 0, currentNodeParameters: undefined,
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
	const hooks = new ExecutionLifecycleHooks(mode, '1', { id: workflowId, name: 'harness', nodes: [node], connections: {}, active: true });
	const additionalData = harnessAdditionalData(hooks, new HarnessCredentialsHelper(loader.credentialTypes, credentials));
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

module.exports = { runWorkflow, pollTrigger, nodeOutput, loadPackage, logLines, PACKAGE_DIR };
