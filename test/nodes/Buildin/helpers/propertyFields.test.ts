// The shared value fields and the code that reads them must agree: each type shows the fields its value is built
// from, and nothing else.
import type { INodeProperties } from 'n8n-workflow';

import { propertyValueInputFields } from '../../../../nodes/Buildin/helpers/propertyFields';
import { recordProperties, RECORD_PROPERTY_TYPES } from '../../../../nodes/Buildin/helpers/schema';

const SAMPLES: Record<string, Record<string, unknown>> = {
	checkbox: { checkboxValue: true },
	date: { dateStart: '2026-04-09', dateEnd: '2026-04-10', timeZone: 'Europe/Berlin' },
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
