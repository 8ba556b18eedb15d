import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * An Options collection's entries in alphabetical order of display name, as n8n lists them, when an operation's own
 * options are mixed with shared ones (requestOptionFields) whose names fall in between.
 */
export function sortedByName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en'));
}

/** The choices of an options parameter from a table of value → display name, sorted by name as n8n lists them. */
export function choicesByName(values: readonly string[], names: Readonly<Record<string, string>>): INodePropertyOptions[] {
	return values.map((value) => ({ name: names[value], value })).sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
