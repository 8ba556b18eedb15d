// Database → Update through n8n's engine against the sandbox: title, description, icon, cover, trash and restore,
// schema changes (add, change, remove → null) from the builder or JSON, and only what is set being sent.
import type { INodeParameters } from 'n8n-workflow';

import { runBuildin, useSandbox } from '../../../../support/workflow';
import { addRecord, addReleases, database, text } from './fixtures';

type Json = Record<string, any>;

const sandbox = useSandbox();

// Simplify is on by default; these tests read the database as Buildin returns it.
const update = (id: string, parameters: INodeParameters) => database(id, 'update', { simplify: false, ...parameters });
const changes = (property: Json[], remove: Json[] = []): INodeParameters => ({ schemaChanges: { property, remove } as never });
const plainTitle = (database: Json | undefined) => (database?.title as Json[]).map((item) => item.plain_text).join('');

describe('Database → Update', () => {
	test('renames the database: only the title is sent, the rest stays', async () => {
		const releases = addReleases(sandbox);

		const { output, error } = await runBuildin(sandbox, { parameters: update(releases.id, { title: 'Releases 2026' }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'PATCH', path: `/v2/databases/${releases.id}`, status: 200 });
		expect(sandbox.requests[0].body).toEqual({ title: text('Releases 2026') });
		const after = sandbox.getDatabase(releases.id);
		expect(plainTitle(after)).toBe('Releases 2026');
		expect(after?.description).toEqual(releases.description);
		expect(after?.icon).toEqual(releases.icon);
		expect(after?.properties).toEqual(releases.properties);
		expect(output[0].json).toEqual(after);
	});

	test('description, icon removed and cover set', async () => {
		const releases = addReleases(sandbox);

		const { error } = await runBuildin(sandbox, {
			parameters: update(releases.id, {
				description: 'Shipped and planned releases',
				icon: 'remove',
				cover: 'external',
				coverUrl: 'https://example.com/cover.png',
			}),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			description: text('Shipped and planned releases'),
			icon: null,
			cover: { type: 'external', external: { url: 'https://example.com/cover.png' } },
		});
		expect(sandbox.getDatabase(releases.id)).toMatchObject({ icon: null, cover: { type: 'external' } });
	});

	test('adds a property and changes another: records get the new property', async () => {
		const releases = addReleases(sandbox);
		const record = addRecord(sandbox, releases.id, { Name: { title: text('Ship v1.0') } });

		const { output, error } = await runBuildin(sandbox, {
			parameters: update(
				releases.id,
				changes([
					{ name: 'Priority', type: 'select', options: 'High, Low' },
					{ name: 'Estimate', type: 'number', numberFormat: 'percent' },
				]),
			),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			properties: {
				Priority: { name: 'Priority', type: 'select', select: { options: [{ name: 'High' }, { name: 'Low' }] } },
				Estimate: { name: 'Estimate', type: 'number', number: { format: 'percent' } },
			},
		});
		const after = sandbox.getDatabase(releases.id) as Json | undefined;
		expect(after?.properties.Priority).toMatchObject({ type: 'select', select: { options: [{ name: 'High' }, { name: 'Low' }] } });
		expect(after?.properties.Estimate.number).toEqual({ format: 'percent' });
		expect(sandbox.getPage(record.id)?.properties.Priority).toEqual({ id: after?.properties.Priority.id, type: 'select', select: null });
		expect(output[0].json.properties).toHaveProperty('Priority');
	});

	test('Remove Property sends "Name": null and the property is gone, from the records too', async () => {
		const releases = addReleases(sandbox);
		const record = addRecord(sandbox, releases.id, { Name: { title: text('Ship v1.0') }, Notes: { rich_text: text('Bye') } });

		const { error } = await runBuildin(sandbox, { parameters: update(releases.id, changes([], [{ key: 'Notes|rich_text' }, { key: 'Phone' }])) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ properties: { Notes: null, Phone: null } });
		expect(sandbox.getDatabase(releases.id)?.properties).not.toHaveProperty('Notes');
		expect(sandbox.getDatabase(releases.id)?.properties).not.toHaveProperty('Phone');
		expect(sandbox.getPage(record.id)?.properties).not.toHaveProperty('Notes');
	});

	test('JSON schema changes are sent as they are, null included', async () => {
		const releases = addReleases(sandbox);
		const properties = { Contact: null, Points: { name: 'Points', type: 'number', number: { format: 'number' } } };

		const { error } = await runBuildin(sandbox, { parameters: update(releases.id, { schemaInput: 'json', schemaJson: JSON.stringify(properties) }) });

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ properties });
		expect(sandbox.getDatabase(releases.id)?.properties).toHaveProperty('Points');
		expect(sandbox.getDatabase(releases.id)?.properties).not.toHaveProperty('Contact');
	});

	test('Move to Trash, then Restore', async () => {
		const releases = addReleases(sandbox);

		const trashed = await runBuildin(sandbox, { parameters: update(releases.id, { trash: 'trash' }) });
		expect(trashed.error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ in_trash: true });
		expect(trashed.output[0].json.in_trash).toBe(true);
		expect(sandbox.getDatabase(releases.id)?.in_trash).toBe(true);

		const restored = await runBuildin(sandbox, { parameters: update(releases.id, { trash: 'restore' }) });
		expect(restored.error).toBeUndefined();
		expect(sandbox.requests[1].body).toEqual({ in_trash: false });
		expect(restored.output[0].json.in_trash).toBe(false);
		expect(sandbox.getDatabase(releases.id)?.in_trash).toBe(false);
	});

	test.each([
		['nothing to change', {}, 'Update in item 0: there is nothing to change'],
		['blank title and description', { title: '  ', description: '' }, 'Update in item 0: there is nothing to change'],
		['the same property changed and removed', changes([{ name: 'Notes', type: 'url' }], [{ key: 'Notes|rich_text' }]), 'Property Changes in item 0: the property "Notes" is both changed and removed'],
		['a property removed twice', changes([], [{ key: 'Notes|rich_text' }, { key: 'Notes' }]), 'Property Changes in item 0: the property "Notes" is removed twice'],
		['two titles', changes([{ name: 'A', type: 'title' }, { name: 'B', type: 'title' }]), 'Property Changes in item 0: define 2 title properties (A, B); a database has exactly one'],
		['a JSON array', { schemaInput: 'json', schemaJson: '[]' }, 'Properties (JSON) in item 0: must be a JSON object keyed by property name'],
	])('%s is refused before any request', async (_label, parameters, message) => {
		const releases = addReleases(sandbox);

		const { error } = await runBuildin(sandbox, { parameters: update(releases.id, parameters) });

		expect(error?.message).toBe(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('removing the title property is Buildin’s to refuse; its answer is reported', async () => {
		const releases = addReleases(sandbox);

		const { error } = await runBuildin(sandbox, { parameters: update(releases.id, changes([], [{ key: 'Name|title' }])) });

		expect(sandbox.requests[0].body).toEqual({ properties: { Name: null } });
		expect(error?.message).toMatch(/^Buildin API error 400 \(validation_error/);
		expect(sandbox.getDatabase(releases.id)?.properties).toHaveProperty('Name');
	});
});
