// n8n's queue mode, as users scale out: a main instance (EXECUTIONS_MODE=queue) taking the webhook calls and two
// `n8n worker` processes running the executions, sharing Redis and PostgreSQL (Debian's packages, started for this
// test). Twenty webhook calls at once, 25 items each, update 500 pages through the Buildin node against the sandbox
// limited to 50 requests per second: every item succeeds, every page is written once, both workers take part, and
// the token shows up in no log. Each worker paces on its own: what is shared stays within one process.
import { N8n, N8nRest, selectedLines } from '../../harness/n8n';
import { ensureInstalled, startPostgres, startRedis, type Service } from './support/services';

const { startSandbox } = require('../../sandbox');
const { buildinContender, credentials, webhookWorkflow } = require('../../bench/workflows');

const LINE = selectedLines('queue').find((line) => line.n8n === '2.41.1');
const TOKEN = 'queue-secret-token-7d41e83f9c2a';
const CALLS = 20;
const ITEMS_PER_CALL = 25;
const PATH = 'queue-page-update';

(LINE ? describe : describe.skip)(`queue mode: n8n ${LINE?.n8n} main and two workers`, () => {
	let sandbox: any;
	let redis: Service | undefined;
	let postgres: Service | undefined;
	const instances: N8n[] = [];
	const workers: Array<{ log: () => string; stop: () => Promise<void> }> = [];
	let main: N8n;
	let baseUrl: string;

	beforeAll(async () => {
		ensureInstalled();
		[redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
		const env = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_DATABASE: 'postgres',
			// The node's retry lines are debug lines: the check that no log holds the token reads them too.
			N8N_LOG_LEVEL: 'debug',
		};
		sandbox = await startSandbox({ port: 0 });
		sandbox.addToken(TOKEN, ['pages.read', 'pages.write']);

		main = new N8n(LINE!, { env });
		instances.push(main);
		main.installPackage();
		const [buildinCredential] = credentials(sandbox.url, TOKEN, { id: 'queue-buildin' });
		expect((await main.importCredentials([buildinCredential])).code).toBe(0);
		const workflow = webhookWorkflow('queue-page-update', PATH, buildinContender([], undefined, { credentialId: 'queue-buildin' }));
		expect((await main.importWorkflows([workflow])).code).toBe(0);
		baseUrl = await main.start();
		const rest = new N8nRest(baseUrl);
		await rest.setUpOwner();

		// Each worker has a user folder of its own with the package installed, as on a machine of its own.
		for (let index = 0; index < 2; index++) {
			const worker = new N8n(LINE!, { env });
			instances.push(worker);
			worker.installPackage();
		}
		workers.push(...(await Promise.all(instances.slice(1).map((worker) => worker.startWorker({ concurrency: 10 })))));
		await rest.activateWorkflow(workflow.id);
	});

	afterAll(async () => {
		await Promise.all(workers.map((worker) => worker.stop()));
		await main?.stop();
		for (const instance of instances) instance.cleanup();
		await Promise.all([redis?.stop(), postgres?.stop()]);
		await sandbox?.close();
	});

	it('20 webhook calls of 25 items at once under 50 requests/s: 500 updates, none failed, each page written once', async () => {
		const pages: Array<{ id: string }> = Array.from({ length: CALLS * ITEMS_PER_CALL }, (_, index) => sandbox.addPage({ title: `Queued ${index}` }));
		sandbox.setLatency(20);
		sandbox.setRateLimit({ perSecond: 50, retryAfter: 1 });

		const answers = await Promise.all(
			Array.from({ length: CALLS }, async (_, call) => {
				const batch = pages.slice(call * ITEMS_PER_CALL, (call + 1) * ITEMS_PER_CALL);
				const response = await fetch(`${baseUrl}/webhook/${PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ items: batch.map((page, index) => ({ id: page.id, title: `Renamed ${call}-${index}` })) }),
				});
				return { status: response.status, items: await response.json() };
			}),
		);

		expect(answers.map((answer) => answer.status)).toEqual(Array(CALLS).fill(200));
		const items = answers.flatMap((answer) => answer.items);
		expect(items).toHaveLength(CALLS * ITEMS_PER_CALL);
		expect(items.filter((item: any) => item.error !== undefined)).toEqual([]);
		const writes = new Map<string, number>();
		for (const request of sandbox.requests) {
			if (request.method === 'PATCH' && request.status === 200) writes.set(request.path, (writes.get(request.path) ?? 0) + 1);
		}
		expect(writes.size).toBe(CALLS * ITEMS_PER_CALL);
		expect([...writes.values()].every((count) => count === 1)).toBe(true);
		pages.forEach((page, index) => {
			const title = sandbox.getPage(page.id).properties.title.title[0].plain_text;
			expect(title).toBe(`Renamed ${Math.floor(index / ITEMS_PER_CALL)}-${index % ITEMS_PER_CALL}`);
		});
		// The limit was met (each worker finds it on its own), and was held: 429s were retried, never failed an item.
		expect(sandbox.requests.filter((request: any) => request.status === 429).length).toBeGreaterThan(0);
	});

	it('both workers ran executions, and no log holds the token', () => {
		for (const worker of workers) expect(worker.log()).toContain('Worker started execution');
		const logs = workers.map((worker) => worker.log()).join('\n');
		// The logs are the node's too: its debug line for every retried 429.
		expect(logs).toContain('Buildin request will be retried');
		expect(logs).not.toContain(TOKEN);
		expect(main.serverLog).not.toContain(TOKEN);
	});
});
