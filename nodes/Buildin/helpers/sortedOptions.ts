import type { INodeProperties } from 'n8n-workflow';

/**
 * An Options collection's entries in alphabetical order of display name, as n8n lists them, when an operation's own
 * options are mixed with shared ones (requestOptionFields) whose names fall in between.
 */
export function sortedByName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en'));
}
