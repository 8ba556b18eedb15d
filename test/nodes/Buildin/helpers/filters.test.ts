import { invalidInput } from '../../../support/invalidInput';
import {
	booleanValue,
	combineFilters,
	FILTER_FAMILIES,
	FILTER_OPERATORS,
	OPERATOR_NAMES,
	propertyFilter,
	sortEntry,
} from '../../../../nodes/Buildin/helpers/filters';

const USER = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const PAGE = '11111111-1111-4111-8111-111111111111';

describe('operator sets (https://buildin.ai/developer-api/v2/read/query-database)', () => {
	it.each([
		['title', ['equals', 'does_not_equal', 'contains', 'does_not_contain', 'starts_with', 'ends_with', 'is_empty', 'is_not_empty']],
		['rich_text', ['equals', 'does_not_equal', 'contains', 'does_not_contain', 'starts_with', 'ends_with', 'is_empty', 'is_not_empty']],
		['url', ['equals', 'does_not_equal', 'contains', 'does_not_contain', 'starts_with', 'ends_with', 'is_empty', 'is_not_empty']],
		['email', ['equals', 'does_not_equal', 'contains', 'does_not_contain', 'starts_with', 'ends_with', 'is_empty', 'is_not_empty']],
		['phone_number', ['equals', 'does_not_equal', 'contains', 'does_not_contain', 'starts_with', 'ends_with', 'is_empty', 'is_not_empty']],
		[
			'number',
			['equals', 'does_not_equal', 'greater_than', 'greater_than_or_equal_to', 'less_than', 'less_than_or_equal_to', 'is_empty', 'is_not_empty'],
		],
		['select', ['equals', 'does_not_equal', 'is_empty', 'is_not_empty']],
		['multi_select', ['contains', 'does_not_contain', 'is_empty', 'is_not_empty']],
		['people', ['contains', 'does_not_contain', 'is_empty', 'is_not_empty']],
		['relation', ['contains', 'does_not_contain', 'is_empty', 'is_not_empty']],
		['date', ['equals', 'before', 'after', 'on_or_before', 'on_or_after', 'is_empty', 'is_not_empty']],
		['created_time', ['equals', 'before', 'after', 'on_or_before', 'on_or_after', 'is_empty', 'is_not_empty']],
		['last_edited_time', ['equals', 'before', 'after', 'on_or_before', 'on_or_after', 'is_empty', 'is_not_empty']],
		['checkbox', ['equals', 'does_not_equal']],
		['files', ['is_empty', 'is_not_empty']],
	])('%s takes exactly %j', (type, operators) => {
		expect([...FILTER_OPERATORS[FILTER_FAMILIES[type]]].sort()).toEqual([...operators].sort());
	});

	it('has an editor name for every operator', () => {
		for (const operators of Object.values(FILTER_OPERATORS)) {
			for (const operator of operators) expect(OPERATOR_NAMES[operator]).toEqual(expect.any(String));
		}
	});
});

