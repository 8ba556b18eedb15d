import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlProblem, DEFAULT_BASE_URL, requestTarget, targetProblem } from '../nodes/Buildin/transport/baseUrl';

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

	// A function rather than a generic block, so the token goes only to the Base URL, and never to a server that is not
	// https: this guards the node's requests, n8n's credential test, and an HTTP Request node given this credential
	// (Predefined Credential Type → Buildin API), whose URL the user types. A property, not a method: n8n describes a
	// credential to its editor from the credential's own properties, and the HTTP Request node lists only credential
	// types with `authenticate` among them.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL);
		const target = requestTarget(requestOptions);
		const problem = [baseUrl, target]
			.filter((url): url is string => url !== undefined)
			.map(baseUrlProblem)
			.find((text) => text !== undefined);
		if (problem) throw new Error(problem);
		const elsewhere = targetProblem(baseUrl, target);
		if (elsewhere) throw new Error(elsewhere);
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.apiToken}` },
		};
	};

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
