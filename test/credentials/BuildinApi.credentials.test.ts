import type { IHttpRequestOptions } from 'n8n-workflow';

import { BuildinApi } from '../../credentials/BuildinApi.credentials';

const TOKEN = 'tok-5e1f0c9a7b2d4c3e';

describe('BuildinApi credential', () => {
	const credential = new BuildinApi();

	describe('description', () => {
		it('is named buildinApi', () => {
			expect(credential.name).toBe('buildinApi');
			expect(credential.displayName).toBe('Buildin API');
		});

		it('asks for the API token in a required password field', () => {
			const apiToken = credential.properties.find((property) => property.name === 'apiToken');
			expect(apiToken).toMatchObject({ type: 'string', required: true, default: '', typeOptions: { password: true } });
		});

		it('has a Base URL defaulting to https://api.buildin.ai', () => {
			const baseUrl = credential.properties.find((property) => property.name === 'baseUrl');
			expect(baseUrl).toMatchObject({ type: 'string', default: 'https://api.buildin.ai' });
			expect(baseUrl?.typeOptions?.password).toBeFalsy();
		});

		it('has exactly these two fields', () => {
			expect(credential.properties.map((property) => property.name)).toEqual(['apiToken', 'baseUrl']);
		});
	});

	describe('authenticate', () => {
		it('adds the token as a Bearer Authorization header', async () => {
			const result = await credential.authenticate(
				{ apiToken: TOKEN, baseUrl: 'https://api.buildin.ai' },
				{ url: 'https://api.buildin.ai/v2/pages/x', method: 'GET' },
			);
			expect(result.headers).toEqual({ Authorization: `Bearer ${TOKEN}` });
			expect(result.url).toBe('https://api.buildin.ai/v2/pages/x');
			expect(result.method).toBe('GET');
		});

		it('keeps the headers already set and does not mutate the options it is given', async () => {
			const options: IHttpRequestOptions = {
				url: 'https://api.buildin.ai/v2/pages/x',
				method: 'PATCH',
				headers: { accept: 'application/json', 'If-Match': 'W/"1"' },
				body: { properties: {} },
			};
			const snapshot = JSON.parse(JSON.stringify(options));
			const result = await credential.authenticate({ apiToken: TOKEN, baseUrl: 'https://api.buildin.ai' }, options);
			expect(result.headers).toEqual({
				accept: 'application/json',
				'If-Match': 'W/"1"',
				Authorization: `Bearer ${TOKEN}`,
			});
			expect(result.body).toEqual({ properties: {} });
			expect(options).toEqual(snapshot);
			expect(options.headers).not.toHaveProperty('Authorization');
		});

		it('allows plain http to a loopback server', async () => {
			const result = await credential.authenticate(
				{ apiToken: TOKEN, baseUrl: 'http://127.0.0.1:4010' },
				{ url: 'http://127.0.0.1:4010/v2/users/me' },
			);
			expect(result.headers).toEqual({ Authorization: `Bearer ${TOKEN}` });
		});

		it('checks baseURL plus a relative url, as the credential test sends them', async () => {
			const result = await credential.authenticate(
				{ apiToken: TOKEN, baseUrl: 'https://api.buildin.ai' },
				{ baseURL: 'https://api.buildin.ai', url: '/v2/users/me' },
			);
			expect(result.headers).toEqual({ Authorization: `Bearer ${TOKEN}` });
		});

		it('refuses a non-loopback http Base URL in the credential, without revealing the token', async () => {
			const attempt = credential.authenticate(
				{ apiToken: TOKEN, baseUrl: 'http://api.example.com' },
				{ url: 'https://api.buildin.ai/v2/users/me' },
			);
			await expect(attempt).rejects.toThrow(/clear text/);
			await expect(attempt).rejects.not.toThrow(TOKEN);
		});

		it('refuses a non-loopback http baseURL in the request options, without revealing the token', async () => {
			const attempt = credential.authenticate(
				{ apiToken: TOKEN, baseUrl: 'https://api.buildin.ai' },
				{ baseURL: 'http://api.example.com', url: '/v2/users/me' },
			);
			await expect(attempt).rejects.toThrow(/clear text/);
			await expect(attempt).rejects.not.toThrow(TOKEN);
		});

		it('refuses a non-loopback http request url', async () => {
			await expect(
				credential.authenticate({ apiToken: TOKEN, baseUrl: 'https://api.buildin.ai' }, { url: 'http://10.0.0.1/v2/users/me' }),
			).rejects.toThrow(/https:\/\//);
		});

		// An HTTP Request node given this credential sends wherever its URL says; the token goes only to the Base URL.
		describe('only to the Base URL', () => {
			const refused = async (baseUrl: string, options: Record<string, unknown>) => {
				const attempt = credential.authenticate({ apiToken: TOKEN, baseUrl }, options as unknown as IHttpRequestOptions);
				await expect(attempt).rejects.toThrow(/sends its token only to its Base URL/);
				await expect(attempt).rejects.not.toThrow(TOKEN);
			};

			it('refuses another host, another port and another scheme', async () => {
				await refused('https://api.buildin.ai', { url: 'https://example.com/v2/users/me' });
				await refused('https://api.buildin.ai', { url: 'https://api.buildin.ai.example.com/v2/users/me' });
				await refused('http://127.0.0.1:4010', { url: 'http://127.0.0.1:4011/v2/users/me' });
				await refused('https://localhost:4010', { url: 'http://localhost:4010/v2/users/me' });
			});

			it("refuses a path outside a Base URL's path", async () => {
				await refused('https://proxy.example.com/buildin', { url: 'https://proxy.example.com/other/v2/users/me' });
				await refused('https://proxy.example.com/buildin', { url: 'https://proxy.example.com/buildin-other/v2/users/me' });
			});

			it('reads n8n’s older request options (uri), as the HTTP Request node sends them', async () => {
				await refused('https://api.buildin.ai', { uri: 'https://example.com/v2/users/me', method: 'GET' });
				const result = await credential.authenticate(
					{ apiToken: TOKEN, baseUrl: 'https://api.buildin.ai' },
					{ uri: 'https://api.buildin.ai/v2/search', method: 'POST' } as unknown as IHttpRequestOptions,
				);
				expect(result.headers).toEqual({ Authorization: `Bearer ${TOKEN}` });
			});

			it('accepts any path below the Base URL, its own path and a trailing slash', async () => {
				const accepted = async (baseUrl: string, options: Record<string, unknown>) =>
					expect((await credential.authenticate({ apiToken: TOKEN, baseUrl }, options as unknown as IHttpRequestOptions)).headers).toEqual({
						Authorization: `Bearer ${TOKEN}`,
					});
				await accepted('https://api.buildin.ai/', { url: 'https://API.buildin.ai:443/v2/pages/x?a=1' });
				await accepted('https://proxy.example.com/buildin/', { url: 'https://proxy.example.com/buildin/v2/users/me' });
				await accepted('https://proxy.example.com/buildin', { baseURL: 'https://proxy.example.com/buildin/', url: '/v2/users/me' });
			});

			it('refuses a request that names no server', async () => {
				await refused('https://api.buildin.ai', { url: '/v2/users/me' });
			});
		});

		it("is one of the credential's own properties, which n8n hands to its editor (the HTTP Request node lists it)", () => {
			// n8n copies a credential's own properties when it describes it to the editor ({ ...credential }); the
			// HTTP Request node's Credential Type list offers the types whose description has `authenticate`.
			expect({ ...credential }.authenticate).toBeInstanceOf(Function);
		});

		it('refuses a Base URL that is not a URL', async () => {
			await expect(
				credential.authenticate({ apiToken: TOKEN, baseUrl: 'api.buildin.ai' }, { url: 'https://api.buildin.ai/v2/users/me' }),
			).rejects.toThrow(/is not a URL/);
		});
	});

	describe('test request', () => {
		it('is GET /v2/users/me below the Base URL', () => {
			expect(credential.test.request.method).toBe('GET');
			expect(credential.test.request.url).toBe('/v2/users/me');
			expect(credential.test.request.baseURL).toContain('$credentials.baseUrl');
		});

		it('does not follow redirects, and says so for each redirect status', () => {
			expect(credential.test.request.disableFollowRedirect).toBe(true);
			const redirectRules = (credential.test.rules ?? []).filter((rule) => rule.type === 'responseCode' && rule.properties.value !== 401);
			expect(redirectRules.map((rule) => (rule.properties as { value: number }).value)).toEqual([301, 302, 303, 307, 308]);
			for (const rule of redirectRules) expect((rule.properties as { message: string }).message).toContain('redirect');
		});

		it('strips trailing slashes from the Base URL', () => {
			const expression = credential.test.request.baseURL as string;
			// The expression's body, evaluated the way n8n would with the Base URL in $credentials.
			const body = expression.replace(/^=\{\{/, '').replace(/\}\}$/, '');
			const evaluate = new Function('$credentials', `return ${body};`) as (credentials: { baseUrl: string }) => string;
			expect(evaluate({ baseUrl: 'https://api.buildin.ai//' })).toBe('https://api.buildin.ai');
			expect(evaluate({ baseUrl: 'http://127.0.0.1:4010' })).toBe('http://127.0.0.1:4010');
		});
	});
});
