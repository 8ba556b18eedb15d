import { RICH_TEXT_ITEM_MAX_LENGTH, splitText, toRichText } from '../../../../nodes/Buildin/helpers/richText';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Text of `length` UTF-16 units that is not one repeated character, so a misplaced cut would show. */
function text(length: number): string {
	let result = '';
	for (let i = 0; result.length < length; i++) result += String.fromCharCode(97 + (i % 26));
	return result;
}

describe('splitText', () => {
	it('uses 2000 as the default chunk size', () => {
		expect(RICH_TEXT_ITEM_MAX_LENGTH).toBe(2000);
	});

	it('gives no chunks for empty text', () => {
		expect(splitText('')).toEqual([]);
	});

	it('keeps short text in one chunk', () => {
		expect(splitText('Hello')).toEqual(['Hello']);
	});

	it('keeps exactly 2000 characters in one chunk', () => {
		const input = text(2000);
		expect(splitText(input)).toEqual([input]);
	});

	it('splits 2001 characters into 2000 and 1', () => {
		const input = text(2001);
		const chunks = splitText(input);
		expect(chunks.map((chunk) => chunk.length)).toEqual([2000, 1]);
		expect(chunks.join('')).toBe(input);
	});

	it('splits 4500 characters into 2000, 2000 and 500, which rejoin to the original', () => {
		const input = text(4500);
		const chunks = splitText(input);
		expect(chunks.map((chunk) => chunk.length)).toEqual([2000, 2000, 500]);
		expect(chunks.join('')).toBe(input);
	});

	it('honours a custom chunk size', () => {
		expect(splitText('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
	});

	it('does not cut an emoji that straddles the 2000 boundary', () => {
		// 1999 characters, then 🚀 occupies units 1999 and 2000: a naive cut at 2000 would split its surrogate pair.
		const input = `${text(1999)}🚀${text(10)}`;
		const chunks = splitText(input);
		expect(chunks).toEqual([text(1999), `🚀${text(10)}`]);
		expect(chunks.join('')).toBe(input);
	});

	it('keeps an emoji that ends exactly at the boundary in the first chunk', () => {
		const input = `${text(1998)}🚀${text(5)}`;
		expect(splitText(input)).toEqual([`${text(1998)}🚀`, text(5)]);
	});

	it('never ends a chunk on a high surrogate or starts one on a low surrogate in text full of emoji', () => {
		const input = `x${'😀'.repeat(3000)}`; // odd offset so every boundary falls inside a pair
		const chunks = splitText(input);
		expect(chunks.join('')).toBe(input);
		for (const chunk of chunks) {
			expect(chunk.length).toBeLessThanOrEqual(2000);
			expect(isHighSurrogate(chunk.charCodeAt(chunk.length - 1))).toBe(false);
			expect(isLowSurrogate(chunk.charCodeAt(0))).toBe(false);
		}
	});
});

describe('toRichText', () => {
	it('wraps text in one text item', () => {
		expect(toRichText('Hello')).toEqual([{ type: 'text', text: { content: 'Hello' } }]);
	});

	it('gives an empty array for empty text', () => {
		expect(toRichText('')).toEqual([]);
	});

	it('gives one item per 2000-character chunk', () => {
		const input = text(4500);
		const items = toRichText(input);
		expect(items).toHaveLength(3);
		for (const item of items) expect(Object.keys(item).sort()).toEqual(['text', 'type']);
		expect(items.map((item) => (item.text as { content: string }).content).join('')).toBe(input);
	});
});
