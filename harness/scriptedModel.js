// @ts-check
'use strict';

// A scripted stand-in for an OpenAI model, for the tests (like the sandbox stands in for Buildin): n8n's OpenAI Chat
// Model node is pointed at it through its credential's Base URL. It speaks the two APIs that node calls, the
// Responses API (`POST /v1/responses`, its default) and Chat Completions (`POST /v1/chat/completions`), without
// streaming. Each request is answered by the next step of a script: tool calls with given arguments, or a final
// message. It records what it received (the tools offered with their schemas, the tool results) and keeps anything
// a script did not foresee as a failure, answered with a 400 (which OpenAI's client does not retry), so the test
// that calls `verify()` fails on it.

const http = require('node:http');

/**
 * @typedef {{ name: string, arguments: Record<string, unknown> }} ToolCall
 * @typedef {{ calls: ToolCall[] } | { say: string }} Step
 * @typedef {{ name: string, description: string, parameters: any }} OfferedTool
 * @typedef {{ callId: string, output: string }} ToolResult
 * @typedef {{ api: 'responses' | 'chat', model: string, tools: OfferedTool[], toolResults: ToolResult[],
 *   messages: Array<{ role: string, text: string }>, authorization: string | undefined, body: any }} ModelRequest
 */

const ENDPOINTS = { '/v1/responses': 'responses', '/v1/chat/completions': 'chat' };

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** Message content as text, whether a string or a list of parts. @param {unknown} content */
function textOf(content) {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return content.map((part) => (typeof part === 'string' ? part : (part?.text ?? ''))).join('');
}

/** What a request carries, the same for both APIs. @param {'responses' | 'chat'} api @param {any} body */
function readRequest(api, body) {
	/** @type {OfferedTool[]} */
	const tools = (body.tools ?? []).map((/** @type {any} */ tool) => {
		const fn = api === 'chat' ? tool.function : tool;
		return { name: fn?.name, description: fn?.description, parameters: fn?.parameters };
	});
	/** @type {ToolResult[]} */
	const toolResults = [];
	/** @type {Array<{ role: string, text: string }>} */
	const messages = [];
	/** @type {string[]} call ids the request says the model made earlier */
	const calledIds = [];
	const entries = api === 'chat' ? (body.messages ?? []) : typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : (body.input ?? []);
	for (const entry of entries) {
		if (api === 'responses' && entry.type === 'function_call_output') {
			toolResults.push({ callId: entry.call_id, output: typeof entry.output === 'string' ? entry.output : JSON.stringify(entry.output) });
		} else if (api === 'responses' && entry.type === 'function_call') {
			calledIds.push(entry.call_id);
		} else if (api === 'chat' && entry.role === 'tool') {
			toolResults.push({ callId: entry.tool_call_id, output: textOf(entry.content) });
		} else if (entry.role) {
			if (api === 'chat') for (const call of entry.tool_calls ?? []) calledIds.push(call.id);
			messages.push({ role: entry.role, text: textOf(entry.content) });
		}
	}
	return { tools, toolResults, messages, calledIds };
}

/** Whether arguments fit a JSON schema's object level: every required key, no key it does not declare. */
function argumentProblems(/** @type {any} */ schema, /** @type {Record<string, unknown>} */ args) {
	const declared = Object.keys(schema?.properties ?? {});
	const problems = [];
	for (const key of schema?.required ?? []) if (!(key in args)) problems.push(`misses the required "${key}"`);
	if (schema?.additionalProperties === false) {
		for (const key of Object.keys(args)) if (!declared.includes(key)) problems.push(`has "${key}", which the schema does not declare`);
	}
	return problems;
}

/** @param {string} id @param {string} model @param {Step} step @param {string[]} callIds */
function responsesAnswer(id, model, step, callIds) {
	const output =
		'say' in step
			? [{ type: 'message', id: `msg_${id}`, role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: step.say, annotations: [] }] }]
			: step.calls.map((call, index) => ({
					type: 'function_call',
					id: `fc_${id}_${index}`,
					call_id: callIds[index],
					name: call.name,
					arguments: JSON.stringify(call.arguments),
					status: 'completed',
				}));
	return {
		id: `resp_${id}`,
		object: 'response',
		created_at: Math.floor(Date.now() / 1000),
		status: 'completed',
		model,
		output,
		error: null,
		incomplete_details: null,
		usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15 },
	};
}

