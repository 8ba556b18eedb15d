import type { IDataObject } from 'n8n-workflow';

import { InvalidInputError } from './errors';
import { idList, listValue, normalizeId } from './ids';
import { toRichText } from './richText';
import { decimalNumber, decodeSegment, jsonParameter, requireHttpUrl, requireText, textValue } from './validate';

/**
 * The property types a page update can write (https://buildin.ai/developer-api/v2/reference/object-models); title has
 * its own parameter.
 */
export type WritablePropertyType =
	| 'checkbox'
	| 'date'
	| 'email'
	| 'files'
	| 'multi_select'
	| 'number'
	| 'people'
	| 'phone_number'
	| 'relation'
	| 'rich_text'
	| 'select'
	| 'url';

/** One entry of the Properties collection, as the editor stores it. Only the fields of its type are present. */
export interface PropertyInput {
	name?: string;
	type?: WritablePropertyType;
	clear?: boolean;
	textValue?: unknown;
	numberValue?: unknown;
	selectValue?: unknown;
	multiSelectValue?: unknown;
	dateStart?: unknown;
	dateEnd?: unknown;
	timeZone?: unknown;
	peopleValue?: unknown;
	filesValue?: unknown;
	checkboxValue?: unknown;
	urlValue?: unknown;
	emailValue?: unknown;
	phoneValue?: unknown;
	relationValue?: unknown;
}

// Date, optional time (T or a space), seconds, fraction and offset; groups 8-10 rebuild the strict form.
const ISO_DATE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-]\d{2}):?(\d{2}))?)?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits with the usual separators, an optional leading +, and an optional extension (x12, ext. 12).
const PHONE = /^\+?[\d ().\-/]*\d[\d ().\-/]*(?:\s*(?:x|ext\.?)\s*\d+)?$/i;
const CLEAR_HINT = 'To empty the property, turn on Clear Value instead of leaving the value blank';

/** The value written when Clear Value is on. */
const CLEARED: Record<WritablePropertyType, IDataObject[keyof IDataObject]> = {
	checkbox: false,
	date: null,
	email: null,
	files: [],
	multi_select: [],
	number: null,
	people: [],
	phone_number: null,
	relation: [],
	rich_text: [],
	select: null,
	url: null,
};

function isWritableType(type: unknown): type is WritablePropertyType {
	return typeof type === 'string' && Object.prototype.hasOwnProperty.call(CLEARED, type);
}

/** Dates from expressions arrive as strings, JS Dates or Luxon DateTimes; Buildin wants ISO 8601 text. */
export function isoDate(field: string, value: unknown): string {
	let text: string;
	if (value instanceof Date) text = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
	else if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		text = String((value as { toISO: () => string }).toISO());
	} else text = requireText(field, value, 'Use an ISO 8601 date such as 2026-04-09 or 2026-04-09T09:30:00Z');
	const match = ISO_DATE.exec(text);
	const [year, month, day, hour, minute, second, fraction, offset, offsetHours, offsetMinutes] = match ? match.slice(1) : [];
	const calendar = match ? new Date(Date.UTC(+year, +month - 1, +day)) : undefined;
	const valid =
		calendar !== undefined &&
		calendar.getUTCMonth() === +month - 1 &&
		calendar.getUTCDate() === +day &&
		+(hour ?? 0) < 24 &&
		+(minute ?? 0) < 60 &&
		+(second ?? 0) < 60 &&
		Math.abs(+(offsetHours ?? 0)) < 24 &&
		+(offsetMinutes ?? 0) < 60;
	if (!valid) {
		throw new InvalidInputError(
			field,
			`${JSON.stringify(text)} is not a valid date`,
			'Use an ISO 8601 date such as 2026-04-09 or 2026-04-09T09:30:00Z',
		);
	}
	if (hour === undefined) return `${year}-${month}-${day}`;
	// The strict form Buildin documents: T, seconds, at most milliseconds, Z or ±hh:mm.
	const zone = offset === undefined ? '' : offsetHours === undefined ? 'Z' : `${offsetHours}:${offsetMinutes}`;
	const millis = fraction === undefined ? '' : `.${fraction.slice(0, 3).padEnd(3, '0')}`;
	return `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${millis}${zone}`;
}

