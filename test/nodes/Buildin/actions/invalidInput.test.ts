// Bad input is refused before anything is sent, with a NodeOperationError naming the field and the item. Each row
// runs one operation through n8n's engine over one item per bad value, the value reaching the field through an
// expression as a mapped field would (`{{ $json.v }}`), with continue-on-fail: every item must fail on its own, paired,
// with `<field> in item <n>:`, and the sandbox must receive nothing.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, failureOf, runBuildin, useSandbox } from '../../../support/workflow';

const sandbox = useSandbox();

const PAGE = '11111111-1111-4111-8111-111111111111';

/**
 * The item's value `v`, with stand-ins for what JSON cannot hold: `@NaN`, `@Infinity`, `@-Infinity` give those
 * numbers, as an expression such as `{{ $json.count / 0 }}` would.
 */
const V = "={{ ({ '@NaN': NaN, '@Infinity': Infinity, '@-Infinity': -Infinity })[$json.v] ?? $json.v }}";

/** What JSON mapping hands a text field when the mapped field is no text. */
const NOT_TEXT: unknown[] = [{ a: 1 }, [1, 2], [], {}, { customer: { name: 'Ada' } }, [{ a: 1 }], ['a', 'b']];

const NOT_NUMBERS: unknown[] = [
	'0x1A', '0b101', '0o17', 'Infinity', '-Infinity', 'NaN', '1,5', '1 000', '12abc', 'abc', '', '   ', '1e', '--1',
	'+-1', '.', 'e5', true, false, {}, [], [1], null, '@NaN', '@Infinity', '@-Infinity',
];

const NOT_DATES: unknown[] = [
	'2026-04-09T10:00:00+25:00', '2026-04-09T10:00:00+05:99', '2026-04-09T10:00:00+24:00', '2026-04-09T10:00:00-24:30',
	'2026-04-09T10:00:00+0590', '2026-13-01', '2026-02-30', '2026-04-31', '2026-04-09T24:00', '2026-04-09T23:60',
	'2026-04-09T10:00:61', 'tomorrow', '09/04/2026', '2026-4-9', '', '  ', {}, [], 42, true,
];

const NOT_URLS: unknown[] = [
	'http:example.com', 'http:\\\\example.com\\x', 'javascript:alert(1)', 'ftp://example.com/f', '//example.com', 'example.com',
	'https://', 'https:// example.com', 'mailto:a@b.c', 'data:text/html,x', 'https://exa mple.com', 'https:/example.com',
	'https://user:pw@example.com', 'file:///etc/passwd', 'https://example.com/a b', '', {}, [],
];

const NOT_PHONES: unknown[] = ['javascript:1', 'call me', '12+34', 'tel:+49301234', '+', '()', '1; DROP TABLE', '<b>1</b>', '++49 30', 'x12', {}, []];

const NOT_EMAILS: unknown[] = ['a@b', 'not an email', 'a b@c.d', '@example.com', 'a@.com', 'a@@b.c', {}, []];

const NOT_LIMITS: unknown[] = [0, -5, 'abc', '@NaN', null, 1.5, '1.5', '0x10', '@Infinity', '', {}, [], -0.5, '1e400', true];

const NOT_IDS: unknown[] = ['not-an-id', '1234', 'https://example.com', 'javascript:alert(1)', '', {}, [], 42, `${PAGE}x`, PAGE.slice(1)];

/** Text nested `levels` deep as JSON: `{"a":{"a":…}}`. */
const nested = (levels: number, open = '{"a":', close = '}', leaf = '1') => `${open.repeat(levels)}${leaf}${close.repeat(levels)}`;

const pageUpdate = (parameters: INodeParameters): INodeParameters => ({ resource: 'page', operation: 'update', pageId: byId(PAGE), ...parameters });
const property = (type: string, values: IDataObject): INodeParameters =>
	pageUpdate({ properties: { property: [{ name: 'Field', type, ...values }] } as never });
const search = (parameters: INodeParameters): INodeParameters => ({ resource: 'search', operation: 'search', ...parameters });
const append = (parameters: INodeParameters): INodeParameters => ({ resource: 'block', operation: 'appendChildren', blockId: byId(PAGE), ...parameters });
const pageGet = (options: INodeParameters): INodeParameters => ({ resource: 'page', operation: 'get', pageId: byId(PAGE), options });

