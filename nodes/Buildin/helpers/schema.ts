import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { InvalidInputError } from './errors';
import { idFromIdOrUrl, ID_FORMS_HINT, listValue } from './ids';
import { propertyEntry, titleProperty, withIncludeTime, type PropertyInput, type WritablePropertyType } from './propertyValues';
import { requireText } from './validate';

/**
 * Database schemas (https://buildin.ai/developer-api/v2/reference/object-models): reading one to check record
 * values against it, and building one for Create / Update Database.
 */

/** A database's schema as the node uses it: property name (the key records are written with) → type. */
export type DatabaseSchema = Record<string, string>;

/** Every property type, writable or computed (https://buildin.ai/developer-api/v2/reference/object-models). */
const PROPERTY_TYPES: readonly string[] = [
	'checkbox',
	'created_by',
	'created_time',
	'date',
	'email',
	'files',
	'formula',
	'last_edited_by',
	'last_edited_time',
	'multi_select',
	'number',
	'people',
	'phone_number',
	'relation',
	'rich_text',
	'rollup',
	'select',
	'status',
	'title',
	'unique_id',
	'url',
];

/** The types a record's value can be written for: the title plus what `propertyEntry` writes. */
export const RECORD_PROPERTY_TYPES: ReadonlyArray<WritablePropertyType | 'title'> = [
	'checkbox',
	'date',
	'email',
	'files',
	'multi_select',
	'number',
	'people',
	'phone_number',
	'relation',
	'rich_text',
	'select',
	'title',
	'url',
];

/** The types a database property can be created with (https://buildin.ai/developer-api/v2/write/create-database). */
export const SCHEMA_PROPERTY_TYPES = RECORD_PROPERTY_TYPES;

/** What the editor calls each writable property type: one table for every Type list of the node. */
export const PROPERTY_TYPE_NAMES: Readonly<Record<WritablePropertyType | 'title', string>> = {
	checkbox: 'Checkbox',
	date: 'Date',
	email: 'Email',
	files: 'Files',
	multi_select: 'Multi-Select',
	number: 'Number',
	people: 'People',
	phone_number: 'Phone Number',
	relation: 'Relation',
	rich_text: 'Text',
	select: 'Select',
	title: 'Title',
	url: 'URL',
};

/** Number formats of a number property and their names (https://buildin.ai/developer-api/v2/write/create-database). */
export const NUMBER_FORMAT_NAMES: Readonly<Record<string, string>> = {
	number: 'Number',
	number_with_commas: 'Number with Commas',
	percent: 'Percent',
	dollar: 'Dollar',
	euro: 'Euro',
	pound: 'Pound',
	yen: 'Yen',
	yuan: 'Yuan',
};

export const NUMBER_FORMATS = Object.keys(NUMBER_FORMAT_NAMES);

const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** The schema of a database object as GET /v2/databases/:id returns it. */
export function schemaOf(database: IDataObject): DatabaseSchema {
	const schema: DatabaseSchema = {};
	const properties = (database.properties ?? {}) as IDataObject;
	for (const [name, property] of Object.entries(properties)) {
		schema[name] = String((property as IDataObject | null)?.type ?? 'unknown');
	}
	return schema;
}

/** The option names of a select or multi-select property in a database object, sorted; none for other types. */
export function selectOptionNames(database: IDataObject, name: string): string[] {
	const property = ((database.properties ?? {}) as IDataObject)[name] as IDataObject | undefined;
	const type = String(property?.type ?? '');
	if (type !== 'select' && type !== 'multi_select') return [];
	const options = ((property?.[type] as IDataObject | undefined)?.options ?? []) as IDataObject[];
	return options
		.map((option) => option?.name)
		.filter((option): option is string => typeof option === 'string' && option !== '')
		.sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}

/** The value a property picked from the list carries: its name and type, `Name|type`. */
function propertyKey(name: string, type: string): string {
	return `${name}|${type}`;
}

/**
 * A picked property's name and type from `Name|type`. The type follows the last `|`, so names holding a `|` work;
 * a key without a known type (a name typed into an expression) is all name.
 */
