// `npm run bench`: the Buildin node against n8n's HTTP Request node inside a real n8n (latency-bound on every line of
// the end-to-end tier; rate-limited, a burst of 429s and many executions at once on the newest), against the sandbox
// on 127.0.0.1, then the memory scenario in-process. Prints figures; asserts nothing.
// Options: --runs N (default 3), --only latency|ratelimit|burst|executions|memory (repeatable),
// --baseline <git ref> (the package with pacing per execution, for the many-executions scenario; default 376e7b5).
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync, symlinkSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');

const { N8n, N8nRest, N8N_LINES, ROOT, packedTarball } = require('../harness/n8n');
const { startSandbox } = require('../sandbox');
const { spread, table } = require('./stats');
const {
	buildinContender,
	buildinWorkflow,
	credentials,
	httpRequestContender,
	httpRequestWorkflow,
	readParametersWorkflow,
	webhookWorkflow,
} = require('./workflows');

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(option('--runs') || 0) || 3;
const BASELINE = option('--baseline') ?? '376e7b5';
const only = args.flatMap((arg, index) => (args[index - 1] === '--only' ? [arg] : []));
const wanted = (name) => only.length === 0 || only.includes(name);
const TOKEN = 'bench-token';
const SCOPES = ['pages.read', 'pages.write'];
// The floor of the latency-bound scenario: the Concurrency the node had by default before it adapted
// (nodes/Buildin/transport/concurrency.ts DEFAULT_CONCURRENCY, where the adaptive window starts).
const FLOOR_CONCURRENCY = 5;
const DEFAULT = 'default (adaptive)';

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

/**
 * One run of a contender: `run(index)` of its own (the many-executions scenario), the reference client (`bare`), or
 * its workflow through `n8n execute` (`id`).
 */
async function measure(n8n, sandbox, contender, setUp, runIndex) {
	sandbox.reset();
	setUp();
	const cpu = process.cpuUsage();
	const { ms, failed } = contender.run
		? await contender.run(runIndex)
		: contender.bare
			? await bareClientRun({ url: sandbox.url, token: TOKEN, ids: contender.bare, concurrency: FLOOR_CONCURRENCY })
			: contenderRun((await n8n.execute(contender.id)).json);
	const used = process.cpuUsage(cpu);
	const throttled = sandbox.requests.filter((request) => request.status === 429).length;
	// The sandbox runs in this process: its CPU per request shows whether it, not the contender, set the pace.
	const sandboxMsPerRequest = sandbox.requests.length === 0 ? undefined : (used.user + used.system) / 1000 / sandbox.requests.length;
	// What the latency really was: the floor assumes every answer leaves exactly `latency` after its request arrived.
	const answered = sandbox.requests.flatMap((request) => request.answeredAfterMs ?? []);
	const answeredAfterMs = answered.length === 0 ? undefined : answered.reduce((sum, ms) => sum + ms, 0) / answered.length;
	return { ms, failed, throttled, sandboxMsPerRequest, answeredAfterMs };
}

/** The spread of a figure only some runs have (the sandbox's, for a contender that sends nothing: empty). */
function spreadOf(values, decimals) {
	const known = values.filter((value) => value !== undefined);
	return known.length === 0 ? '' : spread(known, decimals);
}

const HEADERS = ['contender', 'wall s', 'items/s', 'x floor', 'failed items', '429s received', 'sandbox CPU ms/request', 'sandbox answered after ms'];

/**
 * One table row per contender, RUNS runs each; a contender's own `floorMs` overrides the scenario's. The runs go in
 * rounds, every contender once per round and each round starting one contender further on: the machine is shared,
 * and a busy spell then slows a run of every row, not all runs of the rows that happened to be running.
 */
