import {
	ID_FORMS_HINT,
	idFromIdOrUrl,
	idFromUrl,
	idList,
	listValue,
	normalizeId,
	resourceIdFromLocator,
} from '../../../../nodes/Buildin/helpers/ids';
import { invalidInput } from '../../../support/invalidInput';

const DASHED = '3f2a9c1e-4b7d-4e8f-9a01-b2c3d4e5f607';
const COMPACT = '3f2a9c1e4b7d4e8f9a01b2c3d4e5f607';
const UPPER_DASHED = DASHED.toUpperCase();
const UPPER_COMPACT = COMPACT.toUpperCase();
const OTHER = '11111111-1111-4111-8111-111111111111';

describe('normalizeId', () => {
	it('keeps a lower-case dashed id as it is', () => {
		expect(normalizeId(DASHED)).toBe(DASHED);
	});

	it('lower-cases an upper-case dashed id', () => {
		expect(normalizeId(UPPER_DASHED)).toBe(DASHED);
	});

	it('inserts the dashes into 32 hex characters', () => {
		expect(normalizeId(COMPACT)).toBe(DASHED);
	});

	it('inserts the dashes into 32 upper-case hex characters and lower-cases them', () => {
		expect(normalizeId(UPPER_COMPACT)).toBe(DASHED);
	});

	it('ignores surrounding whitespace', () => {
		expect(normalizeId(`  ${COMPACT}\n`)).toBe(DASHED);
	});

	it.each([
		['an empty string', ''],
		['whitespace', '   '],
		['other text', 'my page'],
		['31 hex characters', COMPACT.slice(0, 31)],
		['33 hex characters', `${COMPACT}0`],
		['a dashed id with a non-hex character', `g${DASHED.slice(1)}`],
		['dashes in the wrong places', '3f2a9c1e4-b7d-4e8f-9a01-b2c3d4e5f607'],
		['a URL', `https://buildin.ai/docs/${COMPACT}`],
	])('refuses %s', (_label, value) => {
		expect(normalizeId(value)).toBeUndefined();
	});
});

describe('idFromUrl', () => {
	it.each([
		['a compact id', `https://buildin.ai/docs/${COMPACT}`],
		['a dashed id', `https://buildin.ai/docs/${DASHED}`],
		['a trailing slash', `https://buildin.ai/docs/${COMPACT}/`],
		['a query string', `https://buildin.ai/docs/${COMPACT}?view=full&x=1`],
		['a fragment', `https://buildin.ai/docs/${COMPACT}#heading-2`],
		['a query string and a fragment', `https://buildin.ai/docs/${DASHED}/?a=b#c`],
		['a title slug before a compact id', `https://buildin.ai/docs/Release-Checklist-${COMPACT}`],
		['a title slug before a dashed id', `https://buildin.ai/docs/Release-Checklist-${DASHED}`],
		['a percent-encoded title slug', `https://buildin.ai/docs/Caf%C3%A9-Men%C3%BC-${COMPACT}`],
		['upper-case hex', `https://buildin.ai/docs/${UPPER_COMPACT}`],
		['upper-case hex after a slug', `https://buildin.ai/docs/Release-Checklist-${UPPER_DASHED}`],
		['plain http', `http://buildin.ai/docs/${COMPACT}`],
		['surrounding whitespace', `  https://buildin.ai/docs/${COMPACT}  `],
		['a deeper path (the last segment counts)', `https://buildin.ai/${OTHER}/docs/${COMPACT}`],
		['another id in the query or fragment (the path counts)', `https://buildin.ai/docs/${COMPACT}?next=/docs/${OTHER}#/docs/${OTHER}`],
	])('reads the id from a URL with %s', (_label, url) => {
		expect(idFromUrl(url)).toBe(DASHED);
	});

	it.each([
		['a bare id (not a URL)', COMPACT],
		['other text', 'see my page'],
		['an empty string', ''],
		['a non-http URL', `ftp://buildin.ai/docs/${COMPACT}`],
		['a mailto URL', `mailto:${COMPACT}@buildin.ai`],
		['a URL without an id', 'https://buildin.ai/docs/'],
		['a URL with only the host', 'https://buildin.ai'],
		['a URL whose id is too short', `https://buildin.ai/docs/${COMPACT.slice(1)}`],
		['a URL whose last segment is not an id', `https://buildin.ai/docs/${COMPACT}/edit`],
		['an id glued to hex text (no separator before it)', `https://buildin.ai/docs/abc${COMPACT}`],
		['an id only in the query string', `https://buildin.ai/docs?page=${COMPACT}`],
		['an id only in the fragment', `https://buildin.ai/docs#${COMPACT}`],
	])('refuses %s', (_label, url) => {
		expect(idFromUrl(url)).toBeUndefined();
	});

	// Regression: decodeURIComponent throws on a stray "%" in the last path segment, so the helper throws a URIError
	// ("URI malformed") instead of returning undefined, and the user never sees the field-naming error.
	it('does not throw on a path segment that is not valid percent-encoding', () => {
		expect(() => idFromUrl(`https://buildin.ai/docs/100%-Done-${COMPACT}`)).not.toThrow();
		expect(() => idFromUrl('https://buildin.ai/docs/%E0%A4%A')).not.toThrow();
	});
});

