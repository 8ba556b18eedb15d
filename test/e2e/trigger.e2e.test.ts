// The Buildin Trigger in a real n8n, with the example workflow examples/release-log.json (Buildin Trigger -> Append
// Children on the Release Checklist page): published, polled by n8n's own scheduler every minute, stopped and started
// again. What the workflow logs on the page (the sandbox's recorded appends) shows which changes ran, and how often.
import { N8n, N8nRest, selectedLines } from '../../harness/n8n';
import { describeEachLine, itOn } from './support/lines';
import { checkTriggerEditor } from './support/editor';
import { BAD_CREDENTIAL_ID, credentials, DATABASE_ID, exampleWorkflows, PAGE_ID, RECORD_ID } from './support/workflows';

const { startSandbox } = require('../../sandbox');
const { seedDemo, DEMO_SECOND_RECORD_ID } = require('../../sandbox/seed');

/** n8n polls every minute at a second it picks at activation: a change is picked up within a minute, then runs. */
const POLL_WAIT_MS = 90_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = POLL_WAIT_MS): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value as NonNullable<T>;
		if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(500);
	}
}

const record = (title: string, status: string) => ({
	parent: { type: 'database_id', database_id: DATABASE_ID },
	properties: { Name: { title: [{ type: 'text', text: { content: title } }] }, Status: { select: { name: status } } },
});