// [what, parameters with V where the value goes, the field the error names, the values]
const CASES: Array<[string, INodeParameters, string, unknown[]]> = [
	['Page → Update Title', pageUpdate({ title: V }), 'Title', NOT_TEXT],
	['Page → Create Title', { resource: 'page', operation: 'create', parent: 'workspace', title: V }, 'Title', NOT_TEXT],
	['Block → Append Children Text', append({ text: V }), 'Text', NOT_TEXT],
	['Block → Update Text', { resource: 'block', operation: 'update', blockId: byId(PAGE), blockType: 'paragraph', text: V }, 'Text', NOT_TEXT],
	['Search → Search Query', search({ query: V }), 'Query', NOT_TEXT],
	['Search → Semantic Search Query', { resource: 'search', operation: 'semanticSearch', query: V }, 'Query', NOT_TEXT],
	['Page → Replace Content with Markdown', { resource: 'page', operation: 'replaceMarkdown', pageId: byId(PAGE), markdown: V }, 'Markdown', NOT_TEXT],
	['Page → Update Icon Emoji', pageUpdate({ icon: 'emoji', iconEmoji: V }), 'Icon Emoji', NOT_TEXT],
	['Page → Create Idempotency Key', { resource: 'page', operation: 'create', parent: 'workspace', title: 'T', options: { idempotencyKey: V } }, 'Idempotency Key', NOT_TEXT],
	['Page → Update If-Match', pageUpdate({ title: 'T', ifMatch: V }), 'If-Match', [...NOT_TEXT, 'W/"é"', 'W/"1"\r\nX-Injected: 1', '版本']],
	['Page → Get Property', { resource: 'page', operation: 'getProperty', pageId: byId(PAGE), propertyId: V }, 'Property', [...NOT_TEXT, '', '  ']],
	['Number property', property('number', { numberValue: V }), 'Property "Field" (Number)', NOT_NUMBERS],
	['Date property, start', property('date', { dateStart: V }), 'Property "Field" (Start)', NOT_DATES],
	['Date property, end', property('date', { dateStart: '2026-04-09', dateEnd: V }), 'Property "Field" (End)', NOT_DATES.filter((value) => value !== '' && value !== '  ')],
	['URL property', property('url', { urlValue: V }), 'Property "Field" (URL)', NOT_URLS],
	['Files property', property('files', { filesValue: V }), 'Property "Field" (File URLs)', ['http:example.com', 'javascript:alert(1)', 'example.com/a.pdf', '', {}]],
	['Page → Update Icon URL', pageUpdate({ icon: 'external', iconUrl: V }), 'Icon URL', NOT_URLS],
	['Page → Update Cover URL', pageUpdate({ cover: 'external', coverUrl: V }), 'Cover URL', NOT_URLS],
	['Phone property', property('phone_number', { phoneValue: V }), 'Property "Field" (Phone Number)', NOT_PHONES],
	['Email property', property('email', { emailValue: V }), 'Property "Field" (Email)', NOT_EMAILS],
	['Checkbox property', property('checkbox', { checkboxValue: V }), 'Property "Field" (Checked)', ['yes', '1', 1, 0, 'on', {}, [], null]],
	['Select property', property('select', { selectValue: V }), 'Property "Field" (Option Name)', [{}, [], '', '  ']],
	['People property', property('people', { peopleValue: V }), 'Property "Field" (User IDs)', ['bob', 'not-a-user', '']],
	['Relation property', property('relation', { relationValue: V }), 'Property "Field" (Related Pages)', ['nope', 'https://example.com', '']],
	['Page ID', pageUpdate({ pageId: byId(V), title: 'T' }), 'Page', NOT_IDS],
	['Search → Limit', search({ returnAll: false, limit: V }), 'Limit', NOT_LIMITS],
	['Database → Query Limit', { resource: 'database', operation: 'query', databaseId: byId(PAGE), returnAll: false, limit: V }, 'Limit', NOT_LIMITS],
	['Block → Get Children Limit', { resource: 'block', operation: 'getChildren', blockId: byId(PAGE), returnAll: false, limit: V }, 'Limit', NOT_LIMITS],
	['Search → Semantic Search Limit', { resource: 'search', operation: 'semanticSearch', query: 'q', limit: V }, 'Limit', NOT_LIMITS],
	['Block → Get Children Max Depth', { resource: 'block', operation: 'getChildren', blockId: byId(PAGE), returnAll: true, recursive: true, maxDepth: V }, 'Max Depth', [0, -1, 1.5, 'x', '@NaN']],
	['Options → Timeout', pageGet({ timeout: V }), 'Timeout (Seconds)', [2_147_484, 1e10, -5, '@Infinity', 0, 'abc', {}, '@NaN', '1e3']],
	['Options → Max Retries', pageGet({ maxRetries: V }), 'Max Retries', [-1, 1.5, 21, 'x', '@Infinity', {}]],
	['Options → Max Retry Wait', pageGet({ maxRetryWait: V }), 'Max Retry Wait (Seconds)', [-1, 1e12, 'x', '@NaN']],
	['Page → Update Properties (JSON) nested 5,000 levels', pageUpdate({ propertiesInput: 'json', propertiesJson: V }), 'Properties (JSON)', [nested(5000), nested(101), '{"Status": ', '[1]', '"text"']],
	['Block → Append Children Blocks (JSON) nested 3,000 levels', append({ blocksInput: 'json', blocksJson: V }), 'Blocks (JSON)', [nested(3000, '[', ']'), nested(3000), '[{"type":']],
	[
		'Page → Create Blocks (JSON) nested 3,000 levels',
		{ resource: 'page', operation: 'create', parent: 'workspace', title: 'T', content: 'blocks', blocks: V },
		'Blocks',
		[nested(3000, '[', ']'), '{"not": "a list"}'],
	],
	['Database → Query Filter (JSON) nested 3,000 levels', { resource: 'database', operation: 'query', databaseId: byId(PAGE), filterType: 'json', filterJson: V }, 'Filter (JSON)', [nested(3000, '{"and":[', ']}', '{}'), '[]', '{']],
];

