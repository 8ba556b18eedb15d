// A real n8n, installed from the npm registry into a cache folder outside the repository (scripts/install-n8n.sh),
// with this package installed into its user folder the way n8n installs a community package.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-buildin';

export interface N8nLine {
	n8n: string;
	node: string;
}

export const N8N_LINES: N8nLine[] = JSON.parse(readFileSync(join(ROOT, 'test', 'e2e', 'n8n-versions.json'), 'utf8')).lines;

/** The lines to test: all pinned ones, or those named in E2E_N8N_VERSIONS (comma-separated). */
export function selectedLines(): N8nLine[] {
	const wanted = (process.env.E2E_N8N_VERSIONS ?? '').split(',').filter(Boolean);
	return wanted.length === 0 ? N8N_LINES : N8N_LINES.filter((line) => wanted.includes(line.n8n));
}

function script(name: string, ...args: string[]): string {
	return execFileSync(join(ROOT, 'scripts', name), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** `npm pack` of the built package, once per process. */
let tarball: string | undefined;
export function packedTarball(): string {
	if (tarball) return tarball;
	const out = mkdtempSync(join(tmpdir(), 'buildin-pack-'));
	const name = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop() as string;
	tarball = join(out, name);
	return tarball;
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
	/** The JSON n8n printed after its log lines (`execute --rawOutput`), if any. */
	json?: any;
}

/** One n8n version with its own fresh user folder (SQLite database, encryption key, community packages). */
export class N8n {
	readonly dir: string;
	readonly userFolder: string;
	readonly nodeBin: string;
	private server?: ChildProcess;
	port = 0;
	serverLog = '';

	constructor(readonly line: N8nLine) {
		this.dir = script('install-n8n.sh', line.n8n);
		this.nodeBin = line.node === '24' ? script('node24.sh') : dirname(process.execPath);
		this.userFolder = mkdtempSync(join(tmpdir(), `buildin-n8n-${line.n8n}-`));
	}

	get version(): string {
		return this.line.n8n;
	}

	/**
	 * Installs the packed tarball as n8n's community package installer does: unpacked into
	 * <user folder>/.n8n/nodes/node_modules/<name> without its dev and peer dependencies, and recorded in
	 * <user folder>/.n8n/nodes/package.json.
	 */
	installPackage(tgz = packedTarball()): string {
		const nodesDir = join(this.userFolder, '.n8n', 'nodes');
		const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
		rmSync(packageDir, { recursive: true, force: true });
		mkdirSync(packageDir, { recursive: true });
		execFileSync('tar', ['-xzf', tgz, '-C', packageDir, '--strip-components=1']);
		const manifestPath = join(packageDir, 'package.json');
		const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
		for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[key];
		writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
		writeFileSync(
			join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: manifest.version } }, null, 2),
		);
		return packageDir;
	}

	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return {
			...process.env,
			PATH: `${this.nodeBin}:${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'buildin-e2e-encryption-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_RUNNERS_ENABLED: 'false',
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			N8N_LOG_LEVEL: 'warn',
			DB_SQLITE_POOL_SIZE: '1',
			...extra,
		};
	}

	get bin(): string {
		return join(this.dir, 'node_modules', 'n8n', 'bin', 'n8n');
	}

	async cli(args: string[]): Promise<CliResult> {
		return await new Promise((resolve) => {
			const child = spawn(join(this.nodeBin, 'node'), [this.bin, ...args], { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			child.on('close', (code) => {
				const start = stdout.search(/^\{$/m);
				let json: unknown;
				if (start >= 0) {
					try {
						json = JSON.parse(stdout.slice(start));
					} catch {
						json = undefined;
					}
				}
				resolve({ code: code ?? -1, stdout, stderr, json });
			});
		});
	}

	private writeTemp(name: string, data: unknown): string {
		const file = join(this.userFolder, name);
		writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	async importCredentials(credentials: unknown[]): Promise<CliResult> {
		return await this.cli(['import:credentials', `--input=${this.writeTemp('credentials.json', credentials)}`]);
	}

	async importWorkflows(workflows: unknown[]): Promise<CliResult> {
		return await this.cli(['import:workflow', `--input=${this.writeTemp('workflows.json', workflows)}`]);
	}

	async execute(workflowId: string): Promise<CliResult> {
		return await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
	}

	/** `n8n start` on 127.0.0.1; resolves once /healthz/readiness answers 200. */
	async start(extraEnv: Record<string, string> = {}): Promise<string> {
		this.port = await freePort();
		const env = this.env({
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...extraEnv,
		});
		this.server = spawn(join(this.nodeBin, 'node'), [this.bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		this.server.stdout?.on('data', (chunk) => (this.serverLog += chunk));
		this.server.stderr?.on('data', (chunk) => (this.serverLog += chunk));
		const url = `http://127.0.0.1:${this.port}`;
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) throw new Error(`n8n ${this.version} exited:\n${this.serverLog}`);
			const ready = await fetch(`${url}/healthz/readiness`).then((r) => r.ok, () => false);
			if (ready) return url;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n ${this.version} did not become ready:\n${this.serverLog}`);
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server || server.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
			server.once('exit', () => {
				clearTimeout(timer);
				resolve();
			});
			server.kill('SIGTERM');
		});
	}

	cleanup(): void {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** A logged-in client of n8n's REST API (owner set up on first use). */
export class N8nRest {
	private cookie = '';
	static readonly owner = { email: 'owner@example.com', firstName: 'Ada', lastName: 'Owner', password: 'Buildin-e2e-1' };
	static readonly browserId = 'buildin-e2e-browser';

	constructor(readonly baseUrl: string) {}

	async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': N8nRest.browserId, cookie: this.cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = text;
		}
		return { status: response.status, body: parsed };
	}

	async setUpOwner(): Promise<void> {
		const setup = await this.request('POST', '/rest/owner/setup', N8nRest.owner);
		if (setup.status !== 200) {
			const login = await this.request('POST', '/rest/login', { emailOrLdapLoginId: N8nRest.owner.email, email: N8nRest.owner.email, password: N8nRest.owner.password });
			if (login.status !== 200) throw new Error(`Could not log in to n8n: ${JSON.stringify(login.body)}`);
		}
	}
}
