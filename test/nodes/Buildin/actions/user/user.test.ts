// User → Get Me and User → Get through n8n's engine against the local Buildin sandbox.
import type { INodeParameters } from 'n8n-workflow';

import { ALL_SCOPES, runBuildin, useSandbox, TOKEN } from '../../../../support/workflow';

const sandbox = useSandbox();

const getUser = (userId: string): INodeParameters => ({ resource: 'user', operation: 'get', userId });
const ALEX = { id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', name: 'Alex Chen', email: 'alex@example.com', avatarUrl: 'https://example.com/alex.png' };

beforeAll(() => {
	sandbox.addUser(ALEX);
});

describe('User → Get Me', () => {
	test('returns the integration behind the token, as Buildin answers GET /v2/users/me', async () => {
		const bot = sandbox.addToken('get-me-token', ['pages.read'], { name: 'Release Bot' });

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: { resource: 'user', operation: 'getMe' } },
			{ credentials: { apiToken: 'get-me-token' } },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /v2/users/me 200']);
		expect(sandbox.requests[0].body).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual(bot);
		expect(output[0].json).toMatchObject({
			object: 'bot_user',
			name: 'Release Bot',
			capabilities: expect.objectContaining({ 'pages.read': true, 'pages.write': false, 'users.email.read': false }),
		});
	});

	test('one output per input item, each paired', async () => {
		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: { resource: 'user', operation: 'getMe' } },
			{ items: [{ n: 1 }, { n: 2 }] },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(2);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output.map((item) => item.json.object)).toEqual(['bot_user', 'bot_user']);
	});

	test('a bad token is a 401 that says to renew the credential', async () => {
		const { error } = await runBuildin(
			sandbox,
			{ parameters: { resource: 'user', operation: 'getMe' } },
			{ credentials: { apiToken: 'not-a-valid-token' } },
		);

		expect(error).toMatchObject({ httpCode: '401', description: expect.stringContaining('update the Buildin API credential') });
	});
});

describe('User → Get', () => {
	test('a person, with the email when the integration has users.email.read', async () => {
		const { output, error } = await runBuildin(sandbox, { parameters: getUser(ALEX.id) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`GET /v2/users/${ALEX.id} 200`]);
		expect(output[0].json).toEqual({
			object: 'user',
			id: ALEX.id,
			type: 'person',
			name: 'Alex Chen',
			avatar_url: 'https://example.com/alex.png',
			person: { email: 'alex@example.com' },
		});
	});

	test('without users.email.read the email is null', async () => {
		sandbox.addToken('no-email-token', ALL_SCOPES.filter((scope) => scope !== 'users.email.read'));

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: getUser(ALEX.id) },
			{ credentials: { apiToken: 'no-email-token' } },
		);

		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ id: ALEX.id, name: 'Alex Chen', person: { email: null } });
	});

	test('an ID without dashes, in upper case, from an expression, is sent in the dashed form', async () => {
		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: getUser('={{ $json.user }}') },
			{ items: [{ user: ` ${ALEX.id.replace(/-/g, '').toUpperCase()} ` }] },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe(`/v2/users/${ALEX.id}`);
		expect(output[0].json.id).toBe(ALEX.id);
	});

	test.each([
		['not an id', 'alex', '"alex" is not a Buildin user ID'],
		['a URL', 'https://buildin.ai/docs/bbbbbbbbbbbb4bbb8bbbbbbbbbbbbbbb', 'is not a Buildin user ID'],
		['empty (an expression resolving to nothing)', '', 'is empty'],
	])('%s is refused before any request, naming the field and the item', async (_label, userId, message) => {
		const { error } = await runBuildin(sandbox, { parameters: getUser('={{ $json.user }}') }, { items: [{ user: userId }] });

		expect(sandbox.requests).toHaveLength(0);
		expect(error).toMatchObject({ name: 'NodeOperationError', message: expect.stringContaining('User ID in item 0: ') });
		expect(error?.message).toContain(message);
	});

	test('a user outside the workspace is a 404', async () => {
		const stranger = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';

		const { error } = await runBuildin(sandbox, { parameters: getUser(stranger) });

		expect(sandbox.requests).toHaveLength(1);
		expect(error).toMatchObject({
			httpCode: '404',
			message: expect.stringContaining('Buildin API error 404 (not_found:'),
			description: expect.stringContaining('No user with this ID is visible to the integration'),
		});
	});

	test('without users.read: 403 naming the capability', async () => {
		sandbox.addToken('no-users-token', ['pages.read']);

		const { error } = await runBuildin(sandbox, { parameters: getUser(ALEX.id) }, { credentials: { apiToken: 'no-users-token' } });

		expect(error).toMatchObject({ httpCode: '403', description: expect.stringContaining('the users.read capability') });
	});

	test('the token never shows in the output', async () => {
		const { output } = await runBuildin(sandbox, { parameters: getUser(ALEX.id) });

		expect(JSON.stringify(output)).not.toContain(TOKEN);
	});
});
