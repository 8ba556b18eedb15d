// The benchmark's workflows, run inside a real n8n: N items from a Code node (or from a webhook call's body), then
// the contender updating each item's page title — the Buildin node, or n8n's HTTP Request node doing the same PATCH —
// or a node that only reads the Buildin node's Page ID and Title (harness/nodes/ReadParameters.node.js).
const TRIGGER = 'When clicking ‘Execute workflow’';

function itemsNode(ids) {
	return {
		parameters: { jsCode: `return ${JSON.stringify(ids)}.map((id, i) => ({ json: { id, title: 'Bench ' + i } }));` },
		id: 'bench-items',
		name: 'Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [220, 0],
	};
}

function chain(id, name, contender, ids) {
	const nodes = [
		{ parameters: {}, id: 'bench-trigger', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		itemsNode(ids),
		contender,
	];
	return {
		id,
		name,
		nodes,
		connections: {
			[TRIGGER]: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: contender.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** The page ID and title each variant gives the node (`ids[0]` is the one page every item writes with plain values). */
const VALUES = {
	// What n8n's drag-and-drop mapping writes: the node reads these fields from the item.
	fields: () => ({ pageId: '={{ $json.id }}', title: '={{ $json.title }}' }),
	// Expressions only n8n can evaluate (any node with such expressions pays for n8n's evaluation).
	computed: () => ({ pageId: '={{ $json.id.trim() }}', title: '={{ $json.title.trim() }}' }),
	// Plain values: no expression at all.
	plain: (ids) => ({ pageId: ids[0], title: 'Bench' }),
};

/**
 * Page -> Update of each item's page title. `concurrency` undefined keeps the node's default; `simplify` undefined
 * keeps Simplify's default; `values` is one of VALUES.
 */
function buildinParameters(ids, { concurrency, values = 'fields', simplify } = {}) {
	const { pageId, title } = VALUES[values](ids);
	return {
		resource: 'page',
		operation: 'update',
		pageId: { __rl: true, mode: 'id', value: pageId },
		title,
		...(simplify === undefined ? {} : { simplify }),
		options: concurrency === undefined ? {} : { concurrency },
	};
}

/** n8n's HTTP Request node with its defaults, doing the same PATCH with a header credential. */
function httpRequestParameters(baseUrl) {
	return {
		method: 'PATCH',
		url: `={{ "${baseUrl}/v2/pages/" + $json.id }}`,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify({ properties: { title: { type: "title", title: [{ type: "text", text: { content: $json.title } }] } } }) }}',
		options: {},
	};
}

/**
 * The Buildin node as the contender: updating titles (see buildinParameters); `options` adds to its Options (e.g.
 * `{ maxRetries: 10 }`), `credentialId` picks another Buildin credential.
 */
function buildinContender(ids, concurrency, { values = 'fields', options = {}, credentialId = 'bench-buildin' } = {}) {
	const parameters = buildinParameters(ids, { concurrency, values });
	return {
		parameters: { ...parameters, options: { ...parameters.options, ...options } },
		id: 'bench-contender',
		name: 'Contender',
		type: 'n8n-nodes-buildin.buildin',
		typeVersion: 1,
		position: [440, 0],
		credentials: { buildinApi: { id: credentialId, name: `Bench Buildin ${credentialId}` } },
		// Failed items are counted, not fatal, for every contender alike.
		onError: 'continueRegularOutput',
	};
}

function httpRequestContender(baseUrl) {
	return {
		parameters: httpRequestParameters(baseUrl),
		id: 'bench-contender',
		name: 'Contender',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [440, 0],
		credentials: { httpHeaderAuth: { id: 'bench-header', name: 'Bench header' } },
		onError: 'continueRegularOutput',
	};
}

/**
 * A node that passes its items through after reading the Page ID and Title the Buildin node would get (`values`, one
 * of VALUES): n8n's cost of evaluating them, with no request. Its type is the one n8n gives a node loaded with
 * N8N_CUSTOM_EXTENSIONS.
 */
function readParametersContender(ids, values) {
	const { pageId, title } = buildinParameters(ids, { values });
	return {
		parameters: { pageId: pageId.value, title },
		id: 'bench-contender',
		name: 'Contender',
		type: 'CUSTOM.readParameters',
		typeVersion: 1,
		position: [440, 0],
	};
}

function buildinWorkflow(id, ids, concurrency, { values = 'fields', options } = {}) {
	return chain(id, `Bench: Buildin ${concurrency ?? 'default'}, ${values}`, buildinContender(ids, concurrency, { values, options }), ids);
}

function readParametersWorkflow(id, ids, values) {
	return chain(id, `Bench: read parameters, ${values}`, readParametersContender(ids, values), ids);
}

function httpRequestWorkflow(id, ids, baseUrl) {
	return chain(id, 'Bench: HTTP Request', httpRequestContender(baseUrl), ids);
}

/**
 * Webhook (POST /webhook/<path>, answering with every item of the last node) -> Split Out of the body's `items` ->
 * the contender: one execution per call, with the items the call carries.
 */
function webhookWorkflow(id, path, contender) {
	const webhook = {
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		id: 'bench-webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: path,
	};
	const split = {
		parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
		id: 'bench-split',
		name: 'Items',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [220, 0],
	};
	return {
		id,
		name: `Bench webhook: ${path}`,
		nodes: [webhook, split, contender],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: contender.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** The Buildin credential (`id`, token) and the header credential the HTTP Request node sends the same token with. */
function credentials(baseUrl, token, { id = 'bench-buildin' } = {}) {
	return [
		{ id, name: `Bench Buildin ${id}`, type: 'buildinApi', data: { apiToken: token, baseUrl } },
		{ id: 'bench-header', name: 'Bench header', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${token}` } },
	];
}

module.exports = {
	buildinContender,
	buildinParameters,
	buildinWorkflow,
	credentials,
	httpRequestContender,
	httpRequestParameters,
	httpRequestWorkflow,
	readParametersContender,
	readParametersWorkflow,
	webhookWorkflow,
};