/** @param {string} id @param {string} model @param {Step} step @param {string[]} callIds */
function chatAnswer(id, model, step, callIds) {
	const message =
		'say' in step
			? { role: 'assistant', content: step.say }
			: {
					role: 'assistant',
					content: null,
					tool_calls: step.calls.map((call, index) => ({
						id: callIds[index],
						type: 'function',
						function: { name: call.name, arguments: JSON.stringify(call.arguments) },
					})),
				};
	return {
		id: `chatcmpl_${id}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, finish_reason: 'say' in step ? 'stop' : 'tool_calls' }],
		usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
	};
}

/**
 * Starts the scripted model on 127.0.0.1. Its `url` is what the OpenAI credential's Base URL takes.
 * @param {{ port?: number }} [options]
 */
async function startScriptedModel(options = {}) {
	/** @type {Step[]} */
	let script = [];
	let next = 0;
	/** Call ids of the last tool-call step, which the next request must answer with results. */
	/** @type {string[]} */
	let pendingCalls = [];
	/** @type {ModelRequest[]} */
	const requests = [];
	/** @type {string[]} */
	const failures = [];

	/** @param {http.ServerResponse} res @param {number} status @param {unknown} body */
	const send = (res, status, body) => {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(body));
	};
	/** Records a surprise and answers it as OpenAI answers a bad request. @param {http.ServerResponse} res @param {string} problem */
	const refuse = (res, problem) => {
		failures.push(problem);
		send(res, 400, { error: { message: `Scripted model: ${problem}`, type: 'invalid_request_error', code: null, param: null } });
	};

	const server = http.createServer(async (req, res) => {
		const path = (req.url ?? '').split('?')[0];
		const raw = await readBody(req);
		const api = /** @type {'responses' | 'chat' | undefined} */ (ENDPOINTS[/** @type {keyof typeof ENDPOINTS} */ (path)]);
		if (req.method !== 'POST' || api === undefined) return refuse(res, `unexpected ${req.method} ${path}`);
		let body;
		try {
			body = JSON.parse(raw);
		} catch {
			return refuse(res, `a body that is not JSON on ${path}`);
		}
		const { tools, toolResults, messages, calledIds } = readRequest(api, body);
		requests.push({ api, model: body.model, tools, toolResults, messages, authorization: req.headers.authorization, body });
		if (body.stream === true) return refuse(res, `a streaming request on ${path}; the script answers only whole responses`);
		const missing = pendingCalls.filter((callId) => !toolResults.some((result) => result.callId === callId) || !calledIds.includes(callId));
		if (missing.length > 0) return refuse(res, `no tool result for the call(s) ${missing.join(', ')} of the previous answer`);
		const step = script[next];
		if (step === undefined) return refuse(res, `request ${requests.length} after the script's ${script.length} step(s) were played`);
		next++;
		const id = String(requests.length);
		/** @type {string[]} */
		let callIds = [];
		if ('calls' in step) {
			for (const call of step.calls) {
				const tool = tools.find((offered) => offered.name === call.name);
				if (!tool) return refuse(res, `the script calls "${call.name}", but the tools offered are ${JSON.stringify(tools.map((t) => t.name))}`);
				const problems = argumentProblems(tool.parameters, call.arguments);
				if (problems.length > 0) return refuse(res, `the script's call of "${call.name}" ${problems.join(', ')}`);
			}
			callIds = step.calls.map((_, index) => `call_${id}_${index}`);
		}
		pendingCalls = callIds;
		send(res, 200, api === 'responses' ? responsesAnswer(id, body.model, step, callIds) : chatAnswer(id, body.model, step, callIds));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
	});
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

	return {
		/** The Base URL for n8n's OpenAI credential. */
		url: `http://127.0.0.1:${port}/v1`,
		/** Every request received, in order; play() empties it. */
		requests,
		/** What the model did not foresee, in order; play() empties it. */
		failures,
		/** Replaces the script and forgets earlier requests. @param {Step[]} steps */
		play(steps) {
			script = steps;
			next = 0;
			pendingCalls = [];
			requests.length = 0;
			failures.length = 0;
		},
		/** Throws when anything unexpected happened or the script was not played to its end. */
		verify() {
			const problems = [...failures];
			if (next < script.length) problems.push(`only ${next} of the script's ${script.length} step(s) were played`);
			if (problems.length > 0) throw new Error(`The scripted model saw the unexpected:\n- ${problems.join('\n- ')}`);
		},
		async close() {
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};
}

/** @typedef {Awaited<ReturnType<typeof startScriptedModel>>} ScriptedModel */

module.exports = { startScriptedModel };