describe('bad input is refused before any request, naming the field and the item', () => {
	it('covers hundreds of values', () => {
		expect(CASES.reduce((count, [, , , values]) => count + values.length, 0)).toBeGreaterThan(300);
	});

	it.each(CASES)('%s', async (_label, parameters, field, values) => {
		const { output, error } = await runBuildin(
			sandbox,
			{ parameters, settings: { continueOnFail: true } },
			{ items: values.map((v) => ({ v }) as IDataObject) },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests).toEqual([]);
		expect(output).toHaveLength(values.length);
		output.forEach((item, index) => {
			const shown = `${JSON.stringify(values[index])}: ${failureOf(item).message}`;
			expect(shown).toMatch(new RegExp(`: ${field.replace(/[()]/g, '\\$&')} in item ${index}: `));
			// Refused by the node: no status, no Buildin code, nothing applied.
			expect(failureOf(item)).toMatchObject({ httpCode: null, code: null, requestId: null, mayHaveBeenApplied: false });
			expect(item.pairedItem).toEqual({ item: index });
		});
	});
});

describe('Concurrency and Max Concurrency, read once for the whole run', () => {
	it.each<[string, unknown]>([
		['concurrency', 0],
		['concurrency', 1.5],
		['concurrency', 101],
		['concurrency', 'x'],
		['concurrency', '@Infinity'],
		['maxConcurrency', 0],
		['maxConcurrency', -3],
		['maxConcurrency', 'many'],
	])('%s %j is refused naming the option, before anything is sent', async (option, value) => {
		const label = option === 'concurrency' ? 'Concurrency' : 'Max Concurrency';

		const { error } = await runBuildin(sandbox, { parameters: pageGet({ [option]: V }) }, { items: [{ v: value } as IDataObject] });

		expect(error).toMatchObject({ name: 'NodeOperationError', message: expect.stringMatching(new RegExp(`^${label} in item 0: `)) });
		expect(sandbox.requests).toEqual([]);
	});
});
