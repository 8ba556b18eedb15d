import type { IDataObject } from 'n8n-workflow';

import { invalidInput } from '../../../support/invalidInput';
import {
	checkRecordJson,
	knownNames,
	parsePropertyKey,
	propertyOptions,
	RECORD_PROPERTY_TYPES,
	recordProperties,
	requireOneTitle,
	resolveProperty,
	schemaFromInputs,
	schemaOf,
	schemaPropertyEntry,
	titleNames,
	type DatabaseSchema,
} from '../../../../nodes/Buildin/helpers/schema';

const SCHEMA: DatabaseSchema = {
	Name: 'title',
	Status: 'select',
	Estimate: 'number',
	Due: 'date',
	Done: 'checkbox',
	Notes: 'rich_text',
	Created: 'created_time',
	Score: 'formula',
	'A|B': 'url',
};

describe('schemaOf', () => {
	it('maps each property key of a database to its type', () => {
		const database = {
			object: 'database',
			properties: {
				Name: { id: 'title', name: 'Name', type: 'title', title: {} },
				Status: { id: 'x', name: 'Status', type: 'select', select: { options: [] } },
			},
		};
		expect(schemaOf(database)).toEqual({ Name: 'title', Status: 'select' });
	});

	it('gives an empty schema for a database without properties, and "unknown" for a property without a type', () => {
		expect(schemaOf({})).toEqual({});
		expect(schemaOf({ properties: { Odd: {} as IDataObject, Null: null } })).toEqual({ Odd: 'unknown', Null: 'unknown' });
	});
});

describe('parsePropertyKey', () => {
	it.each([
		['Status|select', { name: 'Status', type: 'select' }],
		['A|B|url', { name: 'A|B', type: 'url' }],
		['Status', { name: 'Status' }],
		['A|B', { name: 'A|B' }],
		['  Due|date  ', { name: 'Due', type: 'date' }],
		['|select', { name: '|select' }],
		['', { name: '' }],
		[undefined, { name: '' }],
		[42, { name: '' }],
	])('%j → %j', (key, expected) => {
		expect(parsePropertyKey(key)).toEqual(expected);
	});
});

describe('propertyOptions', () => {
	it('offers "Name (type)" with the value "Name|type", sorted by name regardless of case', () => {
		expect(propertyOptions({ status: 'select', Name: 'title', Due: 'date', 'a|b': 'url' })).toEqual([
			{ name: 'a|b (url)', value: 'a|b|url' },
			{ name: 'Due (date)', value: 'Due|date' },
			{ name: 'Name (title)', value: 'Name|title' },
			{ name: 'status (select)', value: 'status|select' },
		]);
	});

	it('keeps only the given types', () => {
		expect(propertyOptions(SCHEMA, RECORD_PROPERTY_TYPES).map((option) => option.value)).toEqual([
			'A|B|url',
			'Done|checkbox',
			'Due|date',
			'Estimate|number',
			'Name|title',
			'Notes|rich_text',
			'Status|select',
		]);
	});
});

describe('resolveProperty', () => {
	it('returns the name and the schema type for a picked key or a bare name', () => {
		expect(resolveProperty(SCHEMA, 'Status|select')).toEqual({ name: 'Status', type: 'select' });
		expect(resolveProperty(SCHEMA, 'Status')).toEqual({ name: 'Status', type: 'select' });
		expect(resolveProperty(SCHEMA, 'A|B|url')).toEqual({ name: 'A|B', type: 'url' });
	});

	it('refuses an unknown name, listing the known names sorted', () => {
		const error = invalidInput(() => resolveProperty(SCHEMA, 'Priority|select'));
		expect(error.field).toBe('Property "Priority"');
		expect(error.message).toBe(
			'is not a property of the database (its properties: A|B, Created, Done, Due, Estimate, Name, Notes, Score, Status)',
		);
	});

	it('is case-sensitive, as Buildin is', () => {
		expect(invalidInput(() => resolveProperty(SCHEMA, 'status')).field).toBe('Property "status"');
	});

	it('does not take an inherited object key for a property', () => {
		expect(invalidInput(() => resolveProperty(SCHEMA, 'constructor')).field).toBe('Property "constructor"');
	});

	it('refuses a type that is no longer the property’s type', () => {
		const error = invalidInput(() => resolveProperty(SCHEMA, 'Estimate|rich_text'));
		expect(error.field).toBe('Property "Estimate"');
		expect(error.message).toBe('is a number property in the database, not rich_text');
		expect(error.hint).toMatch(/pick it from the list again/);
	});

	it('refuses an empty key', () => {
		expect(invalidInput(() => resolveProperty(SCHEMA, '')).field).toBe('Property');
	});
});

