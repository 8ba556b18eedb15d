// The node as an AI agent's tool in real n8n: n8n's AI Agent, its OpenAI Chat Model pointed at a scripted model
// (harness/scriptedModel.js) through the credential's Base URL, calls Buildin tools. The sandbox shows what the tools
// sent; the scripted model shows what the agent offered it (the tools) and what came back (the tool results).
import { N8n } from '../../harness/n8n';
import { describeEachLine } from './support/lines';
import { MESSAGES, NOT_FOUND_ITEM, UPDATE_PAGE_OFFERED } from '../support/toolFace';
import { agentWorkflow, OPENAI_API_KEY, openAiCredential, REQUEST } from './support/agentWorkflows';
import { credentials, DATABASE_ID, exampleWorkflows, MISSING_PAGE_ID, PAGE_ID, RECORD_ID } from './support/workflows';

const { startSandbox } = require('../../sandbox');
const { seedDemo } = require('../../sandbox/seed');
const { startScriptedModel } = require('../../harness/scriptedModel');

const SCHEMA = 'http://json-schema.org/draft-07/schema#';

/** The three tools as the model is offered them, by name. */
const OFFERED_TOOLS = [
	{
		name: 'Query_Releases',
		description: 'Get many database records in Buildin',
		parameters: {
			type: 'object',
			properties: { filter: { description: 'A Buildin database filter object' } },
			required: ['filter'],
			additionalProperties: false,
			$schema: SCHEMA,
		},
	},
	{
		name: 'Search',
		description: 'Search pages and databases in Buildin',
		parameters: {
			type: 'object',
			properties: { query: { type: 'string', description: 'Words to look for in titles' } },
			required: ['query'],
			additionalProperties: false,
			$schema: SCHEMA,
		},
	},
	UPDATE_PAGE_OFFERED,
];

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function agentOutput(json: any): unknown {
	return json?.data?.resultData?.runData?.['AI Agent']?.at(-1)?.data?.main?.[0]?.[0]?.json?.output;
}

/** The result of the latest tool call in a request (a request carries the whole conversation so far), parsed. */
function lastResult(request: { toolResults: Array<{ output: string }> }): any {
	return JSON.parse(request.toolResults.at(-1)?.output ?? 'null');
}

