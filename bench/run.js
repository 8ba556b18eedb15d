// `npm run bench`: the Buildin node against n8n's HTTP Request node inside a real n8n (the end-to-end tier's newest
// line), against the sandbox on 127.0.0.1, then the memory scenario in-process. Prints figures; asserts nothing.
// Options: --runs N (default 3), --only latency|ratelimit|memory (repeatable).
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { N8n, N8N_LINES, ROOT } = require('../harness/n8n');
const { startSandbox } = require('../sandbox');
const { spread, table } = require('./stats');
const { buildinWorkflow, credentials, httpRequestWorkflow } = require('./workflows');

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 0) || 3;
const only = args.flatMap((arg, index) => (args[index - 1] === '--only' ? [arg] : []));
const wanted = (name) => only.length === 0 || only.includes(name);
const TOKEN = 'bench-token';
const DEFAULT_CONCURRENCY = 5; // nodes/Buildin/actions/common.descriptions.ts

function contenderRun(json) {
	const run = json?.data?.resultData?.runData?.Contender?.[0];
	if (!run) throw new Error(`the contender did not run: ${JSON.stringify(json?.data?.resultData?.error ?? json).slice(0, 500)}`);
	const items = run.data.main[0];
	return { ms: run.executionTime, failed: items.filter((item) => item.json.error !== undefined).length, count: items.length };
}

/** Runs the reference client (bench/bare-client.js) in a child process; resolves with its own timing. */
async function bareClientRun(request) {
	const file = join(tmpdir(), `buildin-bench-${process.pid}.json`);
	writeFileSync(file, JSON.stringify(request));
	const child = spawn(process.execPath, [join(__dirname, 'bare-client.js'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
	let out = '';
	child.stdout.on('data', (chunk) => (out += chunk));
	await new Promise((resolve) => child.on('close', resolve));
	return JSON.parse(out);
}

async function measure(n8n, sandbox, contender, setUp) {
	sandbox.reset();
	setUp();
	const cpu = process.cpuUsage();
	const { ms, failed, count } = contender.bare
		? await bareClientRun({ url: sandbox.url, token: TOKEN, ids: contender.bare, concurrency: DEFAULT_CONCURRENCY })
		: contenderRun((await n8n.execute(contender.id)).json);
	const used = process.cpuUsage(cpu);
	const throttled = sandbox.requests.filter((request) => request.status === 429).length;
	// The sandbox runs in this process: its CPU per request shows whether it, not the contender, set the pace.
	const sandboxMsPerRequest = (used.user + used.system) / 1000 / Math.max(1, sandbox.requests.length);
	return { ms, failed, count, throttled, sandboxMsPerRequest };
}

async function scenario(n8n, sandbox, { name, items, floorMs, contenders, setUp }) {
	const rows = [];
	for (const contender of contenders) {
		const runs = [];
		for (let run = 0; run < RUNS; run++) runs.push(await measure(n8n, sandbox, contender, setUp));
		const seconds = runs.map((run) => run.ms / 1000);
		rows.push([
			contender.label,
			spread(seconds),
			spread(runs.map((run) => items / (run.ms / 1000)), 0),
			spread(runs.map((run) => run.ms / floorMs)),
			spread(runs.map((run) => run.failed), 0),
			spread(runs.map((run) => run.throttled), 0),
			spread(runs.map((run) => run.sandboxMsPerRequest), 2),
		]);
		process.stdout.write(`  ${name}: ${contender.label} done\n`);
	}
	rows.push(['physical floor', (floorMs / 1000).toFixed(2), (items / (floorMs / 1000)).toFixed(0), '1.00', '0', '0', '']);
	return table(['contender', 'wall s', 'items/s', 'x floor', 'failed items', '429s received', 'sandbox CPU ms/request'], rows);
}

async function main() {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	const line = N8N_LINES[0];
	const n8n = new N8n(line);
	n8n.installPackage();
	const sandbox = await startSandbox({ port: 0 });
	sandbox.addToken(TOKEN, ['pages.read', 'pages.write']);
	const pageIds = (count) => Array.from({ length: count }, (_, index) => sandbox.addPage({ title: `Bench page ${index}` }).id);
	const latencyIds = pageIds(1000);
	const limitedIds = pageIds(500);
	const workflows = {
		latency1: buildinWorkflow('bench-latency-c1', latencyIds, 1),
		latencyDefault: buildinWorkflow('bench-latency-default', latencyIds),
		latencyHttp: httpRequestWorkflow('bench-latency-http', latencyIds, sandbox.url),
		limited1: buildinWorkflow('bench-limited-c1', limitedIds, 1),
		limitedDefault: buildinWorkflow('bench-limited-default', limitedIds),
		limitedHttp: httpRequestWorkflow('bench-limited-http', limitedIds, sandbox.url),
	};
	await n8n.importCredentials(credentials(sandbox.url, TOKEN));
	await n8n.importWorkflows(Object.values(workflows));

	const output = [`Benchmark: n8n ${line.n8n} on Node ${line.node}, ${RUNS} runs each, median (min-max); ${new Date().toISOString().slice(0, 10)}`];
	try {
		if (wanted('latency')) {
			const latency = 20;
			output.push(
				`\n1. Latency-bound: 1000 Page -> Update items, sandbox latency ${latency} ms, no rate limit (floor = N x latency / concurrency at the default ${DEFAULT_CONCURRENCY})\n`,
				await scenario(n8n, sandbox, {
					name: 'latency',
					items: 1000,
					floorMs: (1000 * latency) / DEFAULT_CONCURRENCY,
					setUp: () => sandbox.setLatency(latency),
					contenders: [
						{ id: workflows.latency1.id, label: 'Buildin, concurrency 1' },
						{ id: workflows.latencyDefault.id, label: `Buildin, default (${DEFAULT_CONCURRENCY})` },
						{ id: workflows.latencyHttp.id, label: 'HTTP Request, defaults' },
						{ bare: latencyIds, label: `Plain fetch client, ${DEFAULT_CONCURRENCY} at once (reference)` },
					],
				}),
			);
		}
		if (wanted('ratelimit')) {
			const perSecond = 50;
			output.push(
				`\n2. Rate-limited: 500 items, sandbox limited to ${perSecond} requests/s (429 with Retry-After: 1 beyond), latency 20 ms (floor = N / limit)\n`,
				await scenario(n8n, sandbox, {
					name: 'ratelimit',
					items: 500,
					floorMs: (500 / perSecond) * 1000,
					setUp: () => {
						sandbox.setLatency(20);
						sandbox.setRateLimit({ perSecond, retryAfter: 1 });
					},
					contenders: [
						{ id: workflows.limited1.id, label: 'Buildin, concurrency 1' },
						{ id: workflows.limitedDefault.id, label: `Buildin, default (${DEFAULT_CONCURRENCY})` },
						{ id: workflows.limitedHttp.id, label: 'HTTP Request, defaults' },
					],
				}),
			);
		}
	} finally {
		await sandbox.close();
		n8n.cleanup();
	}
	if (wanted('memory')) {
		const memory = spawnSync(process.execPath, ['--expose-gc', join(__dirname, 'memory.js'), '--runs', String(RUNS)], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		output.push(`\n${memory.stdout.trim()}`);
	}
	console.log(`\n${output.join('\n')}`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