describe('knownNames', () => {
	it('says none for an empty schema', () => {
		expect(knownNames({})).toBe('none');
	});
});

describe('recordProperties', () => {
	it('writes typed values under the schema names, a title as rich text', () => {
		expect(
			recordProperties(SCHEMA, [
				{ key: 'Name|title', textValue: 'Ship v2' },
				{ key: 'Status|select', selectValue: 'Doing' },
				{ key: 'Estimate|number', numberValue: 3 },
				{ key: 'Done', checkboxValue: true },
			]),
		).toEqual({
			Name: { type: 'title', title: [{ type: 'text', text: { content: 'Ship v2' } }] },
			Status: { type: 'select', select: { name: 'Doing' } },
			Estimate: { type: 'number', number: 3 },
			Done: { type: 'checkbox', checkbox: true },
		});
	});

	it('takes the type from the schema, not from the other value fields of the entry', () => {
		// The engine hands over every value field (the hidden type is an expression); only the type's own counts.
		expect(recordProperties(SCHEMA, [{ key: 'Notes|rich_text', textValue: 'hi', numberValue: 0, selectValue: '' }])).toEqual({
			Notes: { type: 'rich_text', rich_text: [{ type: 'text', text: { content: 'hi' } }] },
		});
	});

	it('clears a title with Clear Value, and refuses a blank one without it', () => {
		expect(recordProperties(SCHEMA, [{ key: 'Name|title', clear: true }])).toEqual({ Name: { type: 'title', title: [] } });
		const error = invalidInput(() => recordProperties(SCHEMA, [{ key: 'Name|title', textValue: '  ' }]));
		expect(error.field).toBe('Property "Name" (Text)');
	});

	it('splits a long title at 2000 characters', () => {
		const value = recordProperties(SCHEMA, [{ key: 'Name|title', textValue: 'x'.repeat(2001) }]).Name as IDataObject;
		expect((value.title as IDataObject[]).length).toBe(2);
	});

	it('keeps propertyEntry’s value checks, naming the schema property', () => {
		const error = invalidInput(() => recordProperties(SCHEMA, [{ key: 'Due|date', dateStart: '2026-02-30' }]));
		expect(error.field).toBe('Property "Due" (Start)');
	});

	it('refuses computed properties', () => {
		for (const key of ['Created|created_time', 'Score|formula']) {
			const error = invalidInput(() => recordProperties(SCHEMA, [{ key }]));
			expect(error.message).toMatch(/is a (created_time|formula) property, which cannot be written/);
		}
	});

	it('refuses the same property twice', () => {
		const error = invalidInput(() =>
			recordProperties(SCHEMA, [
				{ key: 'Status|select', selectValue: 'A' },
				{ key: 'Status', selectValue: 'B' },
			]),
		);
		expect(error.message).toBe('the property "Status" is set twice');
	});

	it('refuses unknown names and type mismatches', () => {
		expect(invalidInput(() => recordProperties(SCHEMA, [{ key: 'Owner|people', peopleValue: 'x' }])).message).toMatch(
			/^is not a property of the database/,
		);
		expect(invalidInput(() => recordProperties(SCHEMA, [{ key: 'Status|multi_select' }])).message).toBe(
			'is a select property in the database, not multi_select',
		);
	});
});

describe('checkRecordJson', () => {
	it('passes known properties through as they are', () => {
		const body = { Status: { select: { name: 'Done' } }, Estimate: { type: 'number', number: 2 }, Due: null };
		expect(checkRecordJson(SCHEMA, body)).toBe(body);
	});

	it('refuses unknown names, computed properties and values for another type', () => {
		expect(invalidInput(() => checkRecordJson(SCHEMA, { Priority: { number: 1 } })).field).toBe('Property "Priority"');
		expect(invalidInput(() => checkRecordJson(SCHEMA, { Score: { formula: {} } })).message).toMatch(/cannot be written/);
		expect(invalidInput(() => checkRecordJson(SCHEMA, { Status: { multi_select: [] } })).message).toBe(
			'is a select property in the database, but its JSON value is for multi_select',
		);
		expect(invalidInput(() => checkRecordJson(SCHEMA, { Status: { type: 'number', number: 1 } })).message).toBe(
			'is a select property in the database, but its JSON value is for number',
		);
	});
});

