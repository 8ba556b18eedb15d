// When the node lacks an operation: n8n's HTTP Request node calls a Buildin endpoint with the Buildin credential
// (Authentication → Predefined Credential Type → Buildin API), in a real n8n. The token goes to the credential's Base
// URL (the sandbox), and a request to any other server (a second server on another loopback port, recording every
// header) gets no token: the credential refuses it. The editor lists Buildin API among the predefined credential types.
import { N8n, N8nRest } from '../../harness/n8n';
import { startElsewhere, type Elsewhere } from '../support/elsewhere';
import { predefinedCredentialTypes } from './support/editor';
import { describeEachLine, itOn } from './support/lines';
import { chain, CREDENTIAL_ID, credentials, PAGE_ID, type WorkflowFile } from './support/workflows';

const { startSandbox } = require('../../sandbox');
const { seedDemo } = require('../../sandbox/seed');

/** An HTTP Request node (typeVersion 4.2, which every pinned line has) authenticated by the Buildin credential. */
function httpRequest(name: string, position: number, parameters: Record<string, unknown>) {
	return {
		parameters: { authentication: 'predefinedCredentialType', nodeCredentialType: 'buildinApi', options: {}, ...parameters },
		id: `node-${name.toLowerCase().replace(/\W+/g, '-')}`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [position * 220, 0],
		credentials: { buildinApi: { id: CREDENTIAL_ID, name: 'Buildin account' } },
	};
}

const outputOf = (json: any, node: string): any[] => json?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? [];

describeEachLine('core', 'the HTTP Request node with the Buildin credential in n8n $n8n on Node $node', (line) => {
	let n8n: N8n;
	let sandbox: any;
	let elsewhere: Elsewhere;
	let token: string;
	let toBuildin: WorkflowFile;
	let toElsewhere: WorkflowFile;

	beforeAll(async () => {
		n8n = new N8n(line);
		n8n.installPackage();
		sandbox = await startSandbox({ port: 0 });
		token = seedDemo(sandbox).token;
		elsewhere = await startElsewhere();
		toBuildin = chain('e2e-http-request-buildin', 'E2E: HTTP Request to Buildin', [
			httpRequest('Get Page (HTTP)', 1, { url: `${sandbox.url}/v2/pages/${PAGE_ID}` }),
			httpRequest('Search (HTTP)', 2, {
				method: 'POST',
				url: `${sandbox.url}/v2/search`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '{ "query": "Release" }',
			}),
		]);
		toElsewhere = chain('e2e-http-request-elsewhere', 'E2E: HTTP Request elsewhere', [
			httpRequest('Elsewhere (HTTP)', 1, { url: `${elsewhere.url}/v2/users/me` }),
		]);
		expect((await n8n.importCredentials(credentials(sandbox.url, token))).code).toBe(0);
		expect((await n8n.importWorkflows([toBuildin, toElsewhere])).code).toBe(0);
	});

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		await elsewhere?.close();
		n8n?.cleanup();
	});

	beforeEach(() => sandbox.reset());

	it("sends the bearer token to the credential's Base URL: a GET and a POST with a body reach Buildin", async () => {
		const result = await n8n.execute(toBuildin.id);
		expect(result.code).toBe(0);
		expect(sandbox.requests.map((request: any) => [request.method, request.path, request.status])).toEqual([
			['GET', `/v2/pages/${PAGE_ID}`, 200],
			['POST', '/v2/search', 200],
		]);
		for (const request of sandbox.requests) expect(request.headers.authorization).toBe(`Bearer ${token}`);
		expect(sandbox.requests[1].body).toEqual({ query: 'Release' });
		expect(outputOf(result.json, 'Get Page (HTTP)')[0].json).toMatchObject({ object: 'page', id: PAGE_ID });
		expect(outputOf(result.json, 'Search (HTTP)')[0].json.results.map((found: any) => found.id)).toContain(PAGE_ID);
		expect(JSON.stringify(result.json)).not.toContain(token);
	});

	it('refuses a request to another server: no token leaves, the run fails saying why', async () => {
		const result = await n8n.execute(toElsewhere.id);
		expect(elsewhere.requests.filter((request) => JSON.stringify(request.headers).includes(token))).toEqual([]);
		expect(elsewhere.requests).toEqual([]);
		expect(result.code).not.toBe(0);
		const output = `${result.stdout}\n${result.stderr}`;
		expect(output).toContain('sends its token only to its Base URL');
		expect(output).not.toContain(token);
		expect(sandbox.requests).toEqual([]);
	});

	describe('the editor', () => {
		let rest: N8nRest;
		let baseUrl: string;

		beforeAll(async () => {
			baseUrl = await n8n.start();
			rest = new N8nRest(baseUrl);
			await rest.setUpOwner();
		});

		it("serves what the HTTP Request node's Credential Type list filters on: Buildin API has `authenticate`", async () => {
			// The list offers the credential types matching the parameter's credentialTypes; `has:authenticate` is the
			// one a credential with its own authenticate meets (n8n serves the function as `{}`).
			const nodes = await rest.request('GET', '/types/nodes.json');
			const httpRequestNodes = (nodes.body as any[]).filter((node) => node.name === 'n8n-nodes-base.httpRequest');
			const withV42 = httpRequestNodes.find((node) => [node.version].flat().includes(4.2));
			const parameter = withV42.properties.find((property: any) => property.name === 'nodeCredentialType');
			expect(parameter.credentialTypes).toContain('has:authenticate');
			const types = await rest.request('GET', '/types/credentials.json');
			const buildinApi = (types.body as any[]).find((type) => type.name === 'buildinApi');
			expect(buildinApi).toMatchObject({ displayName: 'Buildin API' });
			expect(buildinApi.authenticate).toBeDefined();
		});

		itOn(line, 'editor')('lists Buildin API under Authentication → Predefined Credential Type', async () => {
			const listed = await predefinedCredentialTypes({
				baseUrl,
				owner: N8nRest.owner,
				workflowId: toBuildin.id,
				nodeName: 'Get Page (HTTP)',
				search: 'Buildin',
			});
			expect(listed).toContain('Buildin API');
		});
	});
});