export function parsePropertyKey(key: unknown): { name: string; type?: string } {
	const text = typeof key === 'string' ? key.trim() : '';
	const at = text.lastIndexOf('|');
	if (at > 0 && PROPERTY_TYPES.includes(text.slice(at + 1))) return { name: text.slice(0, at), type: text.slice(at + 1) };
	return { name: text };
}

/** The editor's options for a database's properties, `Name (type)` → `Name|type`, sorted by name. */
export function propertyOptions(schema: DatabaseSchema, types?: readonly string[]): INodePropertyOptions[] {
	return Object.entries(schema)
		.filter(([, type]) => types === undefined || types.includes(type))
		.sort(([a], [b]) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0))
		.map(([name, type]) => ({ name: `${name} (${type})`, value: propertyKey(name, type) }));
}

/** The schema's property names, sorted, for error messages. */
export function knownNames(schema: DatabaseSchema): string {
	const names = Object.keys(schema).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
	return names.length === 0 ? 'none' : names.join(', ');
}

/**
 * The property a key names, checked against the schema: an unknown name, or a type that is no longer the
 * property's type (the database changed since it was picked), is refused before anything is sent.
 */
export function resolveProperty(schema: DatabaseSchema, key: unknown): { name: string; type: string } {
	const { name, type } = parsePropertyKey(key);
	if (name === '') throw new InvalidInputError('Property', 'is empty', 'Pick a property of the database from the list');
	if (!has(schema, name)) {
		throw new InvalidInputError(
			`Property "${name}"`,
			`is not a property of the database (its properties: ${knownNames(schema)})`,
			'Pick the property from the list; names are case-sensitive',
		);
	}
	if (type !== undefined && type !== schema[name]) {
		throw new InvalidInputError(
			`Property "${name}"`,
			`is a ${schema[name]} property in the database, not ${type}`,
			'The database changed since the property was picked: pick it from the list again',
		);
	}
	return { name, type: schema[name] };
}

/** One entry of a record's Properties collection: the picked property (`Name|type`) plus its value fields. */
export interface RecordPropertyInput extends Omit<PropertyInput, 'name' | 'type'> {
	key?: unknown;
}

function requireWritable(name: string, type: string): WritablePropertyType | 'title' {
	const writable = RECORD_PROPERTY_TYPES.find((candidate) => candidate === type);
	if (writable === undefined) {
		throw new InvalidInputError(`Property "${name}"`, `is a ${type} property, which cannot be written`);
	}
	return writable;
}

/** One record property as its `properties` body entry; a title is written as rich text like the other texts. */
function recordPropertyEntry(schema: DatabaseSchema, input: RecordPropertyInput): [string, IDataObject] {
	const { name, type } = resolveProperty(schema, input.key);
	const writable = requireWritable(name, type);
	if (writable !== 'title') return propertyEntry(withIncludeTime({ ...input, name, type: writable }));
	if (input.clear === true) return [name, { type: 'title', title: [] }];
	const text = requireText(`Property "${name}" (Text)`, input.textValue, 'Enter the title, or turn on Clear Value to empty it');
	return [name, titleProperty(name, text)[name] as IDataObject];
}

/** A record's Properties collection as a `properties` body, every name and type checked against the schema. */
export function recordProperties(schema: DatabaseSchema, inputs: RecordPropertyInput[]): IDataObject {
	const properties: IDataObject = {};
	for (const input of inputs) {
		const [name, value] = recordPropertyEntry(schema, input);
		if (has(properties, name)) throw new InvalidInputError('Properties', `the property "${name}" is set twice`);
		properties[name] = value;
	}
	return properties;
}

/**
 * A record's JSON properties checked against the schema before they are sent as is: each name must be a writable
 * property, and a value that names a type (`"type"`, or a type key such as `"select"`) must name the property's.
 */
export function checkRecordJson(schema: DatabaseSchema, properties: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(properties)) {
		const { type } = resolveProperty(schema, key);
		requireWritable(key, type);
		if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
		const named = [
			...(typeof (value as IDataObject).type === 'string' ? [(value as IDataObject).type as string] : []),
			...Object.keys(value).filter((field) => field !== 'type' && PROPERTY_TYPES.includes(field)),
		];
		const wrong = named.find((candidate) => candidate !== type);
		if (wrong !== undefined) {
			throw new InvalidInputError(`Property "${key}"`, `is a ${type} property in the database, but its JSON value is for ${wrong}`);
		}
	}
	return properties;
}

