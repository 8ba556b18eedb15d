import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { jsonObject } from '../../helpers/propertyValues';
import { toRichText } from '../../helpers/richText';
import { requireOneTitle, schemaFromInputs } from '../../helpers/schema';
import { simplifyDatabase } from '../../helpers/simplify';
import { textValue } from '../../helpers/validate';
import { imageParameters, readCover, readIcon } from '../../parameters/images';
import { pageLocator, readLocatorId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { simplified, simplifyField } from '../../parameters/results';
import { readSchemaInputs, schemaPropertyFields } from '../../parameters/schemaProperties';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Parent',
		name: 'parentType',
		type: 'options',
		options: [
			{ name: 'Page', value: 'page', description: 'Create the database inside a page' },
			{ name: 'Workspace Root', value: 'workspace', description: 'Create the database at the top level of the workspace' },
		],
		default: 'page',
		description: 'Where the new database is created',
	},
	{
		...pageLocator,
		displayName: 'Parent Page',
		name: 'parentPageId',
		description: 'The page the new database is created in',
		displayOptions: { show: { parentType: ['page'] } },
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Releases',
		description: 'Name of the database, as plain text',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'e.g. Every release with its status and date',
		description: 'Text shown under the database’s title. Leave empty for none.',
	},
	{
		displayName: 'Properties Input',
		name: 'schemaInput',
		type: 'options',
		options: [
			{ name: 'Define Below', value: 'fields', description: 'Add the properties one by one' },
			{ name: 'JSON', value: 'json', description: 'Send a Buildin schema object as is' },
		],
		default: 'fields',
		description: 'How to give the database’s properties (its columns)',
	},
	{
		displayName: 'Properties',
		name: 'schema',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Property',
		default: { property: [{ name: 'Name', type: 'title' }] },
		description: 'The database’s properties (columns). Exactly one must have the type Title.',
		displayOptions: { show: { schemaInput: ['fields'] } },
		options: [{ displayName: 'Property', name: 'property', values: schemaPropertyFields }],
	},
	{
		displayName: 'Properties (JSON)',
		name: 'schemaJson',
		type: 'json',
		default: '{\n  "Name": { "name": "Name", "type": "title" }\n}',
		placeholder: 'e.g. {"Name": {"name": "Name", "type": "title"}, "Status": {"name": "Status", "type": "select", "select": {"options": [{"name": "Todo", "color": "gray"}]}}}',
		description: 'A Buildin schema object keyed by property name, sent as is. Exactly one property must be a title.',
		displayOptions: { show: { schemaInput: ['json'] } },
	},
	...imageParameters('create'),
	{
		displayName: 'Is Inline',
		name: 'isInline',
		type: 'boolean',
		default: false,
		description: 'Whether the database is shown inside the parent page’s content instead of as a page of its own',
		displayOptions: { show: { parentType: ['page'] } },
	},
	simplifyField,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['database'], operation: ['create'] } }, properties);

/** The `properties` schema: the builder's entries or the JSON object, with exactly one title property. */
function readSchema(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	if (ctx.getNodeParameter('schemaInput', itemIndex) === 'json') {
		const schema = jsonObject(
			'Properties (JSON)',
			ctx.getNodeParameter('schemaJson', itemIndex),
			'must be a JSON object keyed by property name',
			'{"Name": {"name": "Name", "type": "title"}}',
		);
		return requireOneTitle('Properties (JSON)', schema);
	}
	return requireOneTitle('Properties', schemaFromInputs(readSchemaInputs(ctx, itemIndex, 'schema.property')));
}

/** POST /v2/databases with only what is set; the output is the new database as Buildin returns it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {};
	if (this.getNodeParameter('parentType', itemIndex) === 'page') {
		const pageId = readLocatorId(this, itemIndex, 'parentPageId', 'Parent Page');
		body.parent = { page_id: pageId };
		if (this.getNodeParameter('isInline', itemIndex, false) === true) body.is_inline = true;
	}
	const title = textValue('Title', this.getNodeParameter('title', itemIndex, '')).trim();
	if (title !== '') body.title = toRichText(title);
	const text = textValue('Description', this.getNodeParameter('description', itemIndex, '')).trim();
	if (text !== '') body.description = toRichText(text);
	body.properties = readSchema(this, itemIndex);
	const icon = readIcon(this, itemIndex);
	if (icon !== undefined) body.icon = icon;
	const cover = readCover(this, itemIndex);
	if (cover !== undefined) body.cover = cover;
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'POST',
		path: '/v2/databases',
		body,
	});
	return simplified(this, itemIndex, response.body, simplifyDatabase);
}
