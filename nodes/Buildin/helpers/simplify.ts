import type { IDataObject } from 'n8n-workflow';

/**
 * The Simplify output: a stable, documented shape with plain values keyed by property name. Every field is always
 * present (null or [] when Buildin sends nothing), so expressions like `{{ $json.properties.Status }}` never fail
 * on an empty or missing property. Turning Simplify off gives the API object as is.
 */

type Value = IDataObject[keyof IDataObject];

function richTextPlain(items: unknown): string {
	if (!Array.isArray(items)) return '';
	return items
		.map((item: IDataObject) => (typeof item?.plain_text === 'string' ? item.plain_text : ((item?.text as IDataObject)?.content ?? '')))
		.join('');
}

function ids(items: unknown): string[] {
	return Array.isArray(items) ? items.map((item: IDataObject) => String(item?.id ?? '')).filter((id) => id !== '') : [];
}

function fileUrl(file: IDataObject | null | undefined): string | null {
	if (!file || typeof file !== 'object') return null;
	const inner = (file.external ?? file.file) as IDataObject | undefined;
	return typeof inner?.url === 'string' ? inner.url : null;
}

/** An icon as its emoji or image URL; a cover as its image URL. */
export function imageValue(image: unknown): string | null {
	if (!image || typeof image !== 'object') return null;
	const value = image as IDataObject;
	return typeof value.emoji === 'string' ? value.emoji : fileUrl(value);
}

/** One property value as a plain value: text as a string, options by name, people and relations as ids. */
export function plainPropertyValue(property: unknown): Value {
	if (!property || typeof property !== 'object') return null;
	const prop = property as IDataObject;
	const type = String(prop.type ?? '');
	const value = prop[type];
	switch (type) {
		case 'title':
		case 'rich_text':
			return richTextPlain(value);
		case 'select':
		case 'status':
			return ((value as IDataObject | null)?.name as string | undefined) ?? null;
		case 'multi_select':
			return Array.isArray(value) ? (value as IDataObject[]).map((option) => String(option?.name ?? '')) : [];
		case 'people':
		case 'relation':
			return ids(value);
		case 'files':
			return Array.isArray(value) ? (value as IDataObject[]).map(fileUrl).filter((url): url is string => url !== null) : [];
		case 'date': {
			const date = value as IDataObject | null;
			return date ? { start: date.start ?? null, end: date.end ?? null, time_zone: date.time_zone ?? null } : null;
		}
		case 'formula': {
			const formula = value as IDataObject | null;
			return formula ? ((formula[String(formula.type)] as Value) ?? null) : null;
		}
		case 'created_by':
		case 'last_edited_by':
			return ((value as IDataObject | null)?.id as string | undefined) ?? null;
		default:
			return value === undefined ? null : value;
	}
}

function parentId(parent: unknown): string | null {
	if (!parent || typeof parent !== 'object') return null;
	const value = parent as IDataObject;
	const key = String(value.type ?? '');
	return typeof value[key] === 'string' ? (value[key] as string) : null;
}

/** A page or database record in the Simplify shape. */
export function simplifyPage(page: IDataObject): IDataObject {
	const properties: IDataObject = {};
	let title = '';
	for (const [name, property] of Object.entries((page.properties ?? {}) as IDataObject)) {
		properties[name] = plainPropertyValue(property);
		if ((property as IDataObject)?.type === 'title') title = properties[name] as string;
	}
	const simple: IDataObject = {
		id: page.id ?? null,
		object: page.object ?? 'page',
		title,
		url: page.url ?? null,
		icon: imageValue(page.icon),
		cover: imageValue(page.cover),
		in_trash: page.in_trash === true,
		parent_id: parentId(page.parent),
		created_time: page.created_time ?? null,
		last_edited_time: page.last_edited_time ?? null,
		properties,
	};
	if ('etag' in page) simple.etag = page.etag;
	return simple;
}

/** A database in the Simplify shape: its schema as property name -> type. */
export function simplifyDatabase(database: IDataObject): IDataObject {
	const properties: IDataObject = {};
	for (const [name, property] of Object.entries((database.properties ?? {}) as IDataObject)) {
		properties[name] = String((property as IDataObject)?.type ?? 'unknown');
	}
	return {
		id: database.id ?? null,
		object: 'database',
		title: richTextPlain(database.title),
		description: richTextPlain(database.description),
		url: database.url ?? null,
		icon: imageValue(database.icon),
		cover: imageValue(database.cover),
		in_trash: database.in_trash === true,
		parent_id: parentId(database.parent),
		created_time: database.created_time ?? null,
		last_edited_time: database.last_edited_time ?? null,
		properties,
	};
}

/** Pages and databases (as search returns them) in their Simplify shapes; other objects as they are. */
export function simplifyObject(object: IDataObject): IDataObject {
	if (object.object === 'database') return simplifyDatabase(object);
	if (object.object === 'page') return simplifyPage(object);
	return object;
}
