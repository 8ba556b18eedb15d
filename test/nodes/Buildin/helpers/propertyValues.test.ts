import type { IDataObject } from 'n8n-workflow';

import {
	isoDate,
	propertiesFromInputs,
	propertiesFromJson,
	propertyEntry,
	titleProperty,
	type PropertyInput,
	type WritablePropertyType,
} from '../../../../nodes/Buildin/helpers/propertyValues';
import { invalidInput } from '../../../support/invalidInput';

const USER = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const USER_COMPACT = USER.replace(/-/g, '');
const PAGE = '3f2a9c1e-4b7d-4e8f-9a01-b2c3d4e5f607';
const PAGE_COMPACT = PAGE.replace(/-/g, '');
const OTHER_PAGE = '11111111-1111-4111-8111-111111111111';
const CLEAR_HINT = 'To empty the property, turn on Clear Value instead of leaving the value blank';

/** The `properties` body value for one entry, checking the entry keeps its name. */
function valueFor(input: PropertyInput): IDataObject {
	const [name, value] = propertyEntry(input);
	expect(name).toBe(input.name?.toString().trim());
	return value;
}

describe('propertyEntry', () => {
	describe('rich_text', () => {
		it('writes the text as one text item', () => {
			expect(valueFor({ name: 'Notes', type: 'rich_text', textValue: 'Shipped on time' })).toEqual({
				type: 'rich_text',
				rich_text: [{ type: 'text', text: { content: 'Shipped on time' } }],
			});
		});

		it('splits long text into items of at most 2000 characters', () => {
			const value = valueFor({ name: 'Notes', type: 'rich_text', textValue: 'x'.repeat(4001) });
			const items = value.rich_text as Array<{ text: { content: string } }>;
			expect(items.map((item) => item.text.content.length)).toEqual([2000, 2000, 1]);
		});

		it('trims the text', () => {
			expect(valueFor({ name: 'Notes', type: 'rich_text', textValue: '  hi  ' }).rich_text).toEqual([
				{ type: 'text', text: { content: 'hi' } },
			]);
		});
	});

	describe('number', () => {
		it.each([
			[42, 42],
			[0, 0],
			[-3.25, -3.25],
			['17', 17],
			[' 2.5 ', 2.5],
			['-0.75', -0.75],
			['1e3', 1000],
		])('writes %j as the number %j', (input, expected) => {
			expect(valueFor({ name: 'Estimate', type: 'number', numberValue: input })).toEqual({ type: 'number', number: expected });
		});

		it.each([
			['text', 'abc'],
			['a number followed by text', '12 hours'],
			['NaN', Number.NaN],
			['Infinity', Number.POSITIVE_INFINITY],
			['-Infinity', Number.NEGATIVE_INFINITY],
			['the string Infinity', 'Infinity'],
		])('refuses %s', (_label, input) => {
			const error = invalidInput(() => propertyEntry({ name: 'Estimate', type: 'number', numberValue: input }));
			expect(error.field).toBe('Property "Estimate" (Number)');
			expect(error.message).toMatch(/is not a number$/);
		});

		it('quotes the refused text in the message', () => {
			const error = invalidInput(() => propertyEntry({ name: 'Estimate', type: 'number', numberValue: 'abc' }));
			expect(error.message).toBe('"abc" is not a number');
		});

		// Regression: the message is built with JSON.stringify, which turns NaN and Infinity into "null", so the user reads
		// "null is not a number" for a value that was NaN or Infinity.
		it.each([
			['NaN', Number.NaN],
			['Infinity', Number.POSITIVE_INFINITY],
		])('names %s in the message rather than null', (label, input) => {
			const error = invalidInput(() => propertyEntry({ name: 'Estimate', type: 'number', numberValue: input }));
			expect(error.message).toContain(label);
		});
	});

	describe('select', () => {
		it('writes the option by name', () => {
			expect(valueFor({ name: 'Status', type: 'select', selectValue: ' Done ' })).toEqual({
				type: 'select',
				select: { name: 'Done' },
			});
		});
	});

	describe('multi_select', () => {
		it('writes options from a comma-separated string', () => {
			expect(valueFor({ name: 'Tags', type: 'multi_select', multiSelectValue: 'urgent, backend ,ops' })).toEqual({
				type: 'multi_select',
				multi_select: [{ name: 'urgent' }, { name: 'backend' }, { name: 'ops' }],
			});
		});

		it('writes options from an array', () => {
			expect(valueFor({ name: 'Tags', type: 'multi_select', multiSelectValue: ['a, b', 'c'] }).multi_select).toEqual([
				{ name: 'a, b' },
				{ name: 'c' },
			]);
		});

		it('writes options from a newline-separated string', () => {
			expect(valueFor({ name: 'Tags', type: 'multi_select', multiSelectValue: 'a\nb' }).multi_select).toEqual([
				{ name: 'a' },
				{ name: 'b' },
			]);
		});

		it('refuses a list of only separators as empty', () => {
			const error = invalidInput(() => propertyEntry({ name: 'Tags', type: 'multi_select', multiSelectValue: ' , ,\n' }));
			expect(error.field).toBe('Property "Tags" (Option Names)');
			expect(error.hint).toBe(CLEAR_HINT);
		});
	});

	describe('date', () => {
		it('writes a start date alone with a null end', () => {
			expect(valueFor({ name: 'Due', type: 'date', dateStart: '2026-04-09' })).toEqual({
				type: 'date',
				date: { start: '2026-04-09', end: null },
			});
		});

		it('writes a start and an end', () => {
			expect(valueFor({ name: 'Due', type: 'date', dateStart: '2026-04-09', dateEnd: '2026-04-12' }).date).toEqual({
				start: '2026-04-09',
				end: '2026-04-12',
			});
		});

		it('treats a blank end as no end', () => {
			expect(valueFor({ name: 'Due', type: 'date', dateStart: '2026-04-09', dateEnd: '  ' }).date).toEqual({
				start: '2026-04-09',
				end: null,
			});
		});

		it('accepts an end equal to the start', () => {
			expect(valueFor({ name: 'Due', type: 'date', dateStart: '2026-04-09', dateEnd: '2026-04-09' }).date).toEqual({
				start: '2026-04-09',
				end: '2026-04-09',
			});
		});

		it('adds the time zone when given', () => {
			expect(
				valueFor({ name: 'Due', type: 'date', dateStart: '2026-04-09T09:30:00', timeZone: ' Europe/Berlin ' }).date,
			).toEqual({ start: '2026-04-09T09:30:00', end: null, time_zone: 'Europe/Berlin' });
		});

		it('leaves out the time zone when it is blank', () => {
			expect(valueFor({ name: 'Due', type: 'date', dateStart: '2026-04-09', timeZone: '' }).date).not.toHaveProperty(
				'time_zone',
			);
		});

		it.each([
			'2026-04-09',
			'2026-04-09T09:30:00',
			'2026-04-09T09:30:00Z',
			'2026-04-09T09:30:00.123Z',
			'2026-04-09T09:30:00+02:00',
			'2024-02-29',
		])('accepts the strict ISO 8601 date %s as it is', (start) => {
			expect(valueFor({ name: 'Due', type: 'date', dateStart: start }).date).toEqual({ start, end: null });
		});

		it.each([
			['2026-04-09T09:30', '2026-04-09T09:30:00'],
			['2026-04-09 09:30', '2026-04-09T09:30:00'],
			['2026-04-09t09:30z', '2026-04-09T09:30:00Z'],
			['2026-04-09T09:30:00+0200', '2026-04-09T09:30:00+02:00'],
			['2026-04-09T09:30:00.123456Z', '2026-04-09T09:30:00.123Z'],
			['2026-04-09T09:30:00.5Z', '2026-04-09T09:30:00.500Z'],
		])('rewrites the looser form %s as the strict %s', (start, strict) => {
			expect(valueFor({ name: 'Due', type: 'date', dateStart: start }).date).toEqual({ start: strict, end: null });
		});

		it.each([
			['a day that does not exist', '2026-02-30'],
			['February 29 in a common year', '2026-02-29'],
			['month 13', '2026-13-01'],
			['hour 24', '2026-04-09T24:00'],
			['minute 60', '2026-04-09T09:60'],
			['a word', 'tomorrow'],
			['a US-style date', '04/09/2026'],
		])('refuses %s in Start, naming the sub-field', (_label, start) => {
			const error = invalidInput(() => propertyEntry({ name: 'Due', type: 'date', dateStart: start }));
			expect(error.field).toBe('Property "Due" (Start)');
			expect(error.message).toBe(`${JSON.stringify(start)} is not a valid date`);
			expect(error.hint).toMatch(/ISO 8601/);
		});

		it('refuses an invalid end, naming the End sub-field', () => {
			const error = invalidInput(() => propertyEntry({ name: 'Due', type: 'date', dateStart: '2026-04-09', dateEnd: '2026-02-30' }));
			expect(error.field).toBe('Property "Due" (End)');
		});

		it('refuses an end before the start', () => {
			const error = invalidInput(() =>
				propertyEntry({ name: 'Due', type: 'date', dateStart: '2026-04-09', dateEnd: '2026-04-08' }),
			);
			expect(error.field).toBe('Property "Due" (End)');
			expect(error.message).toBe('2026-04-08 is before the start 2026-04-09');
		});

		it('compares times, not only days, when both carry an offset', () => {
			invalidInput(() =>
				propertyEntry({ name: 'Due', type: 'date', dateStart: '2026-04-09T10:00:00Z', dateEnd: '2026-04-09T09:59:59Z' }),
			);
		});

		it('refuses a time zone that is not an IANA name', () => {
			const error = invalidInput(() =>
				propertyEntry({ name: 'Due', type: 'date', dateStart: '2026-04-09', timeZone: 'Mars/Olympus_Mons' }),
			);
			expect(error.field).toBe('Property "Due" (Time Zone)');
			expect(error.message).toBe('"Mars/Olympus_Mons" is not an IANA time zone');
		});

		it('writes a JS Date as its ISO text', () => {
			const start = new Date(Date.UTC(2026, 3, 9, 9, 30));
			expect(valueFor({ name: 'Due', type: 'date', dateStart: start }).date).toEqual({
				start: '2026-04-09T09:30:00.000Z',
				end: null,
			});
		});

		it('writes a Luxon-like DateTime through its toISO()', () => {
			const start = { toISO: () => '2026-04-09T11:30:00.000+02:00' };
			const end = { toISO: () => '2026-04-10T11:30:00.000+02:00' };
			expect(valueFor({ name: 'Due', type: 'date', dateStart: start, dateEnd: end }).date).toEqual({
				start: '2026-04-09T11:30:00.000+02:00',
				end: '2026-04-10T11:30:00.000+02:00',
			});
		});

		it('refuses an invalid Luxon DateTime, whose toISO() gives null', () => {
			const error = invalidInput(() => propertyEntry({ name: 'Due', type: 'date', dateStart: { toISO: () => null } }));
			expect(error.field).toBe('Property "Due" (Start)');
		});

		// Regression: isoDate calls toISOString() on the Date, which throws a RangeError ("Invalid time value") for an
		// invalid Date, e.g. {{ new Date($json.missing) }}, instead of refusing it with an InvalidInputError.
		it('refuses an invalid JS Date with an InvalidInputError naming the sub-field', () => {
			const error = invalidInput(() => propertyEntry({ name: 'Due', type: 'date', dateStart: new Date('not a date') }));
			expect(error.field).toBe('Property "Due" (Start)');
		});
	});

	describe('isoDate', () => {
		it('returns valid ISO text unchanged', () => {
			expect(isoDate('Start', '2026-04-09T09:30:00Z')).toBe('2026-04-09T09:30:00Z');
		});

		it('trims the text', () => {
			expect(isoDate('Start', ' 2026-04-09 ')).toBe('2026-04-09');
		});

		it('refuses an empty value, naming the field', () => {
			const error = invalidInput(() => isoDate('Start', ''));
			expect(error.field).toBe('Start');
			expect(error.message).toBe('is empty');
		});
	});

	describe('people', () => {
		it('writes user objects from comma-separated ids, dashed or compact', () => {
			expect(valueFor({ name: 'Owner', type: 'people', peopleValue: `${USER_COMPACT.toUpperCase()}, ${PAGE}` })).toEqual({
				type: 'people',
				people: [
					{ object: 'user', id: USER },
					{ object: 'user', id: PAGE },
				],
			});
		});

		it('writes user objects from an array', () => {
			expect(valueFor({ name: 'Owner', type: 'people', peopleValue: [USER] }).people).toEqual([{ object: 'user', id: USER }]);
		});

		it.each([
			['a name', 'Alice'],
			['an email address', 'alice@example.com'],
			['a Buildin URL (people take ids only)', `https://buildin.ai/docs/${USER_COMPACT}`],
		])('refuses %s', (_label, entry) => {
			const error = invalidInput(() => propertyEntry({ name: 'Owner', type: 'people', peopleValue: `${USER}, ${entry}` }));
			expect(error.field).toBe('Property "Owner" (User IDs)');
			expect(error.message).toBe(`${JSON.stringify(entry)} is not a Buildin user ID`);
		});
	});

	describe('files', () => {
		it('writes external files named after the last path segment', () => {
			expect(
				valueFor({
					name: 'Attachments',
					type: 'files',
					filesValue: 'https://cdn.example.com/reports/q1.pdf, https://cdn.example.com/img/logo.png?v=2',
				}),
			).toEqual({
				type: 'files',
				files: [
					{ name: 'q1.pdf', type: 'external', external: { url: 'https://cdn.example.com/reports/q1.pdf' } },
					{ name: 'logo.png', type: 'external', external: { url: 'https://cdn.example.com/img/logo.png?v=2' } },
				],
			});
		});

		it('decodes a percent-encoded file name', () => {
			const [file] = valueFor({ name: 'Attachments', type: 'files', filesValue: ['https://x.example/a/Q1%20Report.pdf'] })
				.files as IDataObject[];
			expect(file.name).toBe('Q1 Report.pdf');
		});

		it('ignores a trailing slash when naming the file', () => {
			const [file] = valueFor({ name: 'Attachments', type: 'files', filesValue: 'https://x.example/docs/spec/' })
				.files as IDataObject[];
			expect(file.name).toBe('spec');
		});

		it('names a file without a path after its host', () => {
			const [file] = valueFor({ name: 'Attachments', type: 'files', filesValue: 'https://files.example.com' })
				.files as IDataObject[];
			expect(file).toEqual({ name: 'files.example.com', type: 'external', external: { url: 'https://files.example.com' } });
		});

		it('keeps a comma inside a URL and splits at a comma before the next URL', () => {
			const files = valueFor({
				name: 'Attachments',
				type: 'files',
				filesValue: 'https://cdn.example.com/w_100,h_100/photo.jpg,https://x.example/a.pdf',
			}).files as IDataObject[];
			expect(files.map((file) => (file.external as IDataObject).url)).toEqual([
				'https://cdn.example.com/w_100,h_100/photo.jpg',
				'https://x.example/a.pdf',
			]);
		});

		// Regression: externalFile decodes the last path segment with decodeURIComponent, which throws a URIError
		// ("URI malformed") for a literal "%" such as https://cdn.example.com/50%off.png.
		it('does not fail on a file name with a literal percent sign', () => {
			const [file] = valueFor({ name: 'Attachments', type: 'files', filesValue: 'https://cdn.example.com/50%off.png' })
				.files as IDataObject[];
			expect(file.external).toEqual({ url: 'https://cdn.example.com/50%off.png' });
		});

		it.each([
			['text', 'report.pdf'],
			['a non-http URL', 'ftp://example.com/report.pdf'],
		])('refuses %s', (_label, entry) => {
			const error = invalidInput(() =>
				propertyEntry({ name: 'Attachments', type: 'files', filesValue: `https://x.example/a.pdf, ${entry}` }),
			);
			expect(error.field).toBe('Property "Attachments" (File URLs)');
			expect(error.message).toBe(`${JSON.stringify(entry)} is not an absolute http(s) URL`);
		});
	});

	describe('checkbox', () => {
		it.each([
			[true, true],
			[false, false],
			['true', true],
			['false', false],
			['TRUE', true],
			[' false ', false],
		])('writes %j as %j', (input, expected) => {
			expect(valueFor({ name: 'Done', type: 'checkbox', checkboxValue: input })).toEqual({ type: 'checkbox', checkbox: expected });
		});

		it.each([['yes'], ['1'], [1], [''], [undefined]])('refuses %j', (input) => {
			const error = invalidInput(() => propertyEntry({ name: 'Done', type: 'checkbox', checkboxValue: input }));
			expect(error.field).toBe('Property "Done" (Checked)');
			expect(error.message).toMatch(/is not true or false$/);
		});
	});

	describe('url', () => {
		it('writes an http(s) URL, trimmed', () => {
			expect(valueFor({ name: 'Website', type: 'url', urlValue: ' https://example.com/a?b=c ' })).toEqual({
				type: 'url',
				url: 'https://example.com/a?b=c',
			});
		});

		it.each(['example.com', 'javascript:alert(1)', 'ftp://example.com'])('refuses %s', (input) => {
			const error = invalidInput(() => propertyEntry({ name: 'Website', type: 'url', urlValue: input }));
			expect(error.field).toBe('Property "Website" (URL)');
		});
	});

	describe('email', () => {
		it('writes an email address, trimmed', () => {
			expect(valueFor({ name: 'Contact', type: 'email', emailValue: ' ops@example.com ' })).toEqual({
				type: 'email',
				email: 'ops@example.com',
			});
		});

		it.each(['ops', 'ops@example', 'ops @example.com', '@example.com'])('refuses %s', (input) => {
			const error = invalidInput(() => propertyEntry({ name: 'Contact', type: 'email', emailValue: input }));
			expect(error.field).toBe('Property "Contact" (Email)');
			expect(error.message).toBe(`${JSON.stringify(input)} is not an email address`);
		});
	});

	describe('phone_number', () => {
		it('writes the phone number as text', () => {
			expect(valueFor({ name: 'Phone', type: 'phone_number', phoneValue: '+49 30 1234567' })).toEqual({
				type: 'phone_number',
				phone_number: '+49 30 1234567',
			});
		});

		it('accepts a number from an expression', () => {
			expect(valueFor({ name: 'Phone', type: 'phone_number', phoneValue: 3012345 }).phone_number).toBe('3012345');
		});

		it.each(['call me', 'javascript:1', '+1 555 0100; DROP', '12+34', 'tel:+4930123'])('refuses %j, which is not a phone number', (phoneValue) => {
			const error = invalidInput(() => propertyEntry({ name: 'Phone', type: 'phone_number', phoneValue }));
			expect(error.field).toBe('Property "Phone" (Phone Number)');
			expect(error.message).toBe(`${JSON.stringify(phoneValue)} is not a phone number`);
		});

		it.each(['+49 30 1234567', '(030) 123-4567', '030/1234567', '+1.555.010.0100', '555 0100 x12', '555 0100 ext. 7'])('takes %j', (phoneValue) => {
			expect(propertyEntry({ name: 'Phone', type: 'phone_number', phoneValue })).toEqual(['Phone', { type: 'phone_number', phone_number: phoneValue }]);
		});
	});

	describe('relation', () => {
		it('writes related pages from ids and URLs', () => {
			expect(
				valueFor({
					name: 'Related',
					type: 'relation',
					relationValue: `${PAGE_COMPACT}\nhttps://buildin.ai/docs/Other-Page-${OTHER_PAGE}`,
				}),
			).toEqual({ type: 'relation', relation: [{ id: PAGE }, { id: OTHER_PAGE }] });
		});

		it('writes related pages from an array', () => {
			expect(valueFor({ name: 'Related', type: 'relation', relationValue: [PAGE, OTHER_PAGE] }).relation).toEqual([
				{ id: PAGE },
				{ id: OTHER_PAGE },
			]);
		});

		it('refuses an entry that is not an id or URL', () => {
			const error = invalidInput(() => propertyEntry({ name: 'Related', type: 'relation', relationValue: `${PAGE}, Roadmap` }));
			expect(error.field).toBe('Property "Related" (Related Pages)');
			expect(error.message).toBe('"Roadmap" is not a Buildin ID or URL');
		});
	});

	describe('clear', () => {
		it.each<[WritablePropertyType, unknown]>([
			['rich_text', []],
			['number', null],
			['select', null],
			['multi_select', []],
			['date', null],
			['people', []],
			['files', []],
			['checkbox', false],
			['url', null],
			['email', null],
			['phone_number', null],
			['relation', []],
		])('writes the empty value for %s', (type, empty) => {
			expect(propertyEntry({ name: 'P', type, clear: true })).toEqual(['P', { type, [type]: empty }]);
		});

		it('ignores any value given alongside Clear Value', () => {
			expect(propertyEntry({ name: 'Estimate', type: 'number', clear: true, numberValue: 'abc' })).toEqual([
				'Estimate',
				{ type: 'number', number: null },
			]);
		});

		it('only clears when clear is exactly true', () => {
			invalidInput(() => propertyEntry({ name: 'Estimate', type: 'number', clear: 'true' as unknown as boolean }));
		});
	});

	describe('an empty value without Clear Value', () => {
		it.each<[WritablePropertyType, string, PropertyInput]>([
			['rich_text', 'Text', { textValue: '' }],
			['number', 'Number', { numberValue: '' }],
			['select', 'Option Name', { selectValue: ' ' }],
			['multi_select', 'Option Names', { multiSelectValue: '' }],
			['people', 'User IDs', { peopleValue: [] }],
			['files', 'File URLs', { filesValue: '' }],
			['email', 'Email', { emailValue: undefined }],
			['phone_number', 'Phone Number', { phoneValue: '' }],
			['relation', 'Related Pages', { relationValue: '' }],
			// Regression (url, date): an empty URL is refused with "\"\" is not an absolute http(s) URL" and the hint
			// "Use a full URL ...", an empty date Start with the ISO 8601 hint: neither points at Clear Value.
			['url', 'URL', { urlValue: '' }],
			['date', 'Start', { dateStart: '' }],
		])('is refused for %s with the hint about Clear Value', (type, part, values) => {
			const error = invalidInput(() => propertyEntry({ name: 'Field', type, ...values }));
			expect(error.field).toBe(`Property "Field" (${part})`);
			expect(error.hint).toBe(CLEAR_HINT);
		});
	});

	describe('name and type', () => {
		it('trims the property name', () => {
			expect(propertyEntry({ name: '  Status ', type: 'select', selectValue: 'Done' })[0]).toBe('Status');
		});

		it('refuses an empty name', () => {
			const error = invalidInput(() => propertyEntry({ name: ' ', type: 'select', selectValue: 'Done' }));
			expect(error.field).toBe('Property Name');
			expect(error.hint).toMatch(/as shown in Buildin/);
		});

		it.each(['title', 'formula', 'created_time', undefined])('refuses the type %s', (type) => {
			const error = invalidInput(() =>
				propertyEntry({ name: 'Name', type: type as WritablePropertyType, textValue: 'x', clear: true }),
			);
			expect(error.field).toBe('Property "Name"');
			expect(error.message).toBe(`type ${JSON.stringify(type)} cannot be written`);
		});
	});
});