describe('propertyFilter', () => {
	it.each([
		['text', 'Name', 'title', { condition: 'contains', textValue: ' Ship ' }, { title: { contains: 'Ship' } }],
		['url', 'Website', 'url', { condition: 'starts_with', textValue: 'https://' }, { url: { starts_with: 'https://' } }],
		['number', 'Estimate', 'number', { condition: 'greater_than', numberValue: 3 }, { number: { greater_than: 3 } }],
		['number zero', 'Estimate', 'number', { condition: 'equals', numberValue: 0 }, { number: { equals: 0 } }],
		['numeric text', 'Estimate', 'number', { condition: 'less_than', numberValue: '2.5' }, { number: { less_than: 2.5 } }],
		['select', 'Status', 'select', { condition: 'equals', selectValue: 'Doing' }, { select: { equals: 'Doing' } }],
		['multi_select', 'Tags', 'multi_select', { condition: 'contains', multiSelectValue: 'backend' }, { multi_select: { contains: 'backend' } }],
		['people', 'Owner', 'people', { condition: 'contains', peopleValue: USER.replace(/-/g, '').toUpperCase() }, { people: { contains: USER } }],
		['relation', 'Related', 'relation', { condition: 'does_not_contain', relationValue: `https://buildin.ai/docs/${PAGE.replace(/-/g, '')}` }, { relation: { does_not_contain: PAGE } }],
		['date', 'Due', 'date', { condition: 'on_or_before', dateValue: '2026-04-30' }, { date: { on_or_before: '2026-04-30' } }],
		['date-time', 'Due', 'date', { condition: 'after', dateValue: '2026-04-30 09:30Z' }, { date: { after: '2026-04-30T09:30:00Z' } }],
		['created_time', 'Created', 'created_time', { condition: 'before', dateValue: '2026-01-01' }, { created_time: { before: '2026-01-01' } }],
		['checkbox', 'Done', 'checkbox', { condition: 'equals', checkboxValue: false }, { checkbox: { equals: false } }],
		['checkbox text', 'Done', 'checkbox', { condition: 'does_not_equal', checkboxValue: 'TRUE' }, { checkbox: { does_not_equal: true } }],
		['files', 'Attachments', 'files', { condition: 'is_not_empty' }, { files: { is_not_empty: true } }],
		['is_empty ignores the value', 'Estimate', 'number', { condition: 'is_empty', numberValue: 'x' }, { number: { is_empty: true } }],
	])('%s', (_label, name, type, input, expected) => {
		expect(propertyFilter(name, type, input)).toEqual({ property: name, ...expected });
	});

	it('refuses an operator of another type', () => {
		const error = invalidInput(() => propertyFilter('Estimate', 'number', { condition: 'contains', numberValue: 1 }));
		expect(error.field).toBe('Condition "Estimate" (Operator)');
		expect(error.message).toBe('"contains" is not an operator for a number property');
		expect(error.hint).toContain('greater_than');
		expect(invalidInput(() => propertyFilter('Attachments', 'files', { condition: 'equals' })).field).toBe(
			'Condition "Attachments" (Operator)',
		);
	});

	it('refuses a type that cannot be filtered', () => {
		expect(invalidInput(() => propertyFilter('Score', 'formula', { condition: 'equals' })).message).toBe(
			'a formula property cannot be filtered',
		);
	});

	it.each([
		['a non-numeric number', 'number', { condition: 'equals', numberValue: 'five' }, '(Value)', /is not a number/],
		['an empty number', 'number', { condition: 'equals', numberValue: '' }, '(Value)', /is empty/],
		['an impossible date', 'date', { condition: 'equals', dateValue: '2026-02-30' }, '(Date)', /is not a valid date/],
		['a non-ISO date', 'date', { condition: 'after', dateValue: '30/04/2026' }, '(Date)', /is not a valid date/],
		['a checkbox that is not a boolean', 'checkbox', { condition: 'equals', checkboxValue: 'yes' }, '(Checked)', /is not true or false/],
		['an empty text', 'rich_text', { condition: 'contains', textValue: ' ' }, '(Value)', /is empty/],
		['a user that is not an id', 'people', { condition: 'contains', peopleValue: 'alex' }, '(User ID)', /is not a Buildin user ID/],
		['a related page that is not an id', 'relation', { condition: 'contains', relationValue: 'page' }, '(Related Page)', /is not a Buildin ID or URL/],
	])('refuses %s', (_label, type, input, part, message) => {
		const error = invalidInput(() => propertyFilter('P', type, input));
		expect(error.field).toBe(`Condition "P" ${part}`);
		expect(error.message).toMatch(message);
	});
});

describe('booleanValue', () => {
	it('takes booleans and true/false text only', () => {
		expect(booleanValue('F', true)).toBe(true);
		expect(booleanValue('F', ' false ')).toBe(false);
		expect(invalidInput(() => booleanValue('F', 1)).message).toBe('1 is not true or false');
		expect(invalidInput(() => booleanValue('F', undefined)).message).toBe('null is not true or false');
	});
});

describe('combineFilters', () => {
	const a = { property: 'A', checkbox: { equals: true } };
	const b = { property: 'B', number: { equals: 1 } };

	it('sends nothing for no condition and one condition on its own', () => {
		expect(combineFilters([], 'and')).toBeUndefined();
		expect(combineFilters([a], 'or')).toBe(a);
	});

	it('combines several with and / or', () => {
		expect(combineFilters([a, b], 'and')).toEqual({ and: [a, b] });
		expect(combineFilters([a, b], 'or')).toEqual({ or: [a, b] });
	});
});

describe('sortEntry', () => {
	it('sorts by a property (picked or named) or a timestamp', () => {
		expect(sortEntry({ sortBy: 'property', key: 'Due|date', direction: 'descending' })).toEqual({ property: 'Due', direction: 'descending' });
		expect(sortEntry({ key: 'Name' })).toEqual({ property: 'Name', direction: 'ascending' });
		expect(sortEntry({ sortBy: 'created_time', key: 'ignored|url', direction: 'ascending' })).toEqual({
			timestamp: 'created_time',
			direction: 'ascending',
		});
		expect(sortEntry({ sortBy: 'last_edited_time', direction: 'descending' })).toEqual({ timestamp: 'last_edited_time', direction: 'descending' });
	});

	it('refuses an empty property, an unknown direction or sort kind', () => {
		expect(invalidInput(() => sortEntry({ sortBy: 'property', key: '' })).field).toBe('Sort (Property)');
		expect(invalidInput(() => sortEntry({ key: 'A', direction: 'up' })).field).toBe('Sort (Direction)');
		expect(invalidInput(() => sortEntry({ sortBy: 'id', key: 'A' })).field).toBe('Sort (Sort By)');
	});
});
