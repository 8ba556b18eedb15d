import { expectError, MISSING_UUID, useSandbox } from './helpers';

const env = useSandbox();
const { call } = env;

describe('GET /v2/users/:user_id', () => {
	it('returns a person with the email when the token has users.email.read', async () => {
		const user = env.sb.addUser({ name: 'Alex Chen', email: 'alex@example.com', avatarUrl: 'https://example.com/a.png' });
		expect(user).toEqual({
			object: 'user', id: expect.any(String), type: 'person', name: 'Alex Chen',
			avatar_url: 'https://example.com/a.png', person: { email: 'alex@example.com' },
		});
		const res = await call('GET', `/v2/users/${user.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual(user);
	});

	it('answers person.email null without users.email.read', async () => {
		const user = env.sb.addUser({ id: '44444444-4444-4444-8444-444444444444', name: 'Alex', email: 'alex@example.com' });
		env.sb.addToken('tok_users', ['users.read']);
		const res = await call('GET', `/v2/users/${user.id.toUpperCase()}`, { token: 'tok_users' });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ id: user.id, name: 'Alex', person: { email: null } });
	});

	it('needs users.read', async () => {
		const user = env.sb.addUser({ name: 'Alex' });
		env.sb.addToken('tok_email_only', ['users.email.read']);
		const res = await call('GET', `/v2/users/${user.id}`, { token: 'tok_email_only' });
		expectError(res, 403, 'forbidden');
		expect(res.json.message).toContain('users.read');
	});

	it('answers 404 for an unknown user and 400 for a malformed id', async () => {
		expectError(await call('GET', `/v2/users/${MISSING_UUID}`), 404, 'not_found');
		const bad = await call('GET', '/v2/users/alex');
		expectError(bad, 400, 'validation_error');
		expect(bad.json.details).toEqual([{ path: 'user_id', reason: 'invalid_uuid' }]);
	});

	it('knows the workspace owner who created seeded pages, and bots by their id', async () => {
		const page = env.sb.addPage({ title: 'A' });
		const owner = await call('GET', `/v2/users/${page.created_by.id}`);
		expect(owner.json).toMatchObject({ object: 'user', type: 'person', name: 'Sandbox Owner' });
		const me = await call('GET', '/v2/users/me');
		const bot = await call('GET', `/v2/users/${me.json.id}`);
		expect(bot.json).toEqual({ object: 'user', id: me.json.id, type: 'bot', name: me.json.name, avatar_url: null, bot: {} });
	});

	it('still answers /v2/users/me before the id route', async () => {
		const res = await call('GET', '/v2/users/me');
		expect(res.json.object).toBe('bot_user');
	});

	it('addUser rejects bad input', () => {
		expect(() => env.sb.addUser({ id: 'nope', name: 'A' })).toThrow(/uuid/);
		const user = env.sb.addUser({ name: 'B' });
		expect(() => env.sb.addUser({ id: user.id, name: 'C' })).toThrow(/exists/);
	});
});