/** One property of the schema builder (Create / Update Database). */
export interface SchemaPropertyInput {
	name?: unknown;
	type?: unknown;
	numberFormat?: unknown;
	options?: unknown;
	relationDatabase?: unknown;
}

function optionList(field: string, value: unknown): IDataObject[] {
	const names = listValue(value);
	const twice = names.find((name, index) => names.indexOf(name) !== index);
	if (twice !== undefined) throw new InvalidInputError(field, `the option "${twice}" is listed twice`);
	return names.map((name) => ({ name }));
}

/** The type's configuration object, or undefined when the type takes none (it is then not sent). */
function schemaConfig(name: string, type: string, input: SchemaPropertyInput): IDataObject | undefined {
	switch (type) {
		case 'number': {
			const format = String(input.numberFormat ?? '').trim() || 'number';
			if (!NUMBER_FORMATS.includes(format)) {
				throw new InvalidInputError(`Property "${name}" (Number Format)`, `${JSON.stringify(format)} is not a number format`, `Use one of ${NUMBER_FORMATS.join(', ')}`);
			}
			return { format };
		}
		case 'select':
		case 'multi_select': {
			const options = optionList(`Property "${name}" (Options)`, input.options);
			return options.length === 0 ? undefined : { options };
		}
		case 'relation': {
			const field = `Property "${name}" (Related Database)`;
			const text = requireText(field, input.relationDatabase, 'Enter the ID or URL of the database the relation points to');
			const databaseId = idFromIdOrUrl(text);
			if (databaseId === undefined) throw new InvalidInputError(field, `${JSON.stringify(text)} is not a Buildin ID or URL`, ID_FORMS_HINT);
			return { database_id: databaseId };
		}
		default:
			return undefined;
	}
}

/** One schema builder entry as its `properties` entry: `[name, { name, type, <type>: config }]`. */
export function schemaPropertyEntry(input: SchemaPropertyInput): [string, IDataObject] {
	const name = requireText('Property Name', input.name, 'Enter the name of the property, e.g. Status');
	const type = SCHEMA_PROPERTY_TYPES.find((candidate) => candidate === input.type);
	if (type === undefined) {
		throw new InvalidInputError(`Property "${name}"`, `type ${JSON.stringify(input.type)} cannot be created`, `Use one of ${SCHEMA_PROPERTY_TYPES.join(', ')}`);
	}
	const config = schemaConfig(name, type, input);
	return [name, config === undefined ? { name, type } : { name, type, [type]: config }];
}

/** The schema builder's entries as a `properties` object; a name given twice is refused. */
export function schemaFromInputs(inputs: SchemaPropertyInput[]): IDataObject {
	const properties: IDataObject = {};
	for (const input of inputs) {
		const [name, definition] = schemaPropertyEntry(input);
		if (has(properties, name)) throw new InvalidInputError('Properties', `the property "${name}" is defined twice`);
		properties[name] = definition;
	}
	return properties;
}

/** Whether a schema entry defines a title property: `"type": "title"`, or a `title` config without a type. */
function isTitleDefinition(definition: unknown): boolean {
	if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) return false;
	const value = definition as IDataObject;
	return value.type === 'title' || (value.type === undefined && has(value, 'title'));
}

/** The names of the title properties a schema defines. */
export function titleNames(properties: IDataObject): string[] {
	return Object.entries(properties)
		.filter(([, definition]) => isTitleDefinition(definition))
		.map(([name]) => name);
}

/** A new database's schema must define exactly one title property (Buildin's rule for every database). */
export function requireOneTitle(field: string, properties: IDataObject): IDataObject {
	const titles = titleNames(properties);
	if (titles.length === 1) return properties;
	throw new InvalidInputError(
		field,
		titles.length === 0
			? 'define no title property; a database needs exactly one'
			: `define ${titles.length} title properties (${titles.join(', ')}); a database needs exactly one`,
		'Give exactly one property the type Title, e.g. Name',
	);
}