describeEachLine('agent', "n8n $n8n on Node $node: Buildin as an AI agent's tool", (line) => {
	let n8n: N8n;
	let sandbox: any;
	let model: any;
	const example = exampleWorkflows()['agent-files-notes'];
	const agent = agentWorkflow('e2e-agent-tools');
	const agentContinuing = agentWorkflow('e2e-agent-tools-continue', { onError: 'continueRegularOutput' });
	// n8n 2.8 stops the run when a tool fails; n8n 2.41 answers the model with the error (AI Agent 3.1 in both).
	const toolErrorsStopTheRun = line.n8n.startsWith('2.8.');

	beforeAll(async () => {
		n8n = new N8n(line);
		n8n.installPackage();
		sandbox = await startSandbox({ port: 0 });
		const { token } = seedDemo(sandbox);
		model = await startScriptedModel();
		expect((await n8n.importCredentials([...credentials(sandbox.url, token), openAiCredential(model.url)])).code).toBe(0);
		expect((await n8n.importWorkflows([agent, agentContinuing, example])).code).toBe(0);
	});

	afterAll(async () => {
		await model?.close();
		await sandbox?.close();
		n8n?.cleanup();
	});

	beforeEach(() => sandbox.reset());

	it('offers the model the tools by name, with short descriptions and schemas naming the $fromAI() parameters; Search, then Update Page sends exactly the PATCH the call asked for', async () => {
		const url = `https://buildin.ai/docs/Release-Checklist-${PAGE_ID.replace(/-/g, '')}`;
		model.play([
			{ calls: [{ name: 'Search', arguments: { query: 'Release Checklist' } }] },
			{ calls: [{ name: 'Update_Page', arguments: { pageId: url, title: 'Release Checklist (filed)' } }] },
			{ say: 'Renamed the page to "Release Checklist (filed)".' },
		]);

		const result = await n8n.execute(agent.id);

		model.verify();
		expect(result.code).toBe(0);
		expect(model.requests.map((request: any) => request.api)).toEqual(['responses', 'responses', 'responses']);
		expect(model.requests[0].authorization).toBe(`Bearer ${OPENAI_API_KEY}`);
		expect(model.requests[0].messages).toEqual([{ role: 'user', text: REQUEST.note }]);
		expect([...model.requests[0].tools].sort(byName)).toEqual(OFFERED_TOOLS);

		expect(sandbox.requests.map((request: any) => `${request.method} ${request.path}`)).toEqual([
			'POST /v2/search',
			`PATCH /v2/pages/${PAGE_ID}`,
		]);
		expect(sandbox.requests[0].body).toMatchObject({ query: 'Release Checklist' });
		expect(sandbox.requests[1].body).toEqual({
			properties: { title: { type: 'title', title: [{ type: 'text', text: { content: 'Release Checklist (filed)' } }] } },
		});
		expect(sandbox.requests[1].headers['if-match']).toBeUndefined();

		expect(lastResult(model.requests[1]).map((object: any) => object.id)).toContain(PAGE_ID);
		const page = sandbox.getPage(PAGE_ID);
		expect(lastResult(model.requests[2])).toEqual([
			expect.objectContaining({ id: PAGE_ID, title: 'Release Checklist (filed)', etag: `W/"${page.last_edited_time}"` }),
		]);
		expect(agentOutput(result.json)).toBe('Renamed the page to "Release Checklist (filed)".');
	});

	it("a mapped {{ $json.releases }} in tool mode is the agent's item, as n8n evaluates it; the filter is the model's JSON", async () => {
		const filter = { property: 'Status', select: { equals: 'Doing' } };
		model.play([{ calls: [{ name: 'Query_Releases', arguments: { filter } }] }, { say: 'One release is in progress: Ship v1.0.' }]);

		const result = await n8n.execute(agent.id);

		model.verify();
		expect(result.code).toBe(0);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: `/v2/databases/${DATABASE_ID}/query`, status: 200 });
		expect(sandbox.requests[0].body.filter).toEqual(filter);
		const records = lastResult(model.requests[1]).map((record: any) => [record.id, record.title, record.properties.Status]);
		expect(records).toEqual([[RECORD_ID, 'Ship v1.0', 'Doing']]);
	});

	it(
		toolErrorsStopTheRun
			? "a failing tool call stops the run with the node's message and advice (n8n 2.8 does so for every tool)"
			: "failing tool calls (bad ID, 404, 403, 409): the model receives the node's message with the advice, and the run goes on",
		async () => {
			sandbox.injectFault({ method: 'PATCH', path: `/v2/pages/${RECORD_ID}`, status: 403 });
			sandbox.injectFault({ method: 'PATCH', path: `/v2/pages/${PAGE_ID}`, status: 409 });
			const call = (pageId: string) => ({ calls: [{ name: 'Update_Page', arguments: { pageId, title: 'Filed' } }] });
			const calls = [call(MISSING_PAGE_ID), call('the release checklist'), call(RECORD_ID), call(PAGE_ID)];
			model.play(toolErrorsStopTheRun ? calls.slice(0, 1) : [...calls, { say: 'I could not update any page.' }]);

			const result = await n8n.execute(agent.id);

			model.verify();
			if (toolErrorsStopTheRun) {
				expect(result.code).not.toBe(0);
				expect(`${result.stdout}\n${result.stderr}`).toContain(MESSAGES.notFound);
				expect(sandbox.requests.map((request: any) => request.status)).toEqual([404]);
				return;
			}
			expect(result.code).toBe(0);
			expect(model.requests.slice(1).map((request: any) => lastResult(request))).toEqual([
				[{ error: MESSAGES.notFound }],
				[{ error: MESSAGES.badId('the release checklist') }],
				[{ error: MESSAGES.forbidden }],
				[{ error: MESSAGES.conflict('The resource was modified concurrently') }],
			]);
			// The bad ID was refused before anything was sent.
			expect(sandbox.requests.map((request: any) => `${request.path} ${request.status}`)).toEqual([
				`/v2/pages/${MISSING_PAGE_ID} 404`,
				`/v2/pages/${RECORD_ID} 403`,
				`/v2/pages/${PAGE_ID} 409`,
			]);
			expect(agentOutput(result.json)).toBe('I could not update any page.');
		},
	);

	it('with On Error → Continue on the tool, the model receives the failed item (the message with the advice) and the run goes on', async () => {
		model.play([{ calls: [{ name: 'Update_Page', arguments: { pageId: MISSING_PAGE_ID, title: 'Filed' } }] }, { say: 'That page does not exist.' }]);

		const result = await n8n.execute(agentContinuing.id);

		model.verify();
		expect(result.code).toBe(0);
		expect(lastResult(model.requests[1])).toEqual([{ error: expect.objectContaining({ message: NOT_FOUND_ITEM.error, httpCode: 404, code: 'not_found' }) }]);
		expect(agentOutput(result.json)).toBe('That page does not exist.');
	});

	it('the example "an agent that files notes into Buildin": it finds the page, then appends the note to it', async () => {
		const note = 'Release sync, 9 April: the changelog is done.\nAlex tags v1.1 on Friday after the end-to-end tests pass.';
		model.play([
			{ calls: [{ name: 'Search_Pages', arguments: { query: 'Release Checklist' } }] },
			{ calls: [{ name: 'Append_Note', arguments: { pageId: PAGE_ID, note } }] },
			{ say: `Filed under Release Checklist: https://buildin.ai/docs/${PAGE_ID}` },
		]);

		const result = await n8n.execute(example.id);

		model.verify();
		expect(result.code).toBe(0);
		expect(model.requests[0].tools.map((tool: any) => [tool.name, tool.description]).sort()).toEqual([
			['Append_Note', 'Append child blocks in Buildin'],
			['Search_Pages', 'Search pages and databases in Buildin'],
		]);
		expect(sandbox.requests.map((request: any) => `${request.method} ${request.path}`)).toEqual([
			'POST /v2/search',
			`PATCH /v2/blocks/${PAGE_ID}/children`,
		]);
		expect(sandbox.requests[0].body).toMatchObject({ query: 'Release Checklist', filter: { property: 'object', value: 'page' }, page_size: 5 });
		const paragraphs = note.split('\n');
		expect(sandbox.requests[1].body.children).toEqual(
			paragraphs.map((content) => ({ object: 'block', type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content } }] } })),
		);
		expect(
			sandbox
				.childrenOf(PAGE_ID)
				.slice(-2)
				.map((block: any) => block.paragraph.rich_text[0].plain_text),
		).toEqual(paragraphs);
		expect(agentOutput(result.json)).toBe(`Filed under Release Checklist: https://buildin.ai/docs/${PAGE_ID}`);
	});
});
