import type { IDataObject } from 'n8n-workflow';

import { InvalidInputError } from './errors';
import { idFromIdOrUrl, ID_FORMS_HINT, normalizeId } from './ids';
import { isoDate } from './propertyValues';
import { parsePropertyKey } from './schema';
import { decimalNumber, requireText } from './validate';

/**
 * Database query filters and sorts (https://buildin.ai/developer-api/v2/read/query-database): which operators each
 * property type takes, and the filter, compound filter and sort objects built from the Get Many Records parameters,
 * checked before anything is sent.
 */

/** The operator sets of the spec's filter union. */
export type FilterFamily = 'checkbox' | 'contains' | 'date' | 'files' | 'number' | 'select' | 'text';

/** Each filterable property type and its operator set; the filter object's key is the type itself. */
export const FILTER_FAMILIES: Readonly<Record<string, FilterFamily>> = {
	checkbox: 'checkbox',
	created_time: 'date',
	date: 'date',
	email: 'text',
	files: 'files',
	last_edited_time: 'date',
	multi_select: 'contains',
	number: 'number',
	people: 'contains',
	phone_number: 'text',
	relation: 'contains',
	rich_text: 'text',
	select: 'select',
	title: 'text',
	url: 'text',
};

export const FILTERABLE_TYPES = Object.keys(FILTER_FAMILIES);

const EMPTINESS = ['is_empty', 'is_not_empty'];

export const FILTER_OPERATORS: Readonly<Record<FilterFamily, readonly string[]>> = {
	checkbox: ['equals', 'does_not_equal'],
	contains: ['contains', 'does_not_contain', ...EMPTINESS],
	date: ['equals', 'before', 'after', 'on_or_before', 'on_or_after', ...EMPTINESS],
	files: EMPTINESS,
	number: [
		'equals',
		'does_not_equal',
		'greater_than',
		'greater_than_or_equal_to',
		'less_than',
		'less_than_or_equal_to',
		...EMPTINESS,
	],
	select: ['equals', 'does_not_equal', ...EMPTINESS],
	text: ['equals', 'does_not_equal', 'contains', 'does_not_contain', 'starts_with', 'ends_with', ...EMPTINESS],
};

/** The operators' names in the editor. */
export const OPERATOR_NAMES: Readonly<Record<string, string>> = {
	after: 'Is After',
	before: 'Is Before',
	contains: 'Contains',
	does_not_contain: 'Does Not Contain',
	does_not_equal: 'Does Not Equal',
	ends_with: 'Ends With',
	equals: 'Equals',
	greater_than: 'Greater Than',
	greater_than_or_equal_to: 'Greater Than or Equal To',
	is_empty: 'Is Empty',
	is_not_empty: 'Is Not Empty',
	less_than: 'Less Than',
	less_than_or_equal_to: 'Less Than or Equal To',
	on_or_after: 'Is On or After',
	on_or_before: 'Is On or Before',
	starts_with: 'Starts With',
};

/** The operators that compare with nothing: their value is `true`. */
export const VALUELESS_OPERATORS = EMPTINESS;

/** One condition of the filter builder, as the editor stores it. Only the value field of its type matters. */
export interface FilterConditionInput {
	key?: unknown;
	condition?: unknown;
	textValue?: unknown;
	numberValue?: unknown;
	selectValue?: unknown;
	multiSelectValue?: unknown;
	peopleValue?: unknown;
	relationValue?: unknown;
	dateValue?: unknown;
	checkboxValue?: unknown;
}

/** Checkbox values from the toggle, or true/false text from an expression. */
export function booleanValue(field: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	const text = String(value ?? '').trim().toLowerCase();
	if (text === 'true' || text === 'false') return text === 'true';
	throw new InvalidInputError(field, `${JSON.stringify(value ?? null)} is not true or false`);
}

