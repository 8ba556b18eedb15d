// Reads the same parameters item by item through n8n and through the Buildin node's parameter cache (from dist/),
// in n8n-core's engine: whether mapped fields, which the cache reads from the item, give what n8n's evaluation gives.
// The engine tests run it with n8n's legacy expression engine; run as a script (under Node 24: isolated-vm has no
// build for Node 20) it switches to n8n 2.41's default `vm` engine first and prints the comparison as JSON.
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');
const { Expression } = require('n8n-workflow');
const { runWorkflow, nodeOutput, PACKAGE_DIR } = require('./engine');

const { withParameterCache } = require(path.join(PACKAGE_DIR, 'dist/nodes/Buildin/actions/parameterCache'));

/** A string, a resource locator and a collection, each holding the same expression. */
class CompareReads {
	description = {
		displayName: 'Compare Reads', name: 'compareReads', group: ['transform'], version: 1, description: '',
		defaults: { name: 'Compare Reads' }, inputs: ['main'], outputs: ['main'],
		properties: [
			{ displayName: 'Text', name: 'text', type: 'string', default: '' },
			{
				displayName: 'Page', name: 'page', type: 'resourceLocator', default: { mode: 'id', value: '' },
				modes: [{ displayName: 'ID', name: 'id', type: 'string' }],
			},
			{
				displayName: 'Properties', name: 'properties', type: 'fixedCollection', typeOptions: { multipleValues: true },
				default: {},
				options: [{
					displayName: 'Property', name: 'property',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				}],
			},
		],
	};

	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		const cached = withParameterCache(this);
		const names = ['text', 'page', 'properties.property'];
		return [this.getInputData().map((_item, index) => ({
			json: {
				n8n: names.map((name) => this.getNodeParameter(name, index)),
				cache: names.map((name) => cached.getNodeParameter(name, index)),
			},
			pairedItem: { item: index },
		}))];
	}
}

/** Every kind of value a field can hold; the cache reads only strings, numbers and booleans itself. */
const ITEMS = [
	{ v: 'Weekly report' },
	{ v: '' },
	{ v: 'Ünïcødé ✓ 日本語' },
	{ v: '={{ not evaluated again }}' },
	{ v: 0 },
	{ v: -1.5 },
	{ v: 1e21 },
	{ v: true },
	{ v: false },
	{ v: null },
	{},
	{ v: { nested: 'object' } },
	{ v: ['a', 'b'] },
];

/** The spellings of a mapped field, each with items holding every kind of value where it points. */
const MAPPED_FIELD_CASES = [
	['={{ $json.v }}', ITEMS],
	["={{ $json['v'] }}", ITEMS],
	['={{$json.v}}', ITEMS],
	['={{ $json.a.b }}', ITEMS.map((item) => ({ a: { b: item.v } }))],
	['={{ $json.list[1] }}', ITEMS.map((item) => ({ list: ['first', item.v] }))],
];

/**
 * Runs the comparing node over `items` with `expression` in all three parameters.
 * @returns {Promise<Array<{ n8n: unknown, cache: unknown }>>} what each item read through n8n and through the cache
 */
async function compareReads(expression, items) {
	const run = await runWorkflow({
		nodes: [
			{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'items', name: 'Items', type: 'harness.fixedItems', typeVersion: 1, position: [200, 0], parameters: { items: JSON.stringify(items) } },
			{
				id: 'compare', name: 'Compare Reads', type: 'harness.compareReads', typeVersion: 1, position: [400, 0],
				parameters: {
					text: expression,
					page: { __rl: true, mode: 'id', value: expression },
					properties: { property: [{ key: 'Status|select', value: expression }] },
				},
			},
		],
		connections: {
			'Manual Trigger': { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Compare Reads', type: 'main', index: 0 }]] },
		},
		extraNodeTypes: { 'harness.compareReads': new CompareReads() },
	});
	const output = nodeOutput(run, 'Compare Reads');
	if (!output) throw new Error(`the comparing node did not run: ${JSON.stringify(run.data.resultData.error).slice(0, 600)}`);
	return output.map(({ json }) => json);
}

module.exports = { compareReads, MAPPED_FIELD_CASES, ITEMS };

if (require.main === module) {
	(async () => {
		await Expression.initExpressionEngine({ engine: 'vm', bridgeTimeout: 5000, bridgeMemoryLimit: 128, maxCodeCacheSize: 1024, poolSize: 1 });
		const engine = Expression.shouldUseVm() ? 'vm' : 'legacy';
		let compared = 0;
		const mismatches = [];
		for (const [expression, items] of MAPPED_FIELD_CASES) {
			for (const [index, { n8n, cache }] of (await compareReads(expression, items)).entries()) {
				compared++;
				if (!isDeepStrictEqual(cache, n8n)) mismatches.push({ expression, item: items[index], n8n, cache });
			}
		}
		await Expression.disposeExpressionEngine();
		process.stdout.write(JSON.stringify({ engine, compared, mismatches }));
	})().catch((error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	});
}
