// The sandbox for bench/files.js in a process of its own, keeping only the size and hash of uploads, so the
// in-process memory figures count only n8n and the node. Answers { url, token, pageId, databaseId } over IPC, then
// questions: { lastUpload } -> the last stored object's size; { rateLimit, reset } -> sets the limit, clears the log;
// { counts } -> write requests that got through and 429s since the last reset.
const { startSandbox } = require('../sandbox');

(async () => {
	const sandbox = await startSandbox({ port: 0, keepFileBytes: false });
	const token = 'bench-token';
	sandbox.addToken(token, ['pages.read', 'pages.write', 'blocks.read', 'blocks.write', 'databases.read', 'databases.write']);
	const pageId = sandbox.addPage({ title: 'Uploads' }).id;
	const databaseId = sandbox.addDatabase({ title: 'Records', properties: { Name: 'title' } }).id;
	process.send({ url: sandbox.url, token, pageId, databaseId });
	process.on('message', (question) => {
		if (question.lastUpload) {
			const objects = [...sandbox.objectStore.objects.values()];
			process.send({ size: objects[objects.length - 1]?.size });
		} else if (question.rateLimit) {
			sandbox.reset();
			sandbox.setRateLimit({ perSecond: question.rateLimit, retryAfter: 1 });
			process.send({});
		} else if (question.counts) {
			const writes = sandbox.requests.filter((r) => r.method === 'POST' && r.status === 200).length;
			const throttled = sandbox.requests.filter((r) => r.status === 429).length;
			process.send({ writes, throttled });
		}
	});
	process.on('disconnect', () => sandbox.close().then(() => process.exit(0)));
})();
