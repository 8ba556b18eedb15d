// The editor's view of the package, as plain JSON: the Buildin node's, the Buildin Trigger's and the credential's
// descriptions, every parameter with everything n8n reads from it (functions by name). `node scripts/description.js`
// writes it from the build (npm run build first) to test/nodes/Buildin/description.fixture.json, which
// test/nodes/Buildin/description.snapshot.test.ts compares parameter by parameter with the code: a refactor that is
// meant to leave the editor alone proves it did. Rewrite the fixture only when the editor is meant to change.
const fs = require('node:fs');
const path = require('node:path');

const FIXTURE = path.join(__dirname, '..', 'test', 'nodes', 'Buildin', 'description.fixture.json');

/**
 * A value as JSON with its object keys sorted (the order of keys means nothing to n8n, the order of array entries
 * does), functions as `[Function name]`, undefined entries dropped as JSON drops them.
 */
function canonical(value) {
	if (typeof value === 'function') return `[Function ${value.name}]`;
	if (Array.isArray(value)) return value.map((entry) => (entry === undefined ? null : canonical(entry)));
	if (value !== null && typeof value === 'object') {
		const result = {};
		for (const key of Object.keys(value).sort()) {
			if (value[key] !== undefined) result[key] = canonical(value[key]);
		}
		return result;
	}
	return value;
}

/** The names of an object's methods, own and inherited from its class (not Object's). */
function methodNames(instance) {
	const names = new Set();
	for (let proto = Object.getPrototypeOf(instance); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
		for (const name of Object.getOwnPropertyNames(proto)) {
			if (name !== 'constructor' && typeof instance[name] === 'function') names.add(name);
		}
	}
	return [...names].sort();
}

/** A node type instance: its description, its methods (list searches, load options) by name, and its entry points. */
function nodeView(node) {
	const methods = {};
	for (const [kind, functions] of Object.entries(node.methods ?? {})) methods[kind] = Object.keys(functions).sort();
	return { description: canonical(node.description), methods, entryPoints: methodNames(node) };
}

/** A credential type instance: its own fields (properties, test, …) and its methods by name. */
function credentialView(credential) {
	return { fields: canonical({ ...credential }), methods: methodNames(credential) };
}

/** The whole view from the three classes. */
function packageView({ Buildin, BuildinTrigger, BuildinApi }) {
	return {
		buildin: nodeView(new Buildin()),
		buildinTrigger: nodeView(new BuildinTrigger()),
		buildinApi: credentialView(new BuildinApi()),
	};
}

module.exports = { canonical, packageView, FIXTURE };

if (require.main === module) {
	const dist = path.join(__dirname, '..', 'dist');
	const view = packageView({
		Buildin: require(path.join(dist, 'nodes/Buildin/Buildin.node.js')).Buildin,
		BuildinTrigger: require(path.join(dist, 'nodes/Buildin/BuildinTrigger.node.js')).BuildinTrigger,
		BuildinApi: require(path.join(dist, 'credentials/BuildinApi.credentials.js')).BuildinApi,
	});
	fs.writeFileSync(FIXTURE, `${JSON.stringify(view, null, '\t')}\n`);
	console.log(`Wrote ${path.relative(process.cwd(), FIXTURE)}`);
}