describe('propertiesFromInputs', () => {
	it('builds the properties object keyed by name', () => {
		expect(
			propertiesFromInputs([
				{ name: 'Status', type: 'select', selectValue: 'Done' },
				{ name: 'Estimate', type: 'number', numberValue: '3' },
				{ name: 'Done', type: 'checkbox', clear: true },
			]),
		).toEqual({
			Status: { type: 'select', select: { name: 'Done' } },
			Estimate: { type: 'number', number: 3 },
			Done: { type: 'checkbox', checkbox: false },
		});
	});

	it('gives an empty object for no inputs', () => {
		expect(propertiesFromInputs([])).toEqual({});
	});

	it('refuses a name given twice', () => {
		const error = invalidInput(() =>
			propertiesFromInputs([
				{ name: 'Status', type: 'select', selectValue: 'Done' },
				{ name: 'Status ', type: 'select', clear: true },
			]),
		);
		expect(error.field).toBe('Properties');
		expect(error.message).toBe('the property "Status" is set twice');
	});

	it('passes on the first invalid entry', () => {
		const error = invalidInput(() =>
			propertiesFromInputs([
				{ name: 'Status', type: 'select', selectValue: 'Done' },
				{ name: 'Estimate', type: 'number', numberValue: 'abc' },
			]),
		);
		expect(error.field).toBe('Property "Estimate" (Number)');
	});
});

