import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlProblem, DEFAULT_BASE_URL } from '../nodes/Buildin/transport/baseUrl';

export class BuildinApi implements ICredentialType {
	name = 'buildinApi';

	displayName = 'Buildin API';

	icon: Icon = { light: 'file:buildin.svg', dark: 'file:buildin.dark.svg' };

	documentationUrl = 'https://buildin.ai/developer-api/v2/getting-started/make-your-first-request';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The integration token from Buildin (Settings → Integrations). Sent as a Bearer token.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			placeholder: 'e.g. https://api.buildin.ai',
			description:
				'Where the Buildin API is served. Change it only for a private deployment or a local sandbox; it must use https:// unless the host is localhost.',
		},
	];

	// A function rather than a generic block, so the token is never attached to a request bound for a non-https
	// server: this also guards n8n's own credential test, which goes through here.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// The credential's own Base URL always; the request's, when it names a server of its own.
		const requestTargets = [requestOptions.baseURL, requestOptions.url].filter(
			(target): target is string => typeof target === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(target),
		);
		const problem = [String(credentials.baseUrl || DEFAULT_BASE_URL), ...requestTargets]
			.map(baseUrlProblem)
			.find((text) => text !== undefined);
		if (problem) throw new Error(problem);
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.apiToken}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v2/users/me',
			method: 'GET',
			// As in every request of the node: n8n would send the token on to wherever a redirect points.
			disableFollowRedirect: true,
		},
		// n8n's own wording for a 401 differs between versions and never says which credential field is wrong.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Buildin refused the API token (401 unauthorized): it is invalid, expired or revoked',
				},
			},
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message:
						'The Base URL answered with a redirect, which is not followed so the token goes nowhere else: set the Base URL to the API itself, e.g. https://api.buildin.ai',
				},
			})),
		],
	};
}