function isTimeZone(name: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: name });
		return true;
	} catch {
		return false;
	}
}

function timeZoneName(field: string, value: unknown): string | undefined {
	const text = String(value ?? '').trim();
	if (text === '') return undefined;
	if (!isTimeZone(text)) {
		throw new InvalidInputError(field, `${JSON.stringify(text)} is not an IANA time zone`, 'Use a name such as Europe/Berlin or Asia/Shanghai');
	}
	return text;
}

function nonEmptyList(field: string, values: string[]): string[] {
	if (values.length === 0) throw new InvalidInputError(field, 'is empty', CLEAR_HINT);
	return values;
}

function userIds(field: string, value: unknown): IDataObject[] {
	return nonEmptyList(field, listValue(value)).map((entry) => {
		const id = normalizeId(entry);
		if (id === undefined) throw new InvalidInputError(field, `${JSON.stringify(entry)} is not a Buildin user ID`);
		return { object: 'user', id };
	});
}

/**
 * File URLs separated by white space or commas. URLs hold no white space, so only a comma before a space, the end
 * or the next URL separates; a comma inside a URL (an image CDN's w_100,h_100) stays in it.
 */
function urlList(value: unknown): string[] {
	if (Array.isArray(value)) return listValue(value);
	return String(value ?? '')
		.split(/\s+|,(?=\s|$|https?:\/\/)/i)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

function externalFile(url: string): IDataObject {
	const segments = new URL(url).pathname.split('/').filter((segment) => segment !== '');
	const name = segments.length > 0 ? decodeSegment(segments[segments.length - 1]) : new URL(url).hostname;
	return { name, type: 'external', external: { url } };
}

const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Compares instants when both carry an offset; otherwise only calendar days, since a local time has no instant. */
function endsBeforeStart(start: string, end: string): boolean {
	if (HAS_OFFSET.test(start) && HAS_OFFSET.test(end)) return Date.parse(end) < Date.parse(start);
	return end.slice(0, 10) < start.slice(0, 10);
}

/** Names a sub-field of one Properties entry, e.g. `Property "Due" (Start)`. */
type FieldName = (part: string) => string;

function dateValue(input: PropertyInput, field: FieldName): IDataObject {
	const start = isoDate(field('Start'), input.dateStart instanceof Object ? input.dateStart : requireText(field('Start'), input.dateStart, CLEAR_HINT));
	const end = input.dateEnd instanceof Object || textValue(field('End'), input.dateEnd).trim() !== '' ? isoDate(field('End'), input.dateEnd) : null;
	if (end !== null && endsBeforeStart(start, end)) {
		throw new InvalidInputError(field('End'), `${end} is before the start ${start}`);
	}
	const date: IDataObject = { start, end };
	const timeZone = timeZoneName(field('Time Zone'), input.timeZone);
	if (timeZone !== undefined) date.time_zone = timeZone;
	return date;
}

function valueOf(type: WritablePropertyType, input: PropertyInput, field: FieldName): IDataObject[keyof IDataObject] {
	switch (type) {
		case 'checkbox':
			if (typeof input.checkboxValue === 'boolean') return input.checkboxValue;
			if (/^\s*(true|false)\s*$/i.test(String(input.checkboxValue))) return /true/i.test(String(input.checkboxValue));
			throw new InvalidInputError(field('Checked'), `${JSON.stringify(input.checkboxValue)} is not true or false`);
		case 'date':
			return dateValue(input, field);
		case 'email': {
			const email = requireText(field('Email'), input.emailValue, CLEAR_HINT);
			if (!EMAIL.test(email)) throw new InvalidInputError(field('Email'), `${JSON.stringify(email)} is not an email address`);
			return email;
		}
		case 'files':
			return nonEmptyList(field('File URLs'), urlList(input.filesValue)).map((url) =>
				externalFile(requireHttpUrl(field('File URLs'), url)),
			);
		case 'multi_select':
			return nonEmptyList(field('Option Names'), listValue(input.multiSelectValue)).map((name) => ({ name }));
		case 'number':
			return decimalNumber(field('Number'), input.numberValue, CLEAR_HINT);
		case 'people':
			return userIds(field('User IDs'), input.peopleValue);
		case 'phone_number': {
			const phone = requireText(field('Phone Number'), input.phoneValue, CLEAR_HINT);
			if (!PHONE.test(phone)) {
				throw new InvalidInputError(field('Phone Number'), `${JSON.stringify(phone)} is not a phone number`, 'Use digits with optional +, spaces, dashes, dots or parentheses, e.g. +49 30 1234567');
			}
			return phone;
		}
		case 'relation':
			return nonEmptyList(field('Related Pages'), idList(field('Related Pages'), input.relationValue)).map((id) => ({ id }));
		case 'rich_text':
			return toRichText(requireText(field('Text'), input.textValue, CLEAR_HINT));
		case 'select':
			return { name: requireText(field('Option Name'), input.selectValue, CLEAR_HINT) };
		case 'url':
			return requireHttpUrl(field('URL'), requireText(field('URL'), input.urlValue, CLEAR_HINT));
	}
}

/** One Properties entry as its `properties` body entry: `[name, { type, <type>: value }]`. */
export function propertyEntry(input: PropertyInput): [string, IDataObject] {
	const name = requireText('Property Name', input.name, 'Enter the property name as shown in Buildin, e.g. Status');
	const type = input.type;
	if (!isWritableType(type)) throw new InvalidInputError(`Property "${name}"`, `type ${JSON.stringify(type)} cannot be written`);
	const value = input.clear === true ? CLEARED[type] : valueOf(type, input, (part) => `Property "${name}" (${part})`);
	return [name, { type, [type]: value }];
}

/** The Properties collection as a `properties` body object; a name given twice is refused. */
export function propertiesFromInputs(inputs: PropertyInput[]): IDataObject {
	const properties: IDataObject = {};
	for (const input of inputs) {
		const [name, value] = propertyEntry(input);
		if (name in properties) throw new InvalidInputError('Properties', `the property "${name}" is set twice`);
		properties[name] = value;
	}
	return properties;
}

/** The JSON mode's raw `properties` object, sent as is once it is known to be an object. */
export function propertiesFromJson(value: unknown): IDataObject {
	return jsonObject('Properties (JSON)', value, 'must be a JSON object keyed by property name', '{"Status": {"select": {"name": "Done"}}}');
}

/**
 * A JSON parameter's value as an object: text is parsed (blank text is `{}`), an object from an expression is taken
 * as is; anything else is refused with `requirement` and an `example` of what is wanted.
 */
export function jsonObject(field: string, value: unknown, requirement: string, example: string): IDataObject {
	const parsed = jsonParameter(field, value, {});
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InvalidInputError(field, requirement, example);
	}
	return parsed as IDataObject;
}

/** The title property with its text split into rich-text items of at most 2000 characters. */
export function titleProperty(key: string, text: string): IDataObject {
	return { [key]: { type: 'title', title: toRichText(text) } };
}

/** The calendar day of a date value as the editor or an expression gives it; anything else as it is, for the checks. */
function dayOf(value: unknown): unknown {
	if (typeof value === 'string') return /^\s*(\d{4}-\d{2}-\d{2})(?:[T ]|\s*$)/.exec(value)?.[1] ?? value;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString().slice(0, 10);
	const luxon = value as { toISODate?: unknown } | null;
	if (luxon && typeof luxon === 'object' && typeof luxon.toISODate === 'function') return (luxon as { toISODate: () => unknown }).toISODate();
	return value;
}

/**
 * A Properties entry as the value code reads it: with Include Time off (a date entry), Start and End keep only their
 * day, `2026-04-09T00:00:00` from the date picker becoming the all-day `2026-04-09`.
 */
export function withIncludeTime<T extends object>(input: T & { includeTime?: unknown; dateStart?: unknown; dateEnd?: unknown }): T {
	if (input.includeTime !== false) return input;
	return { ...input, dateStart: dayOf(input.dateStart), dateEnd: dayOf(input.dateEnd) };
}
