// `npm run dev`: builds, starts the Buildin sandbox with sample pages, and starts a real n8n (the newest pinned line)
// on 127.0.0.1 with this package installed, the sandbox credential and the example workflows imported. Edits under
// nodes/ or credentials/ are rebuilt and copied into n8n, which reloads them (N8N_DEV_RELOAD). Ctrl+C stops it all.
const { execFileSync } = require('node:child_process');
const { watch } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');

const { exampleWorkflows, EXAMPLE_CREDENTIAL_ID } = require('../harness/examples');
const { N8n, N8nRest, N8N_LINES, ROOT } = require('../harness/n8n');
const { startSandbox } = require('../sandbox');
const { seedDemo } = require('../sandbox/seed');

const SANDBOX_PORT = Number(process.env.BUILDIN_SANDBOX_PORT ?? 4010);
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const line = N8N_LINES.find((candidate) => candidate.n8n === process.env.N8N_VERSION) ?? N8N_LINES[0];
const cache = process.env.BUILDIN_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-buildin');

function build() {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

async function main() {
	build();
	const sandbox = await startSandbox({ port: SANDBOX_PORT });
	const { token, pageId, recordId } = seedDemo(sandbox);
	console.log(`Buildin sandbox: ${sandbox.url} (token ${token}; pages ${pageId}, ${recordId})`);

	// A user folder kept between runs, so the login and anything built in the editor survive a restart.
	const n8n = new N8n(line, { userFolder: join(cache, `dev-n8n-${line.n8n}`) });
	n8n.syncBuild();
	await n8n.importCredentials([
		{ id: EXAMPLE_CREDENTIAL_ID, name: 'Buildin sandbox', type: 'buildinApi', data: { apiToken: token, baseUrl: sandbox.url } },
	]);
	await n8n.importWorkflows(Object.values(exampleWorkflows()));
	console.log(`Starting n8n ${line.n8n} on Node ${line.node}...`);
	const url = await n8n.start({ port: N8N_PORT, env: { N8N_DEV_RELOAD: 'true' } });
	await new N8nRest(url).setUpOwner();

	console.log(`\nn8n is ready: ${url}`);
	console.log(`Log in as ${N8nRest.owner.email} / ${N8nRest.owner.password}`);
	console.log('The example workflows are under Overview; their credential "Buildin sandbox" points at the sandbox.');
	console.log('Editing nodes/ or credentials/ rebuilds and reloads the node. Ctrl+C stops n8n and the sandbox.\n');

	let timer;
	const rebuild = () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			try {
				build();
				n8n.syncBuild();
				console.log(`Rebuilt at ${new Date().toLocaleTimeString()}; n8n reloads the node.`);
			} catch {
				console.log('Build failed; fix the error above and save again.');
			}
		}, 300);
	};
	const watchers = ['nodes', 'credentials'].map((folder) => watch(join(ROOT, folder), { recursive: true }, rebuild));

	const stop = async () => {
		watchers.forEach((watcher) => watcher.close());
		await n8n.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
