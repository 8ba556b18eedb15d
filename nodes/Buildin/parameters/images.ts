// Icon and Cover of a page or a database: Page → Create / Update and Database → Create / Update declare and read them
// alike.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { coverValue, iconValue, type ImageChoice } from '../helpers/icons';

/** Icon / Cover choices: an Update can also leave them alone or remove them; a new page has them or not. */
type ImageMode = 'create' | 'update';

const ICON_CHOICES = {
	emoji: { name: 'Emoji', value: 'emoji', description: 'Set an emoji as the icon' },
	external: { name: 'External URL', value: 'external', description: 'Set an image from a URL as the icon' },
	none: { name: 'None', value: 'none', description: 'Create the page without an icon' },
	unchanged: { name: 'Leave Unchanged', value: 'unchanged', description: 'Do not touch the icon' },
	remove: { name: 'Remove', value: 'remove', description: 'Remove the icon' },
};

const COVER_CHOICES = {
	external: { name: 'External URL', value: 'external', description: 'Set an image from a URL as the cover' },
	none: { name: 'None', value: 'none', description: 'Create the page without a cover' },
	unchanged: { name: 'Leave Unchanged', value: 'unchanged', description: 'Do not touch the cover' },
	remove: { name: 'Remove', value: 'remove', description: 'Remove the cover' },
};

/** Icon, Icon Emoji, Icon URL, Cover and Cover URL. */
export function imageParameters(mode: ImageMode): INodeProperties[] {
	const icon: INodeProperties =
		mode === 'create'
			? {
					displayName: 'Icon',
					name: 'icon',
					type: 'options',
					options: [ICON_CHOICES.emoji, ICON_CHOICES.external, ICON_CHOICES.none],
					default: 'none',
				}
			: {
					displayName: 'Icon',
					name: 'icon',
					type: 'options',
					options: [ICON_CHOICES.emoji, ICON_CHOICES.external, ICON_CHOICES.unchanged, ICON_CHOICES.remove],
					default: 'unchanged',
				};
	const cover: INodeProperties =
		mode === 'create'
			? {
					displayName: 'Cover',
					name: 'cover',
					type: 'options',
					options: [COVER_CHOICES.external, COVER_CHOICES.none],
					default: 'none',
				}
			: {
					displayName: 'Cover',
					name: 'cover',
					type: 'options',
					options: [COVER_CHOICES.external, COVER_CHOICES.unchanged, COVER_CHOICES.remove],
					default: 'unchanged',
				};
	return [
		icon,
		{
			displayName: 'Icon Emoji',
			name: 'iconEmoji',
			type: 'string',
			default: '',
			placeholder: 'e.g. 🚀',
			description: 'One emoji',
			displayOptions: { show: { icon: ['emoji'] } },
		},
		{
			displayName: 'Icon URL',
			name: 'iconUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/icon.png',
			displayOptions: { show: { icon: ['external'] } },
		},
		cover,
		{
			displayName: 'Cover URL',
			name: 'coverUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/cover.png',
			displayOptions: { show: { cover: ['external'] } },
		},
	];
}

/** The choice as the icon helpers know it: a new page's None sends nothing, like Leave Unchanged. */
function imageChoice(value: unknown): ImageChoice {
	return (value === 'none' ? 'unchanged' : value) as ImageChoice;
}

/** The `icon` body value: undefined sends nothing, null removes the icon. */
export function readIcon(ctx: IExecuteFunctions, itemIndex: number): IDataObject | null | undefined {
	return iconValue(
		imageChoice(ctx.getNodeParameter('icon', itemIndex)),
		ctx.getNodeParameter('iconEmoji', itemIndex, ''),
		ctx.getNodeParameter('iconUrl', itemIndex, ''),
	);
}

/** The `cover` body value: undefined sends nothing, null removes the cover. */
export function readCover(ctx: IExecuteFunctions, itemIndex: number): IDataObject | null | undefined {
	return coverValue(imageChoice(ctx.getNodeParameter('cover', itemIndex)), ctx.getNodeParameter('coverUrl', itemIndex, ''));
}
