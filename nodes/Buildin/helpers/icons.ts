import type { IDataObject } from 'n8n-workflow';

import { InvalidInputError } from './errors';
import { requireHttpUrl, requireText } from './validate';

/** What the Icon and Cover parameters can ask for. */
export type ImageChoice = 'unchanged' | 'emoji' | 'external' | 'remove';

// Buildin has no length rule for emoji icons; a few code points covers flags, skin tones and ZWJ sequences.
const MAX_EMOJI_LENGTH = 16;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters: a flag, a skin-toned hand or a ZWJ family is one. */
function graphemeCount(text: string): number {
	return [...graphemes.segment(text)].length;
}

/** The `icon` body value: undefined leaves it unchanged, null removes it. */
export function iconValue(choice: ImageChoice, emoji: unknown, url: unknown): IDataObject | null | undefined {
	switch (choice) {
		case 'unchanged':
			return undefined;
		case 'remove':
			return null;
		case 'emoji': {
			const text = requireText('Icon Emoji', emoji, 'Enter one emoji, e.g. 🚀');
			if (text.length > MAX_EMOJI_LENGTH || graphemeCount(text) !== 1 || !EMOJI.test(text)) {
				throw new InvalidInputError('Icon Emoji', `${JSON.stringify(text)} is not a single emoji`, 'Enter one emoji, e.g. 🚀');
			}
			return { type: 'emoji', emoji: text };
		}
		case 'external':
			return { type: 'external', external: { url: requireHttpUrl('Icon URL', url) } };
	}
	throw new InvalidInputError('Icon', `unknown choice ${JSON.stringify(choice)}`);
}

/** The `cover` body value: undefined leaves it unchanged, null removes it. Buildin covers are images by URL. */
export function coverValue(choice: ImageChoice, url: unknown): IDataObject | null | undefined {
	switch (choice) {
		case 'unchanged':
			return undefined;
		case 'remove':
			return null;
		case 'external':
			return { type: 'external', external: { url: requireHttpUrl('Cover URL', url) } };
	}
	throw new InvalidInputError('Cover', `unknown choice ${JSON.stringify(choice)}`);
}