describe('schemaPropertyEntry', () => {
	it.each([
		[{ name: 'Name', type: 'title' }, { name: 'Name', type: 'title' }],
		[{ name: 'Notes', type: 'rich_text' }, { name: 'Notes', type: 'rich_text' }],
		[{ name: 'Price', type: 'number', numberFormat: 'euro' }, { name: 'Price', type: 'number', number: { format: 'euro' } }],
		[{ name: 'Count', type: 'number' }, { name: 'Count', type: 'number', number: { format: 'number' } }],
		[
			{ name: 'Status', type: 'select', options: 'Todo, Doing ,Done' },
			{ name: 'Status', type: 'select', select: { options: [{ name: 'Todo' }, { name: 'Doing' }, { name: 'Done' }] } },
		],
		[{ name: 'Tags', type: 'multi_select', options: ['a', 'b'] }, { name: 'Tags', type: 'multi_select', multi_select: { options: [{ name: 'a' }, { name: 'b' }] } }],
		[{ name: 'Tags', type: 'multi_select', options: '' }, { name: 'Tags', type: 'multi_select' }],
		[
			{ name: 'Parent', type: 'relation', relationDatabase: 'https://buildin.ai/database/33333333333343338333333333333333' },
			{ name: 'Parent', type: 'relation', relation: { database_id: '33333333-3333-4333-8333-333333333333' } },
		],
	])('%j → %j', (input, definition) => {
		expect(schemaPropertyEntry(input)).toEqual([input.name, definition]);
	});

	it('refuses what cannot be sent', () => {
		expect(invalidInput(() => schemaPropertyEntry({ name: ' ', type: 'title' })).field).toBe('Property Name');
		expect(invalidInput(() => schemaPropertyEntry({ name: 'F', type: 'formula' })).message).toBe('type "formula" cannot be created');
		expect(invalidInput(() => schemaPropertyEntry({ name: 'N', type: 'number', numberFormat: 'bitcoin' })).field).toBe(
			'Property "N" (Number Format)',
		);
		expect(invalidInput(() => schemaPropertyEntry({ name: 'S', type: 'select', options: 'a, b, a' })).message).toBe(
			'the option "a" is listed twice',
		);
		expect(invalidInput(() => schemaPropertyEntry({ name: 'R', type: 'relation', relationDatabase: '' })).field).toBe(
			'Property "R" (Related Database)',
		);
		expect(invalidInput(() => schemaPropertyEntry({ name: 'R', type: 'relation', relationDatabase: 'abc' })).message).toBe(
			'"abc" is not a Buildin ID or URL',
		);
	});
});

describe('schemaFromInputs, titleNames and requireOneTitle', () => {
	it('builds the properties map and refuses a name twice', () => {
		expect(schemaFromInputs([{ name: 'Name', type: 'title' }, { name: 'Done', type: 'checkbox' }])).toEqual({
			Name: { name: 'Name', type: 'title' },
			Done: { name: 'Done', type: 'checkbox' },
		});
		expect(invalidInput(() => schemaFromInputs([{ name: 'A', type: 'url' }, { name: 'A', type: 'email' }])).message).toBe(
			'the property "A" is defined twice',
		);
	});

	it('counts title definitions by type, or by a title config without a type', () => {
		expect(titleNames({ A: { type: 'title' }, B: { title: {} }, C: { type: 'url', title: {} }, D: null, E: [] })).toEqual(['A', 'B']);
	});

	it('accepts exactly one title and refuses none or two, naming them', () => {
		const one = { Name: { type: 'title' }, Done: { type: 'checkbox' } };
		expect(requireOneTitle('Properties', one)).toBe(one);
		expect(invalidInput(() => requireOneTitle('Properties', { Done: { type: 'checkbox' } })).message).toBe(
			'define no title property; a database needs exactly one',
		);
		const two = invalidInput(() => requireOneTitle('Properties (JSON)', { Name: { type: 'title' }, Other: { type: 'title' } }));
		expect(two.field).toBe('Properties (JSON)');
		expect(two.message).toBe('define 2 title properties (Name, Other); a database needs exactly one');
	});
});