async function rows(n8n, sandbox, { name, items, floorMs, contenders, setUp }) {
	const runs = contenders.map(() => []);
	for (let run = 0; run < RUNS; run++) {
		for (let place = 0; place < contenders.length; place++) {
			const index = (place + run) % contenders.length;
			runs[index].push(await measure(n8n, sandbox, contenders[index], setUp, run));
		}
		process.stdout.write(`  ${name}: round ${run + 1} of ${RUNS} done\n`);
	}
	return contenders.map((contender, index) => {
		const floor = contender.floorMs ?? floorMs;
		const measured = runs[index];
		return [
			contender.label,
			spread(measured.map((run) => run.ms / 1000)),
			spread(measured.map((run) => items / (run.ms / 1000)), 0),
			spread(measured.map((run) => run.ms / floor)),
			spread(measured.map((run) => run.failed), 0),
			spread(measured.map((run) => run.throttled), 0),
			spreadOf(measured.map((run) => run.sandboxMsPerRequest), 2),
			spreadOf(measured.map((run) => run.answeredAfterMs), 1),
		];
	});
}

function floorRow(items, floorMs) {
	return ['physical floor', (floorMs / 1000).toFixed(2), (items / (floorMs / 1000)).toFixed(0), '1.00', '0', '0', '', ''];
}

/** The folder n8n loads the read-parameters node from (N8N_CUSTOM_EXTENSIONS): it holds that node's file alone. */
const HARNESS_NODES = join(ROOT, 'harness', 'nodes');

/**
 * Runs `measure` in one n8n line with `tarball` installed, the harness's read-parameters node loaded, and the
 * workflows and credentials imported.
 */
async function inN8n(line, workflows, creds, measure, tarball = packedTarball()) {
	const n8n = new N8n(line, { env: { N8N_CUSTOM_EXTENSIONS: HARNESS_NODES } });
	try {
		n8n.installPackage(tarball);
		await n8n.importCredentials(creds);
		await n8n.importWorkflows(Object.values(workflows));
		return await measure(n8n);
	} finally {
		await n8n.stop();
		n8n.cleanup();
	}
}

/**
 * The page each of 1000 items updates when every 10 items share one of 100 pages: in a row (items 0-9 the first page,
 * 10-19 the second, ...), or interleaved (item i the page i mod 100).
 */
function sharedPages(pages, items) {
	const perPage = items / pages.length;
	return {
		inARow: Array.from({ length: items }, (_, item) => pages[Math.floor(item / perPage)]),
		interleaved: Array.from({ length: items }, (_, item) => pages[item % pages.length]),
	};
}

