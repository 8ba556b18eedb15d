// The From List modes (methods/listSearch.ts): a workspace search as the user types, one page of results at a time.
import { editorContext } from '../../../support/editorContext';
import { TOKEN, useSandbox } from '../../../support/workflow';

const sandbox = useSandbox();

async function search(method: 'searchPages' | 'searchDatabases', filter?: string, paginationToken?: string) {
	const { context, nodeType } = await editorContext({ resource: 'page', operation: 'get' }, { apiToken: TOKEN, baseUrl: sandbox.url });
	return await nodeType.methods.listSearch[method].call(context, filter, paginationToken);
}

describe('searchPages', () => {
	it('lists matching pages by title with their emoji, id and URL, through Buildin search', async () => {
		const page = sandbox.addPage({ title: 'Quarterly Roadmap', icon: { type: 'emoji', emoji: '🗺️' } });
		sandbox.addDatabase({ title: 'Quarterly Metrics', properties: { Name: 'title' } });

		const { results } = await search('searchPages', 'quarterly');

		expect(results).toEqual([{ name: '🗺️ Quarterly Roadmap', value: page.id, url: page.url }]);
		expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v2/search' });
		expect(sandbox.requests[0].body).toEqual({
			query: 'quarterly',
			filter: { property: 'object', value: 'page' },
			sort: { timestamp: 'last_edited_time', direction: 'descending' },
			page_size: 50,
		});
	});

	it('hands back the cursor as the pagination token and sends it for the next page', async () => {
		for (let index = 0; index < 55; index++) sandbox.addPage({ title: `Paged note ${index}` });

		const first = await search('searchPages', 'Paged note');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await search('searchPages', 'Paged note', first.paginationToken);

		expect(second.results).toHaveLength(5);
		expect(second.paginationToken).toBeUndefined();
		expect(sandbox.requests[1].body).toMatchObject({ start_cursor: first.paginationToken });
		const ids = [...first.results, ...second.results].map((result) => result.value);
		expect(new Set(ids).size).toBe(55);
	});
});

describe('searchDatabases', () => {
	it('lists only databases, titled from their rich text', async () => {
		sandbox.addPage({ title: 'Incident Log page' });
		const database = sandbox.addDatabase({ title: 'Incident Log', properties: { Name: 'title' } });

		const { results } = await search('searchDatabases', 'incident');

		expect(results).toEqual([{ name: 'Incident Log', value: database.id, url: database.url }]);
		expect(sandbox.requests[0].body).toMatchObject({ filter: { property: 'object', value: 'database' } });
	});
});
