// Search → Semantic Search through n8n's engine against the local Buildin sandbox (whose scores are the share of the
// query's words found in a passage): what is sent (only what is set), Limit, and the results.
import type { INodeParameters } from 'n8n-workflow';

import { runBuildin, useSandbox } from '../../../../support/workflow';

type Json = Record<string, any>;

const sandbox = useSandbox();
let workspaceId: string;

const text = (content: string) => [{ type: 'text', text: { content } }];
const paragraph = (content: string) => ({ type: 'paragraph', paragraph: { rich_text: text(content) } });

let runbook: Json;
let blocks: Json[];

beforeAll(() => {
	workspaceId = sandbox.addToken('workspace-probe', ['pages.read']).workspace_id;
	runbook = sandbox.addPage({ title: 'Release runbook' });
	blocks = sandbox.addBlocks(runbook.id, [
		paragraph('To roll back a failed release, redeploy the previous tag.'),
		paragraph('Announce the rollback in the release channel.'),
		paragraph('Lunch is at noon.'),
	]);
});

const semantic = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'search',
	operation: 'semanticSearch',
	query: 'roll back a failed release',
	...parameters,
});

describe('Search → Semantic Search', () => {
	test('sends only the query and page_size 50 (n8n’s default Limit) by default; results as Buildin returns them, best first', async () => {
		const { output, error } = await runBuildin(sandbox, { parameters: semantic() });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /v2/search/semantic 200']);
		expect(sandbox.requests[0].body).toEqual({ query: 'roll back a failed release', page_size: 50 });
		expect(output[0].json).toEqual({
			object: 'semantic_search_result',
			page_id: runbook.id,
			block_id: blocks[0].id,
			score: 1,
			text: 'To roll back a failed release, redeploy the previous tag.',
		});
		const scores = output.map((item) => item.json.score as number);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(output.map((item) => item.json.block_id)).not.toContain(blocks[2].id);
		expect(output.every((item) => (item.pairedItem as Json).item === 0)).toBe(true);
	});

	test('Limit 2: exactly 2 results, and the request asked for 2', async () => {
		const { output, error } = await runBuildin(sandbox, { parameters: semantic({ limit: 2 }) });

		expect(error).toBeUndefined();
		expect((sandbox.requests[0].body as Json).page_size).toBe(2);
		expect(output).toHaveLength(2);
	});

	test('Score Threshold and Space ID are sent when set', async () => {
		const { output, error } = await runBuildin(sandbox, {
			parameters: semantic({ options: { scoreThreshold: 0.8, spaceId: workspaceId.replace(/-/g, '').toUpperCase() } }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			query: 'roll back a failed release',
			page_size: 50,
			score_threshold: 0.8,
			space_id: workspaceId,
		});
		expect(output.length).toBeGreaterThan(0);
		expect(output.every((item) => (item.json.score as number) >= 0.8)).toBe(true);
	});

	test('a Score Threshold of 0 is sent too (set is set)', async () => {
		await runBuildin(sandbox, { parameters: semantic({ options: { scoreThreshold: 0 } }) });

		expect(sandbox.requests[0].body).toMatchObject({ score_threshold: 0 });
	});

	test('an unknown space is Buildin’s 404', async () => {
		const { error } = await runBuildin(sandbox, {
			parameters: semantic({ options: { spaceId: '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f' } }),
		});

		expect(sandbox.requests).toHaveLength(1);
		expect(error).toMatchObject({ httpCode: '404' });
	});

	test('no match: no output items and no error', async () => {
		const { output, error } = await runBuildin(sandbox, { parameters: semantic({ query: 'zebra quantum' }) });

		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});

	test('an empty query (from an expression) is refused before any request', async () => {
		const { error } = await runBuildin(
			sandbox,
			{ parameters: semantic({ query: '={{ $json.question }}' }) },
			{ items: [{ question: '   ' }] },
		);

		expect(sandbox.requests).toHaveLength(0);
		expect(error).toMatchObject({ name: 'NodeOperationError', message: 'Query in item 0: is empty' });
	});

	test('a Score Threshold above 1 (from an expression) is refused before any request', async () => {
		const { error } = await runBuildin(sandbox, { parameters: semantic({ options: { scoreThreshold: '={{ 80 }}' } }) });

		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toBe('Score Threshold in item 0: 80 is not a number from 0 to 1');
	});

	test('without search.read: 403 naming the capability', async () => {
		sandbox.addToken('no-semantic', ['pages.read']);

		const { error } = await runBuildin(sandbox, { parameters: semantic() }, { credentials: { apiToken: 'no-semantic' } });

		expect(error).toMatchObject({ httpCode: '403', description: expect.stringContaining('the search.read capability') });
	});
});