async function latencyScenario(line, sandbox, ids, shared, { withReference }) {
	const latency = 20;
	const workflows = {
		one: buildinWorkflow('bench-latency-c1', ids, 1),
		byDefault: buildinWorkflow('bench-latency-default', ids),
		five: buildinWorkflow('bench-latency-c5', ids, 5),
		computed: buildinWorkflow('bench-latency-computed', ids, undefined, { values: 'computed' }),
		plain: buildinWorkflow('bench-latency-plain', ids, undefined, { values: 'plain' }),
		http: httpRequestWorkflow('bench-latency-http', ids, sandbox.url),
		readFields: readParametersWorkflow('bench-read-fields', ids, 'fields'),
		readComputed: readParametersWorkflow('bench-read-computed', ids, 'computed'),
		sharedInARow: buildinWorkflow('bench-shared-row', shared.inARow),
		sharedInterleaved: buildinWorkflow('bench-shared-interleaved', shared.interleaved),
		sharedOne: buildinWorkflow('bench-shared-c1', shared.inARow, 1),
		sharedHttp: httpRequestWorkflow('bench-shared-http', shared.inARow, sandbox.url),
	};
	const onShared = '100 pages, 10 items each';
	const floorMs = (ids.length * latency) / FLOOR_CONCURRENCY;
	return await inN8n(line, workflows, credentials(sandbox.url, TOKEN), async (n8n) =>
		table(HEADERS, [
			...(await rows(n8n, sandbox, {
				name: `latency, n8n ${line.n8n}`,
				items: ids.length,
				floorMs,
				setUp: () => sandbox.setLatency(latency),
				contenders: [
					{ id: workflows.one.id, label: 'Buildin, concurrency 1' },
					{ id: workflows.byDefault.id, label: `Buildin, ${DEFAULT}` },
					{ id: workflows.five.id, label: 'Buildin, concurrency 5 (the default before)' },
					{ id: workflows.computed.id, label: `Buildin, ${DEFAULT}, expressions n8n evaluates` },
					{ id: workflows.plain.id, label: `Buildin, ${DEFAULT}, plain values: one page for every item` },
					{ id: workflows.http.id, label: 'HTTP Request, defaults' },
					...(withReference ? [{ bare: ids, label: `Plain fetch client, ${FLOOR_CONCURRENCY} at once (reference)` }] : []),
					{ id: workflows.readFields.id, label: 'No-op node reading the mapped fields (n8n evaluating them, no request)' },
					{ id: workflows.readComputed.id, label: 'No-op node reading the expressions n8n evaluates (no request)' },
					{ id: workflows.sharedInARow.id, label: `Buildin, ${DEFAULT}, ${onShared} in a row` },
					{ id: workflows.sharedInterleaved.id, label: `Buildin, ${DEFAULT}, ${onShared}, interleaved` },
					{ id: workflows.sharedOne.id, label: `Buildin, concurrency 1, ${onShared} in a row` },
					{ id: workflows.sharedHttp.id, label: `HTTP Request, defaults, ${onShared} in a row` },
				],
			})),
			floorRow(ids.length, floorMs),
		]),
	);
}

async function rateLimitScenario(line, sandbox, ids) {
	const perSecond = 50;
	const workflows = {
		one: buildinWorkflow('bench-limited-c1', ids, 1),
		byDefault: buildinWorkflow('bench-limited-default', ids),
		five: buildinWorkflow('bench-limited-c5', ids, 5),
		http: httpRequestWorkflow('bench-limited-http', ids, sandbox.url),
	};
	const floorMs = (ids.length / perSecond) * 1000;
	return await inN8n(line, workflows, credentials(sandbox.url, TOKEN), async (n8n) =>
		table(HEADERS, [
			...(await rows(n8n, sandbox, {
				name: `ratelimit, n8n ${line.n8n}`,
				items: ids.length,
				floorMs,
				setUp: () => {
					sandbox.setLatency(20);
					sandbox.setRateLimit({ perSecond, retryAfter: 1 });
				},
				contenders: [
					{ id: workflows.one.id, label: 'Buildin, concurrency 1' },
					{ id: workflows.byDefault.id, label: `Buildin, ${DEFAULT}` },
					{ id: workflows.five.id, label: 'Buildin, concurrency 5' },
					{ id: workflows.http.id, label: 'HTTP Request, defaults' },
				],
			})),
			floorRow(ids.length, floorMs),
		]),
	);
}

/**
 * A short burst of 429s and no limit (issue 15's measurements): two 429s (Retry-After: 1) for the 11th and 12th
 * items, or eight 429s in a row for the 11th item at Concurrency 1. The floor of each row is the run without 429s
 * (N x latency / concurrency) plus the pauses the 429s ask for.
 */
