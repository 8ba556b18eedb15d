// A real n8n, installed from the npm registry into a cache folder outside the repository (scripts/install-n8n.sh),
// with this package installed into its user folder the way n8n installs a community package. Used by the
// end-to-end tests (test/e2e) and by `npm run dev`.
const { execFileSync, spawn } = require('node:child_process');
const { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');

const ROOT = join(__dirname, '..');
const PACKAGE_NAME = 'n8n-nodes-buildin';

/**
 * The end-to-end tier's suites: `core` (community install, `n8n execute`, REST, the credential test, the trigger, the
 * HTTP Request node with the credential), `editor` (Chromium), `files`, `agent`, `queue`.
 * @typedef {'core' | 'editor' | 'files' | 'agent' | 'queue'} Suite
 * @typedef {{ n8n: string, node: string, overrides?: Record<string, string>, suites?: Suite[] }} N8nLine
 */

/** @type {N8nLine[]} The pinned n8n lines, in one place. */
const N8N_LINES = JSON.parse(readFileSync(join(ROOT, 'test', 'e2e', 'n8n-versions.json'), 'utf8')).lines;

/** Whether a line runs a suite: a line without `suites` runs every suite. @param {N8nLine} line @param {Suite} suite */
function runsSuite(line, suite) {
	return line.suites === undefined || line.suites.includes(suite);
}

/**
 * The lines to test a suite on: the pinned lines that run it, all of them or those named in E2E_N8N_VERSIONS
 * (comma-separated). @param {Suite} suite
 */
function selectedLines(suite) {
	const wanted = (process.env.E2E_N8N_VERSIONS ?? '').split(',').filter(Boolean);
	return N8N_LINES.filter((line) => runsSuite(line, suite) && (wanted.length === 0 || wanted.includes(line.n8n)));
}

function script(name, ...args) {
	return execFileSync(join(ROOT, 'scripts', name), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

let tarball;
/** `npm pack` of the built package, once per process. */
function packedTarball() {
	if (tarball) return tarball;
	const out = mkdtempSync(join(tmpdir(), 'buildin-pack-'));
	const printed = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' });
	tarball = join(out, printed.trim().split('\n').pop());
	return tarball;
}

/** @returns {Promise<number>} */
async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** The JSON document n8n prints between its log lines: from a line that is `{` to the last line that is `}`. */
function printedJson(stdout) {
	const start = stdout.search(/^\{$/m);
	const end = stdout.lastIndexOf('\n}');
	if (start < 0 || end < start) return undefined;
	try {
		return JSON.parse(stdout.slice(start, end + 2));
	} catch {
		return undefined;
	}
}

/** Ends a child process: SIGTERM, then SIGKILL if it has not exited within 15 s. */
async function endProcess(child) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	await new Promise((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(undefined);
		});
		child.kill('SIGTERM');
	});
}

/** Removes the fields n8n's community package installer strips before installing a package. */
function writeInstalledManifest(packageDir) {
	const manifestPath = join(packageDir, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[key];
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	return manifest;
}

/** One n8n version with its own user folder (SQLite database, encryption key, community packages). */
class N8n {
	/**
	 * @param {N8nLine} line
	 * @param {{ userFolder?: string, env?: Record<string, string> }} [options] `env` goes to every command of this n8n
	 *   (e.g. the queue-mode and database settings shared by a main instance and its workers)
	 */
	constructor(line, options = {}) {
		this.line = line;
		this.dir = script('install-n8n.sh', line.n8n);
		this.nodeBin = line.node === process.versions.node.split('.')[0] ? dirname(process.execPath) : script('node.sh', line.node);
		this.userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), `buildin-n8n-${line.n8n}-`));
		this.sharedEnv = options.env ?? {};
		this.port = 0;
		this.serverLog = '';
		this.server = undefined;
	}

	get version() {
		return this.line.n8n;
	}

	get bin() {
		return join(this.dir, 'node_modules', 'n8n', 'bin', 'n8n');
	}

	get packageDir() {
		return join(this.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	}

	/** Records the package in <user folder>/.n8n/nodes/package.json, as n8n's installer does. */
	recordPackage(version) {
		writeFileSync(
			join(this.userFolder, '.n8n', 'nodes', 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: version } }, null, 2),
		);
	}

	/**
	 * Installs the packed tarball as n8n's community package installer does: unpacked into
	 * <user folder>/.n8n/nodes/node_modules/<name> without its dev and peer dependencies.
	 */
	installPackage(tgz = packedTarball()) {
		rmSync(this.packageDir, { recursive: true, force: true });
		mkdirSync(this.packageDir, { recursive: true });
		execFileSync('tar', ['-xzf', tgz, '-C', this.packageDir, '--strip-components=1']);
		this.recordPackage(writeInstalledManifest(this.packageDir).version);
		return this.packageDir;
	}

	/** For `npm run dev`: copies the freshly built dist/ over the installed package, where n8n's hot reload sees it. */
	syncBuild() {
		mkdirSync(this.packageDir, { recursive: true });
		cpSync(join(ROOT, 'dist'), join(this.packageDir, 'dist'), { recursive: true });
		cpSync(join(ROOT, 'package.json'), join(this.packageDir, 'package.json'));
		this.recordPackage(writeInstalledManifest(this.packageDir).version);
	}

	/** @param {Record<string, string>} [extra] */
	env(extra = {}) {
		return {
			...process.env,
			PATH: `${this.nodeBin}:${process.env.PATH}`,
			// jest sets NODE_ENV=test, and n8n's commands silently do nothing in test mode.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'buildin-e2e-encryption-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_RUNNERS_ENABLED: 'false',
			DB_SQLITE_POOL_SIZE: '1',
			...this.sharedEnv,
			...extra,
		};
	}

	/** Runs an n8n CLI command. @returns {Promise<{ code: number, stdout: string, stderr: string, json?: any }>} */
	async cli(args) {
		// Each CLI run starts a task broker; a port of its own keeps it clear of any other n8n on the machine.
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		return await new Promise((resolve) => {
			const child = spawn(join(this.nodeBin, 'node'), [this.bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, json: printedJson(stdout) }));
		});
	}

	writeTemp(name, data) {
		const file = join(this.userFolder, name);
		writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	async importCredentials(credentials) {
		return await this.cli(['import:credentials', `--input=${this.writeTemp('credentials.json', credentials)}`]);
	}

	async importWorkflows(workflows) {
		return await this.cli(['import:workflow', `--input=${this.writeTemp('workflows.json', workflows)}`]);
	}

	async execute(workflowId) {
		return await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
	}

	/**
	 * A workflow as n8n stored it, static data included (the REST API of n8n 2.41 leaves that out). Note: n8n saves
	 * static data only for workflow ids no longer than the ids it makes (16 characters in n8n 1.x, 21 in 2.x).
	 */
	async exportWorkflow(workflowId) {
		const file = join(this.userFolder, `export-${workflowId}.json`);
		const result = await this.cli(['export:workflow', `--id=${workflowId}`, `--output=${file}`]);
		if (result.code !== 0) throw new Error(`n8n export:workflow failed:\n${result.stdout}\n${result.stderr}`);
		return JSON.parse(readFileSync(file, 'utf8'))[0];
	}

	/** Publishes (activates) an imported workflow; a running n8n is not told, the next `n8n start` activates it. */
	async publish(workflowId) {
		// n8n 1.x has no publish:workflow: a workflow is activated there with update:workflow.
		const args = this.version.startsWith('1.') ? ['update:workflow', `--id=${workflowId}`, '--active=true'] : ['publish:workflow', `--id=${workflowId}`];
		return await this.cli(args);
	}

	/** `n8n start` on 127.0.0.1; resolves with its URL once /healthz/readiness answers 200. */
	async start({ port, env = {}, log } = {}) {
		this.port = port ?? (await freePort());
		const serverEnv = this.env({
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...env,
		});
		this.server = spawn(join(this.nodeBin, 'node'), [this.bin, 'start'], { env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] });
		const record = (chunk) => {
			this.serverLog += chunk;
			log?.(String(chunk));
		};
		this.server.stdout.on('data', record);
		this.server.stderr.on('data', record);
		const url = `http://127.0.0.1:${this.port}`;
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) throw new Error(`n8n ${this.version} exited:\n${this.serverLog}`);
			const ready = await fetch(`${url}/healthz/readiness`).then((response) => response.ok, () => false);
			if (ready) return url;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n ${this.version} did not become ready:\n${this.serverLog}`);
	}

	async stop() {
		await endProcess(this.server);
	}

	/**
	 * An `n8n worker` for queue mode (EXECUTIONS_MODE=queue and the Redis and database settings go in `env`, the same as
	 * the main instance's), running up to `concurrency` executions at once; resolves once it says it is ready. Its
	 * output is kept for `log()`; `stop()` ends it.
	 * @param {{ env?: Record<string, string>, concurrency?: number }} [options]
	 * @returns {Promise<{ log: () => string, stop: () => Promise<void> }>}
	 */
	async startWorker({ env = {}, concurrency = 10 } = {}) {
		const workerEnv = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), QUEUE_HEALTH_CHECK_ACTIVE: 'false', ...env });
		const worker = spawn(join(this.nodeBin, 'node'), [this.bin, 'worker', `--concurrency=${concurrency}`], {
			env: workerEnv,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const record = (chunk) => (output += chunk);
		worker.stdout.on('data', record);
		worker.stderr.on('data', record);
		const handle = { log: () => output, stop: () => endProcess(worker) };
		const deadline = Date.now() + 120_000;
		while (!output.includes('n8n worker is now ready')) {
			if (worker.exitCode !== null || Date.now() > deadline) {
				await handle.stop();
				throw new Error(`n8n ${this.version} worker did not start:\n${output}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		return handle;
	}

	cleanup() {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** A logged-in client of n8n's REST API. */
class N8nRest {
	static owner = { email: 'owner@example.com', firstName: 'Ada', lastName: 'Owner', password: 'Buildin-e2e-1' };
	static browserId = 'buildin-e2e-browser';

	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
	}

	/** @returns {Promise<{ status: number, body: any }>} */
	async request(method, path, body) {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': N8nRest.browserId, cookie: this.cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		try {
			return { status: response.status, body: JSON.parse(text) };
		} catch {
			return { status: response.status, body: text };
		}
	}

	/** The executions of a workflow, newest first, without their data: `{ id, status, mode, finished, startedAt, ... }`. */
	async executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		let { status, body } = await this.request('GET', `/rest/executions?filter=${filter}&limit=100`);
		// 503 "Database is not ready!": see setUpOwner.
		for (let attempt = 0; status === 503 && attempt < 20; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			({ status, body } = await this.request('GET', `/rest/executions?filter=${filter}&limit=100`));
		}
		if (status !== 200) throw new Error(`GET /rest/executions answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
		return body.data.results;
	}

	/**
	 * Publishes (activates) a workflow at its current version, and resolves once each of its production webhooks is
	 * registered (n8n registers them a moment after it answers; a CORS preflight tells without running the workflow).
	 */
	async activateWorkflow(id) {
		const workflow = await this.request('GET', `/rest/workflows/${id}`);
		const { versionId, nodes = [] } = workflow.body?.data ?? {};
		const activated = await this.request('POST', `/rest/workflows/${id}/activate`, { versionId });
		if (activated.status !== 200) {
			throw new Error(`Could not activate workflow ${id}: ${activated.status} ${JSON.stringify(activated.body).slice(0, 300)}`);
		}
		for (const webhook of nodes.filter((node) => node.type === 'n8n-nodes-base.webhook')) {
			const { path, httpMethod = 'GET' } = webhook.parameters;
			const preflight = { origin: this.baseUrl, 'access-control-request-method': httpMethod };
			for (let attempt = 0; ; attempt++) {
				const answer = await fetch(`${this.baseUrl}/webhook/${path}`, { method: 'OPTIONS', headers: preflight });
				if (answer.ok) break;
				if (attempt === 120) throw new Error(`The webhook ${httpMethod} ${path} of workflow ${id} was not registered within a minute`);
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		}
	}

	/** Sets up the owner account, or signs in when a previous run already did. */
	async setUpOwner() {
		// Some n8n versions answer /healthz/readiness before the REST routes are mounted (404 for a moment), and n8n
		// answers 503 "Database is not ready!" while a check of its database connection is late (a busy machine).
		let setup = await this.request('POST', '/rest/owner/setup', N8nRest.owner);
		for (let attempt = 0; (setup.status === 404 || setup.status === 503) && attempt < 60; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			setup = await this.request('POST', '/rest/owner/setup', N8nRest.owner);
		}
		if (setup.status === 200) return;
		const login = await this.request('POST', '/rest/login', { emailOrLdapLoginId: N8nRest.owner.email, password: N8nRest.owner.password });
		if (login.status !== 200) {
			throw new Error(`Could not set up or sign in the n8n owner: ${setup.status} ${JSON.stringify(setup.body).slice(0, 300)}`);
		}
	}
}

module.exports = { N8n, N8nRest, N8N_LINES, runsSuite, selectedLines, packedTarball, freePort, ROOT, PACKAGE_NAME };
