// Page → Move through n8n's engine: PATCH /v2/pages/:id/move with the new parent and an optional sibling.
import { byId, runBuildin, useSandbox } from '../../../../support/workflow';

const sandbox = useSandbox();

const move = (pageId: string, parameters: Record<string, unknown>) => ({
	resource: 'page',
	operation: 'move',
	pageId: byId(pageId),
	...parameters,
});
const childIds = (id: string) => sandbox.childrenOf(id).map((block: Record<string, any>) => block.id);

describe('Page → Move', () => {
	test('under another page, after a given sibling', async () => {
		const archive = sandbox.addPage({ title: 'Archive' });
		const [first, last] = [sandbox.addPage({ title: 'A', parent: { type: 'page_id', page_id: archive.id } }), sandbox.addPage({ title: 'B', parent: { type: 'page_id', page_id: archive.id } })];
		const page = sandbox.addPage({ title: 'Release 0.9' });

		const { output, error } = await runBuildin(sandbox, {
			parameters: move(page.id, { parent: 'page', parentPageId: byId(archive.id), position: 'after', siblingId: `https://buildin.ai/docs/${first.id}` }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`PATCH /v2/pages/${page.id}/move 200`]);
		expect(sandbox.requests[0].body).toEqual({ parent: { type: 'page_id', page_id: archive.id }, after: first.id });
		expect(output[0].json).toMatchObject({ id: page.id, object_type: 'page', parent: { type: 'page_id', page_id: archive.id }, after: first.id });
		expect(childIds(archive.id)).toEqual([first.id, page.id, last.id]);
		expect(sandbox.getPage(page.id)!.parent).toEqual({ type: 'page_id', page_id: archive.id });
	});

	test('to the workspace root, and into a database where the page becomes a record with its title', async () => {
		const parent = sandbox.addPage({ title: 'Parent' });
		const page = sandbox.addPage({ title: 'Loose notes', parent: { type: 'page_id', page_id: parent.id } });
		const database = sandbox.addDatabase({ title: 'Notes', properties: { Name: 'title', Tags: 'multi_select' } });

		const toRoot = await runBuildin(sandbox, { parameters: move(page.id, { parent: 'workspace' }) });
		expect(toRoot.error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ parent: { type: 'workspace', workspace: true } });
		expect(childIds(parent.id)).toEqual([]);

		const intoDatabase = await runBuildin(sandbox, { parameters: move(page.id, { parent: 'database', parentDatabaseId: byId(database.id) }) });
		expect(intoDatabase.error).toBeUndefined();
		expect(sandbox.requests[1].body).toEqual({ parent: { type: 'database_id', database_id: database.id } });
		const record = sandbox.getPage(page.id)!;
		expect(record.parent).toEqual({ type: 'database_id', database_id: database.id });
		expect(record.properties.Name.title[0].plain_text).toBe('Loose notes');
	});

	test('a page under its own sub-page is refused by Buildin with a 400 the node reports as is', async () => {
		const page = sandbox.addPage({ title: 'Top' });
		const child = sandbox.addPage({ title: 'Child', parent: { type: 'page_id', page_id: page.id } });

		const { error } = await runBuildin(sandbox, { parameters: move(page.id, { parent: 'page', parentPageId: byId(child.id) }) });

		expect(error?.message).toBe('Buildin API error 400 (validation_error: An object cannot be moved under itself or one of its descendants)');
		expect(sandbox.getPage(page.id)!.parent).toEqual({ type: 'workspace', workspace: true });
	});

	test('a sibling that is not an ID or URL is refused before anything is sent', async () => {
		const page = sandbox.addPage({ title: 'P' });

		const { error } = await runBuildin(sandbox, { parameters: move(page.id, { parent: 'workspace', position: 'before', siblingId: 'the first one' }) });

		expect(error?.message).toBe('Sibling in item 0: "the first one" is not a Buildin ID or URL');
		expect(sandbox.requests).toEqual([]);
	});
});
