// `npm run bench:files` (run with --expose-gc): in-process through n8n-core, against the sandbox in a process of its
// own. Prints figures and asserts nothing.
// 1. A 100 MB file through File → Upload: peak growth of the heap (and of heap plus Buffer memory) during the run,
//    next to the file's size, with n8n's default filesystem binary mode (the node streams the file) and, for
//    contrast, memory mode (the file is in the item, so it is in memory whatever the node does).
// 2. 500 records under a 50 requests/s limit: Create or Update Records in Batch against Create Record one by one.
// Options: --runs N (default 3).
const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { closeSync, mkdtempSync, openSync, rmSync, writeSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { runWorkflow, setBinaryDataMode } = require('../harness/engine');
const { spread, table } = require('./stats');

const FILE_BYTES = 100 * 1024 * 1024;
const RECORDS = 500;
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 0) || 3;
const MB = 1024 * 1024;

/** A file of random bytes on disk, written in 1 MB steps. */
function writeFile(path, bytes) {
	const fd = openSync(path, 'w');
	for (let written = 0; written < bytes; written += MB) writeSync(fd, randomBytes(Math.min(MB, bytes - written)));
	closeSync(fd);
}

function workflow(contender, input) {
	const nodes = [
		{ id: 'trigger', name: 'Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'input', name: 'Input', typeVersion: 1, position: [200, 0], ...input },
		{ id: 'contender', name: 'Contender', typeVersion: 1, position: [400, 0], credentials: { buildinApi: { id: 'b', name: 'b' } }, ...contender },
	];
	const connections = {
		Trigger: { main: [[{ node: 'Input', type: 'main', index: 0 }]] },
		Input: { main: [[{ node: 'Contender', type: 'main', index: 0 }]] },
	};
	return { nodes, connections };
}

/** Runs a workflow, sampling memory every 5 ms; the growth is measured from right before the run. */
async function measured(sandbox, { nodes, connections }) {
	global.gc();
	const before = process.memoryUsage();
	const peak = { heap: before.heapUsed, total: before.heapUsed + before.arrayBuffers };
	const sample = () => {
		const now = process.memoryUsage();
		peak.heap = Math.max(peak.heap, now.heapUsed);
		peak.total = Math.max(peak.total, now.heapUsed + now.arrayBuffers);
	};
	const sampler = setInterval(sample, 5);
	const started = Date.now();
	const run = await runWorkflow({ nodes, connections, credentials: { buildinApi: { apiToken: sandbox.token, baseUrl: sandbox.url } } });
	const wallMs = Date.now() - started;
	clearInterval(sampler);
	sample();
	const output = run.data.resultData.runData.Contender?.[0]?.data?.main?.[0] ?? [];
	if (run.status !== 'success') throw new Error(`${run.status}: ${run.data.resultData.error?.message ?? ''}`);
	return {
		heapMb: (peak.heap - before.heapUsed) / MB,
		totalMb: (peak.total - before.heapUsed - before.arrayBuffers) / MB,
		wallMs,
		output,
	};
}

async function uploadScenario(sandbox, ask) {
	const dir = mkdtempSync(join(tmpdir(), 'buildin-bench-files-'));
	const path = join(dir, 'archive.zip');
	writeFile(path, FILE_BYTES);
	const input = { type: 'harness.binaryItems', parameters: { files: JSON.stringify([{ fileName: 'archive.zip', mimeType: 'application/zip', path }]) } };
	const upload = { type: 'n8n-nodes-buildin.buildin', parameters: { resource: 'file', operation: 'upload', pageId: { __rl: true, mode: 'id', value: sandbox.pageId }, options: { timeout: 600 } } };
	const noOp = { type: 'harness.noOp', parameters: {} };
	const rows = [];
	try {
		for (const [label, mode, contender, runs] of [
			['Binary Items -> No-op (baseline: n8n stores the file)', 'filesystem', noOp, RUNS],
			['Binary Items -> File -> Upload, filesystem mode (n8n default)', 'filesystem', upload, RUNS],
			['Binary Items -> File -> Upload, memory mode (file held in the item)', 'memory', upload, 1],
		]) {
			await setBinaryDataMode(mode);
			const results = [];
			for (let run = 0; run < runs; run++) {
				const result = await measured(sandbox, workflow(contender, input));
				if (contender === upload) {
					const stored = await ask({ lastUpload: true });
					if (stored.size !== FILE_BYTES) throw new Error(`the object store received ${stored.size} bytes`);
				}
				results.push(result);
			}
			rows.push([
				label,
				spread(results.map((r) => r.heapMb), 1),
				spread(results.map((r) => (100 * r.heapMb * MB) / FILE_BYTES), 1),
				spread(results.map((r) => r.totalMb), 1),
				spread(results.map((r) => r.wallMs / 1000)),
			]);
		}
	} finally {
		await setBinaryDataMode('filesystem');
		rmSync(dir, { recursive: true, force: true });
	}
	console.log(`1. Upload: one ${FILE_BYTES / MB} MB file through File -> Upload (Append to Page), in-process (n8n-core ${require('n8n-core/package.json').version}, Node ${process.version}); ${RUNS} runs, median (min-max)\n`);
	console.log(table(['contender', 'peak heap growth MB', '% of the file', 'peak heap + Buffers growth MB', 'wall s'], rows));
}

async function batchScenario(sandbox, ask) {
	const items = JSON.stringify(Array.from({ length: RECORDS }, (_, index) => ({ name: `Record ${index + 1}` })));
	const input = { type: 'harness.fixedItems', parameters: { items } };
	const name = { type: '={{$parameter["&key"].split("|").pop()}}', key: 'Name|title', textValue: '={{ $json.name }}' };
	const common = { resource: 'database', databaseId: { __rl: true, mode: 'id', value: sandbox.databaseId }, properties: { property: [name] } };
	const contenders = [
		['Create Record, one request per record (Concurrency 5)', { ...common, operation: 'createRecord', options: {} }],
		['Create or Update Records in Batch (100 per request)', { ...common, operation: 'createOrUpdateRecords', batchSize: 100, options: {} }],
	];
	const rows = [];
	for (const [label, parameters] of contenders) {
		const results = [];
		for (let run = 0; run < RUNS; run++) {
			await ask({ rateLimit: 50, reset: true });
			const result = await measured(sandbox, workflow({ type: 'n8n-nodes-buildin.buildin', parameters }, input));
			const counts = await ask({ counts: true });
			if (result.output.length !== RECORDS || result.output.some((item) => item.json.error)) throw new Error(`${label}: failed items`);
			results.push({ ...result, ...counts });
		}
		rows.push([
			label,
			spread(results.map((r) => r.wallMs / 1000)),
			spread(results.map((r) => r.writes), 0),
			spread(results.map((r) => r.throttled), 0),
		]);
	}
	console.log(`\n2. Batch: ${RECORDS} new records, sandbox limited to 50 requests/s (429 with Retry-After: 1 beyond), in-process; ${RUNS} runs, median (min-max)\n`);
	console.log(table(['contender', 'wall s', 'write requests', '429s received'], rows));
}

async function main() {
	const child = fork(join(__dirname, 'files-sandbox-child.js'));
	const ready = await new Promise((resolve) => child.once('message', resolve));
	let pending;
	child.on('message', (message) => pending?.(message));
	const ask = (question) =>
		new Promise((resolve) => {
			pending = resolve;
			child.send(question);
		});
	await uploadScenario(ready, ask);
	await batchScenario(ready, ask);
	child.disconnect();
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
