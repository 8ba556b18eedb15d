// `npm run bench`: the Buildin node against n8n's HTTP Request node inside a real n8n (latency-bound on every line of
// the end-to-end tier, rate-limited on the newest), against the sandbox on 127.0.0.1, then the memory scenario
// in-process. Prints figures; asserts nothing.
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
const DEFAULT_CONCURRENCY = 5; // nodes/Buildin/transport/pacing.ts

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
	// What the latency really was: the floor assumes every answer leaves exactly `latency` after its request arrived.
	const answered = sandbox.requests.flatMap((request) => request.answeredAfterMs ?? []);
	const answeredAfterMs = answered.reduce((sum, ms) => sum + ms, 0) / Math.max(1, answered.length);
	return { ms, failed, count, throttled, sandboxMsPerRequest, answeredAfterMs };
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
			spread(runs.map((run) => run.answeredAfterMs), 1),
		]);
		process.stdout.write(`  ${name}: ${contender.label} done\n`);
	}
	rows.push(['physical floor', (floorMs / 1000).toFixed(2), (items / (floorMs / 1000)).toFixed(0), '1.00', '0', '0', '', '']);
	return table(
		['contender', 'wall s', 'items/s', 'x floor', 'failed items', '429s received', 'sandbox CPU ms/request', 'sandbox answered after ms'],
		rows,
	);
}

/** Runs `measure` in one n8n line with the package installed and the workflows and credentials imported. */
async function inN8n(line, sandbox, workflows, measure) {
	const n8n = new N8n(line);
	try {
		n8n.installPackage();
		await n8n.importCredentials(credentials(sandbox.url, TOKEN));
		await n8n.importWorkflows(Object.values(workflows));
		return await measure(n8n);
	} finally {
		n8n.cleanup();
	}
}

async function latencyScenario(line, sandbox, ids, { withReference }) {
	const latency = 20;
	const workflows = {
		one: buildinWorkflow('bench-latency-c1', ids, 1),
		byDefault: buildinWorkflow('bench-latency-default', ids),
		computed: buildinWorkflow('bench-latency-computed', ids, undefined, { values: 'computed' }),
		plain: buildinWorkflow('bench-latency-plain', ids, undefined, { values: 'plain' }),
		http: httpRequestWorkflow('bench-latency-http', ids, sandbox.url),
	};
	return await inN8n(line, sandbox, workflows, (n8n) =>
		scenario(n8n, sandbox, {
			name: `latency, n8n ${line.n8n}`,
			items: ids.length,
			floorMs: (ids.length * latency) / DEFAULT_CONCURRENCY,
			setUp: () => sandbox.setLatency(latency),
			contenders: [
				{ id: workflows.one.id, label: 'Buildin, concurrency 1' },
				{ id: workflows.byDefault.id, label: `Buildin, default (${DEFAULT_CONCURRENCY})` },
				{ id: workflows.computed.id, label: `Buildin, default (${DEFAULT_CONCURRENCY}), expressions n8n evaluates` },
				{ id: workflows.plain.id, label: `Buildin, default (${DEFAULT_CONCURRENCY}), plain values, no expressions` },
				{ id: workflows.http.id, label: 'HTTP Request, defaults' },
				...(withReference ? [{ bare: ids, label: `Plain fetch client, ${DEFAULT_CONCURRENCY} at once (reference)` }] : []),
			],
		}),
	);
}

async function rateLimitScenario(line, sandbox, ids) {
	const perSecond = 50;
	const workflows = {
		one: buildinWorkflow('bench-limited-c1', ids, 1),
		byDefault: buildinWorkflow('bench-limited-default', ids),
		http: httpRequestWorkflow('bench-limited-http', ids, sandbox.url),
	};
	return await inN8n(line, sandbox, workflows, (n8n) =>
		scenario(n8n, sandbox, {
			name: `ratelimit, n8n ${line.n8n}`,
			items: ids.length,
			floorMs: (ids.length / perSecond) * 1000,
			setUp: () => {
				sandbox.setLatency(20);
				sandbox.setRateLimit({ perSecond, retryAfter: 1 });
			},
			contenders: [
				{ id: workflows.one.id, label: 'Buildin, concurrency 1' },
				{ id: workflows.byDefault.id, label: `Buildin, default (${DEFAULT_CONCURRENCY})` },
				{ id: workflows.http.id, label: 'HTTP Request, defaults' },
			],
		}),
	);
}

async function main() {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	const sandbox = await startSandbox({ port: 0 });
	sandbox.addToken(TOKEN, ['pages.read', 'pages.write']);
	const pageIds = (count) => Array.from({ length: count }, (_, index) => sandbox.addPage({ title: `Bench page ${index}` }).id);
	const latencyIds = pageIds(1000);
	const limitedIds = pageIds(500);
	const [newest] = N8N_LINES;

	const output = [`Benchmark: ${RUNS} runs each, median (min-max); ${new Date().toISOString().slice(0, 10)}`];
	try {
		if (wanted('latency')) {
			output.push(
				`\n1. Latency-bound: 1000 Page -> Update items, sandbox latency 20 ms, no rate limit (floor = N x latency / concurrency at the default ${DEFAULT_CONCURRENCY}), on each n8n line of the end-to-end tier`,
			);
			for (const [index, line] of N8N_LINES.entries()) {
				const table = await latencyScenario(line, sandbox, latencyIds, { withReference: index === 0 });
				output.push(`\nn8n ${line.n8n} on Node ${line.node}:\n`, table);
			}
		}
		if (wanted('ratelimit')) {
			output.push(
				`\n2. Rate-limited: 500 items, sandbox limited to 50 requests/s (429 with Retry-After: 1 beyond), latency 20 ms (floor = N / limit); n8n ${newest.n8n} on Node ${newest.node}\n`,
				await rateLimitScenario(newest, sandbox, limitedIds),
			);
		}
	} finally {
		await sandbox.close();
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