function comparedValue(type: string, input: FilterConditionInput, field: (part: string) => string): unknown {
	const emptyHint = 'Enter the value to compare with, or use Is Empty / Is Not Empty';
	switch (FILTER_FAMILIES[type]) {
		case 'text':
			return requireText(field('Value'), input.textValue, emptyHint);
		case 'number':
			return decimalNumber(field('Value'), input.numberValue);
		case 'select':
			return requireText(field('Option Name'), input.selectValue, emptyHint);
		case 'date':
			return isoDate(field('Date'), input.dateValue);
		case 'checkbox':
			return booleanValue(field('Checked'), input.checkboxValue);
		case 'contains':
			if (type === 'people') {
				const text = requireText(field('User ID'), input.peopleValue, emptyHint);
				const id = normalizeId(text);
				if (id === undefined) throw new InvalidInputError(field('User ID'), `${JSON.stringify(text)} is not a Buildin user ID`);
				return id;
			}
			if (type === 'relation') {
				const text = requireText(field('Related Page'), input.relationValue, emptyHint);
				const id = idFromIdOrUrl(text);
				if (id === undefined) throw new InvalidInputError(field('Related Page'), `${JSON.stringify(text)} is not a Buildin ID or URL`, ID_FORMS_HINT);
				return id;
			}
			return requireText(field('Option Name'), input.multiSelectValue, emptyHint);
		default:
			return undefined;
	}
}

/**
 * One condition as a property filter, `{ property, <type>: { <operator>: value } }`. The operator must belong to
 * the type's set, and the value must fit the type: numbers numeric, dates ISO 8601, checkboxes true or false,
 * people and relations ids.
 */
export function propertyFilter(name: string, type: string, input: FilterConditionInput): IDataObject {
	const field = (part: string) => `Condition "${name}" (${part})`;
	const family = FILTER_FAMILIES[type];
	if (family === undefined) {
		throw new InvalidInputError(`Condition "${name}"`, `a ${type} property cannot be filtered`, `Filterable types: ${FILTERABLE_TYPES.join(', ')}`);
	}
	const operator = String(input.condition ?? '');
	if (!FILTER_OPERATORS[family].includes(operator)) {
		throw new InvalidInputError(
			field('Operator'),
			`${JSON.stringify(operator)} is not an operator for a ${type} property`,
			`Use one of ${FILTER_OPERATORS[family].join(', ')}`,
		);
	}
	const value = VALUELESS_OPERATORS.includes(operator) ? true : comparedValue(type, input, field);
	return { property: name, [type]: { [operator]: value } };
}

/** How conditions combine: all must match (`and`) or any may (`or`). One condition is sent on its own. */
export function combineFilters(filters: IDataObject[], combinator: 'and' | 'or'): IDataObject | undefined {
	if (filters.length === 0) return undefined;
	if (filters.length === 1) return filters[0];
	return { [combinator]: filters };
}

/** One Sort entry as the editor stores it. */
export interface SortInput {
	sortBy?: unknown;
	key?: unknown;
	direction?: unknown;
}

const DIRECTIONS = ['ascending', 'descending'];
const TIMESTAMPS = ['created_time', 'last_edited_time'];

/** One sort as `{ property, direction }` or, for the record's own times, `{ timestamp, direction }`. */
export function sortEntry(input: SortInput): IDataObject {
	const direction = String(input.direction ?? 'ascending');
	if (!DIRECTIONS.includes(direction)) {
		throw new InvalidInputError('Sort (Direction)', `${JSON.stringify(direction)} is not ascending or descending`);
	}
	const sortBy = String(input.sortBy ?? 'property');
	if (TIMESTAMPS.includes(sortBy)) return { timestamp: sortBy, direction };
	if (sortBy !== 'property') {
		throw new InvalidInputError('Sort (Sort By)', `${JSON.stringify(sortBy)} is not property, created_time or last_edited_time`);
	}
	const { name } = parsePropertyKey(input.key);
	if (name === '') throw new InvalidInputError('Sort (Property)', 'is empty', 'Pick the property to sort by from the list');
	return { property: name, direction };
}
