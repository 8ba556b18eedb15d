// Redis and PostgreSQL for n8n's queue mode, from Debian's packages: installed with apt-get when missing (as root, the
// way .ci/run installs Chromium), each started on a free loopback port with its data in a temporary folder, and
// stopped (folder removed) after the test. Nothing is left running and no system service is touched.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { freePort } = require('../../../harness/n8n');

export interface Service {
	port: number;
	/** Everything the process wrote so far. */
	log(): string;
	stop(): Promise<void>;
}

const REDIS = '/usr/bin/redis-server';

/** The newest PostgreSQL server Debian installed (/usr/lib/postgresql/<version>/bin), if any. */
function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', 'postgres')));
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	return newest && join(root, newest, 'bin');
}

/** Installs Debian's redis-server and postgresql when either is missing. */
export function ensureInstalled(): void {
	const missing = [...(existsSync(REDIS) ? [] : ['redis-server']), ...(postgresBin() ? [] : ['postgresql'])];
	if (missing.length === 0) return;
	if (process.getuid?.() !== 0) throw new Error(`${missing.join(' and ')} missing; install them (apt-get install ${missing.join(' ')}) or run as root`);
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
	execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
		stdio: 'ignore',
		// Runlevel 1: the packages do not start their own services (this test starts its own).
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' },
	});
}

/** Starts `command` and resolves once its output shows `ready`; rejects if it exits first or takes a minute. */
async function startProcess(command: string, args: string[], ready: string, options: { uid?: number; gid?: number; cwd?: string } = {}) {
	const child: ChildProcess = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 60_000;
	while (!output.includes(ready)) {
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`${command} did not start:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const stop = async (signal: NodeJS.Signals) => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		await new Promise((resolve) => {
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			child.once('exit', () => resolve(clearTimeout(timer)));
			child.kill(signal);
		});
	};
	return { log: () => output, stop };
}

/** Redis on 127.0.0.1, nothing persisted. */
export async function startRedis(): Promise<Service> {
	const dir = mkdtempSync(join(tmpdir(), 'buildin-redis-'));
	const port = await freePort();
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
	const redis = await startProcess(REDIS, args, 'Ready to accept connections');
	return {
		port,
		log: redis.log,
		stop: async () => {
			await redis.stop('SIGTERM');
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * PostgreSQL on 127.0.0.1 with a fresh cluster (user `postgres`, no password, trust on loopback), durability off: it
 * is thrown away after the test. PostgreSQL refuses to run as root, so as root it runs as Debian's `postgres` user.
 */
export async function startPostgres(): Promise<Service> {
	const bin = postgresBin();
	if (!bin) throw new Error('PostgreSQL is not installed');
	const dir = mkdtempSync(join(tmpdir(), 'buildin-postgres-'));
	const data = join(dir, 'data');
	const asUser: { uid?: number; gid?: number } = {};
	if (process.getuid?.() === 0) {
		asUser.uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		asUser.gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, asUser.uid, asUser.gid);
	}
	mkdirSync(data, { mode: 0o700 });
	if (asUser.uid !== undefined) chownSync(data, asUser.uid, asUser.gid ?? asUser.uid);
	execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], {
		...asUser,
		cwd: dir,
		stdio: 'ignore',
	});
	const port = await freePort();
	const settings = ['listen_addresses=127.0.0.1', `unix_socket_directories=${dir}`, 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
	const postgres = await startProcess(
		join(bin, 'postgres'),
		['-D', data, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])],
		'database system is ready to accept connections',
		{ ...asUser, cwd: dir },
	);
	return {
		port,
		log: postgres.log,
		stop: async () => {
			// SIGINT: PostgreSQL's fast shutdown.
			await postgres.stop('SIGINT');
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
