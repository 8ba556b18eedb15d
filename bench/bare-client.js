// The benchmark's reference client: Node's own fetch sending the same PATCHes with a fixed concurrency, in a process
// of its own, and nothing else. What it reaches against the sandbox is what any client can reach on this machine.
// Usage: node bench/bare-client.js <request file: { url, token, ids, concurrency }>; prints the wall time in ms.
const { readFileSync } = require('node:fs');

(async () => {
	const { url, token, ids, concurrency } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
	const started = Date.now();
	let next = 0;
	let failed = 0;
	const worker = async () => {
		while (next < ids.length) {
			const index = next++;
			const response = await fetch(`${url}/v2/pages/${ids[index]}`, {
				method: 'PATCH',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify({ properties: { title: { type: 'title', title: [{ type: 'text', text: { content: `Bench ${index}` } }] } } }),
			});
			await response.arrayBuffer();
			if (!response.ok) failed++;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	console.log(JSON.stringify({ ms: Date.now() - started, failed, count: ids.length }));
})();
