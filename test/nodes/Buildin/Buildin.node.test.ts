// n8n's editor conventions (its UX guidelines for community nodes), checked on every parameter the node shows, so a
// new parameter cannot drift from them. The README's "Editor conventions" section lists the deliberate exceptions.
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { Buildin } from '../../../nodes/Buildin/Buildin.node';

const description = new Buildin().description;

/** Every parameter, nested ones (collections, fixed collections) included. */
function everyParameter(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option) return everyParameter((option as INodePropertyCollection).values);
			if ('displayName' in option && 'type' in option) return everyParameter([option as INodeProperties]);
			return [];
		});
		return [property, ...nested];
	});
}

const parameters = everyParameter(description.properties);
const staticOptions = (parameter: INodeProperties) =>
	parameter.type === 'options' || parameter.type === 'multiOptions' ? ((parameter.options ?? []) as INodePropertyOptions[]) : [];

describe('the Buildin node’s parameters follow n8n’s editor conventions', () => {
	test('placeholders show an example starting with "e.g." (besides n8n’s "Add …" and "Select a …" labels)', () => {
		const placeholders = [
			...parameters.map((parameter) => parameter.placeholder),
			...parameters.flatMap((parameter) => (parameter.modes ?? []).map((mode) => mode.placeholder)),
		].filter((placeholder): placeholder is string => typeof placeholder === 'string');
		expect(placeholders.length).toBeGreaterThan(40);
		expect(placeholders.filter((placeholder) => !/^(e\.g\. |Add |Select a )/.test(placeholder))).toEqual([]);
	});

	test('every list of choices is sorted by name', () => {
		const unsorted = parameters
			.map((parameter) => ({ name: parameter.name, order: staticOptions(parameter).map((option) => option.name) }))
			.filter(({ order }) => order.join('\n') !== [...order].sort((a, b) => a.localeCompare(b, 'en')).join('\n'));
		expect(unsorted).toEqual([]);
	});

	test('actions are in sentence case, name their resource and use no articles', () => {
		const actions = parameters
			.filter((parameter) => parameter.name === 'operation')
			.flatMap((parameter) => staticOptions(parameter).map((option) => option.action as string));
		expect(actions).toHaveLength(27);
		for (const action of actions) {
			expect(action).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
			expect(action.split(' ')).not.toEqual(expect.arrayContaining(['a', 'an', 'the']));
		}
	});

	test('list operations are called Get Many', () => {
		const names = parameters.filter((parameter) => parameter.name === 'operation').flatMap((parameter) => staticOptions(parameter));
		expect(names.find((option) => option.value === 'query')).toMatchObject({ name: 'Get Many Records', action: 'Get many database records' });
		expect(names.find((option) => option.value === 'getChildren')).toMatchObject({ name: 'Get Many Children', action: 'Get many child blocks' });
	});

	test('booleans say "Whether …"', () => {
		const booleans = parameters.filter((parameter) => parameter.type === 'boolean');
		expect(booleans.filter((parameter) => !parameter.description?.startsWith('Whether'))).toEqual([]);
	});

	test('Simplify: n8n’s wording, on by default', () => {
		const simplify = parameters.filter((parameter) => parameter.name === 'simplify');
		expect(simplify.length).toBe(12);
		for (const parameter of simplify) {
			expect(parameter).toMatchObject({
				displayName: 'Simplify',
				default: true,
				description: 'Whether to return a simplified version of the response instead of the raw data',
			});
		}
	});

	test('every Limit defaults to 50', () => {
		const limits = parameters.filter((parameter) => parameter.name === 'limit');
		expect(limits.map((parameter) => parameter.default)).toEqual(limits.map(() => 50));
	});

	test('sorting sits in its own collection, below Options', () => {
		for (const operation of ['search', 'query']) {
			const names = description.properties
				.filter((parameter) => (parameter.displayOptions?.show?.operation as string[] | undefined)?.includes(operation))
				.map((parameter) => parameter.name);
			expect(names.slice(-2)).toEqual(['options', 'sort']);
		}
	});

	test('Options offers Concurrency where items run at once, and not on the batch operation, which sends one batch after another', () => {
		const optionsOf = (parameter: INodeProperties) => (parameter.options as INodeProperties[]).map((option) => option.name);
		const collections = description.properties.filter((parameter) => parameter.name === 'options');
		const batch = collections.filter((parameter) => parameter.displayOptions?.show?.operation?.includes('createOrUpdateRecords'));
		expect(batch).toHaveLength(1);
		expect(optionsOf(batch[0])).toEqual(['maxRetries', 'maxRetryWait', 'timeout']);
		for (const collection of collections.filter((parameter) => !batch.includes(parameter))) {
			expect(optionsOf(collection)).toEqual(expect.arrayContaining(['concurrency', 'maxConcurrency', 'maxRetries', 'maxRetryWait', 'timeout']));
		}
	});

	test('jargon gets a one-line hint saying what it does for the user', () => {
		for (const name of ['ifMatch', 'idempotencyKey']) {
			const parameter = parameters.find((candidate) => candidate.name === name);
			expect(parameter?.hint).toMatch(/^[A-Z][^.]+$/);
		}
	});
});
