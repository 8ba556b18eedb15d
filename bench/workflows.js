// The benchmark's workflows, run inside a real n8n: N items from a Code node, then the contender updating each
// item's page title — the Buildin node, or n8n's HTTP Request node doing the same PATCH.
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

/** The Buildin node updating titles (see buildinParameters). */
function buildinWorkflow(id, ids, concurrency, { values = 'fields' } = {}) {
	return chain(id, `Bench: Buildin ${concurrency ?? 'default'}, ${values}`, {
		parameters: buildinParameters(ids, { concurrency, values }),
		id: 'bench-contender',
		name: 'Contender',
		type: 'n8n-nodes-buildin.buildin',
		typeVersion: 1,
		position: [440, 0],
		credentials: { buildinApi: { id: 'bench-buildin', name: 'Bench Buildin' } },
		// Failed items are counted, not fatal, for every contender alike.
		onError: 'continueRegularOutput',
	}, ids);
}

function httpRequestWorkflow(id, ids, baseUrl) {
	return chain(id, 'Bench: HTTP Request', {
		parameters: httpRequestParameters(baseUrl),
		id: 'bench-contender',
		name: 'Contender',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [440, 0],
		credentials: { httpHeaderAuth: { id: 'bench-header', name: 'Bench header' } },
		onError: 'continueRegularOutput',
	}, ids);
}

function credentials(baseUrl, token) {
	return [
		{ id: 'bench-buildin', name: 'Bench Buildin', type: 'buildinApi', data: { apiToken: token, baseUrl } },
		{ id: 'bench-header', name: 'Bench header', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${token}` } },
	];
}

module.exports = { buildinParameters, buildinWorkflow, httpRequestParameters, httpRequestWorkflow, credentials };
