// Scenario 5 of `npm run bench`: 10,000 items through Page -> Update, in-process through n8n-core (run with
// --expose-gc). Peak heap growth of the execution per 1000 items, against the same run through a no-op node and
// through n8n's HTTP Request node (loaded from the cached real n8n install); CPU per item over the no-op's. One more
// row reads the Buildin node's two expressions in a no-op: n8n's share of the node's CPU.
const { fork } = require('node:child_process');
const { existsSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');

const { runWorkflow } = require('../harness/engine');
const { spread, table } = require('./stats');
const { buildinParameters, httpRequestParameters, readParametersContender } = require('./workflows');

const ITEMS = 10_000;
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 0) || 3;
const CACHE = process.env.BUILDIN_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-buildin');

/** n8n's HTTP Request node and header credential, from the Node 20 line of the end-to-end tier, if installed. */
function httpRequestTypes() {
	const base = join(CACHE, 'n8n-2.8.4', 'node_modules', 'n8n-nodes-base', 'dist');
	if (!existsSync(base)) return undefined;
	const { HttpRequest } = require(join(base, 'nodes', 'HttpRequest', 'HttpRequest.node.js'));
	const { HttpHeaderAuth } = require(join(base, 'credentials', 'HttpHeaderAuth.credentials.js'));
	return { node: new HttpRequest(), credential: new HttpHeaderAuth() };
}

function contenderNode(kind, sandbox) {
	const common = { id: 'contender', name: 'Contender', typeVersion: 1, position: [400, 0] };
	if (kind === 'noOp') return { ...common, type: 'harness.noOp', parameters: {} };
	if (kind === 'expressions') {
		return { ...common, type: 'harness.readParameters', parameters: readParametersContender(sandbox.ids, 'fields').parameters };
	}
	if (kind === 'http') {
		return {
			...common,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			credentials: { httpHeaderAuth: { id: 'header', name: 'header' } },
			parameters: httpRequestParameters(sandbox.url),
		};
	}
	return {
		...common,
		type: 'n8n-nodes-buildin.buildin',
		credentials: { buildinApi: { id: 'buildin', name: 'buildin' } },
		parameters: buildinParameters(sandbox.ids, {
			values: ['computed', 'plain'].includes(kind) ? kind : 'fields',
			simplify: kind === 'simplify',
		}),
	};
}

async function measure(kind, sandbox, items, http) {
	const nodes = [
		{ id: 'trigger', name: 'Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'items', name: 'Items', type: 'harness.fixedItems', typeVersion: 1, position: [200, 0], parameters: { items } },
		contenderNode(kind, sandbox),
	];
	const connections = {
		Trigger: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
		Items: { main: [[{ node: 'Contender', type: 'main', index: 0 }]] },
	};
	global.gc();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
	const cpu = process.cpuUsage();
	const started = Date.now();
	const run = await runWorkflow({
		nodes,
		connections,
		credentials: {
			buildinApi: { apiToken: sandbox.token, baseUrl: sandbox.url },
			httpHeaderAuth: { name: 'Authorization', value: `Bearer ${sandbox.token}` },
		},
		extraNodeTypes: http ? { 'n8n-nodes-base.httpRequest': http.node } : {},
		extraCredentialTypes: http ? { httpHeaderAuth: http.credential } : {},
	});
	const wallMs = Date.now() - started;
	const used = process.cpuUsage(cpu);
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	const output = run.data.resultData.runData.Contender?.[0]?.data?.main?.[0] ?? [];
	if (run.status !== 'success' || output.length !== ITEMS) {
		throw new Error(`${kind}: ${run.status}, ${output.length} items; ${run.data.resultData.error?.message ?? ''}`);
	}
	return { heapMbPer1000: (peak - baseline) / 1024 / 1024 / (ITEMS / 1000), cpuMsPerItem: (used.user + used.system) / 1000 / ITEMS, wallMs };
}

async function main() {
	const child = fork(join(__dirname, 'sandbox-child.js'), [String(ITEMS)]);
	const sandbox = await new Promise((resolve) => child.once('message', resolve));
	const items = JSON.stringify(sandbox.ids.map((id, index) => ({ id, title: `Memory ${index}` })));
	const http = httpRequestTypes();
	const contenders = [
		['noOp', 'No-op node (baseline)'],
		['expressions', 'No-op node reading the same two expressions'],
		['raw', 'Buildin Update, Simplify off'],
		['simplify', 'Buildin Update, Simplify on'],
		['computed', 'Buildin Update, expressions n8n evaluates'],
		['plain', 'Buildin Update, plain values, no expressions'],
		...(http ? [['http', 'HTTP Request, defaults']] : []),
	];
	const results = {};
	for (const [kind] of contenders) {
		results[kind] = [];
		for (let run = 0; run < RUNS; run++) results[kind].push(await measure(kind, sandbox, items, http));
	}
	const noOpCpu = results.noOp.map((run) => run.cpuMsPerItem);
	const rows = contenders.map(([kind, label]) => [
		label,
		spread(results[kind].map((run) => run.heapMbPer1000)),
		kind === 'noOp' ? '0' : spread(results[kind].map((run, index) => run.cpuMsPerItem - noOpCpu[index % noOpCpu.length]), 3),
		spread(results[kind].map((run) => run.wallMs / 1000)),
	]);
	console.log(`5. Memory: ${ITEMS} items through Page -> Update in-process (n8n-core ${require('n8n-core/package.json').version}, Node ${process.version})\n`);
	console.log(table(['contender', 'peak heap growth MB / 1000 items', 'CPU ms / item over no-op', 'wall s'], rows));
	if (!http) console.log('\n(HTTP Request row missing: install the Node 20 n8n line first, scripts/install-n8n.sh 2.8.4)');
	child.disconnect();
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