describe('propertiesFromJson', () => {
	const body = { Status: { select: { name: 'Done' } } };

	it('returns an object as it is', () => {
		expect(propertiesFromJson(body)).toBe(body);
	});

	it('parses a JSON string', () => {
		expect(propertiesFromJson(JSON.stringify(body))).toEqual(body);
	});

	it('treats an empty or blank string as no properties', () => {
		expect(propertiesFromJson('')).toEqual({});
		expect(propertiesFromJson('  \n')).toEqual({});
	});

	it('refuses invalid JSON, saying so', () => {
		const error = invalidInput(() => propertiesFromJson('{"Status": '));
		expect(error.field).toBe('Properties (JSON)');
		expect(error.message).toMatch(/^is not valid JSON: /);
	});

	it.each([
		['an array', [body]],
		['a JSON array', '[{"a": 1}]'],
		['null', null],
		['JSON null', 'null'],
		['a JSON number', '42'],
		['a JSON string', '"Status"'],
		['undefined', undefined],
	])('refuses %s, showing an example object', (_label, value) => {
		const error = invalidInput(() => propertiesFromJson(value));
		expect(error.field).toBe('Properties (JSON)');
		expect(error.message).toBe('must be a JSON object keyed by property name');
		expect(JSON.parse(error.hint as string)).toEqual(expect.any(Object));
	});
});

describe('titleProperty', () => {
	it('writes the title under the given key', () => {
		expect(titleProperty('Task name', 'Release 1.2')).toEqual({
			'Task name': { type: 'title', title: [{ type: 'text', text: { content: 'Release 1.2' } }] },
		});
	});

	it('splits a long title into 2000-character items', () => {
		const title = titleProperty('title', 'a'.repeat(2500)).title as IDataObject;
		const items = title.title as Array<{ text: { content: string } }>;
		expect(items.map((item) => item.text.content.length)).toEqual([2000, 500]);
	});
});
