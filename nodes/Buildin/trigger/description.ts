// The Buildin Trigger's parameters. n8n adds Poll Times itself (polling: true).
import type { INodeProperties } from 'n8n-workflow';

import { filterParameters } from '../parameters/filter';
import { databaseLocator } from '../parameters/locators';
import { simplifyField } from '../parameters/results';
import type { TriggerEvent } from './plan';

/** The events that watch one database. */
export const RECORD_EVENTS: TriggerEvent[] = ['recordAdded', 'recordUpdated', 'recordAddedOrUpdated'];

/** The events whose updates Watch Properties can narrow down. */
const UPDATE_EVENTS: TriggerEvent[] = ['recordUpdated', 'recordAddedOrUpdated'];

/** The trigger's numbers under Options: their labels, defaults and bounds, for the editor and for poll.ts's checks. */
export const TRIGGER_NUMBERS = {
	lookbackHours: { label: 'Hours to Look Back', default: 24, min: 1, max: 720 },
	maxItems: { label: 'Max Items per Poll', default: 50, min: 1, max: 500 },
};

const forRecordEvents = (parameter: INodeProperties): INodeProperties => ({
	...parameter,
	displayOptions: { ...parameter.displayOptions, show: { ...parameter.displayOptions?.show, event: RECORD_EVENTS } },
});

/** Query's Filter, said the way a trigger uses it. */
const filterFields = filterParameters.map((parameter) =>
	parameter.name === 'filterType'
		? {
				...parameter,
				options: parameter.options?.map((option) =>
					'value' in option && option.value === 'none' ? { ...option, description: 'Every record of the database can start the workflow' } : option,
				),
				description: 'Which records can start the workflow; each poll combines it with its time window',
			}
		: parameter,
);

const { lookbackHours: { default: lookbackHours }, maxItems: { default: maxItems } } = TRIGGER_NUMBERS;

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Page Added or Updated in the Workspace',
				value: 'pageAddedOrUpdated',
				description: 'A page the integration can see was created or edited, database records included',
			},
			{
				name: 'Record Added or Updated',
				value: 'recordAddedOrUpdated',
				description: 'A record was created in the database or edited; each item says which in its event field',
			},
			{ name: 'Record Added to Database', value: 'recordAdded', description: 'A record was created in the database' },
			{
				name: 'Record Updated in Database',
				value: 'recordUpdated',
				description: 'A record that existed at the previous poll was edited (new records do not count)',
			},
		],
		default: 'recordAdded',
		description: 'What starts the workflow. Changing it, the database or the filter starts over from now.',
	},
	forRecordEvents({ ...databaseLocator, description: 'The Buildin database to watch' }),
	...filterFields.map(forRecordEvents),
	{
		...simplifyField,
		description:
			'Whether to output each record or page with its property values as plain values keyed by property name (plus event), instead of the object as Buildin returns it',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'First Activation',
				name: 'firstActivation',
				type: 'options',
				options: [
					{
						name: 'Changes From Now On',
						value: 'now',
						description: 'The first poll only notes where Buildin is now; what changes later starts the workflow',
					},
					{
						name: 'Changes in the Last Hours',
						value: 'lastHours',
						description: 'The first poll also starts the workflow for what changed in the hours before (Hours to Look Back)',
					},
				],
				default: 'now',
				description:
					'What happens when the workflow is first activated, or after the event, the database or the filter changed',
			},
			{
				displayName: TRIGGER_NUMBERS.lookbackHours.label,
				name: 'lookbackHours',
				type: 'number',
				typeOptions: { minValue: TRIGGER_NUMBERS.lookbackHours.min, maxValue: TRIGGER_NUMBERS.lookbackHours.max },
				default: lookbackHours,
				description: 'How many hours before the first activation count as changes (by Buildin’s clock)',
				displayOptions: { show: { firstActivation: ['lastHours'] } },
			},
			{
				displayName: TRIGGER_NUMBERS.maxItems.label,
				name: 'maxItems',
				type: 'number',
				typeOptions: { minValue: TRIGGER_NUMBERS.maxItems.min, maxValue: TRIGGER_NUMBERS.maxItems.max },
				default: maxItems,
				description:
					'The most changes one poll starts the workflow with. The rest come at the next polls, oldest first, so a backlog after downtime drains without a flood.',
			},
			{
				displayName: 'Watch Property Names or IDs',
				name: 'watchProperties',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getAllProperties', loadOptionsDependsOn: ['databaseId.value'] },
				default: [],
				description:
					'Start the workflow for an update only when one of these properties really changed value. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { '/event': UPDATE_EVENTS } },
			},
		],
	},
];
