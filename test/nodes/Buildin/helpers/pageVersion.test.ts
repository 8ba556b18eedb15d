import { pageVersion, withPageVersion } from '../../../../nodes/Buildin/helpers/pageVersion';

const EDITED = '2026-04-09T09:30:00.000Z';

describe('pageVersion', () => {
	it('uses the ETag header when present (headers arrive lower-cased)', () => {
		expect(pageVersion({ etag: '"v42"' }, { last_edited_time: EDITED })).toBe('"v42"');
	});

	it('keeps a weak ETag header as it is', () => {
		expect(pageVersion({ etag: 'W/"abc"' }, {})).toBe('W/"abc"');
	});

	it('also reads an ETag header spelt ETag', () => {
		expect(pageVersion({ ETag: '"v7"' }, { last_edited_time: EDITED })).toBe('"v7"');
	});

	it('falls back to the weak ETag from last_edited_time without the header', () => {
		expect(pageVersion({}, { last_edited_time: EDITED })).toBe(`W/"${EDITED}"`);
	});

	it('falls back to last_edited_time when the ETag header is empty', () => {
		expect(pageVersion({ etag: '' }, { last_edited_time: EDITED })).toBe(`W/"${EDITED}"`);
	});

	it('ignores an ETag header that is not a string', () => {
		expect(pageVersion({ etag: ['"a"', '"b"'] }, { last_edited_time: EDITED })).toBe(`W/"${EDITED}"`);
	});

	it('is undefined with neither a header nor last_edited_time', () => {
		expect(pageVersion({}, { id: 'x' })).toBeUndefined();
	});

	it('is undefined when last_edited_time is not a string', () => {
		expect(pageVersion({}, { last_edited_time: null })).toBeUndefined();
	});
});

describe('withPageVersion', () => {
	it('adds the version as etag next to the page fields', () => {
		const page = { object: 'page', id: 'p1', last_edited_time: EDITED };
		expect(withPageVersion(page, { etag: '"v3"' })).toEqual({ ...page, etag: '"v3"' });
	});

	it('adds the fallback version when there is no header', () => {
		const page = { object: 'page', id: 'p1', last_edited_time: EDITED };
		expect(withPageVersion(page, {}).etag).toBe(`W/"${EDITED}"`);
	});

	it('sets etag to null when the version is unknown', () => {
		const result = withPageVersion({ object: 'page', id: 'p1' }, {});
		expect(result).toHaveProperty('etag', null);
	});

	it('does not mutate the page it is given', () => {
		const page = { object: 'page', id: 'p1', last_edited_time: EDITED };
		const snapshot = JSON.parse(JSON.stringify(page));
		const result = withPageVersion(page, { etag: '"v3"' });
		expect(page).toEqual(snapshot);
		expect(page).not.toHaveProperty('etag');
		expect(result).not.toBe(page);
	});
});