async function burstScenario(line, sandbox, ids) {
	const latency = 20;
	const workflows = {
		byDefault: buildinWorkflow('bench-burst-default', ids),
		five: buildinWorkflow('bench-burst-c5', ids, 5),
		one: buildinWorkflow('bench-burst-c1', ids, 1, { options: { maxRetries: 10 } }),
	};
	const twoAfterTenth = () => [10, 11].forEach((item) => sandbox.injectFault({ path: `/v2/pages/${ids[item]}`, status: 429, retryAfter: 1 }));
	const eightInARow = () => sandbox.injectFault({ path: `/v2/pages/${ids[10]}`, status: 429, retryAfter: 1, times: 8 });
	const burstRows = async (n8n, contender, inject) =>
		await rows(n8n, sandbox, {
			name: `burst, n8n ${line.n8n}`,
			items: ids.length,
			setUp: () => {
				sandbox.setLatency(latency);
				inject();
			},
			contenders: [contender],
		});
	return await inN8n(line, workflows, credentials(sandbox.url, TOKEN), async (n8n) =>
		table(HEADERS, [
			...(await burstRows(n8n, { id: workflows.byDefault.id, label: `Buildin, ${DEFAULT}, two 429s after the 10th`, floorMs: (ids.length * latency) / 5 + 1000 }, twoAfterTenth)),
			...(await burstRows(n8n, { id: workflows.five.id, label: 'Buildin, concurrency 5, two 429s after the 10th', floorMs: (ids.length * latency) / 5 + 1000 }, twoAfterTenth)),
			...(await burstRows(n8n, { id: workflows.one.id, label: 'Buildin, concurrency 1, eight 429s in a row', floorMs: ids.length * latency + 8000 }, eightInARow)),
		]),
	);
}

/** The package as it was at `ref` (git archive, built with this checkout's node_modules, packed). */
function tarballAt(ref) {
	const dir = mkdtempSync(join(tmpdir(), 'buildin-baseline-'));
	execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${ref}" | tar -x -C "${dir}"`]);
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
	const printed = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: dir, encoding: 'utf8' });
	return join(dir, printed.trim().split('\n').pop());
}

/**
 * Many executions at once in one n8n process: `executions` webhook calls of `perExecution` items each, all sent at
 * once, under a limit of `perSecond`. The time is from the first call to the last answer. Each run of a Buildin
 * contender uses a credential (token) of its own: an n8n process remembers the pace it learned for a token, and every
 * run should meet the limit afresh.
 */
async function manyExecutionsScenario(line, sandbox, ids, { executions = 20, perExecution = 25, perSecond = 50 } = {}) {
	const batches = Array.from({ length: executions }, (_, index) => ids.slice(index * perExecution, (index + 1) * perExecution));
	const setUp = () => {
		sandbox.setLatency(20);
		sandbox.setRateLimit({ perSecond, retryAfter: 1 });
	};
	const floorMs = ((executions * perExecution) / perSecond) * 1000;
	const runsOf = (name) => Array.from({ length: RUNS }, (_, run) => `bench-many-${name}-${run}`);

	/** A contender as webhook workflows, one per run (`contender(credentialId)` builds its node). */
	const webhookContender = (name, label, contender) => {
		const paths = runsOf(name);
		return {
			label,
			workflows: paths.map((path) => webhookWorkflow(path, path, contender(path))),
			credentials: paths.map((path) => {
				sandbox.addToken(path, SCOPES);
				return credentials(sandbox.url, path, { id: path })[0];
			}),
			run: async (baseUrl, runIndex) => {
				const started = Date.now();
				const answers = await Promise.all(
					batches.map(async (batch) => {
						const response = await fetch(`${baseUrl}/webhook/${paths[runIndex]}`, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: JSON.stringify({ items: batch.map((id, index) => ({ id, title: `Bench ${index}` })) }),
						});
						if (!response.ok) process.stderr.write(`  webhook ${paths[runIndex]}: ${response.status} ${(await response.text()).slice(0, 300)}\n`);
						const items = response.ok ? await response.json() : [];
						// An execution that failed as a whole answers no items: all of its items count as failed.
						return Array.isArray(items) && items.length === batch.length ? items : batch.map(() => ({ error: response.status }));
					}),
				);
				const items = answers.flat();
				return { ms: Date.now() - started, failed: items.filter((item) => item.error !== undefined).length };
			},
		};
	};

	/** Starts n8n with `tarball` and the contenders' workflows active, and measures each contender. */
	const inServer = async (tarball, contenders) => {
		const creds = [...credentials(sandbox.url, TOKEN), ...contenders.flatMap((contender) => contender.credentials)];
		const workflows = contenders.flatMap((contender) => contender.workflows);
		return await inN8n(
			line,
			workflows,
			creds,
			async (n8n) => {
				const baseUrl = await n8n.start();
				const rest = new N8nRest(baseUrl);
				await rest.setUpOwner();
				for (const workflow of workflows) await rest.activateWorkflow(workflow.id);
				return await rows(n8n, sandbox, {
					name: `executions, n8n ${line.n8n}`,
					items: ids.length,
					floorMs,
					setUp,
					contenders: contenders.map((contender) => ({ label: contender.label, run: (runIndex) => contender.run(baseUrl, runIndex) })),
				});
			},
			tarball,
		);
	};

	const current = await inServer(packedTarball(), [
		webhookContender('shared', `Buildin, ${DEFAULT}: pacing shared by the process`, (credentialId) =>
			buildinContender([], undefined, { credentialId }),
		),
		webhookContender('http', 'HTTP Request, defaults', () => httpRequestContender(sandbox.url)),
	]);
	const baseline = tarballAt(BASELINE);
	let before;
	try {
		before = await inServer(baseline, [
			webhookContender('own', `Buildin at ${BASELINE}, default (5): pacing per execution`, (credentialId) =>
				buildinContender([], undefined, { credentialId }),
			),
		]);
	} finally {
		rmSync(dirname(baseline), { recursive: true, force: true });
	}
	return table(HEADERS, [...current.slice(0, 1), ...before, ...current.slice(1), floorRow(ids.length, floorMs)]);
}

