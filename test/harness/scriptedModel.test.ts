// The scripted model the end-to-end tool tests point n8n's OpenAI Chat Model at: both APIs that node calls, the
// script played step by step, what it received recorded, and every surprise kept as a failure.
const { startScriptedModel } = require('../../harness/scriptedModel');

type Model = Awaited<ReturnType<typeof startScriptedModel>>;

const updatePage = {
	name: 'Update_Page',
	description: 'Update a page in Buildin',
	parameters: {
		type: 'object',
		properties: { pageId: { type: 'string', description: 'ID or URL of the page' }, title: { type: 'string' } },
		required: ['pageId', 'title'],
		additionalProperties: false,
	},
};
const PAGE = '11111111-1111-4111-8111-111111111111';

let model: Model;

beforeAll(async () => {
	model = await startScriptedModel();
});
afterAll(async () => {
	await model.close();
});

async function post(path: string, body: unknown): Promise<{ status: number; body: any }> {
	const response = await fetch(`${model.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}

const responsesTools = [{ type: 'function', strict: false, ...updatePage }];
const chatTools = [{ type: 'function', function: updatePage }];

describe('the Responses API (the OpenAI Chat Model node 1.3 default)', () => {
	test('a tool call, then after its result a final message; what it received is recorded', async () => {
		model.play([{ calls: [{ name: 'Update_Page', arguments: { pageId: PAGE, title: 'Filed' } }] }, { say: 'Done.' }]);

		const first = await post('/responses', { model: 'gpt-4.1-mini', input: [{ type: 'message', role: 'user', content: 'File it' }], tools: responsesTools, stream: false });
		expect(first.status).toBe(200);
		expect(first.body).toMatchObject({ object: 'response', status: 'completed', model: 'gpt-4.1-mini' });
		expect(first.body.output).toEqual([
			{ type: 'function_call', id: 'fc_1_0', call_id: 'call_1_0', name: 'Update_Page', arguments: JSON.stringify({ pageId: PAGE, title: 'Filed' }), status: 'completed' },
		]);

		const second = await post('/responses', {
			model: 'gpt-4.1-mini',
			input: [
				{ type: 'message', role: 'user', content: 'File it' },
				{ type: 'function_call', call_id: 'call_1_0', name: 'Update_Page', arguments: '{}' },
				{ type: 'function_call_output', call_id: 'call_1_0', output: '[{"id":"x"}]' },
			],
			tools: responsesTools,
		});
		expect(second.body.output).toEqual([
			{ type: 'message', id: 'msg_2', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Done.', annotations: [] }] },
		]);

		expect(model.requests.map((request: any) => request.api)).toEqual(['responses', 'responses']);
		expect(model.requests[0].tools).toEqual([updatePage]);
		expect(model.requests[0].messages).toEqual([{ role: 'user', text: 'File it' }]);
		expect(model.requests[0].authorization).toBe('Bearer sk-test');
		expect(model.requests[1].toolResults).toEqual([{ callId: 'call_1_0', output: '[{"id":"x"}]' }]);
		expect(() => model.verify()).not.toThrow();
	});
});

describe('Chat Completions (the node with Use Responses API off)', () => {
	test('the same script in the chat.completion shape', async () => {
		model.play([{ calls: [{ name: 'Update_Page', arguments: { pageId: PAGE, title: 'Filed' } }] }, { say: 'Done.' }]);

		const first = await post('/chat/completions', { model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'File it' }], tools: chatTools });
		expect(first.body.choices).toEqual([
			{
				index: 0,
				message: {
					role: 'assistant',
					content: null,
					tool_calls: [{ id: 'call_1_0', type: 'function', function: { name: 'Update_Page', arguments: JSON.stringify({ pageId: PAGE, title: 'Filed' }) } }],
				},
				finish_reason: 'tool_calls',
			},
		]);
		const second = await post('/chat/completions', {
			model: 'gpt-4.1-mini',
			messages: [
				{ role: 'user', content: 'File it' },
				{ role: 'assistant', content: null, tool_calls: first.body.choices[0].message.tool_calls },
				{ role: 'tool', tool_call_id: 'call_1_0', content: '[{"id":"x"}]' },
			],
			tools: chatTools,
		});
		expect(second.body.choices[0]).toEqual({ index: 0, message: { role: 'assistant', content: 'Done.' }, finish_reason: 'stop' });

		expect(model.requests[0].tools).toEqual([updatePage]);
		expect(model.requests[1].toolResults).toEqual([{ callId: 'call_1_0', output: '[{"id":"x"}]' }]);
		expect(() => model.verify()).not.toThrow();
	});
});

describe('anything the script did not foresee is a 400 and a failure verify() reports', () => {
	const ask = async (body: object = {}) =>
		await post('/responses', { model: 'm', input: [{ type: 'message', role: 'user', content: 'Hi' }], tools: responsesTools, ...body });

	test('a request after the last step', async () => {
		model.play([{ say: 'Hello.' }]);
		await ask();
		const extra = await ask();
		expect(extra.status).toBe(400);
		expect(extra.body.error.message).toBe("Scripted model: request 2 after the script's 1 step(s) were played");
		expect(() => model.verify()).toThrow("request 2 after the script's 1 step(s) were played");
	});

	test('a step that was never asked for', async () => {
		model.play([{ say: 'Hello.' }, { say: 'Again.' }]);
		await ask();
		expect(() => model.verify()).toThrow("only 1 of the script's 2 step(s) were played");
	});

	test('a call of a tool the request does not offer', async () => {
		model.play([{ calls: [{ name: 'Search', arguments: { query: 'x' } }] }]);
		expect((await ask()).status).toBe(400);
		expect(model.failures).toEqual(['the script calls "Search", but the tools offered are ["Update_Page"]']);
	});

	test("arguments the tool's schema does not allow", async () => {
		model.play([{ calls: [{ name: 'Update_Page', arguments: { pageId: PAGE, colour: 'red' } }] }]);
		expect((await ask()).status).toBe(400);
		expect(model.failures).toEqual(['the script\'s call of "Update_Page" misses the required "title", has "colour", which the schema does not declare']);
	});

	test('the next request without the result of the call', async () => {
		model.play([{ calls: [{ name: 'Update_Page', arguments: { pageId: PAGE, title: 'Filed' } }] }, { say: 'Done.' }]);
		await ask();
		expect((await ask()).status).toBe(400);
		expect(model.failures).toEqual(['no tool result for the call(s) call_1_0 of the previous answer']);
	});

	test('a streaming request, another path, a body that is not JSON', async () => {
		model.play([]);
		expect((await ask({ stream: true })).status).toBe(400);
		expect((await post('/embeddings', {})).status).toBe(400);
		const notJson = await fetch(`${model.url}/responses`, { method: 'POST', body: 'hello' });
		expect(notJson.status).toBe(400);
		expect(model.failures).toEqual([
			'a streaming request on /v1/responses; the script answers only whole responses',
			'unexpected POST /v1/embeddings',
			'a body that is not JSON on /v1/responses',
		]);
	});
});
