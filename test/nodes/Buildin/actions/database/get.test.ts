// Database → Get through n8n's engine against the sandbox.
import { byUrl, runBuildin, useSandbox } from '../../../../support/workflow';
import { addReleases, database } from './fixtures';

const sandbox = useSandbox();

describe('Database → Get', () => {
	test('Simplify off: the database exactly as Buildin returns it, schema included', async () => {
		const releases = addReleases(sandbox);

		const { output, error } = await runBuildin(sandbox, { parameters: database(releases.id, 'get', { simplify: false }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: `/v2/databases/${releases.id}`, status: 200 });
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual(sandbox.getDatabase(releases.id));
		expect(output[0].json.properties).toMatchObject({ Name: { type: 'title' }, Status: { type: 'select' } });
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	test('Simplify (the default): plain title and description, the schema as name → type', async () => {
		const releases = addReleases(sandbox);

		const { output, error } = await runBuildin(sandbox, {
			parameters: {
				resource: 'database',
				operation: 'get',
				databaseId: byUrl(`https://buildin.ai/database/${releases.id.replace(/-/g, '')}`),
			},
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe(`/v2/databases/${releases.id}`);
		expect(output[0].json).toEqual({
			id: releases.id,
			object: 'database',
			title: 'Releases',
			description: 'Every release with its status',
			url: releases.url,
			icon: '🚀',
			cover: null,
			in_trash: false,
			parent_id: null,
			created_time: releases.created_time,
			last_edited_time: releases.last_edited_time,
			properties: {
				Name: 'title',
				Status: 'select',
				Tags: 'multi_select',
				Due: 'date',
				Estimate: 'number',
				Done: 'checkbox',
				Website: 'url',
				Contact: 'email',
				Phone: 'phone_number',
				Owner: 'people',
				Attachments: 'files',
				Notes: 'rich_text',
				Related: 'relation',
				Created: 'created_time',
			},
		});
	});

	test('one request per input item, each output paired with its item', async () => {
		const first = addReleases(sandbox);
		const second = addReleases(sandbox);

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: database('={{ $json.id }}', 'get', { simplify: true }) },
			{ items: [{ id: first.id }, { id: second.id }] },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request: { path: string }) => request.path).sort()).toEqual(
			[`/v2/databases/${first.id}`, `/v2/databases/${second.id}`].sort(),
		);
		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[first.id, { item: 0 }],
			[second.id, { item: 1 }],
		]);
	});

	test('a bad id is refused before any request, naming the field and the item', async () => {
		// An expression: a fixed value is already refused by the editor's check of the ID field.
		const { error } = await runBuildin(sandbox, { parameters: database('={{ "not-an-id" }}', 'get') });

		expect(error?.message).toBe('Database in item 0: "not-an-id" is not a Buildin ID or URL');
		expect(sandbox.requests).toHaveLength(0);
	});
});
