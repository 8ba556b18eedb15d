import { invalidInput } from '../../../support/invalidInput';
import { coverValue, iconValue, type ImageChoice } from '../../../../nodes/Buildin/helpers/icons';

describe('iconValue', () => {
	it('leaves the icon unchanged (undefined) whatever else is filled in', () => {
		expect(iconValue('unchanged', '🚀', 'https://example.com/i.png')).toBeUndefined();
	});

	it('removes the icon with null', () => {
		expect(iconValue('remove', '🚀', 'https://example.com/i.png')).toBeNull();
	});

	describe('emoji', () => {
		it.each([
			['a simple emoji', '🚀'],
			['an emoji from the BMP', '☕'],
			['an emoji with a variation selector', '❤️'],
			['a flag', '🇩🇪'],
			['a skin tone', '👍🏽'],
			['a ZWJ family', '👨‍👩‍👧‍👦'],
			['a ZWJ sequence with skin tones', '👩🏽‍❤️‍💋‍👨🏿'],
			['a keycap', '1️⃣'],
			['the # keycap', '#️⃣'],
			['a subdivision flag', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
			['the copyright sign as emoji', '©️'],
		])('accepts %s', (_label, emoji) => {
			expect(iconValue('emoji', emoji, undefined)).toEqual({ type: 'emoji', emoji });
		});

		it('trims the emoji', () => {
			expect(iconValue('emoji', ' 🚀 ', undefined)).toEqual({ type: 'emoji', emoji: '🚀' });
		});

		// Regression: the letter check /[\s\p{L}]/u refuses ℹ️ (U+2139 INFORMATION SOURCE + U+FE0F), an emoji whose base
		// character Unicode files under Letter (Ll).
		it('accepts the information emoji ℹ️', () => {
			expect(iconValue('emoji', 'ℹ️', undefined)).toEqual({ type: 'emoji', emoji: 'ℹ️' });
		});

		it.each([
			['letters', 'abc'],
			['an emoji with words', 'ok 🚀'],
			['an emoji followed by a letter', '🚀a'],
			['two emoji separated by a space', '🚀 🚀'],
			['a digit without keycap', '1'],
			['a long run of emoji', '🚀'.repeat(9)],
		])('refuses %s as not a single emoji', (_label, emoji) => {
			const error = invalidInput(() => iconValue('emoji', emoji, undefined));
			expect(error.field).toBe('Icon Emoji');
			expect(error.message).toBe(`${JSON.stringify(emoji)} is not a single emoji`);
			expect(error.hint).toContain('🚀');
		});

		it.each([
			['empty', ''],
			['blank', '   '],
			['missing', undefined],
		])('refuses an %s emoji as empty', (_label, emoji) => {
			const error = invalidInput(() => iconValue('emoji', emoji, undefined));
			expect(error.field).toBe('Icon Emoji');
			expect(error.message).toBe('is empty');
		});
	});

	describe('external', () => {
		it('points the icon at an https URL', () => {
			expect(iconValue('external', undefined, 'https://example.com/icon.png')).toEqual({
				type: 'external',
				external: { url: 'https://example.com/icon.png' },
			});
		});

		it('accepts http and trims the URL', () => {
			expect(iconValue('external', undefined, ' http://example.com/icon.png ')).toEqual({
				type: 'external',
				external: { url: 'http://example.com/icon.png' },
			});
		});

		it.each([
			['text', 'not a url'],
			['an ftp URL', 'ftp://x'],
			['a relative path', '/icon.png'],
			['nothing', ''],
		])('refuses %s', (_label, url) => {
			const error = invalidInput(() => iconValue('external', '🚀', url));
			expect(error.field).toBe('Icon URL');
			expect(error.message).toBe(`${JSON.stringify(url)} is not an absolute http(s) URL`);
		});
	});

	it('refuses an unknown choice', () => {
		const error = invalidInput(() => iconValue('file' as ImageChoice, undefined, undefined));
		expect(error.field).toBe('Icon');
	});
});

describe('coverValue', () => {
	it('leaves the cover unchanged (undefined)', () => {
		expect(coverValue('unchanged', 'https://example.com/c.png')).toBeUndefined();
	});

	it('removes the cover with null', () => {
		expect(coverValue('remove', 'https://example.com/c.png')).toBeNull();
	});

	it('points the cover at a URL', () => {
		expect(coverValue('external', 'https://example.com/cover.jpg')).toEqual({
			type: 'external',
			external: { url: 'https://example.com/cover.jpg' },
		});
	});

	it.each([
		['text', 'not a url'],
		['an ftp URL', 'ftp://x'],
		['nothing', undefined],
	])('refuses %s', (_label, url) => {
		const error = invalidInput(() => coverValue('external', url));
		expect(error.field).toBe('Cover URL');
		expect(error.hint).toMatch(/https:\/\//);
	});

	it('refuses an emoji cover, which Buildin does not have', () => {
		const error = invalidInput(() => coverValue('emoji', 'https://example.com/c.png'));
		expect(error.field).toBe('Cover');
		expect(error.message).toBe('unknown choice "emoji"');
	});
});
