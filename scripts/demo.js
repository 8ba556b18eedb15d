// `npm run demo`: runs examples/update-page-with-if-match.json (Get Page -> Update Page with If-Match) through n8n's
// engine. Without BUILDIN_TOKEN it starts the Buildin sandbox with a sample page and shows what the sandbox received;
// with BUILDIN_TOKEN and BUILDIN_PAGE (an id or URL; BUILDIN_BASE_URL optional) it updates that page in a real workspace.
const fs = require('node:fs');
const path = require('node:path');

const { runWorkflow, nodeOutput } = require('../harness/engine');
const { startSandbox } = require('../sandbox');
const { seedDemo } = require('../sandbox/seed');

const EXAMPLE = path.join(__dirname, '..', 'examples', 'update-page-with-if-match.json');

function summary(page) {
	if (!page) return '(no output)';
	const title = (page.properties?.title?.title ?? Object.values(page.properties ?? {}).find((p) => p.type === 'title')?.title ?? [])
		.map((t) => t.plain_text ?? t.text?.content)
		.join('');
	const icon = page.icon ? (page.icon.emoji ?? page.icon.external?.url) : 'none';
	const cover = page.cover ? page.cover.external?.url ?? page.cover.type : 'none';
	return [`  title:  ${title}`, `  icon:   ${icon}`, `  cover:  ${cover}`, `  etag:   ${page.etag}`, `  edited: ${page.last_edited_time}`].join('\n');
}

async function main() {
	const real = Boolean(process.env.BUILDIN_TOKEN);
	if (real && !process.env.BUILDIN_PAGE) throw new Error('Set BUILDIN_PAGE to the id or URL of a page to update');
	const sandbox = real ? undefined : await startSandbox({ port: 0 });
	const seeded = sandbox ? seedDemo(sandbox) : undefined;
	const credentials = real
		? { apiToken: process.env.BUILDIN_TOKEN, baseUrl: process.env.BUILDIN_BASE_URL || 'https://api.buildin.ai' }
		: { apiToken: seeded.token, baseUrl: sandbox.url };
	const pageRef = real ? process.env.BUILDIN_PAGE : `https://buildin.ai/docs/Release-Checklist-${seeded.pageId.replace(/-/g, '')}`;

	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	const getNode = workflow.nodes.find((node) => node.name === 'Get Page');
	getNode.parameters.pageId = { __rl: true, mode: /^https?:/.test(pageRef) ? 'url' : 'id', value: pageRef };

	console.log(`Buildin demo against ${real ? credentials.baseUrl : `the sandbox at ${sandbox.url}`}`);
	console.log(`Workflow: ${workflow.name}\n`);
	const run = await runWorkflow({ nodes: workflow.nodes, connections: workflow.connections, credentials: { buildinApi: credentials } });
	const before = nodeOutput(run, 'Get Page')?.[0]?.json;
	const after = nodeOutput(run, 'Update Page')?.[0]?.json;
	console.log(`Before (Get Page):\n${summary(before)}\n`);
	console.log(`After (Update Page):\n${summary(after)}\n`);
	if (sandbox) {
		console.log('What the sandbox received:');
		for (const request of sandbox.requests) {
			const ifMatch = request.headers['if-match'] ? `  If-Match: ${request.headers['if-match']}` : '';
			console.log(`  ${request.method} ${request.path}${ifMatch}`);
			if (request.body !== undefined) console.log(`    ${JSON.stringify(request.body)}`);
		}
		await sandbox.close();
	}
	if (run.status !== 'success') {
		const error = run.data.resultData.error;
		console.error(`\nThe workflow failed: ${error?.message}\n${error?.description ?? ''}`);
		process.exitCode = 1;
		return;
	}
	console.log('\nDone: the page was read, then updated with its own version as If-Match.');
}

main().catch((error) => {
	console.error(error.message);
	process.exitCode = 1;
});
