// A node that passes its input through after reading its Page ID and Title for every item: with the expressions the
// benchmark gives the Buildin node, what n8n charges any node for evaluating them. Plain JavaScript with no imports, so
// the same file runs in-process (harness/engine.js) and in a real n8n, loaded from this folder with
// N8N_CUSTOM_EXTENSIONS (node type CUSTOM.readParameters).
class ReadParameters {
	description = {
		displayName: 'Read Parameters', name: 'readParameters', group: ['transform'], version: 1, description: '',
		defaults: { name: 'Read Parameters' }, inputs: ['main'], outputs: ['main'],
		properties: [
			{ displayName: 'Page ID', name: 'pageId', type: 'string', default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	};
	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		const items = this.getInputData();
		items.forEach((_item, index) => ['pageId', 'title'].forEach((name) => this.getNodeParameter(name, index)));
		return [items];
	}
}

module.exports = { ReadParameters };
