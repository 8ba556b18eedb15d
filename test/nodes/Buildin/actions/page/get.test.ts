import { byId, runBuildin, sandboxWithToken, type Sandbox } from '../../../../support/workflow';

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await sandboxWithToken(); });
afterAll(async () => { await sandbox.close(); });

test('smoke', async () => {
	const page = sandbox.addPage({ title: 'Hello' });
	const r = await runBuildin(sandbox, { parameters: { resource: 'page', operation: 'get', pageId: byId(page.id) } });
	console.log(JSON.stringify(r.output, null, 1), r.error);
	const r2 = await runBuildin(sandbox, { parameters: { resource: 'page', operation: 'get', pageId: byId('11111111-1111-4111-8111-111111111111') } });
	console.log(r2.error, Object.keys(r2.error!), JSON.stringify(r2.error), r2.output);
	const r3 = await runBuildin(sandbox, { parameters: { resource: 'page', operation: 'get', pageId: byId('nope') } });
	console.log(r3.error, JSON.stringify(r3.error), sandbox.requests.length);
});