describeEachLine('core', 'the Buildin Trigger in n8n $n8n on Node $node', (line) => {
	let n8n: N8n;
	let sandbox: any;
	let token: string;
	let rest: N8nRest;
	let baseUrl: string;
	/** The record the first change adds, edited later. */
	let shipV2: any;
	// n8n saves a workflow's static data (the trigger's state) only when its id is no longer than the ids n8n makes:
	// 16 characters in n8n 1.x, 21 in 2.x.
	const example = { ...exampleWorkflows()['release-log'], id: 'e2e-release-log' };
	const triggerName = example.nodes[0].name as string;
	// The example with a token Buildin does not know: its activation must fail.
	const badToken = {
		...structuredClone(example),
		id: 'e2e-trigger-bad-token',
		name: 'E2E: trigger with a revoked token',
		nodes: example.nodes.map((node: any, index: number) =>
			index === 0 ? { ...node, credentials: { buildinApi: { id: BAD_CREDENTIAL_ID, name: 'Buildin revoked' } } } : node,
		),
	};

	/** The lines the workflow appended to the Release Checklist page, in the order they arrived. */
	const logged = (): string[] =>
		sandbox.requests
			.filter((request: any) => request.method === 'PATCH' && request.path === `/v2/blocks/${PAGE_ID}/children` && request.status === 200)
			.flatMap((request: any) => request.body.children.map((block: any) => block.bulleted_list_item.rich_text[0].text.content));

	/** The trigger's queries with the good token: the baseline (newest first) and the polls (oldest first). */
	const polls = (direction: 'ascending' | 'descending') =>
		sandbox.requests.filter(
			(request: any) =>
				request.path === `/v2/databases/${DATABASE_ID}/query` &&
				request.headers.authorization === `Bearer ${token}` &&
				request.body.sorts?.[0]?.direction === direction,
		);

	/** The workflow's finished runs, or false while there is none. */
	const finishedRuns = async () => {
		const runs = (await rest.executions(example.id)).filter((execution: any) => execution.status !== 'running' && execution.status !== 'new');
		return runs.length > 0 && runs;
	};

	async function startN8n() {
		baseUrl = await n8n.start();
		rest = new N8nRest(baseUrl);
		await rest.setUpOwner();
	}

	beforeAll(async () => {
		expect(example.id.length).toBeLessThanOrEqual(16);
		n8n = new N8n(line);
		n8n.installPackage();
		sandbox = await startSandbox({ port: 0 });
		token = seedDemo(sandbox).token;
		expect((await n8n.importCredentials(credentials(sandbox.url, token))).code).toBe(0);
		expect((await n8n.importWorkflows([example, badToken])).code).toBe(0);
		expect((await n8n.publish(example.id)).code).toBe(0);
		expect((await n8n.publish(badToken.id)).code).toBe(0);
		await startN8n();
	});

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		n8n?.cleanup();
	});

	it('activation reads where "now" is in Buildin, stores it, and starts nothing', async () => {
		const [baseline] = await waitFor('the baseline query', () => polls('descending').length > 0 && polls('descending'));
		expect(baseline.body).toEqual({ sorts: [{ timestamp: 'last_edited_time', direction: 'descending' }], page_size: 100 });
		const newest = Math.max(...[RECORD_ID, DEMO_SECOND_RECORD_ID].map((id) => Date.parse(sandbox.getPage(id).last_edited_time)));
		const stored = await n8n.exportWorkflow(example.id);
		const state = stored.staticData[`node:${triggerName}`].buildinTrigger;
		expect(Date.parse(state.checkpoint)).toBe(newest);
		expect(Object.keys(state.seen).sort()).toEqual([RECORD_ID, DEMO_SECOND_RECORD_ID].sort());
		expect(await rest.executions(example.id)).toEqual([]);
	});

	it('a revoked token fails the activation with Buildin\'s 401 and starts nothing', async () => {
		await waitFor('the activation error', () => /problem activating the workflow.*Buildin API error 401 \(unauthorized/.test(n8n.serverLog), 60_000);
		expect(await rest.executions(badToken.id)).toEqual([]);
	});

	it('a record added starts exactly one execution within a poll interval', async () => {
		shipV2 = sandbox.addPage(record('Ship v2.0', 'Todo'));
		const addedAt = Date.now();
		const [run] = await waitFor('the run', finishedRuns);
		const seconds = (Date.now() - addedAt) / 1000;
		expect(seconds).toBeLessThan(POLL_WAIT_MS / 1000);
		expect(run).toMatchObject({ mode: 'trigger', status: 'success' });
		expect(logged()).toEqual(['Ship v2.0: Todo (added)']);
		// The next poll (or two) finds nothing new.
		const after = polls('ascending').length;
		await waitFor('the next poll', () => polls('ascending').length > after);
		await sleep(3_000);
		expect(await rest.executions(example.id)).toHaveLength(1);
		expect(logged()).toEqual(['Ship v2.0: Todo (added)']);
	});

	it('changes made while n8n is stopped each run exactly once after it starts again, none missed, none repeated', async () => {
		await n8n.stop();
		const before = logged();
		sandbox.addPage(record('Ship v2.1', 'Todo'));
		await sleep(5);
		sandbox.updatePage(shipV2.id, { properties: { Status: { select: { name: 'Doing' } } } });
		await sleep(5);
		sandbox.updatePage(RECORD_ID, { properties: { Status: { select: { name: 'Done' } } } });
		await sleep(5);
		// Not a Status change: the example watches Status only, so this edit logs nothing.
		sandbox.updatePage(DEMO_SECOND_RECORD_ID, { properties: { Notes: { rich_text: [{ type: 'text', text: { content: 'Drafted' } }] } } });
		await startN8n();
		const expected = [...before, 'Ship v2.1: Todo (added)', 'Ship v2.0: Doing (updated)', 'Ship v1.0: Done (updated)'];
		await waitFor('the changes to run', () => logged().length >= expected.length);
		const after = polls('ascending').length;
		await waitFor('the next scheduled poll', () => polls('ascending').length > after);
		await sleep(3_000);
		expect(logged()).toEqual(expected);
		expect((await rest.executions(example.id)).map((execution: any) => execution.status)).toEqual(['success', 'success']);
	});

	itOn(line, 'editor')("opens the trigger's panel in the editor: icon, events, database, filter, options", async () => {
		const report = await checkTriggerEditor({
			baseUrl,
			owner: N8nRest.owner,
			workflowId: example.id,
			nodeName: triggerName,
			screenshots: line.n8n === selectedLines('editor')[0]?.n8n,
		});
		expect(report.iconIsPlaceholder).toBe(false);
		expect(report.fields).toEqual(expect.arrayContaining(['Poll Times', 'Event', 'Database', 'Filter', 'Simplify', 'Watch Property Names or IDs']));
		expect(report.watched).toContain('Status');
		// Each choice as listed, its description under its name.
		const events = ['Page Added or Updated in the Workspace', 'Record Added or Updated', 'Record Added to Database', 'Record Updated in Database'];
		expect(report.events).toHaveLength(events.length);
		report.events.forEach((shown, index) => expect(shown.startsWith(events[index])).toBe(true));
	});
});
