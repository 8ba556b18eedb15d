import type { INodeProperties } from 'n8n-workflow';

/**
 * The value fields of one property entry (Clear Value plus one field per type), shared by every Properties
 * collection. Each field shows for its type, read from a sibling parameter named `type` (an options field, or the
 * hidden one a property picked from a database's schema derives), and only while Clear Value is off.
 * `propertyEntry` (helpers/propertyValues.ts) reads exactly these names; `withIncludeTime` applies Include Time.
 */

const forTypes = (...types: string[]): INodeProperties['displayOptions'] => ({ show: { type: types, clear: [false] } });

export const propertyValueInputFields: INodeProperties[] = [
	{
		displayName: 'Clear Value',
		name: 'clear',
		type: 'boolean',
		default: false,
		description: 'Whether to empty the property instead of setting a value',
		displayOptions: { hide: { type: ['checkbox'] } },
	},
	{
		displayName: 'Text',
		name: 'textValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. Ship the beta on Friday',
		description: 'Plain text; longer than 2000 characters is split into several rich-text items',
		displayOptions: forTypes('rich_text', 'title'),
	},
	{
		displayName: 'Checked',
		name: 'checkboxValue',
		type: 'boolean',
		default: false,
		description: 'Whether the checkbox is ticked',
		displayOptions: { show: { type: ['checkbox'] } },
	},
	{
		displayName: 'Include Time',
		name: 'includeTime',
		type: 'boolean',
		default: true,
		description:
			'Whether the date has a time of day. Off: only the day of Start and End is sent, an all-day date, whatever time the picker shows.',
		displayOptions: forTypes('date'),
	},
	{
		displayName: 'Start',
		name: 'dateStart',
		type: 'dateTime',
		default: '',
		description: 'When the date starts: pick it, or map an ISO 8601 date (2026-04-09) or date and time (2026-04-09T09:30:00Z)',
		displayOptions: forTypes('date'),
	},
	{
		displayName: 'End',
		name: 'dateEnd',
		type: 'dateTime',
		default: '',
		description: 'Optional end of a date range, not before the start',
		displayOptions: forTypes('date'),
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/Berlin',
		description: 'Optional IANA time zone the date is in',
		displayOptions: forTypes('date'),
	},
	{
		displayName: 'Email',
		name: 'emailValue',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		displayOptions: forTypes('email'),
	},
	{
		displayName: 'File URLs',
		name: 'filesValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/report.pdf, https://example.com/photo.png',
		description: 'Comma-separated links to files; the property is set to exactly these files',
		displayOptions: forTypes('files'),
	},
	{
		displayName: 'Option Names',
		name: 'multiSelectValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. Design, Backend',
		description: 'Comma-separated option names, or an array from an expression; the property is set to exactly these',
		displayOptions: forTypes('multi_select'),
	},
	{
		displayName: 'Number',
		name: 'numberValue',
		type: 'number',
		default: 0,
		displayOptions: forTypes('number'),
	},
	{
		displayName: 'User IDs',
		name: 'peopleValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
		description: 'Comma-separated Buildin user IDs; the property is set to exactly these people',
		displayOptions: forTypes('people'),
	},
	{
		displayName: 'Phone Number',
		name: 'phoneValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. +49 30 1234567',
		displayOptions: forTypes('phone_number'),
	},
	{
		displayName: 'Related Pages',
		name: 'relationValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. 22222222-2222-4222-8222-222222222222, https://buildin.ai/docs/33333333333343338333333333333333',
		description: 'Comma-separated page IDs or URLs; the relation is set to exactly these pages',
		displayOptions: forTypes('relation'),
	},
	{
		displayName: 'Option Name',
		name: 'selectValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. Doing',
		description: 'The option to select; Buildin creates it if the database does not have it yet',
		displayOptions: forTypes('select'),
	},
	{
		displayName: 'URL',
		name: 'urlValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com',
		displayOptions: forTypes('url'),
	},
];

/**
 * Properties, shown with Properties Input → Define Below: one entry per property, its fields `values` (a name or a
 * property picked from the database, then these value fields). `description` says what the listed properties do.
 */
export function propertiesCollection(description: string, values: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Properties',
		name: 'properties',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Property',
		default: {},
		description,
		displayOptions: { show: { propertiesInput: ['fields'] } },
		options: [{ displayName: 'Property', name: 'property', values }],
	};
}
