import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InvalidInputError } from '../../helpers/errors';
import { jsonObject } from '../../helpers/propertyValues';
import { toRichText } from '../../helpers/richText';
import { parsePropertyKey, schemaFromInputs, titleNames } from '../../helpers/schema';
import { simplifyDatabase } from '../../helpers/simplify';
import { textValue } from '../../helpers/validate';
import { imageParameters, readCover, readIcon } from '../../parameters/images';
import { databaseLocator, readDatabaseId } from '../../parameters/locators';
import { optionsCollection } from '../../parameters/options';
import { simplified, simplifyField } from '../../parameters/results';
import { readSchemaInputs, schemaPropertyFields } from '../../parameters/schemaProperties';
import { buildinApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	databaseLocator,
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Releases 2026',
		description: 'New name of the database, as plain text. Leave empty to keep the current title.',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'e.g. Every release with its status and date',
		description: 'New text under the database’s title. Leave empty to keep the current description.',
	},
	...imageParameters('update'),
	{
		displayName: 'Trash',
		name: 'trash',
		type: 'options',
		options: [
			{ name: 'Leave Unchanged', value: 'unchanged', description: 'Do not move the database' },
			{ name: 'Move to Trash', value: 'trash', description: 'Move the database (and its records) to the trash' },
			{ name: 'Restore', value: 'restore', description: 'Take the database out of the trash' },
		],
		default: 'unchanged',
	},
	{
		displayName: 'Properties Input',
		name: 'schemaInput',
		type: 'options',
		options: [
			{ name: 'Define Below', value: 'fields', description: 'Add, change or remove properties one by one' },
			{ name: 'JSON', value: 'json', description: 'Send a partial Buildin schema object as is' },
		],
		default: 'fields',
		description: 'How to give the changes to the database’s properties (its columns)',
	},
	{
		displayName: 'Property Changes',
		name: 'schemaChanges',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Change',
		default: {},
		description: 'Properties to add, change or remove; properties not listed stay as they are',
		displayOptions: { show: { schemaInput: ['fields'] } },
		options: [
			{ displayName: 'Add or Change Property', name: 'property', values: schemaPropertyFields },
			{
				displayName: 'Remove Property',
				name: 'remove',
				values: [
					{
						displayName: 'Property Name or ID',
						name: 'key',
						type: 'options',
						description:
							'The property to delete from the database, with every record’s value for it; an expression gives its name, e.g. Notes. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						typeOptions: { loadOptionsMethod: 'getAllProperties', loadOptionsDependsOn: ['databaseId.value'] },
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Properties (JSON)',
		name: 'schemaJson',
		type: 'json',
		default: '{}',
		placeholder: 'e.g. {"Priority": {"name": "Priority", "type": "select", "select": {"options": [{"name": "High"}]}}, "Old Notes": null}',
		description: 'A partial Buildin schema object keyed by property name, sent as is; null removes a property',
		displayOptions: { show: { schemaInput: ['json'] } },
	},
	simplifyField,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['database'], operation: ['update'] } }, properties);

const TRASH_VALUES: Record<string, boolean | undefined> = { unchanged: undefined, trash: true, restore: false };

/** The partial schema to send: added or changed definitions, and `null` for each removed property. */
function readSchemaChanges(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	if (ctx.getNodeParameter('schemaInput', itemIndex) === 'json') {
		return jsonObject(
			'Properties (JSON)',
			ctx.getNodeParameter('schemaJson', itemIndex, '{}'),
			'must be a JSON object keyed by property name',
			'{"Priority": {"name": "Priority", "type": "number"}, "Old Notes": null}',
		);
	}
	const changes = schemaFromInputs(readSchemaInputs(ctx, itemIndex, 'schemaChanges.property'));
	const titles = titleNames(changes);
	if (titles.length > 1) {
		throw new InvalidInputError('Property Changes', `define ${titles.length} title properties (${titles.join(', ')}); a database has exactly one`);
	}
	const removals = (ctx.getNodeParameter('schemaChanges.remove', itemIndex, []) as Array<{ key?: unknown }>) ?? [];
	for (const removal of removals) {
		const { name } = parsePropertyKey(removal.key);
		if (name === '') throw new InvalidInputError('Remove Property', 'is empty', 'Pick the property to remove from the list');
		if (Object.prototype.hasOwnProperty.call(changes, name)) {
			throw new InvalidInputError('Property Changes', `the property "${name}" is ${changes[name] === null ? 'removed twice' : 'both changed and removed'}`);
		}
		changes[name] = null;
	}
	return changes;
}

/**
 * PATCH /v2/databases/:id with only what is set, so an update never clears what it did not mention. An update with
 * nothing to change is refused before any request. The output is the database as Buildin returns it.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const databaseId = readDatabaseId(this, itemIndex);
	const body: IDataObject = {};
	const title = textValue('Title', this.getNodeParameter('title', itemIndex, '')).trim();
	if (title !== '') body.title = toRichText(title);
	const text = textValue('Description', this.getNodeParameter('description', itemIndex, '')).trim();
	if (text !== '') body.description = toRichText(text);
	const icon = readIcon(this, itemIndex);
	if (icon !== undefined) body.icon = icon;
	const cover = readCover(this, itemIndex);
	if (cover !== undefined) body.cover = cover;
	const inTrash = TRASH_VALUES[this.getNodeParameter('trash', itemIndex, 'unchanged') as string];
	if (inTrash !== undefined) body.in_trash = inTrash;
	const changes = readSchemaChanges(this, itemIndex);
	if (Object.keys(changes).length > 0) body.properties = changes;
	if (Object.keys(body).length === 0) {
		throw new InvalidInputError(
			'Update',
			'there is nothing to change',
			'Set a Title, a Description, the Icon, the Cover, Trash or a property change; an empty update is not sent',
		);
	}
	const response = await buildinApiRequest.call(this, itemIndex, {
		method: 'PATCH',
		path: `/v2/databases/${databaseId}`,
		body,
	});
	return simplified(this, itemIndex, response.body, simplifyDatabase);
}
