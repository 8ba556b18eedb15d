// Database → Create through n8n's engine against the sandbox: the schema builder, JSON schemas, parents, icon,
// cover and Is Inline, and the exactly-one-title rule checked before sending.
import type { INodeParameters } from 'n8n-workflow';

import { byId, byUrl, runBuildin, useSandbox } from '../../../../support/workflow';
import { text } from './fixtures';

type Json = Record<string, any>;

const sandbox = useSandbox();

const OTHER_DATABASE = '33333333-3333-4333-8333-333333333333';

// Simplify is on by default; these tests read the database as Buildin returns it.
const create = (parameters: INodeParameters): INodeParameters => ({ resource: 'database', operation: 'create', simplify: false, ...parameters });
const schema = (...property: Json[]): INodeParameters => ({ schema: { property } as never });

describe('Database → Create', () => {
	test('in a page, with every property type from the builder, description, icon, cover and Is Inline', async () => {
		const parent = sandbox.addPage({ title: 'Projects' });

		const { output, error } = await runBuildin(sandbox, {
			parameters: create({
				parentType: 'page',
				parentPageId: byUrl(`https://buildin.ai/docs/Projects-${parent.id.replace(/-/g, '')}`),
				title: 'Releases',
				description: 'Every release with its status',
				...schema(
					{ name: 'Name', type: 'title' },
					{ name: 'Status', type: 'select', options: 'Todo, Doing, Done' },
					{ name: 'Tags', type: 'multi_select', options: 'backend, release' },
					{ name: 'Estimate', type: 'number', numberFormat: 'euro' },
					{ name: 'Due', type: 'date' },
					{ name: 'Owner', type: 'people' },
					{ name: 'Attachments', type: 'files' },
					{ name: 'Done', type: 'checkbox' },
					{ name: 'Website', type: 'url' },
					{ name: 'Contact', type: 'email' },
					{ name: 'Phone', type: 'phone_number' },
					{ name: 'Notes', type: 'rich_text' },
					{ name: 'Depends On', type: 'relation', relationDatabase: OTHER_DATABASE.replace(/-/g, '') },
				),
				icon: 'emoji',
				iconEmoji: '🚀',
				cover: 'external',
				coverUrl: 'https://example.com/cover.png',
				isInline: true,
			}),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v2/databases', status: 200 });
		expect(sandbox.requests[0].body).toEqual({
			parent: { page_id: parent.id },
			title: text('Releases'),
			description: text('Every release with its status'),
			properties: {
				Name: { name: 'Name', type: 'title' },
				Status: { name: 'Status', type: 'select', select: { options: [{ name: 'Todo' }, { name: 'Doing' }, { name: 'Done' }] } },
				Tags: { name: 'Tags', type: 'multi_select', multi_select: { options: [{ name: 'backend' }, { name: 'release' }] } },
				Estimate: { name: 'Estimate', type: 'number', number: { format: 'euro' } },
				Due: { name: 'Due', type: 'date' },
				Owner: { name: 'Owner', type: 'people' },
				Attachments: { name: 'Attachments', type: 'files' },
				Done: { name: 'Done', type: 'checkbox' },
				Website: { name: 'Website', type: 'url' },
				Contact: { name: 'Contact', type: 'email' },
				Phone: { name: 'Phone', type: 'phone_number' },
				Notes: { name: 'Notes', type: 'rich_text' },
				'Depends On': { name: 'Depends On', type: 'relation', relation: { database_id: OTHER_DATABASE } },
			},
			icon: { type: 'emoji', emoji: '🚀' },
			cover: { type: 'external', external: { url: 'https://example.com/cover.png' } },
			is_inline: true,
		});
		const created = sandbox.getDatabase(output[0].json.id as string) as Json | undefined;
		expect(output[0].json).toEqual(created);
		expect(created?.parent).toEqual({ type: 'page_id', page_id: parent.id });
		expect(created?.is_inline).toBe(true);
		expect(Object.fromEntries(Object.entries(created?.properties ?? {}).map(([name, property]: [string, any]) => [name, property.type]))).toEqual({
			Name: 'title',
			Status: 'select',
			Tags: 'multi_select',
			Estimate: 'number',
			Due: 'date',
			Owner: 'people',
			Attachments: 'files',
			Done: 'checkbox',
			Website: 'url',
			Contact: 'email',
			Phone: 'phone_number',
			Notes: 'rich_text',
			'Depends On': 'relation',
		});
		expect(created?.properties.Status.select.options.map((option: Json) => option.name)).toEqual(['Todo', 'Doing', 'Done']);
		expect(created?.properties.Estimate.number).toEqual({ format: 'euro' });
	});

	test('at the workspace root with the default schema (one Name title): no parent, no title, nothing else sent', async () => {
		const { output, error } = await runBuildin(sandbox, { parameters: create({ parentType: 'workspace' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ properties: { Name: { name: 'Name', type: 'title' } } });
		expect(output[0].json.parent).toEqual({ type: 'workspace', workspace: true });
		expect(output[0].json.properties).toMatchObject({ Name: { type: 'title' } });
	});

	test('JSON schema: sent exactly as given', async () => {
		const parent = sandbox.addPage({ title: 'Projects' });
		const properties = {
			Task: { name: 'Task', type: 'title' },
			Status: { name: 'Status', type: 'select', select: { options: [{ name: 'Todo', color: 'gray' }] } },
			Points: { number: { format: 'number' } },
		};

		const { output, error } = await runBuildin(sandbox, {
			parameters: create({ parentPageId: byId(parent.id), title: 'Tasks', schemaInput: 'json', schemaJson: JSON.stringify(properties) }),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ parent: { page_id: parent.id }, title: text('Tasks'), properties });
		expect(output[0].json.properties).toMatchObject({
			Task: { type: 'title' },
			Status: { type: 'select', select: { options: [expect.objectContaining({ name: 'Todo', color: 'gray' })] } },
			Points: { type: 'number' },
		});
	});

	test.each([
		['two titles (builder)', schema({ name: 'Name', type: 'title' }, { name: 'Other', type: 'title' }), 'Properties in item 0: define 2 title properties (Name, Other); a database needs exactly one'],
		['no title (builder)', schema({ name: 'Done', type: 'checkbox' }), 'Properties in item 0: define no title property; a database needs exactly one'],
		[
			'two titles (JSON)',
			{ schemaInput: 'json', schemaJson: '{"A": {"type": "title"}, "B": {"title": {}}}' },
			'Properties (JSON) in item 0: define 2 title properties (A, B); a database needs exactly one',
		],
		['no title (JSON)', { schemaInput: 'json', schemaJson: '{}' }, 'Properties (JSON) in item 0: define no title property; a database needs exactly one'],
		['a name given twice', schema({ name: 'Name', type: 'title' }, { name: 'Name', type: 'rich_text' }), 'Properties in item 0: the property "Name" is defined twice'],
		['a relation without a database', schema({ name: 'Name', type: 'title' }, { name: 'Parent', type: 'relation' }), 'Property "Parent" (Related Database) in item 0: is empty'],
		['an icon that is not one emoji', { icon: 'emoji', iconEmoji: 'rocket' }, 'Icon Emoji in item 0: "rocket" is not a single emoji'],
	])('%s is refused before any request', async (_label, parameters, message) => {
		const { error } = await runBuildin(sandbox, { parameters: create({ parentType: 'workspace', ...parameters }) });

		expect(error?.message).toBe(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('Buildin’s refusal of a schema comes back with its details', async () => {
		const { error } = await runBuildin(sandbox, {
			parameters: create({ parentType: 'workspace', schemaInput: 'json', schemaJson: '{"Name": {"type": "title"}, "Odd": {"type": "hologram"}}' }),
		});

		expect(error?.message).toMatch(/^Buildin API error 400 \(validation_error/);
		expect(sandbox.requests[0].status).toBe(400);
	});
});
