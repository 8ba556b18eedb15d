// The editor's property lists (methods/loadOptions.ts), called the way n8n's editor backend calls them: a real
// n8n-core LoadOptionsContext over the built node, the credential's own authenticate, and the sandbox behind it.
import type { IDataObject, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { editorContext } from '../../../support/editorContext';
import { byId, byUrl, useSandbox, TOKEN } from '../../../support/workflow';

const sandbox = useSandbox();

const DATABASE = {
	title: 'Releases',
	parent: { type: 'workspace', workspace: true },
	properties: {
		Name: 'title',
		Status: { type: 'select', select: { options: [{ name: 'Doing' }] } },
		Tags: 'multi_select',
		Due: 'date',
		Estimate: 'number',
		Done: 'checkbox',
		Website: 'url',
		Contact: 'email',
		Phone: 'phone_number',
		Owner: 'people',
		Attachments: 'files',
		Related: { type: 'relation', relation: { database_id: '33333333-3333-4333-8333-333333333333' } },
		notes: 'rich_text',
		Created: 'created_time',
		'Last Edited': 'last_edited_time',
		Score: { type: 'formula', formula: { expression: 'prop("Estimate") * 2' } },
	},
};

/** Runs a loadOptions method as n8n's DynamicNodeParametersService does: `this` is a LoadOptionsContext. */
async function loadOptions(
	method: string,
	parameters: INodeParameters,
	credentials: IDataObject = { apiToken: TOKEN, baseUrl: sandbox.url },
): Promise<INodePropertyOptions[]> {
	const { context, nodeType } = await editorContext(parameters, credentials, 'parameters.properties.property[0].key');
	return await nodeType.methods.loadOptions[method].call(context);
}

const recordParameters = (databaseId: INodeParameters): INodeParameters => ({
	resource: 'database',
	operation: 'createRecord',
	databaseId,
});

describe('getDatabaseProperties', () => {
	test('reads the chosen database once and offers its title and writable properties as "Name (type)" → "Name|type", sorted', async () => {
		const database = sandbox.addDatabase(DATABASE);

		const options = await loadOptions('getDatabaseProperties', recordParameters(byId(database.id)));

		expect(options).toEqual([
			{ name: 'Attachments (files)', value: 'Attachments|files' },
			{ name: 'Contact (email)', value: 'Contact|email' },
			{ name: 'Done (checkbox)', value: 'Done|checkbox' },
			{ name: 'Due (date)', value: 'Due|date' },
			{ name: 'Estimate (number)', value: 'Estimate|number' },
			{ name: 'Name (title)', value: 'Name|title' },
			{ name: 'notes (rich_text)', value: 'notes|rich_text' },
			{ name: 'Owner (people)', value: 'Owner|people' },
			{ name: 'Phone (phone_number)', value: 'Phone|phone_number' },
			{ name: 'Related (relation)', value: 'Related|relation' },
			{ name: 'Status (select)', value: 'Status|select' },
			{ name: 'Tags (multi_select)', value: 'Tags|multi_select' },
			{ name: 'Website (url)', value: 'Website|url' },
		]);
		expect(sandbox.requests).toEqual([
			expect.objectContaining({ method: 'GET', path: `/v2/databases/${database.id}`, status: 200 }),
		]);
		expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
	});

	test('a database given by URL with a compact id works the same', async () => {
		const database = sandbox.addDatabase(DATABASE);

		const options = await loadOptions(
			'getDatabaseProperties',
			recordParameters(byUrl(`https://buildin.ai/database/${database.id.replace(/-/g, '')}?v=1`)),
		);

		expect(options.map((option) => option.value)).toContain('Name|title');
		expect(sandbox.requests[0].path).toBe(`/v2/databases/${database.id}`);
	});

	test('without a database chosen there is nothing to offer and nothing is requested', async () => {
		expect(await loadOptions('getDatabaseProperties', recordParameters(byId('')))).toEqual([]);
		expect(await loadOptions('getDatabaseProperties', { resource: 'database', operation: 'createRecord' })).toEqual([]);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a database that is not an id or URL is refused without a request', async () => {
		await expect(loadOptions('getDatabaseProperties', recordParameters(byId('={{ $json.database }}')))).rejects.toThrow(
			'Database: "={{ $json.database }}" is not a Buildin ID or URL',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('an unknown database surfaces Buildin’s 404', async () => {
		await expect(
			loadOptions('getDatabaseProperties', recordParameters(byId('99999999-9999-4999-8999-999999999999'))),
		).rejects.toThrow(/404/);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', status: 404 });
	});
});

describe('getFilterProperties and getAllProperties', () => {
	test('filters offer the filterable types, timestamps included; sorts offer every property', async () => {
		const database = sandbox.addDatabase(DATABASE);
		const parameters = { resource: 'database', operation: 'query', databaseId: byId(database.id) };

		const filterable = (await loadOptions('getFilterProperties', parameters)).map((option) => option.value);
		const all = (await loadOptions('getAllProperties', parameters)).map((option) => option.value);

		expect(filterable).toEqual(expect.arrayContaining(['Created|created_time', 'Last Edited|last_edited_time', 'Attachments|files']));
		expect(filterable).not.toContain('Score|formula');
		expect(filterable).toHaveLength(15);
		expect(all).toHaveLength(16);
		expect(all).toContain('Score|formula');
	});
});

/** A loadOptions method for the parameter at `path` (the editor passes the path of the field being opened). */
async function loadOptionsAt(method: string, parameters: INodeParameters, path: string): Promise<INodePropertyOptions[]> {
	const { context, nodeType } = await editorContext(parameters, { apiToken: TOKEN, baseUrl: sandbox.url }, path);
	return await nodeType.methods.loadOptions[method].call(context);
}

const WITH_OPTIONS = {
	title: 'Tasks',
	parent: { type: 'workspace', workspace: true },
	properties: {
		Name: 'title',
		Status: { type: 'select', select: { options: [{ name: 'Todo' }, { name: 'doing' }, { name: 'Done' }] } },
		Tags: { type: 'multi_select', multi_select: { options: [{ name: 'frontend' }, { name: 'Backend' }] } },
		Notes: 'rich_text',
	},
};

describe('getSelectOptions', () => {
	const entry = (databaseId: INodeParameters, key: string): INodeParameters => ({
		resource: 'database',
		operation: 'updateRecord',
		databaseId,
		properties: { property: [{ key }] },
	});

	test('Create / Update Record: the picked select property’s options, by name, from one read of the database', async () => {
		const database = sandbox.addDatabase(WITH_OPTIONS);

		const options = await loadOptionsAt('getSelectOptions', entry(byId(database.id), 'Status|select'), 'parameters.properties.property[0].selectValue');

		expect(options).toEqual([
			{ name: 'doing', value: 'doing' },
			{ name: 'Done', value: 'Done' },
			{ name: 'Todo', value: 'Todo' },
		]);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v2/databases/${database.id}`]);
	});

	test('a multi-select property: its options', async () => {
		const database = sandbox.addDatabase(WITH_OPTIONS);

		const options = await loadOptionsAt('getSelectOptions', entry(byId(database.id), 'Tags|multi_select'), 'parameters.properties.property[0].multiSelectValue');

		expect(options.map((option) => option.value)).toEqual(['Backend', 'frontend']);
	});

	test('Get Many Records: a condition’s select property, read from that condition', async () => {
		const database = sandbox.addDatabase(WITH_OPTIONS);
		const parameters: INodeParameters = {
			resource: 'database',
			operation: 'query',
			databaseId: byId(database.id),
			filterType: 'manual',
			filters: { conditions: [{ key: 'Notes|rich_text' }, { key: 'Status|select' }] },
		};

		const options = await loadOptionsAt('getSelectOptions', parameters, 'parameters.filters.conditions[1].selectValue');

		expect(options.map((option) => option.value)).toEqual(['doing', 'Done', 'Todo']);
	});

	test('another type, or a property given by an expression: nothing to offer and nothing requested', async () => {
		const database = sandbox.addDatabase(WITH_OPTIONS);

		expect(await loadOptionsAt('getSelectOptions', entry(byId(database.id), 'Notes|rich_text'), 'parameters.properties.property[0].selectValue')).toEqual([]);
		expect(await loadOptionsAt('getSelectOptions', entry(byId(database.id), '={{ $json.field }}'), 'parameters.properties.property[0].selectValue')).toEqual([]);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('getPageProperties', () => {
	const getProperty = (pageId: INodeParameters): INodeParameters => ({ resource: 'page', operation: 'getProperty', pageId });

	test('Get Property: the page’s own properties as "Name (type)" → the property ID, sorted by name', async () => {
		const database = sandbox.addDatabase(WITH_OPTIONS);
		const record = sandbox.addPage({
			parent: { type: 'database_id', database_id: database.id },
			properties: { Name: { title: [{ type: 'text', text: { content: 'Ship it' } }] } },
		});

		const options = await loadOptionsAt('getPageProperties', getProperty(byId(record.id)), 'parameters.propertyId');

		const page = sandbox.getPage(record.id) as Record<string, any>;
		expect(options).toEqual(
			['Name', 'Notes', 'Status', 'Tags'].map((name) => ({
				name: `${name} (${page.properties[name].type})`,
				value: page.properties[name].id,
			})),
		);
		expect(options[0].value).toBe('title');
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v2/pages/${record.id}`]);
	});

	test('no page chosen: nothing to offer and nothing requested', async () => {
		expect(await loadOptionsAt('getPageProperties', getProperty(byId('')), 'parameters.propertyId')).toEqual([]);
		expect(sandbox.requests).toHaveLength(0);
	});
});
