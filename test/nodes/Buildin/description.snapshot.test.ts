// The editor is unchanged: the Buildin node's, the Buildin Trigger's and the credential's descriptions, parameter by
// parameter, are what test/nodes/Buildin/description.fixture.json recorded (scripts/description.js wrote it from the
// code at 602b70d, before the refactor of issue 22; rewritten only for editor changes made on purpose since, such as
// issue 20's Idempotency Key description). A failure names the parameter and the field that differs. When the editor is meant to change,
// run `npm run build && node scripts/description.js` and commit the new fixture with the change.
import type { IDataObject } from 'n8n-workflow';

import { BuildinApi } from '../../../credentials/BuildinApi.credentials';
import { Buildin } from '../../../nodes/Buildin/Buildin.node';
import { BuildinTrigger } from '../../../nodes/Buildin/BuildinTrigger.node';
import fixture from './description.fixture.json';

const { packageView } = require('../../../scripts/description');

type View = Record<string, IDataObject>;
const current: View = packageView({ Buildin, BuildinTrigger, BuildinApi });
const recorded = fixture as unknown as View;

/** Where the parameter shows: the resource and operation (or event) its displayOptions name. */
function shownFor(parameter: IDataObject): string {
	const show = ((parameter.displayOptions as IDataObject | undefined)?.show ?? {}) as IDataObject;
	const parts = ['resource', 'operation', 'event']
		.filter((key) => Array.isArray(show[key]))
		.map((key) => `${key} ${(show[key] as string[]).join('/')}`);
	return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Each parameter under a label naming it and where it shows; a repeated label gets its occurrence number. */
function labelled(properties: IDataObject[]): Array<[string, IDataObject]> {
	const seen = new Map<string, number>();
	return properties.map((parameter) => {
		const base = `${String(parameter.name)}${shownFor(parameter)}`;
		const count = (seen.get(base) ?? 0) + 1;
		seen.set(base, count);
		return [count === 1 ? base : `${base} #${count}`, parameter];
	});
}

/** The first place two JSON values differ, as `path: expected … but the code has …`; undefined when they are equal. */
function firstDifference(expected: unknown, actual: unknown, path: string): string | undefined {
	const shown = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));
	if (Array.isArray(expected) && Array.isArray(actual)) {
		for (let index = 0; index < Math.max(expected.length, actual.length); index++) {
			const difference = firstDifference(expected[index], actual[index], `${path}[${index}]`);
			if (difference) return difference;
		}
		return undefined;
	}
	const isObject = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);
	if (isObject(expected) && isObject(actual)) {
		for (const key of [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()) {
			const difference = firstDifference(expected[key], actual[key], path === '' ? key : `${path}.${key}`);
			if (difference) return difference;
		}
		return undefined;
	}
	if (JSON.stringify(expected) === JSON.stringify(actual)) return undefined;
	return `${path || '(the value)'}: expected ${shown(expected)} but the code has ${shown(actual)}`;
}

function expectSame(what: string, expected: unknown, actual: unknown): void {
	const difference = firstDifference(expected, actual, '');
	if (difference !== undefined) throw new Error(`${what} differs from the recorded description at ${difference}`);
}

/** The checks for one described part: its fields besides the parameters, the list of parameters, and each parameter. */
function describePart(title: string, recordedPart: IDataObject, currentPart: IDataObject, propertiesAt: string): void {
	const properties = (part: IDataObject) => ((propertiesAt.split('.').reduce<unknown>((value, key) => (value as IDataObject)?.[key], part) ?? []) as IDataObject[]);
	const withoutProperties = (part: IDataObject) => {
		const copy = JSON.parse(JSON.stringify(part)) as IDataObject;
		const [outer, inner] = propertiesAt.split('.');
		if (inner === undefined) delete copy[outer];
		else delete (copy[outer] as IDataObject)[inner];
		return copy;
	};
	const recordedParameters = labelled(properties(recordedPart));
	const currentParameters = new Map(labelled(properties(currentPart)));

	describe(title, () => {
		test('everything besides the parameters (names, icons, credentials, methods, entry points) is unchanged', () => {
			expectSame(title, withoutProperties(recordedPart), withoutProperties(currentPart));
		});

		test('the same parameters, in the same order', () => {
			expect(labelled(properties(currentPart)).map(([label]) => label)).toEqual(recordedParameters.map(([label]) => label));
		});

		test.each(recordedParameters)('parameter %s is unchanged', (label, parameter) => {
			if (!currentParameters.has(label)) throw new Error(`${title}: the parameter ${label} is gone`);
			expectSame(`${title} parameter ${label}`, parameter, currentParameters.get(label));
		});
	});
}

describePart('the Buildin node', recorded.buildin, current.buildin, 'description.properties');
describePart('the Buildin Trigger', recorded.buildinTrigger, current.buildinTrigger, 'description.properties');
describePart('the Buildin API credential', recorded.buildinApi, current.buildinApi, 'fields.properties');

test('a changed field fails naming the parameter and the field', () => {
	const [label, parameter] = labelled((recorded.buildin.description as IDataObject).properties as IDataObject[]).find(
		([, candidate]) => candidate.name === 'title',
	) as [string, IDataObject];
	const changed = { ...parameter, default: 'Untitled' };
	expect(label).toMatch(/^title \(resource \w+, operation \w+\)$/);
	expect(() => expectSame(`parameter ${label}`, parameter, changed)).toThrow(
		`parameter ${label} differs from the recorded description at default: expected "" but the code has "Untitled"`,
	);
});