async function main() {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	const sandbox = await startSandbox({ port: 0 });
	sandbox.addToken(TOKEN, SCOPES);
	const pageIds = (count) => Array.from({ length: count }, (_, index) => sandbox.addPage({ title: `Bench page ${index}` }).id);
	const latencyIds = pageIds(1000);
	const shared = sharedPages(pageIds(100), 1000);
	const limitedIds = pageIds(500);
	const burstIds = pageIds(50);
	const [newest] = N8N_LINES;
	const on = `n8n ${newest.n8n} on Node ${newest.node}`;

	const output = [`Benchmark: ${RUNS} runs each, median (min-max); ${new Date().toISOString().slice(0, 10)}`];
	try {
		if (wanted('latency')) {
			output.push(
				`\n1. Latency-bound: 1000 Page -> Update items (1000 pages; in the last rows 100 pages, each updated by 10 items), sandbox latency 20 ms, no rate limit (floor = N x latency / ${FLOOR_CONCURRENCY}, the Concurrency the node had by default before it adapted), on each n8n line of the end-to-end tier`,
			);
			for (const [index, line] of N8N_LINES.entries()) {
				const result = await latencyScenario(line, sandbox, latencyIds, shared, { withReference: index === 0 });
				output.push(`\nn8n ${line.n8n} on Node ${line.node}:\n`, result);
			}
		}
		if (wanted('ratelimit')) {
			output.push(
				`\n2. Rate-limited: 500 items, sandbox limited to 50 requests/s (429 with Retry-After: 1 beyond), latency 20 ms (floor = N / limit); ${on}\n`,
				await rateLimitScenario(newest, sandbox, limitedIds),
			);
		}
		if (wanted('burst')) {
			output.push(
				`\n3. A burst of 429s, no limit: 50 items, latency 20 ms, 429s with Retry-After: 1 (floor = N x latency / concurrency + the pauses asked for: 1.2 s for two 429s at once at 5, 9 s for eight in a row at 1); ${on}\n`,
				await burstScenario(newest, sandbox, burstIds),
			);
		}
		if (wanted('executions')) {
			output.push(
				`\n4. Many executions: 20 webhook calls at once, 25 items each, into one n8n process (n8n start), sandbox limited to 50 requests/s, latency 20 ms (floor = 500 / limit; wall = first call to last answer); ${on}\n`,
				await manyExecutionsScenario(newest, sandbox, limitedIds),
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
