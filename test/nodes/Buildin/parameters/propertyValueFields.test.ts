// The shared value fields and the code that reads them must agree: each type shows the fields its value is built
// from, and nothing else.
import type { INodeProperties } from 'n8n-workflow';

import { withIncludeTime } from '../../../../nodes/Buildin/helpers/propertyValues';
import { propertyValueInputFields } from '../../../../nodes/Buildin/parameters/propertyValueFields';
import { recordProperties, RECORD_PROPERTY_TYPES } from '../../../../nodes/Buildin/helpers/schema';

const SAMPLES: Record<string, Record<string, unknown>> = {
	checkbox: { checkboxValue: true },
	date: { includeTime: true, dateStart: '2026-04-09', dateEnd: '2026-04-10', timeZone: 'Europe/Berlin' },
	email: { emailValue: 'alex@example.com' },
	files: { filesValue: 'https://example.com/a.pdf' },
	multi_select: { multiSelectValue: 'a, b' },
	number: { numberValue: 3 },
	people: { peopleValue: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' },
	phone_number: { phoneValue: '+49 30 1234567' },
	relation: { relationValue: '11111111-1111-4111-8111-111111111111' },
	rich_text: { textValue: 'Notes' },
	select: { selectValue: 'Doing' },
	title: { textValue: 'Ship v2' },
	url: { urlValue: 'https://example.com' },
};

const shownFor = (type: string) =>
	propertyValueInputFields.filter((field: INodeProperties) => {
		const show = field.displayOptions?.show?.type as string[] | undefined;
		const hide = field.displayOptions?.hide?.type as string[] | undefined;
		return field.name !== 'clear' && (show === undefined ? !hide?.includes(type) : show.includes(type));
	});

describe('propertyValueInputFields', () => {
	it.each(RECORD_PROPERTY_TYPES.map((type) => [type]))('%s shows exactly the fields its value is read from', (type) => {
		expect(shownFor(type).map((field) => field.name).sort()).toEqual(Object.keys(SAMPLES[type]).sort());
		const schema = { P: type };
		// Filled in through its own fields, the value is accepted ...
		expect(recordProperties(schema, [{ key: `P|${type}`, ...SAMPLES[type] }]).P).toMatchObject({ type });
		// ... and without them it is not (checkbox has a value either way).
		if (type !== 'checkbox') expect(() => recordProperties(schema, [{ key: `P|${type}` }])).toThrow();
	});

	it('hides the value fields while Clear Value is on, except the checkbox, which has no Clear Value', () => {
		for (const field of propertyValueInputFields) {
			if (field.name === 'clear') expect(field.displayOptions?.hide).toEqual({ type: ['checkbox'] });
			else if (field.name === 'checkboxValue') expect(field.displayOptions?.show?.clear).toBeUndefined();
			else expect(field.displayOptions?.show?.clear).toEqual([false]);
		}
	});
});

describe('Include Time', () => {
	const DATE = { name: 'Due', type: 'date' };

	test('on (the default): Start and End go on as picked or mapped', () => {
		const entry = { ...DATE, dateStart: '2026-04-09T09:30:00', dateEnd: '2026-04-10T18:00:00Z' };
		expect(withIncludeTime(entry)).toBe(entry);
		expect(withIncludeTime({ ...entry, includeTime: true })).toMatchObject({ dateStart: '2026-04-09T09:30:00' });
	});

	test('off: only the day, from the picker’s text, a date-only text, a JS Date or a Luxon DateTime', () => {
		const luxon = { toISODate: () => '2026-04-11', toISO: () => '2026-04-11T23:00:00.000+02:00' };
		expect(withIncludeTime({ ...DATE, includeTime: false, dateStart: '2026-04-09T00:00:00', dateEnd: '2026-04-10' })).toMatchObject({
			dateStart: '2026-04-09',
			dateEnd: '2026-04-10',
		});
		expect(withIncludeTime({ ...DATE, includeTime: false, dateStart: new Date('2026-04-09T12:00:00Z'), dateEnd: luxon })).toMatchObject({
			dateStart: '2026-04-09',
			dateEnd: '2026-04-11',
		});
	});

	test('off: what is not a date is left for the value checks to name', () => {
		expect(withIncludeTime({ ...DATE, includeTime: false, dateStart: 'next Friday', dateEnd: '' })).toMatchObject({
			dateStart: 'next Friday',
			dateEnd: '',
		});
		expect(() => recordProperties({ Due: 'date' }, [{ key: 'Due|date', includeTime: false, dateStart: 'next Friday' } as never])).toThrow(
			'"next Friday" is not a valid date',
		);
	});

	test('a record’s date from the picker with Include Time off is sent as an all-day date', () => {
		expect(recordProperties({ Due: 'date' }, [{ key: 'Due|date', includeTime: false, dateStart: '2026-04-09T00:00:00' } as never]).Due).toEqual({
			type: 'date',
			date: { start: '2026-04-09', end: null },
		});
	});
});
