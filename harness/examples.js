// The importable workflows in examples/, with the ids n8n imports them under (n8n executes by id).
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const EXAMPLES_DIR = join(__dirname, '..', 'examples');
/** The credential id the examples reference; importing a credential under this id makes them runnable as they are. */
const EXAMPLE_CREDENTIAL_ID = 'buildin-credential';
/** The OpenAI credential the agent example's chat model references; the tests import one pointing at a scripted model. */
const EXAMPLE_OPENAI_CREDENTIAL_ID = 'openai-credential';

/** Every workflow in examples/, keyed by file name without .json. */
function exampleWorkflows() {
	const files = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));
	return Object.fromEntries(
		files.map((file) => {
			const key = file.replace(/\.json$/, '');
			const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
			return [key, { ...workflow, id: `example-${key}`.slice(0, 36), active: false }];
		}),
	);
}

module.exports = { exampleWorkflows, EXAMPLE_CREDENTIAL_ID, EXAMPLE_OPENAI_CREDENTIAL_ID };