describe('idFromIdOrUrl', () => {
	it('accepts a bare id', () => {
		expect(idFromIdOrUrl(COMPACT)).toBe(DASHED);
	});

	it('accepts a URL', () => {
		expect(idFromIdOrUrl(`https://buildin.ai/docs/Release-Checklist-${COMPACT}`)).toBe(DASHED);
	});

	it('refuses text that is neither', () => {
		expect(idFromIdOrUrl('Release Checklist')).toBeUndefined();
	});
});

describe('resourceIdFromLocator', () => {
	describe('mode id', () => {
		it('accepts a dashed id', () => {
			expect(resourceIdFromLocator('Page', { mode: 'id', value: DASHED })).toBe(DASHED);
		});

		it('accepts a compact upper-case id', () => {
			expect(resourceIdFromLocator('Page', { mode: 'id', value: UPPER_COMPACT })).toBe(DASHED);
		});

		it('also accepts a URL pasted into the ID field', () => {
			expect(resourceIdFromLocator('Page', { mode: 'id', value: `https://buildin.ai/docs/${COMPACT}` })).toBe(DASHED);
		});

		it('treats a plain string as an id', () => {
			expect(resourceIdFromLocator('Page', ` ${COMPACT} `)).toBe(DASHED);
		});
	});

	describe('mode url', () => {
		it('accepts a URL with a title slug', () => {
			expect(resourceIdFromLocator('Page', { mode: 'url', value: `https://buildin.ai/docs/Release-Checklist-${COMPACT}` })).toBe(
				DASHED,
			);
		});

		it('refuses a bare id', () => {
			const error = invalidInput(() => resourceIdFromLocator('Page', { mode: 'url', value: COMPACT }));
			expect(error.field).toBe('Page');
			expect(error.message).toBe(`${JSON.stringify(COMPACT)} is not a Buildin ID or URL`);
		});

		// Regression: a malformed percent-escape makes idFromUrl throw a URIError, which escapes instead of the
		// InvalidInputError that names the field.
		it('refuses a URL with a malformed percent-escape with an InvalidInputError', () => {
			invalidInput(() => resourceIdFromLocator('Page', { mode: 'url', value: 'https://buildin.ai/docs/%E0%A4%A' }));
		});
	});

	describe('mode list', () => {
		it('resolves the id the list chose', () => {
			expect(resourceIdFromLocator('Page', { mode: 'list', value: COMPACT })).toBe(DASHED);
		});
	});

	describe('refusals', () => {
		it('names the field, quotes the value and hints at the accepted forms', () => {
			const error = invalidInput(() => resourceIdFromLocator('Page', { mode: 'id', value: 'not-an-id' }));
			expect(error.field).toBe('Page');
			expect(error.message).toBe('"not-an-id" is not a Buildin ID or URL');
			expect(error.hint).toBe(ID_FORMS_HINT);
		});

		it('calls an empty value an empty value', () => {
			const error = invalidInput(() => resourceIdFromLocator('Database', { mode: 'id', value: '  ' }));
			expect(error.field).toBe('Database');
			expect(error.message).toBe('an empty value is not a Buildin ID or URL');
		});

		it('refuses a missing value', () => {
			const error = invalidInput(() => resourceIdFromLocator('Page', { mode: 'id' }));
			expect(error.message).toBe('an empty value is not a Buildin ID or URL');
		});

		it('refuses a value that is not a string', () => {
			invalidInput(() => resourceIdFromLocator('Page', { mode: 'id', value: 12345 }));
		});

		it('refuses an id that is too short', () => {
			invalidInput(() => resourceIdFromLocator('Page', { mode: 'id', value: COMPACT.slice(0, 30) }));
		});

		it('refuses a non-http URL', () => {
			invalidInput(() => resourceIdFromLocator('Page', { mode: 'url', value: `ftp://buildin.ai/docs/${COMPACT}` }));
		});

		it('the hint shows both id forms and a URL', () => {
			expect(ID_FORMS_HINT).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
			expect(ID_FORMS_HINT).toMatch(/[0-9a-f]{32}/);
			expect(ID_FORMS_HINT).toContain('https://buildin.ai/docs/');
		});
	});
});

