// Page → Move to Trash and Page → Restore through n8n's engine against the local Buildin sandbox.
import type { INodeParameters } from 'n8n-workflow';

import { byId, runBuildin, useSandbox } from '../../../../support/workflow';

const sandbox = useSandbox();

const MISSING = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
const moveToTrash = (pageId: string | INodeParameters): INodeParameters => ({
	resource: 'page',
	operation: 'moveToTrash',
	simplify: false,
	pageId: typeof pageId === 'string' ? byId(pageId) : pageId,
});
const restore = (pageId: string | INodeParameters): INodeParameters => ({
	resource: 'page',
	operation: 'restore',
	simplify: false,
	pageId: typeof pageId === 'string' ? byId(pageId) : pageId,
});

describe('Page → Move to Trash', () => {
	test('sends DELETE /v2/pages/:id; the output is the page, now in the trash, with its version', async () => {
		const page = sandbox.addPage({ title: 'Old notes' });

		const { output, error } = await runBuildin(sandbox, { parameters: moveToTrash(page.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`DELETE /v2/pages/${page.id} 200`]);
		expect(sandbox.requests[0].body).toBeUndefined();
		const after = sandbox.getPage(page.id);
		expect(after?.in_trash).toBe(true);
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({ ...after, etag: `W/"${after?.last_edited_time}"` });
		// Only the trash state changed.
		expect({ ...after, in_trash: false, last_edited_time: page.last_edited_time, last_edited_by: page.last_edited_by }).toEqual(page);
	});

	test('a server without DELETE (405) gets PATCH {in_trash: true} instead', async () => {
		const page = sandbox.addPage({ title: 'Old notes' });
		sandbox.injectFault({ method: 'DELETE', path: `/v2/pages/${page.id}`, status: 405 });

		const { output, error } = await runBuildin(sandbox, { parameters: moveToTrash(page.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`DELETE /v2/pages/${page.id} 405`,
			`PATCH /v2/pages/${page.id} 200`,
		]);
		expect(sandbox.requests[1].body).toEqual({ in_trash: true });
		expect(sandbox.getPage(page.id)?.in_trash).toBe(true);
		expect(output[0].json).toMatchObject({ id: page.id, in_trash: true, etag: expect.stringMatching(/^W\/"/) });
	});

	test('other errors are not worked around: a 404 is reported, no PATCH follows', async () => {
		const { error } = await runBuildin(sandbox, { parameters: moveToTrash(MISSING) });

		expect(sandbox.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['DELETE 404']);
		expect(error).toMatchObject({ httpCode: '404', description: expect.stringContaining('No page with this ID') });
	});

	test('without pages.write: 403 naming the capability, nothing changes', async () => {
		sandbox.addToken('trash-reader', ['pages.read']);
		const page = sandbox.addPage({ title: 'Keep me' });

		const { error } = await runBuildin(sandbox, { parameters: moveToTrash(page.id) }, { credentials: { apiToken: 'trash-reader' } });

		expect(error).toMatchObject({ httpCode: '403', description: expect.stringContaining('the pages.write capability') });
		expect(sandbox.getPage(page.id)?.in_trash).toBe(false);
	});

	test('a page id that is not one is refused before any request', async () => {
		const { error } = await runBuildin(sandbox, { parameters: moveToTrash(byId('={{ "abc" }}')) });

		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toBe('Page in item 0: "abc" is not a Buildin ID or URL');
	});
});

describe('Page → Restore', () => {
	test('sends PATCH {in_trash: false}; the output is the page out of the trash', async () => {
		const page = sandbox.addPage({ title: 'Old notes', inTrash: true });

		const { output, error } = await runBuildin(sandbox, { parameters: restore(page.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`PATCH /v2/pages/${page.id} 200`]);
		expect(sandbox.requests[0].body).toEqual({ in_trash: false });
		const after = sandbox.getPage(page.id);
		expect(after?.in_trash).toBe(false);
		expect(output[0].json).toEqual({ ...after, etag: `W/"${after?.last_edited_time}"` });
	});

	test('Move to Trash then Restore, the second taking the id from the first one’s output', async () => {
		const pages = [sandbox.addPage({ title: 'One' }), sandbox.addPage({ title: 'Two' })];

		const { outputs, output, error } = await runBuildin(
			sandbox,
			[
				{ name: 'Trash', parameters: moveToTrash(byId('={{ $json.page }}')) },
				{ name: 'Restore', parameters: restore(byId('={{ $json.id }}')) },
			],
			{ items: pages.map((page) => ({ page: page.id })) },
		);

		expect(error).toBeUndefined();
		expect(outputs.Trash?.map((item) => [item.json.id, item.json.in_trash])).toEqual(pages.map((page) => [page.id, true]));
		expect(output.map((item) => [item.json.id, item.json.in_trash])).toEqual(pages.map((page) => [page.id, false]));
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sandbox.requests.map((r) => r.method).sort()).toEqual(['DELETE', 'DELETE', 'PATCH', 'PATCH']);
		for (const page of pages) expect(sandbox.getPage(page.id)?.in_trash).toBe(false);
	});

	test('an unknown page is a 404', async () => {
		const { error } = await runBuildin(sandbox, { parameters: restore(MISSING) });

		expect(sandbox.requests).toHaveLength(1);
		expect(error).toMatchObject({ httpCode: '404' });
	});
});
