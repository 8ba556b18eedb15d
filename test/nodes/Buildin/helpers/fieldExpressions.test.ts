// Expressions that are one field of the input item, as n8n's mapping writes them, are read from the item; everything
// else is left to n8n. Whether the values match n8n's evaluation is checked through the engine in
// test/nodes/Buildin/actions/parameterCache.test.ts.
import { fieldPath, fieldResolver, fieldValue } from '../../../../nodes/Buildin/helpers/fieldExpressions';

describe('fieldPath', () => {
	it.each([
		['={{ $json.title }}', ['title']],
		['={{$json.title}}', ['title']],
		['={{ $json.address.city }}', ['address', 'city']],
		["={{ $json['Due date'] }}", ['Due date']],
		['={{ $json["Due date"].start }}', ['Due date', 'start']],
		['={{ $json.tags[0] }}', ['tags', 0]],
		['={{ $json.rows[12].$id_2 }}', ['rows', 12, '$id_2']],
	])('reads %s as the path %j', (expression, path) => {
		expect(fieldPath(expression)).toEqual(path);
	});

	it.each([
		['a plain value', 'Weekly report'],
		['a field without the leading =', '{{ $json.title }}'],
		['text around the field', '=Report: {{ $json.title }}'],
		['two fields', '={{ $json.a }}{{ $json.b }}'],
		['a method call', '={{ $json.title.trim() }}'],
		['an operator', "={{ $json.title + '!' }}"],
		['parentheses', '={{ ($json.title) }}'],
		['optional chaining', '={{ $json?.title }}'],
		['another node', "={{ $('Items').item.json.title }}"],
		['the whole item', '={{ $json }}'],
		['an escaped quote in a key', "={{ $json['it\\'s'] }}"],
		['a computed index', '={{ $json.tags[$runIndex] }}'],
		['not a string', 42],
	])('leaves %s to n8n', (_case, value) => {
		expect(fieldPath(value)).toBeUndefined();
	});
});

describe('fieldValue', () => {
	const json = {
		title: 'Weekly report',
		count: 0,
		done: false,
		empty: '',
		nothing: null,
		address: { city: 'Lyon' },
		tags: ['urgent', 'q3'],
	};

	it('gives strings, numbers and booleans, including empty and falsy ones', () => {
		expect(fieldValue(json, ['title'])).toBe('Weekly report');
		expect(fieldValue(json, ['count'])).toBe(0);
		expect(fieldValue(json, ['done'])).toBe(false);
		expect(fieldValue(json, ['empty'])).toBe('');
		expect(fieldValue(json, ['address', 'city'])).toBe('Lyon');
		expect(fieldValue(json, ['tags', 1])).toBe('q3');
	});

	it('gives nothing for a missing field, null, an object or an array (n8n evaluates those)', () => {
		expect(fieldValue(json, ['missing'])).toBeUndefined();
		expect(fieldValue(json, ['nothing'])).toBeUndefined();
		expect(fieldValue(json, ['address'])).toBeUndefined();
		expect(fieldValue(json, ['tags'])).toBeUndefined();
		expect(fieldValue(json, ['tags', 5])).toBeUndefined();
		expect(fieldValue(json, ['title', 'length'])).toBeUndefined();
		expect(fieldValue(json, ['tags', 'length'])).toBeUndefined();
		expect(fieldValue(json, ['address', 0])).toBeUndefined();
	});

	it('follows plain objects and arrays only, never into methods or class instances', () => {
		expect(fieldValue(json, ['constructor'])).toBeUndefined();
		expect(fieldValue(json, ['toString'])).toBeUndefined();
		expect(fieldValue({ when: new Date(0) }, ['when', 'getTime'])).toBeUndefined();
		expect(fieldValue({ map: new Map([['size', 1]]) }, ['map', 'size'])).toBeUndefined();
		expect(fieldValue(Object.assign(Object.create(null), { name: 'bare' }), ['name'])).toBe('bare');
	});
});

describe('fieldResolver', () => {
	it('resolves a field expression for each item', () => {
		const resolve = fieldResolver('={{ $json.title }}');
		expect(resolve?.({ title: 'First' })).toBe('First');
		expect(resolve?.({ title: 7 })).toBe(7);
		expect(resolve?.({})).toBeUndefined();
	});

	it('resolves a resource locator, keeping everything but the expression as stored', () => {
		const resolve = fieldResolver({ __rl: true, mode: 'id', value: '={{ $json.id }}', cachedResultName: '' });
		const first = resolve?.({ id: 'a1' });
		expect(first).toEqual({ __rl: true, mode: 'id', value: 'a1', cachedResultName: '' });
		expect(resolve?.({ id: 'b2' })).toEqual({ __rl: true, mode: 'id', value: 'b2', cachedResultName: '' });
		expect(resolve?.({ id: 'a1' })).not.toBe(first);
	});

	it('resolves collections and lists of fields, with the plain values among them', () => {
		const resolve = fieldResolver({
			property: [
				{ key: 'Status|select', value: '={{ $json.status }}' },
				{ key: 'Points|number', value: '={{ $json.points }}', unit: null },
			],
		});
		expect(resolve?.({ status: 'Done', points: 3 })).toEqual({
			property: [
				{ key: 'Status|select', value: 'Done' },
				{ key: 'Points|number', value: 3, unit: null },
			],
		});
		expect(resolve?.({ status: 'Done' })).toBeUndefined();
	});

	it('leaves values without expressions, and values with any other expression, to n8n', () => {
		expect(fieldResolver('Weekly report')).toBeUndefined();
		expect(fieldResolver({ __rl: true, mode: 'id', value: 'a1' })).toBeUndefined();
		expect(fieldResolver(['={{ $json.a }}', '={{ $json.b.trim() }}'])).toBeUndefined();
	});
});