describe('listValue', () => {
	it('splits a comma-separated string and trims the entries', () => {
		expect(listValue('a, b ,c')).toEqual(['a', 'b', 'c']);
	});

	it('splits a newline-separated string', () => {
		expect(listValue('a\nb\r\nc')).toEqual(['a', 'b', 'c']);
	});

	it('splits commas and newlines mixed, dropping empty entries', () => {
		expect(listValue('a,,\n b,\n\n,c,')).toEqual(['a', 'b', 'c']);
	});

	it('takes an array from an expression entry by entry, without splitting inside entries', () => {
		expect(listValue([' a ', 'b,c', 3, ''])).toEqual(['a', 'b,c', '3']);
	});

	it('gives nothing for an empty string, null and undefined', () => {
		expect(listValue('')).toEqual([]);
		expect(listValue(null)).toEqual([]);
		expect(listValue(undefined)).toEqual([]);
		expect(listValue([])).toEqual([]);
	});

	it('turns a single number into one entry', () => {
		expect(listValue(42)).toEqual(['42']);
	});
});

describe('idList', () => {
	it('normalises comma-separated ids and URLs', () => {
		expect(idList('Related Pages', `${COMPACT}, https://buildin.ai/docs/Other-${OTHER.replace(/-/g, '')}`)).toEqual([
			DASHED,
			OTHER,
		]);
	});

	it('normalises newline-separated ids', () => {
		expect(idList('Related Pages', `${UPPER_DASHED}\n${OTHER}\n`)).toEqual([DASHED, OTHER]);
	});

	it('normalises an array of ids', () => {
		expect(idList('Related Pages', [COMPACT, OTHER])).toEqual([DASHED, OTHER]);
	});

	it('gives an empty list for an empty value', () => {
		expect(idList('Related Pages', '')).toEqual([]);
	});

	it('refuses the first entry that is not an id, naming the field and quoting the entry', () => {
		const error = invalidInput(() => idList('Related Pages', `${COMPACT}, nope, ${OTHER}`));
		expect(error.field).toBe('Related Pages');
		expect(error.message).toBe('"nope" is not a Buildin ID or URL');
		expect(error.hint).toBe(ID_FORMS_HINT);
	});
});
