// The sandbox in a process of its own, so the in-process memory and CPU figures count only n8n and the node.
// Started by bench/memory.js with the number of pages to create; answers with { url, token, ids } over IPC.
const { startSandbox } = require('../sandbox');

(async () => {
	const sandbox = await startSandbox({ port: 0 });
	const token = 'bench-token';
	sandbox.addToken(token, ['pages.read', 'pages.write']);
	const ids = Array.from({ length: Number(process.argv[2]) }, (_, index) => sandbox.addPage({ title: `Page ${index}` }).id);
	process.send({ url: sandbox.url, token, ids });
	process.on('disconnect', () => sandbox.close().then(() => process.exit(0)));
})();
